package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.port.out.RunExecutor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that wants every byte of a run's output, as an echo would, and keeps what it heard. */
class EchoedOutput implements RunExecutor.OutputListener {
    /** Hears nothing. */
    static final RunExecutor.OutputListener NONE = new RunExecutor.OutputListener() { };

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<String> latestLines = new CopyOnWriteArrayList<>();
    int blocks;

    @Override
    public boolean wantsEveryByte() {
        return true;
    }

    @Override
    public synchronized void output(byte[] block, int offset, int length) {
        bytes.write(block, offset, length);
        blocks++;
    }

    @Override
    public void latestLine(String line) {
        latestLines.add(line);
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The echoed output cut into lines as the run's parsers cut them. */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        LineSplitter splitter = LineSplitter.decoding(lines::add);
        byte[] all = bytes.toByteArray();
        splitter.accept(all, 0, all.length);
        splitter.finish();
        return lines;
    }
}
