package org.cosense.systems.fangactive;

import org.cosense.array.AngleUpa;

/** The paper's scene with 2×2 reflecting and sensor arrays (N = N̄ = 4) for the reference solver. */
final class TinyScenarios {
    private TinyScenarios() {
    }

    static Scenario tiny(int m) {
        Scenario p = Scenario.paper(m);
        return new Scenario(p.bs(), p.bsAxis(), p.irsPositions(), p.irsFrames(), p.target(), p.bsArray(), AngleUpa.halfWavelength(2, 2),
                AngleUpa.halfWavelength(2, 2), p.kFactorDb(), p.bsIrsGainDb(), p.bsIrsExponent(), p.targetGainDb(), p.irsTargetExponent(),
                p.betaPhase(), p.irsNoise(), p.bsNoise(), p.sensorNoise(), p.blockLength());
    }
}
