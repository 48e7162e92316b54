package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DbTest {
    @Test
    void dbmAndWatts() {
        assertEquals(1.0, Db.dbmToWatts(30), 1e-15);
        assertEquals(1e-3, Db.dbmToWatts(0), 1e-18);
        assertEquals(1e-13, Db.dbmToWatts(-100), 1e-27); // a typical noise power
        assertEquals(20.0, Db.wattsToDbm(0.1), 1e-12);
        assertEquals(-74.0, Db.wattsToDbm(Db.dbmToWatts(-74)), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Db.wattsToDbm(0), 0);
    }

    @Test
    void dbAndLinear() {
        assertEquals(100.0, Db.dbToLinear(20), 1e-12);
        assertEquals(0.5, Db.dbToLinear(-3.0103), 1e-5);
        assertEquals(-10.0, Db.linearToDb(0.1), 1e-12);
        assertEquals(7.5, Db.linearToDb(Db.dbToLinear(7.5)), 1e-12);
    }
}
