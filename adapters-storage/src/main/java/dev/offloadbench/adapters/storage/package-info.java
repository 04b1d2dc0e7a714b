/**
 * Results storage: the schema-1 results document (JSON) read into the domain's
 * {@link dev.offloadbench.domain.model.BenchmarkResults} by {@link JsonResultsReader} and written
 * back, atomically, by {@link JsonResultsWriter}. Streaming jackson-core only, no data binding.
 */
package dev.offloadbench.adapters.storage;
