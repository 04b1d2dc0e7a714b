package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter = LineSplitter.decoding(lines::add);

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

    @Test
    void cutsTheSameLinesWhateverTheChunksAre() {
        String text = "one\r\ntwo\r\r\nthree\n\n\rfour\rfive\r" + "x".repeat(70_000) + "\nsix";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> whole = new ArrayList<>();
        LineSplitter once = LineSplitter.decoding(whole::add);
        once.accept(bytes, 0, bytes.length);
        once.finish();
        for (int chunk : new int[] {1, 2, 3, 7, 4096, 65_537}) {
            List<String> pieces = new ArrayList<>();
            LineSplitter chunked = LineSplitter.decoding(pieces::add);
            for (int at = 0; at < bytes.length; at += chunk) {
                chunked.accept(bytes, at, Math.min(chunk, bytes.length - at));
            }
            chunked.finish();
            assertThat(pieces).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
        assertThat(whole).containsExactly("one", "two", "", "three", "", "four", "five",
                "x".repeat(LineSplitter.MAX_LINE_BYTES), "six");
    }

    @Test
    void handsOutRangesOfTheBufferItWasGivenWithoutCopying() {
        byte[] chunk = "abc\ndef\n".getBytes(StandardCharsets.US_ASCII);
        List<byte[]> buffers = new ArrayList<>();
        new LineSplitter((bytes, start, end) -> buffers.add(bytes)).accept(chunk, 0, chunk.length);

        assertThat(buffers).hasSize(2).allSatisfy(buffer -> assertThat(buffer).isSameAs(chunk));
    }
}
