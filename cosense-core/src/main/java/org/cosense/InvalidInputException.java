package org.cosense;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A user's input is not allowed. The exception carries the rule it broke as data, so that a front
 * end can name its own option for the parameter without reading the message:
 * <ul>
 * <li>{@link #parameter()}: a stable name such as {@code "target position"} or {@code "T2"};
 * <li>{@link #index()}: which one, 1-based, when the parameter repeats (target 2, IRS 3);
 * <li>{@link #value()} and {@link #allowed()}: the offending value and what is allowed;
 * <li>{@link #involves()}: other parameters of the same rule, any of which may be the one to change
 * (an IRS that coincides with the target);
 * <li>{@link #remedy()}: a setting of another parameter under which the value is allowed (a target
 * behind a one-sided IRS is allowed with two-sided reflection).
 * </ul>
 * The message is one line, "{label} = {value} is not allowed: {allowed}", where the label puts the
 * index after the first word of the name ("target position", 2 reads "target 2 position"). The
 * CLI prints its own rendering of the same fields and exits with code 2.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Another parameter's setting under which the rejected value is allowed. */
    public record Remedy(String parameter, Object setting) {
        public Remedy {
            Objects.requireNonNull(parameter, "parameter");
        }
    }

    private final String parameter;
    private final int index;
    private final transient Object value;
    private final String allowed;
    private final List<String> involves;
    private final transient Remedy remedy;

    /** A rejected value of a parameter that does not repeat. */
    public InvalidInputException(String parameter, Object value, String allowed) {
        this(parameter, 0, value, allowed, List.of(), null);
    }

    /** A rejected value of the {@code index}-th (1-based) of a repeated parameter. */
    public InvalidInputException(String parameter, int index, Object value, String allowed) {
        this(parameter, index, value, allowed, List.of(), null);
    }

    private InvalidInputException(String parameter, int index, Object value, String allowed, List<String> involves,
            Remedy remedy) {
        super(message(parameter, index, value, allowed, remedy));
        if (index < 0) {
            throw new IllegalArgumentException("index must be 1-based, or 0 for a parameter that does not repeat: " + index);
        }
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.index = index;
        this.value = value;
        this.allowed = Objects.requireNonNull(allowed, "allowed");
        this.involves = List.copyOf(involves);
        this.remedy = remedy;
    }

    /** The same rule, naming other parameters that take part in it (either may be the one to change). */
    public InvalidInputException involving(String... others) {
        List<String> all = Stream.concat(involves.stream(), Stream.of(others)).distinct().toList();
        InvalidInputException e = new InvalidInputException(parameter, index, value, allowed, all, remedy);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The same rule, with the setting of another parameter under which the value is allowed. */
    public InvalidInputException unless(String otherParameter, Object setting) {
        InvalidInputException e = new InvalidInputException(parameter, index, value, allowed, involves,
                new Remedy(otherParameter, setting));
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The stable name of the parameter, without its index. */
    public String parameter() {
        return parameter;
    }

    /** 1-based position among repeated parameters (target 2), or empty. */
    public OptionalInt index() {
        return index == 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** The rejected value (may be null when a required value is missing). */
    public Object value() {
        return value;
    }

    /** What is allowed, e.g. "must be a positive integer". */
    public String allowed() {
        return allowed;
    }

    /** Other parameters of the same rule. */
    public List<String> involves() {
        return involves;
    }

    public Optional<Remedy> remedy() {
        return Optional.ofNullable(remedy);
    }

    /** The parameter as the message names it: the index after the first word ("target 2 position"). */
    public String label() {
        return label(parameter, index);
    }

    private static String label(String parameter, int index) {
        if (index == 0) {
            return parameter;
        }
        int space = parameter.indexOf(' ');
        return space < 0 ? parameter + " " + index : parameter.substring(0, space) + " " + index + parameter.substring(space);
    }

    private static String message(String parameter, int index, Object value, String allowed, Remedy remedy) {
        String m = label(parameter, index) + " = " + value + " is not allowed: " + allowed;
        return remedy == null ? m : m + "; allowed with " + remedy.parameter() + " = " + remedy.setting();
    }

    /** Throws unless {@code ok}: "{param} = {value} is not allowed: {allowed}". */
    public static void require(boolean ok, String param, Object value, String allowed) {
        if (!ok) {
            throw new InvalidInputException(param, value, allowed);
        }
    }

    /** Throws unless {@code ok}, for the {@code index}-th (1-based) of a repeated parameter. */
    public static void require(boolean ok, String param, int index, Object value, String allowed) {
        if (!ok) {
            throw new InvalidInputException(param, index, value, allowed);
        }
    }

    public static int positive(String param, int value) {
        require(value > 0, param, value, "must be a positive integer");
        return value;
    }

    public static double positive(String param, double value) {
        require(value > 0 && Double.isFinite(value), param, value, "must be a positive finite number");
        return value;
    }

    public static double finite(String param, double value) {
        require(Double.isFinite(value), param, value, "must be a finite number");
        return value;
    }
}
