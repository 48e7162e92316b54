#!/usr/bin/env python3
"""Times cvxopt_anm.py's two solvers the way `cosense bench zhang-anm` times CoSense's: on each
saved program (cvxopt_anm.py --save-case), per solver one untimed warm-up solve, then the median
wall time of repeated solves of that same program back to back in this process (ADMM_REPEATS for
the numpy ADMM, SDP_REPEATS for cvxopt), angle extraction included exactly as the peer script does
it (doas_from_toeplitz on T(u)). The peer module is imported, not copied, so its solvers run
unchanged.

Usage: anm_repeat_timing.py PEER_SCRIPT CASES_JSON OUT_JSON [ADMM_REPEATS [SDP_REPEATS]]
"""
import importlib.util
import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def load_peer(path):
    spec = importlib.util.spec_from_file_location("cvxopt_anm", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def median(v):
    s = sorted(v)
    n = len(s)
    return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def timed(solve, repeats):
    solve()                                    # warm-up, not timed
    ms = []
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = solve()
        ms.append(1e3 * (time.perf_counter() - t0))
    return median(ms), ms, result


def main():
    peer_path, cases_path, out_path = sys.argv[1:4]
    admm_repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 11
    sdp_repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    peer = load_peer(peer_path)
    peer.solvers.options["show_progress"] = False
    np = peer.np
    with open(cases_path) as f:
        cases = json.load(f)["cases"]
    out = []
    for c in cases:
        N, K, L, tau = c["N"], c["K"], c["L"], c["tau"]
        Y = np.array(c["Y"]["re"]) + 1j * np.array(c["Y"]["im"])
        admm = peer.AnmADMM(N, L)
        cvx = peer.CvxoptANM(N, L, c["cvxopt"]["form"])

        def solve_admm():
            u, W, X, info = admm.solve(Y, tau)
            peer.doas_from_toeplitz(peer.toeplitz_herm(u), K)
            return info

        def solve_cvx():
            u, W, X, info = cvx.solve(Y, tau)
            peer.doas_from_toeplitz(peer.toeplitz_herm(u), K)
            return info

        admm_ms, admm_all, admm_info = timed(solve_admm, admm_repeats)
        cvx_ms, cvx_all, _ = timed(solve_cvx, sdp_repeats)
        out.append({"N": N, "K": K, "L": L, "admm_ms": admm_ms, "admm_ms_all": admm_all,
                    "admm_iterations": admm_info["iterations"], "cvxopt_ms": cvx_ms, "cvxopt_ms_all": cvx_all})
    with open(out_path, "w") as f:
        json.dump({"admm_repeats": admm_repeats, "sdp_repeats": sdp_repeats, "statistic": "median", "results": out},
                  f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
