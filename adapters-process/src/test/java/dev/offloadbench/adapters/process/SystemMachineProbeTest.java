package dev.offloadbench.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.domain.port.out.CommandRunner;
import dev.offloadbench.domain.port.out.MachineProbe.BusyProcess;
import dev.offloadbench.domain.port.out.MachineProbe.Load;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SystemMachineProbeTest {
    private static final String CPUINFO = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) Processor @ 2.20GHz
            cpu MHz\t\t: 2200.000

            processor\t: 1
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) Processor @ 2.20GHz
            """;
    private static final String MEMINFO = """
            MemTotal:       24684092 kB
            MemFree:         1234567 kB
            MemAvailable:   20000000 kB
            """;
    private static final String LINUX_PS = """
                1  0.3 process_api
               77  0.0 kdamond.0
             4242 97.5 java
             1234 12.0 python3 -m pytest
             5678  5,5 chrome
              900  1.0 Web Content
              901  0.5 sshd
              902  0.2 bash
            """;

    @Test
    void readsTheCpuModelFromCpuinfo() {
        assertThat(SystemMachineProbe.cpuModel(CPUINFO)).contains("Intel(R) Xeon(R) Processor @ 2.20GHz");
        assertThat(SystemMachineProbe.cpuModel("processor\t: 0\nBogoMIPS\t: 50.00\n")).isEmpty();
    }

    @Test
    void roundsTotalMemoryToWholeGigabytes() {
        assertThat(SystemMachineProbe.memTotalGb(MEMINFO)).isEqualTo(OptionalLong.of(24));
        assertThat(SystemMachineProbe.memTotalGb("MemFree: 1 kB\n")).isEmpty();
        assertThat(SystemMachineProbe.bytesToGb("17179869184\n")).isEqualTo(OptionalLong.of(16));
    }

    @Test
    void readsTheOneMinuteLoadOfLinuxAndMacOs() {
        assertThat(SystemMachineProbe.loadAverage("1.27 1.48 0.83 1/82 17480\n")).isEqualTo(OptionalDouble.of(1.27));
        assertThat(SystemMachineProbe.loadAverage("{ 2.50 1.90 1.70 }\n")).isEqualTo(OptionalDouble.of(2.5));
        assertThat(SystemMachineProbe.loadAverage("")).isEmpty();
    }

    @Test
    void listsTheBusiestProcessesWithoutThisOneAndIdleOnes() {
        // below 1% CPU is noise, not a program keeping the machine busy
        assertThat(SystemMachineProbe.busiestProcesses(LINUX_PS, 4242, 5)).containsExactly(
                new BusyProcess(1234, "python3 -m pytest", 12.0),
                new BusyProcess(5678, "chrome", 5.5),
                new BusyProcess(900, "Web Content", 1.0));
        assertThat(SystemMachineProbe.busiestProcesses("garbage\n\n", 1, 5)).isEmpty();
    }

    @Test
    void describesALinuxMachine() {
        assertThat(SystemMachineProbe.linuxDescription(Optional.of("Intel(R) Xeon(R) Processor @ 2.20GHz"), 2,
                OptionalLong.of(24)))
                .isEqualTo("Linux machine with Intel(R) Xeon(R) Processor @ 2.20GHz (2 cores), 24 GB RAM");
        assertThat(SystemMachineProbe.linuxDescription(Optional.empty(), 1, OptionalLong.empty()))
                .isEqualTo("Linux machine with an unknown CPU (1 core)");
    }

    @Test
    void describesAMacWithPerformanceAndEfficiencyCores() {
        assertThat(SystemMachineProbe.macDescription(Optional.of("Apple M4"), 10, OptionalInt.of(4), OptionalInt.of(6),
                OptionalLong.of(16))).isEqualTo("Mac with Apple M4 (10 cores: 4P + 6E), 16 GB RAM");
        assertThat(SystemMachineProbe.macDescription(Optional.of("Intel(R) Core(TM) i7"), 8, OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.of(32))).isEqualTo("Mac with Intel(R) Core(TM) i7 (8 cores), 32 GB RAM");
    }

    @Test
    void asksSysctlAndPsOnAMac() {
        List<List<String>> asked = new ArrayList<>();
        CommandRunner mac = (argv, directory, environment, timeout) -> {
            asked.add(argv);
            String output = switch (String.join(" ", argv)) {
                case "sysctl -n machdep.cpu.brand_string" -> "Apple M4\n";
                case "sysctl -n hw.ncpu" -> "10\n";
                case "sysctl -n hw.perflevel0.physicalcpu" -> "4\n";
                case "sysctl -n hw.perflevel1.physicalcpu" -> "6\n";
                case "sysctl -n hw.memsize" -> "17179869184\n";
                case "sysctl -n vm.loadavg" -> "{ 3.10 2.00 1.50 }\n";
                case "ps -Aceo pid=,pcpu=,comm= -r" -> "  812  88.1 WindowServer\n  90   0.0 launchd\n";
                default -> null;
            };
            return output == null ? new CommandRunner.Completed(1, false, "unknown oid")
                    : new CommandRunner.Completed(0, false, output);
        };
        SystemMachineProbe probe = new SystemMachineProbe(mac, "Mac OS X", Path.of("/nonexistent"));

        assertThat(probe.describe()).contains("Mac with Apple M4 (10 cores: 4P + 6E), 16 GB RAM");
        Load load = probe.load();
        assertThat(load.oneMinute()).isEqualTo(3.1);
        assertThat(load.busiest()).containsExactly(new BusyProcess(812, "WindowServer", 88.1));
        assertThat(asked).contains(List.of("ps", "-Aceo", "pid=,pcpu=,comm=", "-r"));
    }

    @Test
    void readsProcAndPsOnLinux(@TempDir Path proc) throws IOException {
        Files.writeString(proc.resolve("cpuinfo"), CPUINFO);
        Files.writeString(proc.resolve("meminfo"), MEMINFO);
        Files.writeString(proc.resolve("loadavg"), "4.00 1.48 0.83 1/82 17480\n");
        CommandRunner linux = (argv, directory, environment, timeout) ->
                argv.equals(List.of("ps", "-eo", "pid=,pcpu=,comm=", "--sort=-pcpu"))
                        ? new CommandRunner.Completed(0, false, LINUX_PS)
                        : new CommandRunner.Completed(127, false, "");
        SystemMachineProbe probe = new SystemMachineProbe(linux, "Linux", proc);
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(probe.describe()).contains("Linux machine with Intel(R) Xeon(R) Processor @ 2.20GHz (" + cores
                + (cores == 1 ? " core" : " cores") + "), 24 GB RAM");
        Load load = probe.load();
        assertThat(load.oneMinute()).isEqualTo(4.0);
        assertThat(load.cores()).isEqualTo(cores);
        assertThat(load.busiest()).hasSize(4).first().isEqualTo(new BusyProcess(4242, "java", 97.5));
    }

    @Test
    void hasNoDescriptionForOtherSystems() {
        CommandRunner none = (argv, directory, environment, timeout) -> new CommandRunner.Completed(1, false, "");

        assertThat(new SystemMachineProbe(none, "Windows 11", Path.of("/nonexistent")).describe()).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void describesThisLinuxMachine() {
        SystemMachineProbe probe = new SystemMachineProbe();

        assertThat(probe.describe()).hasValueSatisfying(description ->
                assertThat(description).startsWith("Linux machine with ").matches(".*\\(\\d+ cores?\\), \\d+ GB RAM"));
        Load load = probe.load();
        assertThat(load.cores()).isPositive();
        assertThat(load.oneMinute()).isNotNegative();
        assertThat(load.busiest()).hasSizeLessThanOrEqualTo(SystemMachineProbe.BUSIEST)
                .noneMatch(p -> p.pid() == ProcessHandle.current().pid());
    }

}
