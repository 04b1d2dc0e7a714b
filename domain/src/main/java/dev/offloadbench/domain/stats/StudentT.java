package dev.offloadbench.domain.stats;

/**
 * Student's t distribution with {@code degreesOfFreedom} degrees of freedom: its distribution
 * function, through the regularized incomplete beta function (a continued fraction, evaluated
 * with Lentz's method), and its quantiles, found by bisection on that function. Accurate to about
 * 1e-10, far more than a benchmark's noise needs.
 */
public final class StudentT {
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 10_000;
    /** Lanczos coefficients (g = 7, n = 9) for the logarithm of the gamma function. */
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private final double degreesOfFreedom;

    public StudentT(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
            throw new IllegalArgumentException("degrees of freedom must be a positive number: " + degreesOfFreedom);
        }
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /** P(T ≤ t). */
    public double cumulative(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t must be a number");
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 1 : 0;
        }
        double x = degreesOfFreedom / (degreesOfFreedom + t * t);
        double tail = 0.5 * regularizedBeta(x, degreesOfFreedom / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /**
     * The t with P(T ≤ t) = {@code probability}: {@code quantile(0.995)} with 4 degrees of
     * freedom is 4.604, the half-width factor of a two-sided 99% interval from 5 samples.
     */
    public double quantile(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("a quantile's probability lies strictly between 0 and 1: "
                    + probability);
        }
        if (probability == 0.5) {
            return 0;
        }
        if (probability < 0.5) {
            return -quantile(1 - probability);
        }
        double low = 0;
        double high = 1;
        while (cumulative(high) < probability) {
            low = high;
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
            double middle = (low + high) / 2;
            if (cumulative(middle) < probability) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** I_x(a, b), the regularized incomplete beta function. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        // the continued fraction converges quickly on this side; the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) covers the other
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = nonZero(1 - (a + b) * x / (a + 1));
        d = 1 / d;
        double fraction = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            int twoM = 2 * m;
            double even = m * (b - m) * x / ((a - 1 + twoM) * (a + twoM));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            fraction *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + twoM) * (a + 1 + twoM));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = d * c;
            fraction *= step;
            if (Math.abs(step - 1) < EPSILON) {
                return fraction;
            }
        }
        return fraction;
    }

    private static double nonZero(double value) {
        return Math.abs(value) < TINY ? TINY : value;
    }

    /** ln Γ(x) for x > 0 (Lanczos). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection: Γ(x) Γ(1 - x) = π / sin(πx)
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
