package dev.offloadbench.adapters.fixtureb;

/** Test fixture: an adapter that uses the cli. */
public class AdapterB {
    public dev.offloadbench.cli.Main main() {
        return null;
    }
}
