package org.cosense.cli;

import org.cosense.InvalidInputException;
import org.cosense.geom.Vec3;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters shared by the commands. Picocli adds the option name and the value to
 * a conversion message, so each says only what is allowed. Enum options need none: picocli
 * converts them case-insensitively and {@link Main} lists the candidates.
 */
final class Converters {
    private Converters() {
    }

    /** Parses "x,y,z" in metres. */
    static final class Point implements CommandLine.ITypeConverter<Vec3> {
        @Override
        public Vec3 convert(String value) {
            try {
                return Vec3.parse("point", value);
            } catch (InvalidInputException ex) {
                throw new TypeConversionException("expected three comma-separated finite numbers x,y,z (metres)");
            }
        }
    }

    static final class FiniteDouble implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = parse(value);
            if (Double.isFinite(v)) {
                return v;
            }
            throw new TypeConversionException("must be a finite number");
        }
    }

    static final class PositiveDouble implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = parse(value);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
            throw new TypeConversionException("must be a positive finite number");
        }
    }

    static final class PositiveInt implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int v = Integer.parseInt(value.trim());
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new TypeConversionException("must be a positive integer");
        }
    }

    static final class AnyLong implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException ex) {
                throw new TypeConversionException("must be an integer (64-bit)");
            }
        }
    }

    /** A double, or NaN when the text is not a number (every caller rejects NaN). */
    private static double parse(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }
}
