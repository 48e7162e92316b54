package org.cosense.lab;

import java.util.List;
import java.util.Map;

/**
 * What an experiment produced: panels to plot, an optional table that replaces the tidy CSV
 * (e.g. {@code table1.csv}), extra CSV files, the caption (with every ASSUMED value named), the
 * parameters for the JSON sidecar, and the behaviour checks computed from the data.
 *
 * @param caption     full caption for the report, stating assumptions and departures
 * @param panels      one or more plot panels (line plots or maps)
 * @param mainTable   if non-null, written as {@code <id>.csv} instead of the tidy series CSV
 * @param extraTables further CSV files written beside the figure (file name in {@link Table#fileName()})
 * @param parameters  every parameter of the run, for the JSON sidecar (values: numbers, strings, lists, maps)
 * @param checks      the paper's reported behaviour, checked against the computed data
 */
public record FigureResult(
        String caption,
        List<Panel> panels,
        Table mainTable,
        List<Table> extraTables,
        Map<String, Object> parameters,
        List<Check> checks) {
    public FigureResult {
        panels = List.copyOf(panels);
        extraTables = extraTables == null ? List.of() : List.copyOf(extraTables);
        checks = checks == null ? List.of() : List.copyOf(checks);
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
