package org.cosense.lab.dummy;

import java.io.PrintStream;
import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;

/** Test benchmarks: one that works, one that fails with a bug. */
public final class DummyBenchmarks {
    private DummyBenchmarks() {
    }

    public static final class Sum implements Benchmark {
        @Override
        public String name() {
            return "sum";
        }

        @Override
        public String description() {
            return "sums random numbers";
        }

        @Override
        public void run(BenchOptions opts, PrintStream out) {
            org.cosense.math.RandomStream r = new org.cosense.math.RandomStream(opts.seed());
            double s = 0;
            for (int i = 0; i < opts.trials(); i++) {
                s += r.nextDouble();
            }
            out.println("sum of " + opts.trials() + " uniforms: " + s);
            out.println(String.format(java.util.Locale.ROOT, "cosense: %.6f per uniform (the mean)", s / opts.trials()));
        }
    }

    public static final class Explode implements Benchmark {
        @Override
        public String name() {
            return "explode";
        }

        @Override
        public String description() {
            return "throws, to test internal-error handling";
        }

        @Override
        public void run(BenchOptions opts, PrintStream out) {
            throw new IllegalStateException("boom");
        }
    }
}
