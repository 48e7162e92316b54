package org.cosense.systems.wangmultistatic;

import java.util.function.DoubleUnaryOperator;

/**
 * Test fixture: the two pulses of the paper on [0, Δt) ([wangmultistatic S3.3]) and their moments by
 * composite 8-point Gauss–Legendre quadrature, independent of any closed form.
 */
final class WangPulses {
    /** A = Si(2π), the normalization of the sinc pulse. */
    static final double SI_2PI = 1.4181515761326284;

    private static final double[] NODES = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
            -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] WEIGHTS = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
            0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    enum Shape {
        COSINE, SINC
    }

    private WangPulses() {
    }

    static double g(Shape s, double dt, double t) {
        double u = t / dt;
        if (s == Shape.COSINE) {
            return Math.sqrt(2) * Math.cos(Math.PI * u / 2);
        }
        return u == 0 ? Math.sqrt(Math.PI / SI_2PI) : Math.sqrt(Math.PI / SI_2PI) * Math.sin(Math.PI * u) / (Math.PI * u);
    }

    static double dg(Shape s, double dt, double t) {
        double u = t / dt;
        if (s == Shape.COSINE) {
            return -Math.sqrt(2) * Math.PI / (2 * dt) * Math.sin(Math.PI * u / 2);
        }
        double k = Math.sqrt(Math.PI / SI_2PI) / dt;
        if (u < 1e-4) {
            // series of (πu cos πu − sin πu)/(π u²) ([wangmultistatic P4])
            return -k * Math.PI * Math.PI * u / 3;
        }
        return k * (Math.PI * u * Math.cos(Math.PI * u) - Math.sin(Math.PI * u)) / (Math.PI * u * u);
    }

    static double integrate(DoubleUnaryOperator f, double a, double b) {
        int panels = 256;
        double h = (b - a) / panels;
        double s = 0;
        for (int p = 0; p < panels; p++) {
            double mid = a + (p + 0.5) * h;
            for (int i = 0; i < NODES.length; i++) {
                s += WEIGHTS[i] * f.applyAsDouble(mid + 0.5 * h * NODES[i]);
            }
        }
        return 0.5 * h * s;
    }

    static PulseMoments moments(Shape s, double dt) {
        return new PulseMoments(dt,
                integrate(t -> g(s, dt, t) * g(s, dt, t), 0, dt),
                integrate(t -> dg(s, dt, t) * dg(s, dt, t), 0, dt),
                integrate(t -> t * t * g(s, dt, t) * g(s, dt, t), 0, dt),
                integrate(t -> t * g(s, dt, t) * dg(s, dt, t), 0, dt),
                integrate(t -> t * g(s, dt, t) * g(s, dt, t), 0, dt),
                integrate(t -> g(s, dt, t) * dg(s, dt, t), 0, dt));
    }
}
