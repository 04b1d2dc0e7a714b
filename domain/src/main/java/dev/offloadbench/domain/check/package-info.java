/** The procedure's prerequisites and how each stands. */
package dev.offloadbench.domain.check;
