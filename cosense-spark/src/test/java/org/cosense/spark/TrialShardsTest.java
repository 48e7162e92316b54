package org.cosense.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialShardsTest {
    @Test
    void shardsCoverEveryIndexOnceAndShrinkToSingleTrials() {
        for (long total : new long[] {1, 2, 7, 8, 9, 100, 1001, 1_000_000}) {
            for (int slots : new int[] {1, 2, 3, 64}) {
                long d = slots * 4L;
                List<TrialShards.Shard> s = TrialShards.cut(total, slots, 4);
                String at = total + " trials on " + slots + " slots";
                long next = 0;
                long previous = Long.MAX_VALUE;
                for (TrialShards.Shard sh : s) {
                    assertEquals(next, sh.start(), "contiguous: " + at);
                    assertEquals(Math.max(1, (total - next + d - 1) / d), sh.size(), "ceil(remaining / (4 slots)): " + at);
                    assertTrue(sh.size() <= previous, "sizes never grow: " + at);
                    previous = sh.size();
                    next = sh.end();
                }
                assertEquals(total, next, "covers all trials: " + at);
                assertEquals(1, s.get(s.size() - 1).size(), "ends on a single trial: " + at);
                // the remainder shrinks by (1 - 1/d) per shard down to d trials, then single trials: at most
                // d ln(total / d) + d + 1 tasks, which keeps the per-task overhead of a million cheap trials small
                double bound = d * Math.log(Math.max(1.0, (double) total / d)) + d + 1;
                assertTrue(s.size() <= Math.min(total, bound), at + ": " + s.size() + " shards");
            }
        }
        assertEquals(List.of(), TrialShards.cut(0, 2, 4));
        // a paper-count fangactive figure on local[2]: 100 realizations start in shards of 13 and end one at a time
        List<TrialShards.Shard> paper = TrialShards.cut(100, 2, 4);
        assertEquals(13, paper.get(0).size());
        assertEquals(8, paper.stream().filter(sh -> sh.size() == 1).count());
    }
}
