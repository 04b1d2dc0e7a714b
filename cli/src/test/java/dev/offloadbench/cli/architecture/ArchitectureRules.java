package dev.offloadbench.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;

/** The hexagon, as rules. Each one is shown to fail on a deliberate violation in {@link ArchitectureRulesCanFailTest}. */
final class ArchitectureRules {
    static final String DOMAIN = "dev.offloadbench.domain..";
    static final String ADAPTERS = "dev.offloadbench.adapters..";
    static final String CLI = "dev.offloadbench.cli..";
    /** The shared file helpers (atomic writes, update locks): JDK only, usable by every adapter. */
    static final String FILES = "dev.offloadbench.files..";

    static final ArchRule DOMAIN_IS_PURE_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .as("the domain depends on the JDK and on itself only (no third-party package, no adapter, no cli)");

    static final ArchRule DOMAIN_NEITHER_TOUCHES_FILES_NOR_STARTS_PROCESSES = noClasses().that()
            .resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().belongToAnyOf(Files.class, ProcessHandle.class, ProcessBuilder.class,
                    Process.class)
            .orShould().callMethodWhere(new DescribedPredicate<JavaMethodCall>("Runtime.exec") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec");
                }
            })
            .as("the domain neither reads files (java.nio.file.Files) nor starts or looks at processes"
                    + " (ProcessHandle, ProcessBuilder, Runtime.exec): it asks its ports");

    static final ArchRule FILES_IS_PURE_JAVA = classes().that().resideInAPackage(FILES)
            .should().onlyDependOnClassesThat().resideInAnyPackage(FILES, "java..")
            .as("the files helpers depend on the JDK and on themselves only (no domain, no adapter, no cli)");
    static final ArchRule SPI_IS_SELF_CONTAINED = classes().that()
            .resideInAnyPackage("dev.offloadbench.domain.spi", "dev.offloadbench.domain.model")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.offloadbench.domain.spi", "dev.offloadbench.domain.model", "java..")
            .as("the plugin SPI (domain.spi, domain.model) depends on the JDK and on itself only, so that a plugin"
                    + " seeing nothing else works");

    static final ArchRule ADAPTERS_DO_NOT_KNOW_EACH_OTHER = slices().matching("dev.offloadbench.adapters.(*)..")
            .should().notDependOnEachOther()
            .as("an adapter never depends on another adapter");

    static final ArchRule ADAPTERS_DO_NOT_KNOW_THE_CLI = noClasses().that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .as("adapters never depend on the cli");

    static final ArchRule ONLY_THE_CLI_KNOWS_THE_FRAMEWORKS = noClasses().that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.google.inject..", "jakarta.inject..", "javax.inject..", "picocli..", "org.jline..")
            .as("only the cli knows Guice, picocli and JLine");

    static final ArchRule MARKDOWN_ADAPTER_USES_ITS_OWN_LIBRARIES = adapterUsesOnly("markdown",
            "com.github.jknack.handlebars..", "com.github.difflib..");

    static final ArchRule STORAGE_ADAPTER_USES_ITS_OWN_LIBRARIES = adapterUsesOnly("storage",
            "com.fasterxml.jackson.core..");

    static final ArchRule PROCESS_ADAPTER_USES_ITS_OWN_LIBRARIES = adapterUsesOnly("process",
            "com.fasterxml.jackson.core..");

    static final ArchRule CONFIG_ADAPTER_USES_ITS_OWN_LIBRARIES = adapterUsesOnly("config", "org.tomlj..");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.offloadbench.(**)")
            .should().beFreeOfCycles()
            .as("no package cycles");

    private ArchitectureRules() {
    }

    private static ArchRule adapterUsesOnly(String adapter, String... libraries) {
        String own = "dev.offloadbench.adapters." + adapter + "..";
        String[] allowed = new String[libraries.length + 4];
        allowed[0] = own;
        allowed[1] = DOMAIN;
        allowed[2] = FILES;
        allowed[3] = "java..";
        System.arraycopy(libraries, 0, allowed, 4, libraries.length);
        return classes().that().resideInAPackage(own)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .as("the " + adapter + " adapter depends on the domain, the files helpers and its own libraries only");
    }
}
