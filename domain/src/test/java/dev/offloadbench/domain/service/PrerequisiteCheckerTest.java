package dev.offloadbench.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.offloadbench.domain.BenchException;
import dev.offloadbench.domain.check.CheckResult;
import dev.offloadbench.domain.check.CheckResult.Status;
import dev.offloadbench.domain.config.BenchConfig;
import dev.offloadbench.domain.config.ProjectConfig;
import dev.offloadbench.domain.port.in.CheckPrerequisites.Options;
import dev.offloadbench.domain.port.out.CommandRunner;
import dev.offloadbench.domain.port.out.MachineProbe;
import dev.offloadbench.domain.port.out.ModalCredentials;
import dev.offloadbench.domain.port.out.ProjectFolders;
import dev.offloadbench.domain.model.OffloadProvider;
import dev.offloadbench.domain.port.out.ToolLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrerequisiteCheckerTest {
    private static final List<String> VERSION = List.of("--version");
    private static final MachineProbe.Load IDLE = new MachineProbe.Load(0.5, 8, List.of());

    @TempDir
    Path root;
    Path configFile;
    Path mng;
    Path sculptor;
    Path offloadRepo;

    final ToolLocator tools = mock(ToolLocator.class);
    final ModalCredentials modal = mock(ModalCredentials.class);
    final CommandRunner commands = mock(CommandRunner.class);
    final MachineProbe machine = mock(MachineProbe.class);

    @BeforeEach
    void setUp() throws IOException {
        configFile = root.resolve("offload-bench.toml");
        Files.writeString(configFile, "");
        mng = Files.createDirectories(root.resolve("mng"));
        Files.writeString(mng.resolve("justfile"), "test-integration:\n    true\n");
        sculptor = Files.createDirectories(root.resolve("sculptor"));
        Files.writeString(sculptor.resolve("Justfile"), "test-integration:\n    true\n");
        offloadRepo = Files.createDirectories(root.resolve("offload"));
        when(tools.find("offload", VERSION)).thenReturn(tool("offload", "offload 0.9.10"));
        when(tools.find("just", VERSION)).thenReturn(tool("just", "just 1.57.0"));
        when(modal.status()).thenReturn(new ModalCredentials.Status(true, "the environment (MODAL_TOKEN_ID)"));
        when(machine.load()).thenReturn(IDLE);
    }

    private static Optional<ToolLocator.Tool> tool(String name, String version) {
        return Optional.of(new ToolLocator.Tool(Path.of("/usr/local/bin", name), version));
    }

    private BenchConfig config() {
        return new BenchConfig(Optional.of(configFile), Optional.empty(), offloadRepo,
                offloadRepo.resolve("README.md"), List.of(ProjectConfig.at("mng", mng),
                        ProjectConfig.at("sculptor", sculptor)));
    }

    private List<CheckResult> check(Options options) {
        return new PrerequisiteChecker(config(), tools, modal, commands, machine, PrerequisiteCheckerTest::onDisk)
                .check(options);
    }

    private List<CheckResult> check() {
        return check(new Options(false, false));
    }

    private CheckResult named(List<CheckResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no check named " + name + " in " + results));
    }

    private CheckResult check(String name) {
        return named(check(), name);
    }

    @Test
    void oneResultPerPrerequisiteInOrder() {
        List<CheckResult> results = check();

        assertThat(results).extracting(CheckResult::name).containsExactly("offload", "Modal credentials", "just",
                "project mng", "project sculptor", "Offload repository", "machine load");
        assertThat(results).filteredOn(CheckResult::offloadOnly).extracting(CheckResult::name)
                .containsExactly("offload", "Modal credentials", "Offload repository");
        assertThat(results).noneMatch(CheckResult::failed);
    }

    @Test
    void toolsFoundGiveTheirVersionAndPath() {
        CheckResult offload = check("offload");

        assertThat(offload.status()).isEqualTo(Status.OK);
        assertThat(offload.detail()).isEqualTo("offload 0.9.10 (/usr/local/bin/offload)");
        assertThat(check("just").detail()).isEqualTo("just 1.57.0 (/usr/local/bin/just)");
        // typed, for a session to record
        assertThat(offload.version()).hasValue("offload 0.9.10");
        assertThat(check("just").version()).hasValue("just 1.57.0");
    }

    @Test
    void aVersionTheToolDidNotSayIsNoVersion() {
        when(tools.find("offload", VERSION)).thenReturn(Optional.of(new ToolLocator.Tool(
                Path.of("/usr/local/bin/offload"), "unknown (`offload --version` exited 3)", false, Optional.empty())));

        CheckResult offload = check("offload");

        assertThat(offload.status()).isEqualTo(Status.OK);
        assertThat(offload.detail()).startsWith("unknown (");
        assertThat(offload.version()).isEmpty();
        assertThat(check("Modal credentials").version()).isEmpty();
    }

    @Test
    void saysWhenJustIsTheNativeBinaryBehindItsNodeWrapper() {
        Path binary = Path.of("/usr/lib/node_modules/rust-just/node_modules/rust-just-linux-x64/bin/just");
        when(tools.find("just", VERSION)).thenReturn(Optional.of(new ToolLocator.Tool(binary, "just 1.57.0",
                Optional.of(Path.of("/usr/bin/just")))));

        CheckResult just = check("just");

        assertThat(just.status()).isEqualTo(Status.OK);
        assertThat(just.detail()).startsWith("just 1.57.0 (" + binary + ": the native binary behind /usr/bin/just,")
                .contains("bench runs it directly, the timed runs too");
    }

    @Test
    void missingOffloadFailsWithHowToInstallIt() {
        when(tools.find("offload", VERSION)).thenReturn(Optional.empty());

        CheckResult offload = check("offload");

        assertThat(offload.status()).isEqualTo(Status.FAIL);
        assertThat(offload.offloadOnly()).isTrue();
        assertThat(offload.detail()).isEqualTo("`offload` is not on the PATH");
        assertThat(offload.remedy()).hasValueSatisfying(remedy -> assertThat(remedy)
                .startsWith("cargo install offload").contains("just install").contains(offloadRepo.toString()));
    }

    @Test
    void missingJustFailsForEveryRun() {
        when(tools.find("just", VERSION)).thenReturn(Optional.empty());

        CheckResult just = check("just");

        assertThat(just.failed()).isTrue();
        assertThat(just.offloadOnly()).isFalse();
        assertThat(just.remedy()).hasValueSatisfying(r -> assertThat(r).contains("rust-just"));
    }

    @Test
    void missingModalCredentialsFailWithModalTokenNew() {
        when(modal.status()).thenReturn(new ModalCredentials.Status(false, "no token in ~/.modal.toml"));

        CheckResult credentials = check("Modal credentials");

        assertThat(credentials.status()).isEqualTo(Status.FAIL);
        assertThat(credentials.offloadOnly()).isTrue();
        assertThat(credentials.detail()).isEqualTo("no token in ~/.modal.toml");
        assertThat(credentials.remedy()).hasValueSatisfying(r -> assertThat(r).startsWith("modal token new"));
    }

    /** Offload's local provider runs no test on Modal: the credentials are a prerequisite of the Modal provider alone. */
    @Test
    void modalCredentialsConcernOnlyOffloadRunsOnTheModalProvider() {
        CheckResult credentials = check("Modal credentials");
        CheckResult offload = check("offload");

        assertThat(credentials.scope()).isEqualTo(CheckResult.Scope.MODAL);
        assertThat(credentials.scope().neededByOffloadOn(OffloadProvider.MODAL)).isTrue();
        assertThat(credentials.scope().neededByOffloadOn(OffloadProvider.LOCAL)).isFalse();
        assertThat(offload.scope().neededByOffloadOn(OffloadProvider.LOCAL)).isTrue();
    }

    /** The checker never looks at the file system itself: what stands at a path is the port's answer. */
    @Test
    void projectFoldersAndJustfilesAreAskedOfThePort() {
        Path elsewhere = root.resolve("not-on-disk");
        BenchConfig config = new BenchConfig(Optional.of(configFile), Optional.empty(), elsewhere,
                elsewhere.resolve("README.md"), List.of(ProjectConfig.at("mng", elsewhere)));
        List<Path> asked = new java.util.ArrayList<>();
        ProjectFolders port = path -> {
            asked.add(path);
            return path.equals(elsewhere) ? ProjectFolders.State.FOLDER
                    : path.equals(elsewhere.resolve("justfile")) ? ProjectFolders.State.FILE
                    : ProjectFolders.State.MISSING;
        };

        List<CheckResult> results = new PrerequisiteChecker(config, tools, modal, commands, machine, port)
                .check(new Options(false, false));

        assertThat(named(results, "project mng").status()).isEqualTo(Status.OK);
        assertThat(named(results, "Offload repository").status()).isEqualTo(Status.SKIPPED);
        assertThat(asked).contains(elsewhere, elsewhere.resolve("justfile"));
    }

    private static ProjectFolders.State onDisk(Path path) {
        if (Files.isDirectory(path)) {
            return ProjectFolders.State.FOLDER;
        }
        if (Files.isRegularFile(path)) {
            return ProjectFolders.State.FILE;
        }
        return Files.exists(path) ? ProjectFolders.State.OTHER : ProjectFolders.State.MISSING;
    }

    @Test
    void presentModalCredentialsAreOkAndSayExpiryCannotBeCheckedOffline() {
        CheckResult credentials = check("Modal credentials");

        assertThat(credentials.status()).isEqualTo(Status.OK);
        assertThat(credentials.detail()).contains("the environment (MODAL_TOKEN_ID)")
                .contains("cannot be checked offline").contains("bench check --online");
        verifyNoInteractions(commands);
    }

    @Test
    void onlineAsksModalAndReportsTheTokenAccepted() {
        when(tools.find("modal", VERSION)).thenReturn(tool("modal", "modal client version: 0.64"));
        when(commands.run(eq(List.of("/usr/local/bin/modal", "token", "info")), any(), any(), any()))
                .thenReturn(new CommandRunner.Completed(0, false, "Token: ak-123\nWorkspace: imbue\n"));

        CheckResult credentials = named(check(new Options(false, true)), "Modal credentials");

        assertThat(credentials.status()).isEqualTo(Status.OK);
        assertThat(credentials.detail()).contains("accepted by Modal (modal token info)");
    }

    @Test
    void onlineFailsWhenModalRejectsTheTokenGivingItsLastLine() {
        when(tools.find("modal", VERSION)).thenReturn(tool("modal", "modal client version: 0.64"));
        when(commands.run(eq(List.of("/usr/local/bin/modal", "token", "info")), any(), any(), any()))
                .thenReturn(new CommandRunner.Completed(1, false, "Traceback...\nAuthError: Token is invalid\n"));

        CheckResult credentials = named(check(new Options(false, true)), "Modal credentials");

        assertThat(credentials.status()).isEqualTo(Status.FAIL);
        assertThat(credentials.detail()).endsWith("`modal token info` failed: AuthError: Token is invalid");
        assertThat(credentials.remedy()).contains("modal token new");
    }

    @Test
    void onlineFailsWhenModalDoesNotAnswerInTime() {
        when(tools.find("modal", VERSION)).thenReturn(tool("modal", "modal client version: 0.64"));
        when(commands.run(any(), any(), any(), any())).thenReturn(new CommandRunner.Completed(-1, true, ""));

        CheckResult credentials = named(check(new Options(false, true)), "Modal credentials");

        assertThat(credentials.status()).isEqualTo(Status.FAIL);
        assertThat(credentials.detail()).endsWith("`modal token info` timed out");
    }

    @Test
    void onlineWithoutTheModalCommandWarns() {
        when(tools.find("modal", VERSION)).thenReturn(Optional.empty());

        CheckResult credentials = named(check(new Options(false, true)), "Modal credentials");

        assertThat(credentials.status()).isEqualTo(Status.WARN);
        assertThat(credentials.detail()).contains("the `modal` command is not installed");
        assertThat(credentials.remedy()).hasValueSatisfying(r -> assertThat(r).contains("pip install modal"));
        verifyNoInteractions(commands);
    }

    @Test
    void aMissingProjectFolderFailsNamingTheConfiguration() throws IOException {
        Path missing = root.resolve("nowhere");
        BenchConfig config = new BenchConfig(Optional.of(configFile), Optional.empty(), offloadRepo,
                offloadRepo.resolve("README.md"), List.of(ProjectConfig.at("mng", missing)));

        CheckResult project = named(new PrerequisiteChecker(config, tools, modal, commands, machine, PrerequisiteCheckerTest::onDisk)
                .check(new Options(false, false)), "project mng");

        assertThat(project.status()).isEqualTo(Status.FAIL);
        assertThat(project.offloadOnly()).isFalse();
        assertThat(project.detail()).isEqualTo(missing + " does not exist");
        assertThat(project.remedy()).hasValueSatisfying(r -> assertThat(r)
                .contains("[projects.mng] in " + configFile));
    }

    @Test
    void aProjectFolderWithoutAJustfileFailsNamingTheConfiguration() throws IOException {
        Files.delete(mng.resolve("justfile"));

        CheckResult project = check("project mng");

        assertThat(project.status()).isEqualTo(Status.FAIL);
        assertThat(project.detail()).isEqualTo(mng + " has no justfile");
        assertThat(project.remedy()).hasValueSatisfying(r -> assertThat(r)
                .contains("[projects.mng] in " + configFile).contains("root"));
    }

    @Test
    void withoutAConfigurationFileTheRemedySaysTheDefaultsApply() throws IOException {
        Files.delete(mng.resolve("justfile"));
        BenchConfig defaults = new BenchConfig(Optional.empty(), Optional.empty(), offloadRepo,
                offloadRepo.resolve("README.md"), List.of(ProjectConfig.at("mng", mng)));

        CheckResult project = named(new PrerequisiteChecker(defaults, tools, modal, commands, machine,
                PrerequisiteCheckerTest::onDisk)
                .check(new Options(false, false)), "project mng");

        assertThat(project.remedy()).hasValueSatisfying(r -> assertThat(r).contains("built-in defaults"));
    }

    @Test
    void projectsWithAJustfileAnyCapitalisationAreOk() {
        assertThat(check("project mng").status()).isEqualTo(Status.OK);
        assertThat(check("project sculptor").status()).isEqualTo(Status.OK);
        assertThat(check("project sculptor").detail()).isEqualTo(sculptor + " (justfile present)");
    }

    @Test
    void aMissingOffloadRepositoryOnlyWarnsWithoutInstall() throws IOException {
        Files.delete(offloadRepo);

        CheckResult repository = check("Offload repository");

        assertThat(repository.status()).isEqualTo(Status.WARN);
        assertThat(repository.detail()).startsWith(offloadRepo + " does not exist");
        assertThat(repository.remedy()).hasValueSatisfying(r -> assertThat(r)
                .contains("offload_repo in " + configFile));
    }

    @Test
    void aMissingOffloadRepositoryFailsWithInstall() throws IOException {
        Files.delete(offloadRepo);

        CheckResult repository = named(check(new Options(true, false)), "Offload repository");

        assertThat(repository.status()).isEqualTo(Status.FAIL);
        assertThat(repository.offloadOnly()).isTrue();
        assertThat(repository.detail()).isEqualTo(offloadRepo + " does not exist");
        verifyNoInteractions(commands);
    }

    @Test
    void withoutInstallThePresentRepositoryIsLeftAlone() {
        CheckResult repository = check("Offload repository");

        assertThat(repository.status()).isEqualTo(Status.SKIPPED);
        assertThat(repository.remedy()).hasValueSatisfying(r -> assertThat(r).contains("bench check --install"));
        verifyNoInteractions(commands);
    }

    @Test
    void installRunsJustInstallInTheRepository() {
        when(commands.run(eq(List.of("just", "install")), eq(offloadRepo), eq(Map.of()), any()))
                .thenReturn(new CommandRunner.Completed(0, false, "Installed offload 0.9.10\n"));

        CheckResult repository = named(check(new Options(true, false)), "Offload repository");

        assertThat(repository.status()).isEqualTo(Status.OK);
        assertThat(repository.detail()).isEqualTo("`just install` succeeded in " + offloadRepo);
        verify(commands).run(eq(List.of("just", "install")), eq(offloadRepo), eq(Map.of()), any());
    }

    @Test
    void aFailingInstallFailsWithItsExitCodeAndLastOutputLine() {
        when(commands.run(eq(List.of("just", "install")), eq(offloadRepo), any(), any()))
                .thenReturn(new CommandRunner.Completed(101, false,
                        "   Compiling offload v0.9.10\nerror: could not compile `offload`\n\n"));

        CheckResult repository = named(check(new Options(true, false)), "Offload repository");

        assertThat(repository.status()).isEqualTo(Status.FAIL);
        assertThat(repository.detail()).isEqualTo("`just install` in " + offloadRepo
                + " exited 101: error: could not compile `offload`");
    }

    @Test
    void anInstallThatCannotStartFails() {
        when(commands.run(any(), any(), any(), any())).thenThrow(new BenchException("just: not found"));

        CheckResult repository = named(check(new Options(true, false)), "Offload repository");

        assertThat(repository.status()).isEqualTo(Status.FAIL);
        assertThat(repository.detail()).contains("could not start").contains("just: not found");
    }

    @Test
    void anIdleMachineIsOk() {
        CheckResult load = check("machine load");

        assertThat(load.status()).isEqualTo(Status.OK);
        assertThat(load.detail()).isEqualTo("load average 0.50 on 8 cores");
    }

    @Test
    void aBusyMachineWarnsNamingTheBusiestProcesses() {
        when(machine.load()).thenReturn(new MachineProbe.Load(6.25, 4, List.of(
                new MachineProbe.BusyProcess(4242, "chrome", 187.4),
                new MachineProbe.BusyProcess(77, "java", 55.0))));

        CheckResult load = check("machine load");

        assertThat(load.status()).isEqualTo(Status.WARN);
        assertThat(load.offloadOnly()).isFalse();
        assertThat(load.detail()).isEqualTo(
                "load average 6.25 on 4 cores; busiest: chrome (pid 4242, 187% CPU), java (pid 77, 55% CPU)");
        assertThat(load.remedy()).isPresent();
    }
}
