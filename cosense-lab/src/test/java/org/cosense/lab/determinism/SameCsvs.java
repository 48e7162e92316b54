package org.cosense.lab.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Byte-for-byte comparison of the CSVs of two reproductions of one system (thread, JDK and engine tests). */
public final class SameCsvs {
    private SameCsvs() {
    }

    /**
     * Asserts that {@code a} and {@code b} hold the same CSV files, at least {@code atLeast} of
     * them, with identical bytes.
     */
    public static void assertSame(Path a, Path b, int atLeast, String what) throws IOException {
        TreeMap<String, Path> left = csvs(a);
        TreeMap<String, Path> right = csvs(b);
        assertTrue(left.size() >= atLeast, what + ": CSVs " + left.keySet());
        assertEquals(left.keySet(), right.keySet(), what + ": the same CSV files");
        List<String> differ = new ArrayList<>();
        for (String name : left.keySet()) {
            if (Files.mismatch(left.get(name), right.get(name)) >= 0) {
                differ.add(name);
            }
        }
        assertEquals(List.of(), differ, what + ": CSVs that differ");
    }

    private static TreeMap<String, Path> csvs(Path dir) throws IOException {
        TreeMap<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(f -> f.getFileName().toString().endsWith(".csv")).forEach(f -> out.put(f.getFileName().toString(), f));
        }
        return out;
    }
}
