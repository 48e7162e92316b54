package org.cosense;

/**
 * A user's input is not allowed: the message names the parameter, the value and what is allowed.
 * The CLI prints the message on one line and exits with code 2.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    /** Throws unless {@code ok}: "{param} = {value} is not allowed: {allowed}". */
    public static void require(boolean ok, String param, Object value, String allowed) {
        if (!ok) {
            throw new InvalidInputException(param + " = " + value + " is not allowed: " + allowed);
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
