package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

class CommunicationRatesTest {
    private static TransmitCovariances randomCovariances(RandomStream rng, int k, int nt) {
        ZMatrixRMaj[] q = new ZMatrixRMaj[k + 1];
        for (int i = 0; i <= k; i++) {
            q[i] = Instances.randomPsd(rng, nt, 1 + rng.nextInt(3), 0.1);
        }
        return new TransmitCovariances(q);
    }

    @Test
    void logDetAndRankOneFormsAgreeOnLosChannels() {
        RandomStream rng = new RandomStream(5);
        for (int trial = 0; trial < 5; trial++) {
            int nt = 4 + trial;
            int nr = 1 + trial % 3;
            LosLink[] links = Instances.links(Instances.positions(100 + trial, 4), nt, nr);
            TransmitCovariances q = randomCovariances(rng, 4, nt);
            for (int k = 0; k < 4; k++) {
                for (boolean b : new boolean[] {false, true}) {
                    double logDet = CommunicationRates.logDetRate(links[k].matrix(), q, k, b, Instances.NOISE);
                    double closed = CommunicationRates.rankOneRate(links[k], q, k, b, Instances.NOISE);
                    assertTrue(closed > 0.01, "non-trivial rate " + closed);
                    assertEquals(logDet, closed, 1e-9 * Math.max(1, closed), "trial " + trial + " RE " + k + " b=" + b);
                }
            }
        }
    }

    /**
     * The SCA surrogate (44) on general (random, not LoS) channels: below the rate for random Q, equal at Q̄, and with the
     * same directional derivative there (central differences, 1e-4 relative) [wangmultistatic C14].
     */
    @Test
    void rateSurrogateIsATightLowerBoundWithTheSameGradient() {
        RandomStream rng = new RandomStream(44);
        int k = 3;
        int nt = 4;
        int nr = 2;
        double noise = 0.05;
        for (int trial = 0; trial < 20; trial++) {
            ZMatrixRMaj h = new ZMatrixRMaj(nr, nt);
            for (int i = 0; i < h.data.length; i++) {
                h.data[i] = rng.nextGaussian() / Math.sqrt(2);
            }
            ZMatrixRMaj[] bar = new ZMatrixRMaj[k + 1];
            ZMatrixRMaj[] dir = new ZMatrixRMaj[k + 1];
            for (int i = 0; i <= k; i++) {
                bar[i] = Instances.randomPsd(rng, nt, nt, 0.3);
                dir[i] = ComplexLinalg.subtract(Instances.randomPsd(rng, nt, 2, 0.1), Instances.randomPsd(rng, nt, 2, 0.1));
            }
            TransmitCovariances qBar = new TransmitCovariances(bar);
            TransmitCovariances q = randomCovariances(rng, k, nt);
            int re = trial % k;
            boolean b = trial % 2 == 0;
            double atQ = CommunicationRates.logDetRate(h, q, re, b, noise);
            assertTrue(CommunicationRates.surrogateRate(h, q, qBar, re, b, noise) <= atQ + 1e-12, "trial " + trial);
            double atBar = CommunicationRates.logDetRate(h, qBar, re, b, noise);
            assertEquals(atBar, CommunicationRates.surrogateRate(h, qBar, qBar, re, b, noise), 1e-12 * Math.max(1, atBar));
            double step = 1e-5;
            TransmitCovariances plus = shifted(bar, dir, step);
            TransmitCovariances minus = shifted(bar, dir, -step);
            double dRate = (CommunicationRates.logDetRate(h, plus, re, b, noise) - CommunicationRates.logDetRate(h, minus, re, b, noise))
                    / (2 * step);
            double dSur = (CommunicationRates.surrogateRate(h, plus, qBar, re, b, noise)
                    - CommunicationRates.surrogateRate(h, minus, qBar, re, b, noise)) / (2 * step);
            assertTrue(Math.abs(dRate) > 1e-3, "a non-trivial direction: " + dRate);
            assertEquals(dRate, dSur, 1e-4 * Math.abs(dRate), "trial " + trial);
        }
    }

    private static TransmitCovariances shifted(ZMatrixRMaj[] q, ZMatrixRMaj[] d, double t) {
        ZMatrixRMaj[] out = new ZMatrixRMaj[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = ComplexLinalg.add(q[i], ComplexLinalg.scale(t, d[i]));
        }
        return new TransmitCovariances(out);
    }

    @Test
    void cancellingTheSensingStreamNeverHurtsAndOtherFlagsDoNotMatter() {
        RandomStream rng = new RandomStream(6);
        LosLink[] links = Instances.links(Instances.positions(7, 5), 6, 2);
        TransmitCovariances q = randomCovariances(rng, 5, 6);
        boolean[] none = new boolean[5];
        boolean[] others = {false, true, true, true, true};
        double[] r0 = CommunicationRates.rankOneRates(links, q, none, Instances.NOISE);
        double[] r1 = CommunicationRates.rankOneRates(links, q, others, Instances.NOISE);
        assertEquals(r0[0], r1[0], 0, "R_0 depends only on b_0");
        for (int k = 1; k < 5; k++) {
            assertTrue(r1[k] > r0[k], "b_k = 1 removes the s_0 interference at RE " + k);
        }
    }

    @Test
    void singleStreamRateIsTheShannonRateOfTheBeamformingGain() {
        // one RE, all power on the matched beam: R = log2(1 + eta N_r N_t P / sigma^2)
        int nt = 8;
        LosLink link = Instances.links(new double[][] {{10, 30}}, nt, 2)[0];
        ZMatrixRMaj w = org.cosense.math.ComplexLinalg.scale(Math.sqrt(0.5 / nt), link.powerDirection());
        TransmitCovariances q = TransmitCovariances.fromBeamformers(new ZMatrixRMaj[] {new ZMatrixRMaj(nt, 1), w});
        double expected = Math.log(1 + link.gain() * 2 * nt * 0.5 / Instances.NOISE) / Math.log(2);
        assertEquals(expected, CommunicationRates.logDetRate(link.matrix(), q, 0, false, Instances.NOISE), 1e-9);
        assertEquals(0.5, q.power(), 1e-15);
    }

    @Test
    void rejectsBadInput() {
        LosLink[] links = Instances.links(Instances.positions(7, 2), 4, 2);
        TransmitCovariances q = randomCovariances(new RandomStream(1), 2, 4);
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> CommunicationRates.rankOneRate(links[0], q, 2, false, Instances.NOISE));
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> CommunicationRates.rankOneRate(links[0], q, 0, false, 0));
    }
}
