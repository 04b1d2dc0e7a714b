package dev.offloadbench.domain.archfixture.cycle.a;

/** Test fixture: half of a package cycle. */
public class CycleA {
    public dev.offloadbench.domain.archfixture.cycle.b.CycleB other() {
        return null;
    }
}
