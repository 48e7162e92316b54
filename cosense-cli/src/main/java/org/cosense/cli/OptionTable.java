package org.cosense.cli;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.cosense.InvalidInputException;

/**
 * How one command names the library's parameters: a table from the stable parameter name of an
 * {@link InvalidInputException} to the option as the user typed it, and from a remedy's parameter
 * to the clause that tells the user how to set it. The error line is built from the exception's
 * fields and these tables only, never from its message text:
 * "{label} ({options}) = {value} is not allowed: {allowed}[; {remedy}]".
 *
 * @param options  parameter name to option(s), e.g. "target position" to "--target"
 * @param remedies remedy parameter name to the clause in the user's words, e.g. "two-sided IRS" to
 *                 "pass --two-sided-irs to allow a target behind an IRS"
 */
record OptionTable(Map<String, String> options, Map<String, String> remedies) {
    OptionTable {
        options = Map.copyOf(options);
        remedies = Map.copyOf(remedies);
    }

    static OptionTable of(Map<String, String> options) {
        return new OptionTable(options, Map.of());
    }

    /** A command whose errors are named with a table. */
    interface Owner {
        OptionTable optionTable();
    }

    /** The one-line error for {@code e}: its label followed by the options of its parameter and of those it involves. */
    String describe(InvalidInputException e) {
        Set<String> named = new LinkedHashSet<>();
        addOption(named, e.parameter());
        e.involves().forEach(p -> addOption(named, p));
        StringBuilder b = new StringBuilder(e.label());
        if (!named.isEmpty()) {
            b.append(" (").append(String.join("/", named)).append(')');
        }
        b.append(" = ").append(e.value()).append(" is not allowed: ").append(e.allowed());
        e.remedy().ifPresent(r -> b.append("; ").append(remedy(r)));
        return b.toString();
    }

    private void addOption(Set<String> named, String parameter) {
        String o = options.get(parameter);
        if (o != null) {
            named.add(o);
        }
    }

    private String remedy(InvalidInputException.Remedy r) {
        String clause = remedies.get(r.parameter());
        if (clause != null) {
            return clause;
        }
        String option = options.get(r.parameter());
        if (option == null) {
            return "allowed with " + r.parameter() + " = " + r.setting();
        }
        return Boolean.TRUE.equals(r.setting()) ? "allowed with " + option : "allowed with " + option + " " + r.setting();
    }
}
