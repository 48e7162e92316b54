package org.cosense.estimation.doa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DoaResultTest {

    /** A 1D estimator (ULA: one spatial frequency per source) uses the same result type. */
    @Test
    void oneDimensionalEstimatesFitTheSameResult() {
        DoaResult.Spectrum s = new DoaResult.Spectrum(new double[][] {{-0.5, 0.0, 0.5}}, new double[] {1, 3, 2});
        DoaResult r = new DoaResult(2, 1, List.of(new double[] {0.1}), Optional.of(s));
        assertFalse(r.resolved());
        assertEquals(1, r.found());
        assertArrayEquals(new double[] {0.1}, r.scalars());
        assertThrows(IllegalStateException.class, r::frequencies);
        assertTrue(new DoaResult(1, 1, List.of(new double[] {0.1}), Optional.empty()).resolved());
    }

    @Test
    void moreEstimatesThanRequestedOrTheWrongShapeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DoaResult(1, 1, List.of(new double[] {0.1}, new double[] {0.2}),
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new DoaResult(1, 2, List.of(new double[] {0.1}), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new DoaResult.Spectrum(new double[][] {{0, 1}}, new double[3]));
    }
}
