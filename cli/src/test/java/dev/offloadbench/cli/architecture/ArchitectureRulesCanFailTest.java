package dev.offloadbench.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail checks nothing: each rule is run against classes written to break it
 * (test-only fixtures under dev.offloadbench.domain.archfixture, dev.offloadbench.files.archfixture,
 * dev.offloadbench.adapters.fixture*, and SpiUsingTheDomain in the SPI's package).
 */
class ArchitectureRulesCanFailTest {
    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(
            "dev.offloadbench.domain.archfixture", "dev.offloadbench.adapters.fixturea",
            "dev.offloadbench.adapters.fixtureb", "dev.offloadbench.adapters.process.archfixture",
            "dev.offloadbench.adapters.config.archfixture", "dev.offloadbench.adapters.markdown.archfixture",
            "dev.offloadbench.adapters.storage.archfixture", "dev.offloadbench.files.archfixture",
            "dev.offloadbench.domain.spi");

    private static void assertViolated(ArchRule rule, String offender) {
        var result = rule.evaluate(VIOLATIONS);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(offender));
    }

    @Test
    void domainRuleCatchesAThirdPartyImport() {
        assertViolated(ArchitectureRules.DOMAIN_IS_PURE_JAVA, "DomainUsingPicocli");
    }

    @Test
    void domainRuleCatchesFilesAndProcessesUsedDirectly() {
        assertViolated(ArchitectureRules.DOMAIN_NEITHER_TOUCHES_FILES_NOR_STARTS_PROCESSES, "DomainReadingFiles");
        assertViolated(ArchitectureRules.DOMAIN_NEITHER_TOUCHES_FILES_NOR_STARTS_PROCESSES, "DomainStartingProcesses");
    }

    @Test
    void filesRuleCatchesTheHelpersReachingForTheDomain() {
        assertViolated(ArchitectureRules.FILES_IS_PURE_JAVA, "FilesUsingTheDomain");
    }

    @Test
    void frameworkRuleCatchesPicocliOutsideTheCli() {
        assertViolated(ArchitectureRules.ONLY_THE_CLI_KNOWS_THE_FRAMEWORKS, "DomainUsingPicocli");
    }

    @Test
    void spiRuleCatchesAnSpiTypeUsingTheRestOfTheDomain() {
        assertViolated(ArchitectureRules.SPI_IS_SELF_CONTAINED, "SpiUsingTheDomain");
    }

    @Test
    void adapterRuleCatchesOneAdapterUsingAnother() {
        assertViolated(ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER, "AdapterA");
    }

    @Test
    void cliRuleCatchesAnAdapterUsingTheCli() {
        assertViolated(ArchitectureRules.ADAPTERS_DO_NOT_KNOW_THE_CLI, "AdapterB");
    }

    @Test
    void adapterLibraryRulesCatchAForeignLibrary() {
        assertViolated(ArchitectureRules.PROCESS_ADAPTER_USES_ITS_OWN_LIBRARIES, "ProcessUsingTomlj");
        assertViolated(ArchitectureRules.CONFIG_ADAPTER_USES_ITS_OWN_LIBRARIES, "ConfigUsingJackson");
        assertViolated(ArchitectureRules.MARKDOWN_ADAPTER_USES_ITS_OWN_LIBRARIES, "MarkdownUsingTomlj");
        assertViolated(ArchitectureRules.STORAGE_ADAPTER_USES_ITS_OWN_LIBRARIES, "StorageUsingHandlebars");
    }

    @Test
    void cycleRuleCatchesAPackageCycle() {
        assertViolated(ArchitectureRules.NO_PACKAGE_CYCLES, "cycle");
    }
}
