package org.cosense.systems.fangactive;

import org.cosense.math.Complex;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/** Small complex-matrix helpers over EJML used by the fangactive models (plain transposes matter here, P4). */
final class Cx {
    private Cx() {
    }

    static ZMatrixRMaj col(double[] v) {
        ZMatrixRMaj c = new ZMatrixRMaj(v.length / 2, 1);
        System.arraycopy(v, 0, c.data, 0, v.length);
        return c;
    }

    static double[] vector(ZMatrixRMaj c) {
        double[] v = new double[c.getDataLength()];
        System.arraycopy(c.data, 0, v, 0, v.length);
        return v;
    }

    /** diag(v) of an interleaved vector. */
    static ZMatrixRMaj diag(double[] v) {
        int n = v.length / 2;
        ZMatrixRMaj d = new ZMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            d.set(k, k, v[2 * k], v[2 * k + 1]);
        }
        return d;
    }

    /** Diag(X): the diagonal part of a square matrix. */
    static ZMatrixRMaj diagPart(ZMatrixRMaj x) {
        ZMatrixRMaj d = new ZMatrixRMaj(x.numRows, x.numRows);
        for (int k = 0; k < x.numRows; k++) {
            d.set(k, k, x.getReal(k, k), x.getImag(k, k));
        }
        return d;
    }

    static ZMatrixRMaj t(ZMatrixRMaj a) {
        ZMatrixRMaj o = new ZMatrixRMaj(a.numCols, a.numRows);
        CommonOps_ZDRM.transpose(a, o);
        return o;
    }

    static ZMatrixRMaj h(ZMatrixRMaj a) {
        ZMatrixRMaj o = new ZMatrixRMaj(a.numCols, a.numRows);
        CommonOps_ZDRM.transposeConjugate(a, o);
        return o;
    }

    static ZMatrixRMaj conj(ZMatrixRMaj a) {
        ZMatrixRMaj o = a.copy();
        for (int k = 1; k < o.getDataLength(); k += 2) {
            o.data[k] = -o.data[k];
        }
        return o;
    }

    static ZMatrixRMaj mult(ZMatrixRMaj... ms) {
        ZMatrixRMaj r = ms[0];
        for (int i = 1; i < ms.length; i++) {
            ZMatrixRMaj c = new ZMatrixRMaj(r.numRows, ms[i].numCols);
            CommonOps_ZDRM.mult(r, ms[i], c);
            r = c;
        }
        return r;
    }

    static ZMatrixRMaj add(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, a.numCols);
        CommonOps_ZDRM.add(a, b, c);
        return c;
    }

    static ZMatrixRMaj sub(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj c = new ZMatrixRMaj(a.numRows, a.numCols);
        CommonOps_ZDRM.subtract(a, b, c);
        return c;
    }

    static ZMatrixRMaj scale(double re, double im, ZMatrixRMaj a) {
        ZMatrixRMaj c = a.copy();
        CommonOps_ZDRM.scale(re, im, c);
        return c;
    }

    static ZMatrixRMaj scale(Complex z, ZMatrixRMaj a) {
        return scale(z.re(), z.im(), a);
    }

    static ZMatrixRMaj scale(double s, ZMatrixRMaj a) {
        return scale(s, 0, a);
    }

    static ZMatrixRMaj identity(int n) {
        return CommonOps_ZDRM.identity(n);
    }

    /** a + s I. */
    static ZMatrixRMaj plusIdentity(ZMatrixRMaj a, double s) {
        ZMatrixRMaj c = a.copy();
        for (int k = 0; k < a.numRows; k++) {
            c.set(k, k, c.getReal(k, k) + s, c.getImag(k, k));
        }
        return c;
    }

    static ZMatrixRMaj inv(ZMatrixRMaj a) {
        ZMatrixRMaj c = a.copy();
        if (!CommonOps_ZDRM.invert(c)) {
            throw new ArithmeticException("singular matrix");
        }
        return c;
    }

    static Complex tr(ZMatrixRMaj a) {
        Complex_F64 z = CommonOps_ZDRM.trace(a, null);
        return new Complex(z.real, z.imaginary);
    }

    /** tr(A B) without forming A B. */
    static Complex trProd(ZMatrixRMaj a, ZMatrixRMaj b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                double ar = a.getReal(i, j);
                double ai = a.getImag(i, j);
                double br = b.getReal(j, i);
                double bi = b.getImag(j, i);
                re += ar * br - ai * bi;
                im += ar * bi + ai * br;
            }
        }
        return new Complex(re, im);
    }

    /** Hermitian part (X + X^H)/2. */
    static ZMatrixRMaj herm(ZMatrixRMaj x) {
        return scale(0.5, add(x, h(x)));
    }

    /** ||v||^2 of an interleaved vector. */
    static double norm2(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }
}
