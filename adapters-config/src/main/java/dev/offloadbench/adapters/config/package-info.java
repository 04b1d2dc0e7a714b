/**
 * Configuration files, read into the domain's records before anything is wired:
 * {@code offload-bench.toml} ({@link TomlConfigLoader}), Offload's {@code offload*.toml}
 * ({@link TomlOffloadConfigReader}), pytest's own configuration found the way pytest finds it
 * ({@link PytestConfigFinder}) and Modal's credentials ({@link ModalCredentialsFile}).
 * TOML is read with tomlj; pytest's ini files with {@link IniFile}, a small reader that follows
 * pytest's own ini parser (iniconfig). Every error names the file, line and, where known, column.
 */
package dev.offloadbench.adapters.config;
