#!/usr/bin/env python3
"""Citation across languages (issue 19 item 5): is a French quote whose source exists only in
Arabic or English found as the translation of that source, and is a quote with no source in the
index left without one? See bench/README.md "Across languages (issue 19)".

    bench/eval_cite_across.py [--shared DIR] [--indexer PATH] [--searchd PATH] [--quotes 200]
                              [--seed 5] [--work DIR]

From the UN Parallel Corpus TEST set (<shared>/data/unpc-v1.0-testsets/testset, line-aligned
ar/en/fr), picks 2 × --quotes sentences of 8-60 French words (fixed seed): the first half
"present", the second "absent". Indexes with the real mahdar-indexer the Arabic and English
sentences of every line except the absent ones (about 7,600 passages) and no French at all, then
POSTs each picked French sentence, whole, to mahdar-searchd's /api/cite with lang=fr:
  - present: right when the first match is the line's Arabic or English sentence, with
    relation "translation"; wrong when it is another passage; missed when there is none;
  - absent: its source is not in the index, so any match is a false attribution.
Prints the shares and the lookup time (p50/p99). Exit status: 0 done or ../shared absent (said
on stdout), 1 an error. Standard library only.
"""
import argparse
import http.client
import json
import os
import random
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)

import eval_crosslang  # noqa: E402  (reads the test set the same way)
import lang_engines  # noqa: E402



def arguments():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    build = os.path.join(REPO, "build")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--indexer", default=os.path.join(build, "indexer", "mahdar-indexer"))
    ap.add_argument("--searchd", default=os.path.join(build, "searchd", "mahdar-searchd"))
    ap.add_argument("--quotes", type=int, default=200)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--work", default=os.path.join(BENCH, "work", "eval_cite_across"))
    return ap.parse_args()


def pick(texts, n, seed):
    lines = [k for k, fr in enumerate(texts["fr"])
             if 8 <= len(fr.split()) <= 60 and texts["ar"][k] and texts["en"][k]]
    random.Random(seed).shuffle(lines)
    return lines[:n], lines[n:2 * n]


def passage_id(line, lang):
    return f"unpc-{line + 1:04d}-{lang}"


def write_sources(texts, absent, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for lang in ("ar", "en"):
        path = os.path.join(out_dir, f"{lang}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for k, text in enumerate(texts[lang]):
                if text and k not in absent:
                    f.write(json.dumps({"id": passage_id(k, lang), "doc_id": f"unpc-test-{lang}",
                                        "doc_title": "UN Parallel Corpus test set", "text": text, "lang": lang,
                                        "para": str(k + 1)}, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def cite(conn, text):
    body = json.dumps({"text": text, "lang": "fr"}).encode()
    start = time.monotonic()
    conn.request("POST", "/api/cite", body, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    answer = resp.read()
    elapsed = (time.monotonic() - start) * 1000
    if resp.status != 200:
        raise RuntimeError(f"HTTP {resp.status}: {answer[:200].decode('utf-8', 'replace')}")
    return json.loads(answer)["matches"], elapsed


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1)] if values else 0


def main():
    args = arguments()
    root = os.path.join(args.shared, "data", "unpc-v1.0-testsets")
    if not os.path.isdir(os.path.join(root, "testset")):
        print(f"eval_cite_across: ../shared is absent ({root}/testset not found): NOTHING MEASURED. The "
              f"evaluation needs the UN Parallel Corpus test set; pass --shared DIR if it lives elsewhere")
        return 0
    for tool in (args.indexer, args.searchd):
        if not os.access(tool, os.X_OK):
            print(f"eval_cite_across: {tool} is not built (cmake --build build)", file=sys.stderr)
            return 1
    os.makedirs(args.work, exist_ok=True)
    texts, _ = eval_crosslang.read_testset(root)
    present, absent = pick(texts, args.quotes, args.seed)
    engine = lang_engines.Mahdar(args.indexer, args.searchd, args.work)
    seconds, _ = engine.index(write_sources(texts, set(absent), os.path.join(args.work, "passages")))
    print(f"indexed the Arabic and English test sentences but {len(absent)} in {seconds:.1f} s; "
          f"{len(present)} French quotes with a source, {len(absent)} without, seed {args.seed}")
    engine.start()
    try:
        conn = engine.conn
        right = wrong = missed = 0
        times = []
        for k in present:
            matches, ms = cite(conn, texts["fr"][k])
            times.append(ms)
            if not matches:
                missed += 1
            elif matches[0]["id"] in (passage_id(k, "ar"), passage_id(k, "en")) and matches[0]["relation"] == "translation":
                right += 1
            else:
                wrong += 1
        false = 0
        for k in absent:
            matches, ms = cite(conn, texts["fr"][k])
            times.append(ms)
            false += bool(matches)
    finally:
        engine.stop()
    n = len(present)
    print(f"French quote -> Arabic/English source: right {right / n:.2f}, wrong {wrong / n:.2f}, "
          f"missed {missed / n:.2f}")
    print(f"French quote with no source in the index: false attribution {false / len(absent):.2f}")
    print(f"lookup time (client side): p50 {percentile(times, 50):.1f} ms, p99 {percentile(times, 99):.1f} ms")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, OSError) as e:
        print(f"eval_cite_across: {e}", file=sys.stderr)
        sys.exit(1)
