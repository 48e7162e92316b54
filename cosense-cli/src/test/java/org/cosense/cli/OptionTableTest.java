package org.cosense.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.cosense.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The error line is built from the exception's fields and the table, not from its message. */
class OptionTableTest {
    private static final OptionTable TABLE = new OptionTable(
            Map.of("target position", "--target", "IRS position", "--irs", "modes", "--mode", "two-sided IRS", "--two-sided-irs"),
            Map.of("reflection", "pass --reflect to allow it"));

    @Test
    void namesTheOptionOfTheParameterWithItsIndex() {
        InvalidInputException e = new InvalidInputException("target position", 2, "[1.0, 2.0, 3.0]", "must differ from the BS");
        assertEquals("target 2 position = [1.0, 2.0, 3.0] is not allowed: must differ from the BS", e.getMessage());
        assertEquals("target 2 position (--target) = [1.0, 2.0, 3.0] is not allowed: must differ from the BS", TABLE.describe(e));
    }

    @Test
    void namesTheOptionsOfInvolvedParametersAndSkipsUnmapped() {
        InvalidInputException e = new InvalidInputException("IRS position", 1, "q", "must differ from the target")
                .involving("target position", "BS position");
        assertEquals("IRS 1 position (--irs/--target) = q is not allowed: must differ from the target", TABLE.describe(e));
    }

    @Test
    void unmappedParameterKeepsItsNameAlone() {
        InvalidInputException e = new InvalidInputException("--json", "x", "must be a file");
        assertEquals("--json = x is not allowed: must be a file", TABLE.describe(e));
    }

    @Test
    void remediesUseTheTableWordingOrTheOption() {
        InvalidInputException worded = new InvalidInputException("target position", 1, "t", "is behind the IRS").unless("reflection", true);
        assertEquals("target 1 position (--target) = t is not allowed: is behind the IRS; pass --reflect to allow it",
                TABLE.describe(worded));
        InvalidInputException flag = new InvalidInputException("target position", 1, "t", "is behind").unless("two-sided IRS", true);
        assertEquals("target 1 position (--target) = t is not allowed: is behind; allowed with --two-sided-irs", TABLE.describe(flag));
        InvalidInputException setting = new InvalidInputException("M", 1, "needs 2").unless("modes", "irs");
        assertEquals("M = 1 is not allowed: needs 2; allowed with --mode irs", TABLE.describe(setting));
        assertEquals("M = 1 is not allowed: needs 2; allowed with modes = irs", setting.getMessage());
    }
}
