/**
 * Comparing sessions and reading their history: the noise judge (Student's t prediction interval
 * or a percentage band), σ propagated through a ratio, the drift of recorded inputs, the history
 * of every finished session.
 */
package dev.offloadbench.domain.service.history;
