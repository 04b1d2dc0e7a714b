package dev.offloadbench.adapters.markdown.archfixture;

/** Test fixture: the markdown adapter reaching for the config adapter's library. */
public class MarkdownUsingTomlj {
    public org.tomlj.TomlTable table() {
        return null;
    }
}
