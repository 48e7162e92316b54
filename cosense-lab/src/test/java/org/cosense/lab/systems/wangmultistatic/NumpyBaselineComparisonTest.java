package org.cosense.lab.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cosense.estimation.delay.DelayDopplerEstimate;
import org.cosense.estimation.delay.DelayDopplerMatchedFilter;
import org.cosense.signal.PulseTrain;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The delay–Doppler matched filter against the shared numpy baseline on the identical echoes: numpy draws them and
 * estimates; this filter must land on the same maximum, to 2e-3 of the CRB standard deviation (both stop within 1e-4
 * of the local standard deviation). Skipped, with the reason, when python3 with numpy and scipy or the script is
 * missing. Times are printed, not asserted.
 */
class NumpyBaselineComparisonTest {
    private static final int TRIALS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"cosine", "sinc"})
    void sameEstimatesAsNumpyOnTheSameEchoes(String pulse, @TempDir Path dir) throws Exception {
        NumpyMatchedFilterBaseline.Run run;
        try {
            run = NumpyMatchedFilterBaseline.run(pulse, TRIALS, 1, dir);
        } catch (NumpyMatchedFilterBaseline.Unavailable e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        DelayDopplerMatchedFilter mf = run.filter();
        for (int t = 0; t < TRIALS; t++) {
            NumpyMatchedFilterBaseline.Echo echo = run.echoes().get(t);
            DelayDopplerEstimate e = mf.estimate(new PulseTrain(run.pulse(), echo.symbols(), run.oversampling()), echo.samples());
            assertEquals(echo.delay(), e.delay(), 2e-3 * echo.sdDelay(), "delay, trial " + t);
            assertEquals(echo.doppler(), e.doppler(), 2e-3 * echo.sdDoppler(), "Doppler, trial " + t);
            System.out.printf("wang-mf %s trial %d: numpy tau=%.9f f=%.6e | java tau=%.9f f=%.6e | sd tau=%.2e f=%.2e%n", pulse, t,
                    echo.delay(), echo.doppler(), e.delay(), e.doppler(), echo.sdDelay(), echo.sdDoppler());
        }
    }
}
