/**
 * Storage: the schema-1 results document (JSON) read into the domain's
 * {@link dev.offloadbench.domain.model.BenchmarkResults} by {@link JsonResultsReader} and written
 * back, atomically, by {@link JsonResultsWriter}; benchmark sessions kept as folders of a
 * {@code session.json} (that same document plus the whole session) and logs by
 * {@link JsonSessionStore}; and the cross-process session lock, an operating-system file lock,
 * by {@link FileSessionLock}. Streaming jackson-core only, no data binding; every document read is
 * bounded ({@link LocatedJson}, {@link LocatedFields}) and its faults said in plain words
 * ({@link JsonProblems}). The state folder is its owner's alone ({@link dev.offloadbench.files.PrivateFiles}).
 */
package dev.offloadbench.adapters.storage;
