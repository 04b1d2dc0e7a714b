package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter(lines::add);

    private void feedByteByByte(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            splitter.accept(new byte[] {b}, 0, 1);
        }
    }

    @Test
    void endsLinesAtNewlinesCarriageReturnsAndBoth() {
        feedByteByByte("one\ntwo\r\n\rprogress 1\rprogress 2\r\nthree\n\nlast");
        splitter.finish();

        assertThat(lines).containsExactly("one", "two", "progress 1", "progress 2", "three", "", "last");
    }

    @Test
    void decodesUtf8AcrossChunks() {
        feedByteByByte("zwei – drei\nfünf\n");

        assertThat(lines).containsExactly("zwei – drei", "fünf");
    }

    @Test
    void keepsOnlyTheBeginningOfAVeryLongLineWithoutSplittingACharacter() {
        byte[] longLine = ("é".repeat(LineSplitter.MAX_LINE_BYTES) + "\nnext\n").getBytes(StandardCharsets.UTF_8);
        splitter.accept(longLine, 0, longLine.length);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(LineSplitter.MAX_LINE_BYTES / 2).matches("é+");
        assertThat(lines.get(1)).isEqualTo("next");
    }
}
