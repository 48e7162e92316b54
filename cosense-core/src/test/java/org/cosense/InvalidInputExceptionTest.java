package org.cosense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {
    @Test
    void carriesTheRuleAsFields() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InvalidInputException.require(false, "T2", 7, "must be an even number of at least 4"));
        assertEquals("T2", e.parameter());
        assertTrue(e.index().isEmpty());
        assertEquals(7, e.value());
        assertEquals("must be an even number of at least 4", e.allowed());
        assertEquals("T2 = 7 is not allowed: must be an even number of at least 4", e.getMessage());
    }

    @Test
    void anIndexGoesAfterTheFirstWordOfTheName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InvalidInputException.require(false, "target position", 3, "[0, 0, 0]", "must differ from the BS"));
        assertEquals("target position", e.parameter());
        assertEquals(3, e.index().orElseThrow());
        assertEquals("target 3 position", e.label());
        assertEquals("target 3 position = [0, 0, 0] is not allowed: must differ from the BS", e.getMessage());
        assertEquals("trials 2", new InvalidInputException("trials", 2, 0, "x").label());
    }

    @Test
    void involvedParametersAndRemedyKeepTheRule() {
        InvalidInputException e = new InvalidInputException("IRS position", 1, "q", "must differ from the target")
                .involving("target position").unless("two-sided IRS", true);
        assertEquals("IRS position", e.parameter());
        assertEquals(1, e.index().orElseThrow());
        assertEquals(List.of("target position"), e.involves());
        assertEquals(new InvalidInputException.Remedy("two-sided IRS", true), e.remedy().orElseThrow());
        assertEquals("IRS 1 position = q is not allowed: must differ from the target; allowed with two-sided IRS = true",
                e.getMessage());
    }

    @Test
    void passingChecksReturnTheValue() {
        assertEquals(3, InvalidInputException.positive("n", 3));
        assertEquals(2.5, InvalidInputException.finite("x", 2.5));
        assertThrows(InvalidInputException.class, () -> InvalidInputException.positive("x", Double.NaN));
    }
}
