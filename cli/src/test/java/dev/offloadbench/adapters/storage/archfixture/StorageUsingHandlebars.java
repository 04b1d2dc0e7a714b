package dev.offloadbench.adapters.storage.archfixture;

/** Test fixture: the storage adapter reaching for the markdown adapter's library. */
public class StorageUsingHandlebars {
    public com.github.jknack.handlebars.Handlebars handlebars() {
        return null;
    }
}
