package org.cosense.lab.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.List;
import org.cosense.lab.Check;

/** The captions' list of checks: each claim, whether it holds, and its measured detail. */
final class ClaimSentence {
    private ClaimSentence() {
    }

    /** "Checks: claim — holds (detail); claim — DOES NOT HOLD (detail)." */
    static String of(List<Check> checks) {
        List<String> claims = new ArrayList<>();
        for (Check k : checks) {
            claims.add(k.behaviour() + " — " + (k.passed() ? "holds" : "DOES NOT HOLD") + " (" + k.detail() + ")");
        }
        return " Checks: " + String.join("; ", claims) + ".";
    }
}
