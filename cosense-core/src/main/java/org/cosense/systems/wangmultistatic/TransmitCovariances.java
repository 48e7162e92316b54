package org.cosense.systems.wangmultistatic;

import java.util.Arrays;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * The lifted transmit covariances Q_i = W_i W_i^H: Q_0 of the sensing stream s_0 and Q_1..Q_K of the communication
 * streams, one per RE [wangmultistatic S2.5]. Stored 0-based: {@code stream(0)} is Q_0, {@code stream(k + 1)} the
 * stream of RE k (k = 0..K-1).
 */
public record TransmitCovariances(ZMatrixRMaj[] streams) {
    public TransmitCovariances {
        InvalidInputException.require(streams != null && streams.length >= 1, "streams", streams == null ? null : streams.length,
                "Q_0 and one covariance per RE");
        int n = streams[0].numRows;
        for (int i = 0; i < streams.length; i++) {
            InvalidInputException.require(streams[i].numRows == n && streams[i].numCols == n, "streams", i,
                    streams[i].numRows + "x" + streams[i].numCols, "all " + n + "x" + n);
        }
        streams = Arrays.stream(streams).map(ZMatrixRMaj::copy).toArray(ZMatrixRMaj[]::new);
    }

    /** Q_i = W_i W_i^H from beamformers W_i (N_t×L). */
    public static TransmitCovariances fromBeamformers(ZMatrixRMaj[] w) {
        return new TransmitCovariances(Arrays.stream(w).map(x -> ComplexLinalg.multTransB(x, x)).toArray(ZMatrixRMaj[]::new));
    }

    public int receivers() {
        return streams.length - 1;
    }

    public ZMatrixRMaj stream(int i) {
        return streams[i];
    }

    public ZMatrixRMaj sensing() {
        return streams[0];
    }

    public ZMatrixRMaj communication(int k) {
        return streams[k + 1];
    }

    /** R = sum_i Q_i. */
    public ZMatrixRMaj total() {
        ZMatrixRMaj r = streams[0].copy();
        for (int i = 1; i < streams.length; i++) {
            r = ComplexLinalg.add(r, streams[i]);
        }
        return r;
    }

    /** sum_i tr Q_i, the transmit power of (2) and (25). */
    public double power() {
        double p = 0;
        for (ZMatrixRMaj q : streams) {
            p += ComplexLinalg.complexTrace(q).re();
        }
        return p;
    }
}
