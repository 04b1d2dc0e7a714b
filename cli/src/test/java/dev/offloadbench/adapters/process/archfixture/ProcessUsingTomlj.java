package dev.offloadbench.adapters.process.archfixture;

/** Test fixture: the process adapter reaching for the config adapter's library. */
public class ProcessUsingTomlj {
    public org.tomlj.TomlTable table() {
        return null;
    }
}
