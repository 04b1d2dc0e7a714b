package dev.offloadbench.cli.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every module's production classes against the hexagon's rules; every rule is reported. */
@AnalyzeClasses(packages = "dev.offloadbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainIsPureJava = ArchitectureRules.DOMAIN_IS_PURE_JAVA;
    @ArchTest
    static final ArchRule domainNeitherTouchesFilesNorStartsProcesses =
            ArchitectureRules.DOMAIN_NEITHER_TOUCHES_FILES_NOR_STARTS_PROCESSES;
    @ArchTest
    static final ArchRule filesIsPureJava = ArchitectureRules.FILES_IS_PURE_JAVA;
    @ArchTest
    static final ArchRule spiIsSelfContained = ArchitectureRules.SPI_IS_SELF_CONTAINED;
    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER;
    @ArchTest
    static final ArchRule adaptersDoNotKnowTheCli = ArchitectureRules.ADAPTERS_DO_NOT_KNOW_THE_CLI;
    @ArchTest
    static final ArchRule onlyTheCliKnowsTheFrameworks = ArchitectureRules.ONLY_THE_CLI_KNOWS_THE_FRAMEWORKS;
    @ArchTest
    static final ArchRule markdownAdapterUsesItsOwnLibraries = ArchitectureRules.MARKDOWN_ADAPTER_USES_ITS_OWN_LIBRARIES;
    @ArchTest
    static final ArchRule storageAdapterUsesItsOwnLibraries = ArchitectureRules.STORAGE_ADAPTER_USES_ITS_OWN_LIBRARIES;
    @ArchTest
    static final ArchRule processAdapterUsesItsOwnLibraries = ArchitectureRules.PROCESS_ADAPTER_USES_ITS_OWN_LIBRARIES;
    @ArchTest
    static final ArchRule configAdapterUsesItsOwnLibraries = ArchitectureRules.CONFIG_ADAPTER_USES_ITS_OWN_LIBRARIES;
    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.NO_PACKAGE_CYCLES;
}
