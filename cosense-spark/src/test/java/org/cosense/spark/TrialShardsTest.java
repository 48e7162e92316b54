package org.cosense.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialShardsTest {
    @Test
    void shardsCoverEveryIndexOnceInNearEqualRuns() {
        for (long total : new long[] {1, 2, 7, 8, 9, 100, 1001}) {
            for (int slots : new int[] {1, 2, 3}) {
                List<TrialShards.Shard> s = TrialShards.cut(total, slots, 4);
                assertEquals(Math.min(total, slots * 4L), s.size(), total + " trials on " + slots + " slots");
                long next = 0;
                long min = Long.MAX_VALUE;
                long max = 0;
                for (TrialShards.Shard sh : s) {
                    assertEquals(next, sh.start(), "contiguous");
                    assertTrue(sh.size() > 0, "no empty shard");
                    next = sh.end();
                    min = Math.min(min, sh.size());
                    max = Math.max(max, sh.size());
                }
                assertEquals(total, next, "covers all trials");
                assertTrue(max - min <= 1, "sizes differ by at most one");
            }
        }
        assertEquals(List.of(), TrialShards.cut(0, 2, 4));
    }
}
