/**
 * What the real {@code just} says about a justfile (its JSON dump), in the domain's words:
 * recipes, their bodies as text and interpolations, variables and their expressions. Nothing
 * here parses a justfile; the adapter reads just's own output into these records.
 */
package dev.offloadbench.domain.justfile;
