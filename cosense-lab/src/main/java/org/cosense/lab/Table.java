package org.cosense.lab;

import java.util.List;

/** A CSV table: file name (e.g. {@code fig11-doas.csv}), header and rows of already formatted cells. */
public record Table(String fileName, List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException(fileName + ": row " + r + " does not match header " + header);
            }
        }
    }
}
