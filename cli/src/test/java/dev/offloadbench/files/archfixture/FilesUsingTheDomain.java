package dev.offloadbench.files.archfixture;

/** Test fixture: the JDK-only file helpers reaching for a domain type. */
public class FilesUsingTheDomain {
    public dev.offloadbench.domain.BenchException problem() {
        return null;
    }
}
