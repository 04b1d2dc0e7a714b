package dev.offloadbench.domain.spi;

import dev.offloadbench.domain.BenchException;

/** Test fixture: an SPI type that uses the rest of the domain, which a plugin cannot see. */
public final class SpiUsingTheDomain {
    public RuntimeException problem() {
        return new BenchException("a plugin could not load this class");
    }
}
