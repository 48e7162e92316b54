package org.cosense.math;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the committed numeric fixtures (whitespace-separated numbers, '#' comments to end of
 * line) that python scripts under src/test/fixtures wrote once.
 */
public final class FixtureReader {
    private final List<String> tokens = new ArrayList<>();
    private int next;

    public FixtureReader(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                String body = hash < 0 ? line : line.substring(0, hash);
                for (String t : body.trim().split("\\s+")) {
                    if (!t.isEmpty()) {
                        tokens.add(t);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int nextInt() {
        return Integer.parseInt(tokens.get(next++));
    }

    public double nextDouble() {
        return Double.parseDouble(tokens.get(next++));
    }

    public double[] doubles(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = nextDouble();
        }
        return out;
    }

    /** n complex numbers as Complex. */
    public Complex[] complexes(int n) {
        Complex[] out = new Complex[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Complex(nextDouble(), nextDouble());
        }
        return out;
    }

    /** An n×n complex matrix, row-major (re im pairs). */
    public org.ejml.data.ZMatrixRMaj matrix(int n) {
        org.ejml.data.ZMatrixRMaj a = new org.ejml.data.ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, nextDouble(), nextDouble());
            }
        }
        return a;
    }
}
