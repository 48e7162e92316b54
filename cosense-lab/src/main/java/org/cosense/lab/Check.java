package org.cosense.lab;

import java.util.Objects;

/**
 * One checked statement about a figure's computed data.
 *
 * @param id        stable identifier within its figure, e.g. {@code "rmse-decreases"}; tests and the report refer to it
 * @param kind      what the statement is: a paper claim, an invariant true by construction, or our extension
 * @param behaviour the statement in words, e.g. "MUSIC RMSE decreases with power"
 * @param passed    whether the computed data show it
 * @param detail    the numbers behind the verdict, and for a failed paper claim its diagnosis
 */
public record Check(String id, Kind kind, String behaviour, boolean passed, String detail) {

    /** What a check asserts. */
    public enum Kind {
        /** A claim the paper makes, tested with the threshold its words mean ({@link Wording}). */
        PAPER,
        /** True by construction (feasibility, monotone by design, best by the incumbent rule): shown, never counted as a claim. */
        INVARIANT,
        /** Our addition: a diagnosis, another reading, an extension's behaviour. */
        EXTENSION;

        /** Lower-case name as written in sidecars and the report. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind named by {@link #label()} (any case), as read back from a sidecar. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind of(String label) {
            return valueOf(label.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("check id must be lower-case kebab-case: " + id);
        }
    }

    public static Check paper(String id, String behaviour, boolean passed, String detail) {
        return new Check(id, Kind.PAPER, behaviour, passed, detail);
    }

    public static Check invariant(String id, String behaviour, boolean passed, String detail) {
        return new Check(id, Kind.INVARIANT, behaviour, passed, detail);
    }

    public static Check extension(String id, String behaviour, boolean passed, String detail) {
        return new Check(id, Kind.EXTENSION, behaviour, passed, detail);
    }
}
