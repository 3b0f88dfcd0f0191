#!/usr/bin/env python3
"""Do the three engines answer alike? Totals and top hits of the query mix, compared by pairs.

    bench/agree.py --work bench/work/N --queries bench/work/queries.jsonl [--within 10]

Reads the answers load.py recorded in its warm-up pass ({mahdar,sphinx,fts5}-query.json:
[total, top hit id] per query) and maps Sphinx's and FTS5's numeric ids (the passage's position
+ 1) to passage ids through fts5.db. For each pair of engines: the share of queries whose top
hit is the same passage, whose totals are within --within per cent of each other, and the
median ratio of their totals, overall and by the query's language and kind. Differences are
expected (stemming: mahdar stems all three languages and folds Arabic letters, Sphinx stems all
three, FTS5 stems English only); they are reported, not fixed. Writes agreement.json beside the
answers and prints a table.
"""
import argparse
import itertools
import json
import os
import sqlite3
import statistics
import sys

SYSTEMS = ("mahdar", "sphinx", "fts5")


def answers(work, system, ids):
    try:
        with open(os.path.join(work, f"{system}-query.json")) as f:
            raw = json.load(f)["latency"].get("answers")
    except (OSError, ValueError, KeyError):
        return None
    if raw is None:
        return None
    out = []
    for a in raw:
        if a is None:
            out.append(None)
        else:
            total, top = a
            out.append((total, ids.get(top, top) if system != "mahdar" else top))
    return out


def compare(a, b, within):
    pairs = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    if not pairs:
        return None
    top = sum(1 for x, y in pairs if x[1] == y[1] and x[1] is not None)
    both_hit = sum(1 for x, y in pairs if x[1] is not None and y[1] is not None)
    close = sum(1 for x, y in pairs if abs(x[0] - y[0]) <= within / 100 * max(x[0], y[0]))
    ratios = [y[0] / x[0] for x, y in pairs if x[0] > 0]
    return {"queries": len(pairs), "same_top": top, "both_have_hits": both_hit, "totals_close": close,
            "median_total_ratio": statistics.median(ratios) if ratios else None,
            "zero_in_one_only": sum(1 for x, y in pairs if (x[0] == 0) != (y[0] == 0))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--within", type=float, default=10.0)
    args = ap.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        queries = [json.loads(l) for l in f]
    db = os.path.join(args.work, "fts5.db")
    ids = {}
    if os.path.exists(db):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        ids = dict(con.execute("SELECT id, pid FROM passages"))
        con.close()
    got = {s: answers(args.work, s, ids) for s in SYSTEMS}
    groups = {"all": lambda q: True}
    for lang in ("en", "fr", "ar"):
        groups[lang] = lambda q, lang=lang: q["lang"] == lang
    for kind in ("word", "words", "phrase"):
        groups[kind] = lambda q, kind=kind: q["kind"] == kind
    result = {"within_percent": args.within, "pairs": {}}
    lines = [f"| pair | queries | same top hit | totals within {args.within:g}% | median total ratio (2nd/1st) "
             "| no hits in one only | en / fr / ar totals within | word / words / phrase totals within |",
             "|---|---:|---:|---:|---:|---:|---|---|"]
    for a, b in itertools.combinations(SYSTEMS, 2):
        if not got[a] or not got[b]:
            continue
        per = {}
        for g, keep in groups.items():
            sel = [i for i, q in enumerate(queries[:len(got[a])]) if keep(q)]
            per[g] = compare([got[a][i] for i in sel], [got[b][i] for i in sel], args.within)
        result["pairs"][f"{a}-{b}"] = per
        al = per["all"]
        if not al:
            continue
        share = lambda c, g=None: "–" if not per.get(g or "all") else f"{100 * c / per[g or 'all']['queries']:.0f}%"
        sub = lambda gs: " / ".join(share(per[g]["totals_close"], g) if per[g] else "–" for g in gs)
        ratio = al["median_total_ratio"]
        lines.append(f"| {a} – {b} | {al['queries']} | {share(al['same_top'])} | {share(al['totals_close'])} | "
                     f"{'–' if ratio is None else f'{ratio:.2f}'} | {al['zero_in_one_only']} | "
                     f"{sub(('en', 'fr', 'ar'))} | {sub(('word', 'words', 'phrase'))} |")
    with open(os.path.join(args.work, "agreement.json"), "w") as f:
        json.dump(result, f, indent=1)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
