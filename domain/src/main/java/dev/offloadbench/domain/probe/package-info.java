/**
 * Probing a planned run: running its exact command so that nothing is tested, and what pytest,
 * xdist and offload showed they would do. A plan read from justfile text is a hypothesis; the
 * probe tests it.
 */
package dev.offloadbench.domain.probe;
