package dev.offloadbench.adapters.process;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.port.out.CommandRunner;
import dev.offloadbench.domain.port.out.MachineProbe;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this machine is and how busy it is, on Linux ({@code /proc}, {@code ps}) and macOS
 * ({@code sysctl}, {@code ps}). Other systems get no description and the JVM's load average.
 */
public final class SystemMachineProbe implements MachineProbe {
    static final int BUSIEST = 5;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern PS_LINE = Pattern.compile("^\\s*(\\d+)\\s+([0-9]+(?:[.,][0-9]+)?)\\s+(.+?)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    private final CommandRunner runner;
    private final String osName;
    private final Path procRoot;
    private final long ownPid;

    public SystemMachineProbe() {
        this(new ProcessCommandRunner());
    }

    /** This machine, asking its commands ({@code ps}, {@code sysctl}) through {@code runner}. */
    public SystemMachineProbe(CommandRunner runner) {
        this(runner, System.getProperty("os.name", ""), Path.of("/proc"));
    }

    /**
     * @param osName as in the {@code os.name} system property ("Linux", "Mac OS X")
     * @param procRoot where Linux's {@code /proc} is
     */
    public SystemMachineProbe(CommandRunner runner, String osName, Path procRoot) {
        this.runner = runner;
        this.osName = osName;
        this.procRoot = procRoot;
        this.ownPid = ProcessHandle.current().pid();
    }

    private boolean linux() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private boolean mac() {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    @Override
    public Optional<String> describe() {
        if (linux()) {
            Optional<String> model = readProc("cpuinfo").flatMap(SystemMachineProbe::cpuModel);
            OptionalLong memory = readProc("meminfo").map(SystemMachineProbe::memTotalGb).orElse(OptionalLong.empty());
            return Optional.of(linuxDescription(model, cores(), memory));
        }
        if (mac()) {
            Optional<String> brand = sysctl("machdep.cpu.brand_string");
            int cpus = sysctl("hw.ncpu").map(SystemMachineProbe::integer).flatMap(SystemMachineProbe::present)
                    .orElse(cores());
            OptionalInt performance = sysctl("hw.perflevel0.physicalcpu").map(SystemMachineProbe::integer)
                    .orElse(OptionalInt.empty());
            OptionalInt efficiency = sysctl("hw.perflevel1.physicalcpu").map(SystemMachineProbe::integer)
                    .orElse(OptionalInt.empty());
            OptionalLong memory = sysctl("hw.memsize").map(SystemMachineProbe::bytesToGb).orElse(OptionalLong.empty());
            return Optional.of(macDescription(brand, cpus, performance, efficiency, memory));
        }
        return Optional.empty();
    }

    @Override
    public int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Load load() {
        OptionalDouble oneMinute = OptionalDouble.empty();
        List<String> ps = List.of();
        if (linux()) {
            oneMinute = readProc("loadavg").map(SystemMachineProbe::loadAverage).orElse(OptionalDouble.empty());
            ps = List.of("ps", "-eo", "pid=,pcpu=,comm=", "--sort=-pcpu");
        } else if (mac()) {
            oneMinute = sysctl("vm.loadavg").map(SystemMachineProbe::loadAverage).orElse(OptionalDouble.empty());
            ps = List.of("ps", "-Aceo", "pid=,pcpu=,comm=", "-r");
        }
        double load = oneMinute.orElseGet(() -> Math.max(0, ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
        List<BusyProcess> busiest = ps.isEmpty() ? List.of()
                : output(ps).map(text -> busiestProcesses(text, ownPid, BUSIEST)).orElse(List.of());
        return new Load(load, cores(), busiest);
    }

    private Optional<String> readProc(String name) {
        try {
            return Optional.of(Files.readString(procRoot.resolve(name)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> sysctl(String name) {
        return output(List.of("sysctl", "-n", name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private Optional<String> output(List<String> argv) {
        try {
            CommandRunner.Completed completed = runner.run(argv, Path.of("").toAbsolutePath(), Map.of(),
                    COMMAND_TIMEOUT);
            return completed.succeeded() ? Optional.of(completed.output()) : Optional.empty();
        } catch (BenchException e) {
            return Optional.empty();
        }
    }

    // The parsers below work on sample texts, so they are tested without the machine.

    /** The first {@code model name : ...} of {@code /proc/cpuinfo} (x86; many ARM kernels have none). */
    static Optional<String> cpuModel(String cpuinfo) {
        return cpuinfo.lines().map(line -> line.split(":", 2)).filter(kv -> kv.length == 2)
                .filter(kv -> kv[0].strip().equals("model name")).map(kv -> kv[1].strip().replaceAll("\\s+", " "))
                .filter(model -> !model.isEmpty()).findFirst();
    }

    /** {@code MemTotal: 24684092 kB} → 24 (GiB, rounded). */
    static OptionalLong memTotalGb(String meminfo) {
        Matcher m = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s*kB").matcher(meminfo);
        return m.find() ? OptionalLong.of(Math.round(Long.parseLong(m.group(1)) / (1024.0 * 1024.0)))
                : OptionalLong.empty();
    }

    /** {@code hw.memsize} in bytes → GiB, rounded. */
    static OptionalLong bytesToGb(String bytes) {
        try {
            return OptionalLong.of(Math.round(Long.parseLong(bytes.strip()) / (1024.0 * 1024.0 * 1024.0)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The first number of {@code /proc/loadavg} ({@code 1.27 1.48 0.83 1/82 17480}) or of {@code { 1.27 1.48 0.83 }}. */
    static OptionalDouble loadAverage(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group())) : OptionalDouble.empty();
    }

    /**
     * Lines {@code PID %CPU COMMAND}, busiest first, without {@code excludedPid} (this JVM) and
     * idle processes; at most {@code limit}.
     */
    static List<BusyProcess> busiestProcesses(String psOutput, long excludedPid, int limit) {
        List<BusyProcess> processes = new ArrayList<>();
        for (String line : psOutput.lines().toList()) {
            Matcher m = PS_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long pid = Long.parseLong(m.group(1));
            double cpu = Double.parseDouble(m.group(2).replace(',', '.'));
            if (pid != excludedPid && cpu >= 1.0) { // below 1% is noise, not a busy program
                processes.add(new BusyProcess(pid, m.group(3), cpu));
            }
        }
        processes.sort(Comparator.comparingDouble(BusyProcess::cpuPercent).reversed());
        return List.copyOf(processes.subList(0, Math.min(limit, processes.size())));
    }

    static String linuxDescription(Optional<String> model, int cores, OptionalLong memoryGb) {
        return "Linux machine with " + model.orElse("an unknown CPU") + " (" + cores + (cores == 1 ? " core" : " cores")
                + ")" + memory(memoryGb);
    }

    static String macDescription(Optional<String> brand, int cores, OptionalInt performance, OptionalInt efficiency,
            OptionalLong memoryGb) {
        String split = performance.isPresent() && efficiency.isPresent() && efficiency.getAsInt() > 0
                ? ": " + performance.getAsInt() + "P + " + efficiency.getAsInt() + "E" : "";
        return "Mac with " + brand.orElse("an unknown CPU") + " (" + cores + " cores" + split + ")" + memory(memoryGb);
    }

    private static String memory(OptionalLong memoryGb) {
        return memoryGb.isPresent() ? ", " + memoryGb.getAsLong() + " GB RAM" : "";
    }

    private static OptionalInt integer(String text) {
        try {
            return OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<Integer> present(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }
}
