/**
 * A benchmark session: what was planned, every attempt of every run as it finished, and the
 * results document that follows from them. Saved after every attempt, so nothing finished is lost.
 */
package dev.offloadbench.domain.session;
