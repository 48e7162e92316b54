package org.cosense.systems.fangactive;

import static org.cosense.systems.fangactive.FangTestInstances.scaledDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.cosense.bounds.FisherInformation;
import org.cosense.bounds.GaussianModel;
import org.cosense.math.Complex;
import org.cosense.math.NumericalDerivative;
import org.cosense.systems.fangactive.FangTestInstances.Instance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Prop. 1, the exact BS model and Prop. 2 against the generic engine; errata E1–E4 (spec 6 items 1–5). */
class FimAgainstEngineTest {

    static DMatrixRMaj engine(GaussianModel model, double[] xi) {
        return FisherInformation.of(model, xi);
    }

    @Test
    void proposition1MatchesTheGenericEngine() {
        for (long seed : new long[] {1, 2, 3}) {
            Instance in = FangTestInstances.recipe(seed);
            DMatrixRMaj closed = SensingAtBs.INSTANCE.fim(in.slot(), in.psi(), in.rs());
            DMatrixRMaj ref = engine(SensingAtBs.INSTANCE.signalModel(in.slot(), in.psi(), in.s()), in.slot().parameters());
            assertTrue(scaledDifference(closed, ref) < 1e-6, "seed " + seed + ": " + scaledDifference(closed, ref));
            // compact form tr(M_pq R) equals (17a)–(17c)
            DMatrixRMaj compact = SensingAtBs.INSTANCE.affineInCovariance(in.slot(), in.psi()).evaluate(in.rs());
            assertTrue(scaledDifference(compact, closed) < 1e-12);
        }
    }

    @Test
    void sensingAtBsCovarianceTermIsZero() {
        Instance in = FangTestInstances.recipe(4);
        GaussianModel model = SensingAtBs.INSTANCE.signalModel(in.slot(), in.psi(), in.s());
        List<ZMatrixRMaj> dc = NumericalDerivative.matrixDerivatives(model::covariance, in.slot().parameters());
        DMatrixRMaj covPart = FisherInformation.ofCovariance(model.covariance(in.slot().parameters()), dc);
        for (double v : covPart.data) {
            assertEquals(0, v, 0);
        }
    }

    @Test
    void exactSensingAtBsFimKeepingTripleHopNoiseMatchesTheEngine() {
        Instance in = FangTestInstances.recipe(5);
        DMatrixRMaj closed = SensingAtBs.INSTANCE.exactFim(in.slot(), in.psi(), in.rs());
        DMatrixRMaj ref = engine(SensingAtBs.INSTANCE.signalModel(in.slot(), in.psi(), in.s(), true), in.slot().parameters());
        assertTrue(scaledDifference(closed, ref) < 1e-6, "" + scaledDifference(closed, ref));
        // and differs from the paper's approximation on this (large-noise) instance
        DMatrixRMaj approx = SensingAtBs.INSTANCE.fim(in.slot(), in.psi(), in.rs());
        assertTrue(scaledDifference(approx, ref) > 1e-3);
    }

    @Test
    void proposition2MatchesTheGenericEngine() {
        for (long seed : new long[] {1, 2, 3}) {
            Instance in = FangTestInstances.recipe(seed);
            DMatrixRMaj closed = SensingAtIrs.INSTANCE.fim(in.slot(), in.psi(), in.rs());
            DMatrixRMaj ref = engine(SensingAtIrs.INSTANCE.signalModel(in.slot(), in.psi(), in.s()), in.slot().parameters());
            assertTrue(scaledDifference(closed, ref) < 1e-6, "seed " + seed + ": " + scaledDifference(closed, ref));
            DMatrixRMaj compact = SensingAtIrs.INSTANCE.affineInCovariance(in.slot(), in.psi()).evaluate(in.rs());
            assertTrue(scaledDifference(compact, closed) < 1e-12);
        }
    }

    @Test
    void erratumE1TheAngleCrossTraceIsNotReal() {
        Instance in = FangTestInstances.recipe(1);
        Complex q = SensingAtBs.INSTANCE.angleCrossTrace(in.slot(), in.psi(), in.rs());
        assertTrue(Math.abs(q.im()) > 1e-3 * q.abs(), "imaginary part must be significant: " + q);
    }

    @Test
    void erratumE2PrintedBetaChangesEntriesButNotTheTraceCrbInProposition1() {
        Instance in = FangTestInstances.recipe(2);
        DMatrixRMaj ref = engine(SensingAtBs.INSTANCE.signalModel(in.slot(), in.psi(), in.s()), in.slot().parameters());
        DMatrixRMaj printed = SensingAtBs.INSTANCE.fimAsPrinted(in.slot(), in.psi(), in.rs());
        DMatrixRMaj corrected = SensingAtBs.INSTANCE.fim(in.slot(), in.psi(), in.rs());
        assertTrue(scaledDifference(printed, ref) > 1e-2, "" + scaledDifference(printed, ref));
        assertTrue(scaledDifference(corrected, ref) < 1e-6);
        double crbP = FangBounds.traceCrb(printed);
        double crbC = FangBounds.traceCrb(corrected);
        assertEquals(crbC, crbP, 1e-10 * crbC);
    }

    @Test
    void errataE2E3E4PrintedProposition2DisagreesWithTheEngine() {
        Instance in = FangTestInstances.recipe(3);
        IrsSlot slot = in.slot();
        DMatrixRMaj ref = engine(SensingAtIrs.INSTANCE.signalModel(slot, in.psi(), in.s()), slot.parameters());
        double crbRef = FangBounds.traceCrb(ref);
        for (Erratum e : Erratum.values()) {
            DMatrixRMaj printed = Erratum.proposition2(slot, in.psi(), in.rs(), EnumSet.of(e));
            double d = scaledDifference(printed, ref);
            double crb = FangBounds.traceCrb(printed);
            assertTrue(d > 1e-2, e + " entries: " + d);
            // in Prop. 2 every printed form also changes the CRB (E2: the covariance part is not rotated)
            assertTrue(Math.abs(crb - crbRef) > 1e-4 * crbRef, e + " CRB " + crb + " vs " + crbRef);
        }
        DMatrixRMaj all = Erratum.proposition2(slot, in.psi(), in.rs(), EnumSet.allOf(Erratum.class));
        assertTrue(scaledDifference(all, ref) > 1e-2);
        assertTrue(scaledDifference(SensingAtIrs.INSTANCE.fim(slot, in.psi(), in.rs()), ref) < 1e-6);
    }
}
