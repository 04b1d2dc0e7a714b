/** What the user configured (offload-bench.toml), read once before anything is wired. */
package dev.offloadbench.domain.config;
