package org.cosense.lab;

/** Receives progress of a long run. Implementations must be thread-safe. */
public interface Progress {
    Progress SILENT = (label, done, total) -> { };

    /** {@code done} of {@code total} units of the task {@code label} are finished. */
    void update(String label, long done, long total);
}
