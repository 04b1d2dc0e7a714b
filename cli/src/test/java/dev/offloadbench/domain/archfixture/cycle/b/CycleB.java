package dev.offloadbench.domain.archfixture.cycle.b;

/** Test fixture: the other half of a package cycle. */
public class CycleB {
    public dev.offloadbench.domain.archfixture.cycle.a.CycleA other() {
        return null;
    }
}
