package dev.offloadbench.adapters.process;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** The just adapter is only ever tested against the real just: missing on CI is a failure, locally a skip. */
final class RealJust {
    private RealJust() {
    }

    static void requireInstalled() {
        if (new PathToolLocator().locate("just").isPresent()) {
            return;
        }
        String install = "install it: npm install -g rust-just (or your package manager)";
        if ("true".equals(System.getenv("CI"))) {
            fail("`just` is not on the PATH and CI=true: the just adapter must be tested against the real just; "
                    + install);
        }
        Assumptions.assumeTrue(false, "`just` is not on the PATH, so the tests that run the real just are skipped"
                + " (on CI, with CI=true, they fail instead); " + install);
    }
}
