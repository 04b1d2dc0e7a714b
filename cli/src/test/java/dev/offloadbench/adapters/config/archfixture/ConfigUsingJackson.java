package dev.offloadbench.adapters.config.archfixture;

/** Test fixture: the config adapter reaching for the storage adapter's library. */
public class ConfigUsingJackson {
    public com.fasterxml.jackson.core.JsonFactory json() {
        return null;
    }
}
