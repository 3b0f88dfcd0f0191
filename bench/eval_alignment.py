#!/usr/bin/env python3
"""Language versions (issue 19 items 1-2): how well mahdar links the versions of one report and
aligns their paragraphs. See bench/README.md "Alignment".

    bench/eval_alignment.py [--shared DIR] [--indexer PATH] [--tool PATH] [--seed 19]
                            [--drop 0.1] [--merge 0.1] [--work DIR]

1. Linking and alignment as indexed: the real mahdar-indexer indexes <shared>/corpus (seeds/
   English originals, ar/ and fr/ versions of two of them, file names that share nothing) and
   the project's corpus/; the version pass links and aligns. Linking: which documents are linked,
   against the truth (the shared corpus README's table; corpus/: same date and same subject),
   counting missed and false links. Alignment: paragraph pairs of each linked pair; a pair is
   right when its passages' source line ranges overlap (the shared versions are aligned line by
   line with their original).
2. The aligner alone on the shared corpus (mahdar-align-eval align): each non-empty line a
   paragraph, the version perturbed (a fixed seed drops --drop of its paragraphs and merges
   --merge of them with the next), with and without paragraph numbers.
3. The aligner alone on the UN Parallel Corpus test set (<shared>/data/unpc-v1.0-testsets/
   testset): its 4,000 line-aligned sentences are samples of many documents, 1 to 3 lines each,
   so runs of --chunk (50) consecutive sentences stand for documents, sentences for paragraphs
   (unnumbered); the second version perturbed the same way; en-ar, en-fr, ar-fr.
Precision: share of the predicted paragraph pairs that are right; recall: share of the right
pairs predicted (a bead of two paragraphs counts as two pairs). Exit status: 0 done or ../shared
absent (said on stdout), 1 an error. Standard library only.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)


def run_tool(tool, args, stdin=None):
    out = subprocess.run([tool] + args, input=stdin, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def prf(right, predicted, gold):
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def perturb(b_items, rng, drop, merge):
    """Drops and merges paragraphs of one side; gives the new items and, for each, the
    original indices it holds."""
    out, held = [], []
    k = 0
    while k < len(b_items):
        x = rng.random()
        if x < drop:
            k += 1
            continue
        if x < drop + merge and k + 1 < len(b_items):
            out.append([b_items[k][0] + " " + b_items[k + 1][0], ""])
            held.append([k, k + 1])
            k += 2
            continue
        out.append(list(b_items[k]))
        held.append([k])
        k += 1
    return out, held


def score_beads(beads, held, n_a):
    """Gold: a[i] ↔ b'[j] when b'[j] holds original i (one-to-one originals)."""
    gold = {(i, j) for j, orig in enumerate(held) for i in orig if i < n_a}
    pred = {(i, j) for bead in beads for i in bead[0] for j in bead[1]}
    return len(pred & gold), len(pred), len(gold)


def para_of(line):
    m = re.match(r"^\s*([0-9\u0660-\u0669]+)[.)]\s", line)
    if not m:
        return ""
    return str(int("".join(str(int(c)) if c.isdigit() else c for c in m.group(1))))


def aligner_on(tool, pairs, rng, drop, merge, numbered):
    """pairs: list of (a_lines, b_lines) aligned one to one. Returns right, predicted, gold."""
    requests, helds, sizes = [], [], []
    for a_lines, b_lines in pairs:
        a = [[t, para_of(t) if numbered else ""] for t in a_lines]
        b = [[t, para_of(t) if numbered else ""] for t in b_lines]
        b2, held = perturb(b, rng, drop, merge)
        if numbered:  # a merged paragraph keeps the number of its first part
            for item, orig in zip(b2, held):
                item[1] = b[orig[0]][1]
        requests.append(json.dumps({"a": a, "b": b2}, ensure_ascii=False))
        helds.append(held)
        sizes.append(len(a))
    answers = run_tool(tool, ["align"], "\n".join(requests) + "\n")
    total = [0, 0, 0]
    for ans, held, n in zip(answers, helds, sizes):
        for k, v in enumerate(score_beads(ans["beads"], held, n)):
            total[k] += v
    return total


def lines_of(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def shared_aligner(shared, tool, seed, drop, merge):
    corpus = os.path.join(shared, "corpus")
    seeds = {name[:3]: os.path.join(corpus, "seeds", name) for name in os.listdir(os.path.join(corpus, "seeds"))}
    rows = []
    for lang in ("ar", "fr"):
        pairs = []
        for name in sorted(os.listdir(os.path.join(corpus, lang))):
            en, other = lines_of(seeds[name[:3]]), lines_of(os.path.join(corpus, lang, name))
            keep = [k for k in range(min(len(en), len(other))) if en[k].strip() and other[k].strip()]
            pairs.append(([en[k] for k in keep], [other[k] for k in keep]))
        for numbered in (True, False):
            right, pred, gold = aligner_on(tool, pairs, random.Random(seed), drop, merge, numbered)
            rows.append((f"shared corpus en-{lang}, {'numbers + ' if numbered else ''}length/anchors",
                         sum(len(p[0]) for p in pairs), prf(right, pred, gold)))
    return rows


def unpc_aligner(shared, tool, seed, drop, merge, chunk):
    """The test set's 4,000 sentences are samples of many documents (1 to 3 consecutive lines
    each), too short to align: consecutive runs of `chunk` sentences stand for documents."""
    base = os.path.join(shared, "data", "unpc-v1.0-testsets", "testset")
    text = {lang: lines_of(os.path.join(base, f"UNv1.0.testset.{lang}")) for lang in ("ar", "en", "fr")}
    n = len(text["en"])
    docs = [(s, min(s + chunk, n)) for s in range(0, n, chunk)]
    rows = []
    for x, y in (("en", "ar"), ("en", "fr"), ("ar", "fr")):
        pairs = [(text[x][s:e], text[y][s:e]) for s, e in docs]
        right, pred, gold = aligner_on(tool, pairs, random.Random(seed), drop, merge, False)
        rows.append((f"UNPC test set {x}-{y}, {len(pairs)} runs of {chunk} sentences", n, prf(right, pred, gold)))
    return rows


def as_indexed(shared, indexer, tool, work):
    """Indexes the shared corpus and corpus/; linking and alignment of the real pass."""
    db = os.path.join(work, "db")
    inputs = [os.path.join(shared, "corpus", d) for d in ("seeds", "ar", "fr")] + [os.path.join(ROOT, "corpus")]
    subprocess.run([indexer, "--db", db, "--quiet"] + inputs, check=True, capture_output=True)
    docs = run_tool(tool, ["links", db])
    group = {}
    for d in docs:
        src = d["source"]
        if "/shared/corpus/" in src or os.path.join(shared, "corpus") in src:
            key = "shared-" + os.path.basename(src)[:3]
        elif d["date"] and "/corpus/" in src and d["date"] in ("2024-10-29", "2024-11-14", "2024-12-17"):
            key = "corpus-" + d["date"]
        else:
            key = "alone-" + d["doc_id"]
        group[d["doc_id"]] = key
    truth, found = set(), set()
    for a in docs:
        for b in docs:
            if a["doc_id"] < b["doc_id"] and a["lang"] != b["lang"] and group[a["doc_id"]] == group[b["doc_id"]]:
                truth.add((a["doc_id"], b["doc_id"]))
        for v in a["versions"]:
            found.add(tuple(sorted((a["doc_id"], v["doc_id"]))) + (v["how"],))
    found_pairs = {f[:2] for f in found}
    hows = {}
    for f in found:
        hows[f[2]] = hows.get(f[2], 0) + 1
    link = prf(len(found_pairs & truth), len(found_pairs), len(truth))
    missed = sorted(truth - found_pairs)
    false = sorted(found_pairs - truth)
    # alignment of the linked shared-corpus pairs, by source line ranges
    right = pred = gold = 0
    for pair in run_tool(tool, ["pairs", db]):
        if not group[pair["a"]].startswith("shared-"):
            continue
        ranges = {}
        for side in ("a", "b"):
            lines = pair[side + "_lines"]
            ranges[side] = {o: (l, lines[k + 1][1] if k + 1 < len(lines) else 10 ** 9) for k, (o, l) in enumerate(lines)}
        overlap = lambda ra, rb: ra[0] < rb[1] and rb[0] < ra[1]
        g = {(i, j) for i, ra in ranges["a"].items() for j, rb in ranges["b"].items() if overlap(ra, rb)}
        p = {(i, j) for bead in pair["beads"] for i in bead[0] for j in bead[1]}
        right += len(p & g)
        pred += len(p)
        gold += len(g)
    return link, hows, missed, false, prf(right, pred, gold), len(docs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--indexer", default=os.path.join(ROOT, "build", "indexer", "mahdar-indexer"))
    ap.add_argument("--tool", default=os.path.join(ROOT, "build", "tests", "mahdar-align-eval"))
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--drop", type=float, default=0.1)
    ap.add_argument("--merge", type=float, default=0.1)
    ap.add_argument("--chunk", type=int, default=50, help="UNPC sentences per pseudo-document")
    ap.add_argument("--work")
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)
    if not os.path.isdir(os.path.join(shared, "corpus")):
        print(f"../shared is absent ({shared}/corpus not found): nothing to evaluate")
        return 0
    for path in (args.indexer, args.tool):
        if not os.access(path, os.X_OK):
            print(f"not built: {path}", file=sys.stderr)
            return 1
    work = args.work or tempfile.mkdtemp(prefix="mahdar-align-")
    link, hows, missed, false, align, ndocs = as_indexed(shared, args.indexer, args.tool, work)
    print(f"Linking ({ndocs} documents indexed: shared corpus + corpus/): precision {link[0]:.3f}, recall {link[1]:.3f}"
          f"; links by {', '.join(f'{k} {v}' for k, v in sorted(hows.items()))}")
    for m in missed:
        print(f"  missed: {m[0]} ~ {m[1]}")
    for f in false:
        print(f"  FALSE:  {f[0]} ~ {f[1]}")
    print(f"Alignment as indexed (shared corpus, linked pairs, by source lines): "
          f"precision {align[0]:.3f}, recall {align[1]:.3f}, F1 {align[2]:.3f}")
    print(f"Aligner alone, the version perturbed (drop {args.drop}, merge {args.merge}, seed {args.seed}):")
    rows = shared_aligner(shared, args.tool, args.seed, args.drop, args.merge)
    if os.path.isdir(os.path.join(shared, "data", "unpc-v1.0-testsets")):
        rows += unpc_aligner(shared, args.tool, args.seed, args.drop, args.merge, args.chunk)
    else:
        print("  (UNPC test sets absent)")
    print(f"  {'set':58} {'paras':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for name, n, (p, r, f) in rows:
        print(f"  {name:58} {n:6} {p:6.3f} {r:6.3f} {f:6.3f}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as e:
        print(f"eval_alignment: {e.cmd[0]} failed: {e.stderr}", file=sys.stderr)
        sys.exit(1)
