#!/usr/bin/env python3
"""Rewrite the legacy spec citations in main sources into the repository's citation form.

Legacy forms (as written while the implementation notes lived outside the repository):
    spec 3.14, (spec 3.14), spec fangactive 3.13, spec table 2.3, spec section 8, Spec 3.9:
    E15, errata E4, P9, pitfall P7, spec P12, property 27, spec property 5
    the spec (prose)
Repository form (resolved by docs/<system>.md, checked by DocsCitationsTest):
    [hua3d E4]   [fangactive S3.14]   [hua3d P9]   [fangactive C27]
      E<n> erratum / ambiguity, P<n> pitfall, C<n> checkable property, S<n.m> section topic.
Sections continue a list: "spec 3.9, 3.12" and "E11, 3.12" become two citations; a number is read
as a section only when docs/<system>.md has that anchor, so values such as 0.1 are never touched.

The system of a citation: "hua3d" / "fangactive" named in the citation itself, otherwise the
package of the file (systems.<id>, lab.systems.<id>), otherwise the nearest mention of
Hua/hua3d or Fang/fangactive in the same comment or line, then in the whole file, then the
package hints below (printed, so they can be checked). What is still undecided is printed and
left unchanged.

Paper labels that look like citations are left alone: the design problems (P1)/(P4), (P2.1), (P5.1);
so are anchors and fragments of the docs pages themselves (id="E4", #E4).

Usage: python3 docs/rewrite-citations.py [--dry-run] [ROOT]     (ROOT: repository root, default: cwd)
"""
import os
import re
import sys

SYSTEMS = {"hua3d": "Hua et al.", "fangactive": "Fang et al."}
# Shared packages whose citations all concern one system (checked by hand when this script was written).
PACKAGE_HINTS = {
    "org/cosense/optim/": "fangactive",            # only fangactive has convex programs (R-step, SDR)
    "org/cosense/estimation/doa/": "hua3d",        # MUSIC / beam scanning of hua3d
}

ID = r"(?:[EPC]\d+|S\d+(?:\.\d+)*)"
CITED = re.compile(r"\[(hua3d|fangactive) (" + ID + r")\]")
SEC = r"\d+(?:\.\d+)*"
SEP = r"(?:\s*(?:,|–|-|/|and)\s*)"

# One legacy citation; named groups say what it is. Order matters (longest forms first).
LEGACY = re.compile(
    r"(?P<specsys>\b[Ss]pec (?P<sysname>hua3d|fangactive) (?=\())"                   # spec fangactive (10)
    r"|\b[Ss]pec (?:(?P<sys>hua3d|fangactive) )?(?:(?:table|section) )?(?P<sec>" + SEC + r")"
    r"|\b(?:[Ss]pec )?(?P<propword>propert(?:y|ies)) (?P<prop>\d+)"
    r"|(?<![#\"])\b(?:[Ss]pec )?(?P<pid>P\d+)\b(?!\.\d)"
    r"|(?<![#\"])\b(?P<eid>E\d+)\b"
    r"|\b(?P<thespec>the spec)\b"
)
CONTINUATION = re.compile(r"(" + SEP + r")(\d+(?:\.\d+)+|property \d+|P\d+|E\d+)\b(?!\.\d)")
# A section cited after other words in the same list, which the continuation rule does not reach.
SPECIAL = {"for sensing at the BS, 3.6/(42a)": "for sensing at the BS, [{system} S3.6]/(42a)"}
PROBLEM_LABELS = re.compile(r"\(P\d\)/\(P\d\)|\(P\d+\.\d+\)")


def anchors(root):
    out = {}
    for s in SYSTEMS:
        p = os.path.join(root, "docs", s + ".md")
        ids = set()
        if os.path.exists(p):
            ids = set(re.findall(r'<a id="([^"]+)"></a>', open(p, encoding="utf-8").read()))
        out[s] = ids
    return out


def package_system(path):
    for s in SYSTEMS:
        if f"/systems/{s}/" in path.replace(os.sep, "/"):
            return s
    return None


def mention(text):
    h = len(re.findall(r"\bHua\b|hua3d", text))
    f = len(re.findall(r"\bFang\b|fangactive", text))
    if h and not f:
        return "hua3d"
    if f and not h:
        return "fangactive"
    return None


def comment_block(lines, i):
    """The comment (javadoc or // run) containing line i, or the line itself."""
    lo = hi = i
    if lines[i].lstrip().startswith(("*", "/**", "/*")):
        while lo > 0 and not lines[lo].lstrip().startswith(("/**", "/*")):
            lo -= 1
        while hi < len(lines) - 1 and "*/" not in lines[hi]:
            hi += 1
    elif lines[i].lstrip().startswith("//"):
        while lo > 0 and lines[lo - 1].lstrip().startswith("//"):
            lo -= 1
        while hi < len(lines) - 1 and lines[hi + 1].lstrip().startswith("//"):
            hi += 1
    return "\n".join(lines[lo:hi + 1])


def decide(path, text, lines, i, named):
    if named:
        return named, "named"
    s = package_system(path)
    if s:
        return s, "package"
    s = mention(lines[i]) or mention(comment_block(lines, i))
    if s:
        return s, "context"
    s = mention(text)
    if s:
        return s, "file"
    for prefix, s in PACKAGE_HINTS.items():
        if prefix in path.replace(os.sep, "/"):
            return s, "hint"
    return None, "undecided"


def convert_one(m, system, ids):
    """Replacement text for one legacy match, or None to keep it."""
    g = m.groupdict()
    if g["specsys"]:
        return SYSTEMS[g["sysname"]] + " "
    if g["thespec"]:
        return "the documentation"
    if g["sec"]:
        cid = "S" + g["sec"]
    elif g["prop"]:
        cid = "C" + g["prop"]
    elif g["pid"]:
        cid = g["pid"]
    else:
        cid = g["eid"]
    return f"[{system} {cid}]"


def continuation_id(tok):
    if tok.startswith("property"):
        return "C" + tok.split()[1]
    if tok[0] in "PE":
        return tok
    return "S" + tok


def rewrite_line(line, system, ids, report, where):
    out, pos = [], 0
    hide = lambda m: "\0" * len(m.group())
    masked = CITED.sub(hide, PROBLEM_LABELS.sub(hide, line))
    for m in LEGACY.finditer(masked):
        if m.start() < pos:
            continue
        if system is None and not m.group("thespec"):
            report["undecided"].append(f"{where}: {m.group().strip()}")
            continue
        rep = convert_one(m, system, ids)
        out.append(line[pos:m.start()])
        end = m.end()
        if rep.startswith("["):
            cid = rep[len(system) + 2:-1]
            if cid not in ids:
                report["unresolved"].append(f"{where}: {m.group().strip()} -> {rep} (no anchor in docs/{system}.md)")
            report["rewritten"] += 1
            # a list that continues the citation: ", 3.12", "–3.7", "/P13", ", property 27"
            while True:
                c = CONTINUATION.match(masked, end)
                if not c:
                    break
                nid = continuation_id(c.group(2))
                if nid not in ids:
                    break
                rep += c.group(1) + f"[{system} {nid}]"
                report["rewritten"] += 1
                end = c.end()
        else:
            report["prose"] += 1
        out.append(rep)
        pos = end
    out.append(line[pos:])
    return "".join(out)


def main(argv):
    dry = "--dry-run" in argv
    args = [a for a in argv if not a.startswith("--")]
    root = os.path.abspath(args[0] if args else ".")
    ids = anchors(root)
    report = {"rewritten": 0, "prose": 0, "unresolved": [], "undecided": [], "hinted": [], "files": 0}
    for module in sorted(os.listdir(root)):
        src = os.path.join(root, module, "src", "main")
        if not module.startswith("cosense-") or not os.path.isdir(src):
            continue
        for dirpath, _, files in os.walk(src):
            for f in sorted(files):
                if not f.endswith(".java"):
                    continue
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, root)
                text = open(path, encoding="utf-8").read()
                lines = text.split("\n")
                changed = False
                for i, line in enumerate(lines):
                    probe = PROBLEM_LABELS.sub("", CITED.sub("", line))
                    if not LEGACY.search(probe):
                        continue
                    named = None
                    nm = re.search(r"\b[Ss]pec (hua3d|fangactive)\b", line)
                    if nm:
                        named = nm.group(1)
                    system, how = decide(rel, text, lines, i, named)
                    where = f"{rel}:{i + 1}"
                    if how == "hint":
                        report["hinted"].append(f"{where}: -> {system}")
                    for old, fixed in SPECIAL.items():
                        if system and old in line:
                            line = line.replace(old, fixed.format(system=system))
                            report["rewritten"] += 1
                    new = rewrite_line(line, system, ids.get(system, set()), report, where)
                    if new != line:
                        lines[i] = new
                        changed = True
                if changed:
                    report["files"] += 1
                    if not dry:
                        open(path, "w", encoding="utf-8").write("\n".join(lines))
    print(f"{'would rewrite' if dry else 'rewrote'} {report['rewritten']} citations"
          f" and {report['prose']} prose mentions of the spec in {report['files']} files")
    for title, key in (("decided by a package hint (check these)", "hinted"),
                       ("could not decide the system (left unchanged)", "undecided"),
                       ("rewritten but without an anchor in docs/ (add an entry)", "unresolved")):
        print(f"{title}: {len(report[key])}")
        for x in report[key]:
            print("  " + x)
    return 1 if report["undecided"] or report["unresolved"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
