package dev.offloadbench.adapters.fixturea;

/** Test fixture: an adapter that uses another adapter. */
public class AdapterA {
    public dev.offloadbench.adapters.fixtureb.AdapterB other() {
        return null;
    }
}
