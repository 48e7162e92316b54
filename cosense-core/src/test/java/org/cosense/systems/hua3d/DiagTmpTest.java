package org.cosense.systems.hua3d;

import java.util.List;
import org.cosense.geom.SpatialFrequency;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

class DiagTmpTest {
    @Test
    void diag() {
        Scene s = Scene.multiTarget(20, 30);
        for (int t = 0; t < 3; t++) {
            System.out.println("target " + t + " bs " + s.bsToTarget(t));
            for (int m = 0; m < 3; m++) {
                System.out.println("   irs" + m + " eff " + s.effectiveIrsFrequency(m, t) + " alpha " + StageTwo.alpha(s, m, t, 1.0).abs()
                        + " alphatb " + StageTwo.alphaTilde(s, m, t, 1.0).times(StageTwo.leakage(s, m, t)).abs());
            }
        }
        MultiTargetProtocol p = new MultiTargetProtocol(s, MultiTargetProtocol.Config.paper(1.0, 60, 60));
        for (int t = 0; t < 6; t++) {
            MultiTargetProtocol.Result r = p.trial(RandomStream.forTrial(7, 0, t));
            System.out.println("trial " + t + " rmse " + r.rmse());
            System.out.println("  bs " + r.bsDoas());
            for (int m = 0; m < 3; m++) {
                System.out.println("  irs" + m + " " + r.irsDoas().get(m));
            }
            System.out.println("  pos " + r.positions());
        }
    }
}
