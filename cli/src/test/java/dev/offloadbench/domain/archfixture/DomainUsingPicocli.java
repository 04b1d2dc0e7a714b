package dev.offloadbench.domain.archfixture;

/** Test fixture: a "domain" class that breaks the rules on purpose. */
public class DomainUsingPicocli {
    public picocli.CommandLine commandLine() {
        return null;
    }
}
