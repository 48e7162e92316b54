package org.cosense.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a Python peer baseline (numpy, cvxopt) for a benchmark. CoSense's side of every benchmark
 * runs on one thread, so the peer's BLAS and OpenMP get one thread too: the comparison is one core
 * against one core, and on a busy machine a multithreaded OpenBLAS spins waiting for its second
 * thread (measured: the numpy matched filter took 65 ms per estimate instead of 2.6 ms at a load of
 * 3.5). {@code COSENSE_PEER_THREADS=N} gives the peer N threads instead.
 */
public final class PythonPeer {
    /** The environment variables that set the thread count of numpy's and cvxopt's BLAS back ends. */
    private static final List<String> THREAD_VARIABLES = List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS");

    private PythonPeer() {
    }

    /** The peer's thread count: {@code COSENSE_PEER_THREADS} if set, else 1. */
    public static String threads() {
        String t = System.getenv("COSENSE_PEER_THREADS");
        return t == null || t.isBlank() ? "1" : t.strip();
    }

    /** A process running {@code python3 args...} with the peer's thread count, stderr merged into stdout. */
    public static ProcessBuilder python3(String... args) {
        List<String> command = new ArrayList<>();
        command.add("python3");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        for (String v : THREAD_VARIABLES) {
            env.put(v, threads());
        }
        return pb;
    }

    /** How the peer ran, for the benchmark's output. */
    public static String describe() {
        String t = threads();
        return "1".equals(t) ? "one BLAS thread, as CoSense" : t + " BLAS threads (COSENSE_PEER_THREADS)";
    }
}
