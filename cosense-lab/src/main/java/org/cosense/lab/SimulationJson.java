package org.cosense.lab;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.cosense.geom.Vec3;

/**
 * The one JSON writer of the {@code simulate} results (every system): records as objects, points as
 * [x, y, z], non-finite numbers as the strings "Infinity", "-Infinity", "NaN"; indented.
 */
public final class SimulationJson {
    private SimulationJson() {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule().addSerializer(Vec3.class, new StdSerializer<>(Vec3.class) {
                private static final long serialVersionUID = 1L;

                @Override
                public void serialize(Vec3 v, JsonGenerator g, SerializerProvider p) throws IOException {
                    g.writeArray(v.toArray(), 0, 3);
                }
            }));

    public static String write(Object result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
