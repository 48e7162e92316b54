package org.cosense.systems.fangactive;

import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

final class ReferenceInstancesTestSupport {
    private ReferenceInstancesTestSupport() {
    }

    /** A rank-one (pure LoS-like) channel of the slot's shape: first column times a fixed row. */
    static ZMatrixRMaj rankOne(IrsSlot s) {
        ZMatrixRMaj col = ComplexLinalg.columns(s.channel(), 0, 1);
        ZMatrixRMaj row = new ZMatrixRMaj(1, s.m());
        for (int m = 0; m < s.m(); m++) {
            row.set(0, m, Math.cos(0.3 * m), Math.sin(0.3 * m));
        }
        return ComplexLinalg.product(col, row);
    }
}
