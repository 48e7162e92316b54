package org.cosense.lab;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JSON sidecar {@code <id>.json} of a reproduced figure: everything needed to tell how it was
 * made. The HTML report is rebuilt from these files, so reproducing one figure keeps the others
 * in the report.
 *
 * @param files     names of the files written for this figure, relative to its system directory
 * @param checks    each with its stable {@code id} and {@code kind} ({@code paper}, {@code invariant}, {@code extension})
 * @param mainTable whether {@code <id>.csv} is the figure's own table rather than tidy series
 * @param engine    where the Monte Carlo trials ran ({@code embedded}, {@code spark local[2]}, ...)
 * @param error     null, or why the figure failed (then no data files are listed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sidecar(
        String system,
        String id,
        String qualifiedId,
        String title,
        String caption,
        String paperBehaviour,
        Map<String, Object> parameters,
        List<Check> checks,
        int trials,
        boolean quick,
        long seed,
        int threads,
        String engine,
        String cosenseVersion,
        String javaVersion,
        double runtimeSeconds,
        String timestamp,
        boolean mainTable,
        List<String> files,
        String error) {

    public Sidecar {
        parameters = parameters == null ? Map.of() : parameters;
        checks = checks == null ? List.of() : List.copyOf(checks);
        files = files == null ? List.of() : List.copyOf(files);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public long checksPassed() {
        return checks.stream().filter(Check::passed).count();
    }

    /** Passed/total per kind: paper claims apart from invariants and extensions. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public CheckTally tally() {
        return CheckTally.of(checks);
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static Sidecar read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Sidecar.class);
    }
}
