#!/usr/bin/env python3
"""Cross-language evaluation (issue 19): does a query in one language find the same sentence in
another? See bench/README.md "Across languages (issue 19)".

    bench/eval_crosslang.py [--shared DIR] [--indexer PATH] [--searchd PATH] [--eval-tool PATH]
                            [--lexicon TSV] [--queries 300] [--seed 19] [--work DIR] [--searchd-only]

Indexes the UN Parallel Corpus TEST set (<shared>/data/unpc-v1.0-testsets/testset: 4,000
line-aligned sentences in ar/en/fr, one passage per sentence and language, the document id from
the .ids file) with the real mahdar-indexer. Picks 300 sentences (fixed seed) and makes of each,
in its source language, the query a user would type: its 3-6 most distinctive content words
(the rarest by document frequency in that language, in sentence order). Each query is run
restricted to the target language, and a hit is the aligned sentence in the top 10:
  - today: through mahdar-searchd's /api/search (lang=target), no expansion;
  - langs=all: through mahdar-searchd's /api/search (lang=target&langs=all), the query parser's
    own expansion (searchd/search/translate.h): what users get. Also without the lang filter
    (all three languages in one list), and the server's took_ms p50/p99;
  - with the lexicon: by mahdar-crosslang-eval (bench/crosslang_eval.cpp), which expands each
    query word to its lexicon translations on the same index by itself (the shapes compared
    before the parser did it).
The lexicon was built from the dev set, never from this test set. Prints Recall@10, MRR and the
expanded queries' latency (p50/p99). Exit status: 0 done or ../shared absent (said on stdout),
1 an error. Standard library only.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)

import lang_corpus  # noqa: E402
import lang_engines  # noqa: E402

LANGS = ("ar", "en", "fr")
DIRECTIONS = (("en", "en"), ("en", "ar"), ("en", "fr"), ("ar", "en"), ("fr", "en"),
              ("ar", "ar"), ("fr", "fr"), ("ar", "fr"), ("fr", "ar"))
BEST_SHAPE = "synonym, OR"


def arguments():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    build = os.path.join(REPO, "build")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--indexer", default=os.path.join(build, "indexer", "mahdar-indexer"))
    ap.add_argument("--searchd", default=os.path.join(build, "searchd", "mahdar-searchd"))
    ap.add_argument("--eval-tool", default=os.path.join(build, "tests", "mahdar-crosslang-eval"))
    ap.add_argument("--lexicon", default=os.path.join(REPO, "core", "reference", "data", "lexicon.tsv"))
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--work", default=os.path.join(BENCH, "work", "eval_crosslang"))
    ap.add_argument("--searchd-only", action="store_true",
                    help="skip mahdar-crosslang-eval (the bench's own expansion shapes)")
    return ap.parse_args()


def read_testset(root):
    """{lang: [line text]} and the .ids' document symbols, line-aligned."""
    base = os.path.join(root, "testset", "UNv1.0.testset")
    texts = {}
    for lang in LANGS:
        with open(f"{base}.{lang}", encoding="utf-8") as f:
            texts[lang] = [" ".join(line.split()) for line in f]
    with open(f"{base}.ids", encoding="utf-8") as f:
        symbols = [line.split()[0] if line.strip() else "" for line in f]
    return texts, symbols


def write_passages(texts, symbols, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for lang in LANGS:
        path = os.path.join(out_dir, f"{lang}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for n, text in enumerate(texts[lang], 1):
                if text:
                    f.write(json.dumps({"id": f"unpc-test-{n:04d}-{lang}", "doc_id": f"unpc:{symbols[n - 1]}:{lang}",
                                        "doc_title": f"UN Parallel Corpus testset: {symbols[n - 1]}",
                                        "text": text, "lang": lang, "para": str(n)}, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def content_words(text, lang):
    out = []
    for w, _ in lang_corpus.tokens(text):
        if lang_corpus.is_word(w, lang) and lang_corpus.is_content(w, lang):
            out.append(w)
    return out


def make_queries(texts, n, seed):
    """[{line, words: {lang: [words]}}]: n sentences with 3+ content words in every language,
    each one's 3-6 rarest content words per language (in sentence order)."""
    df = {lang: Counter() for lang in LANGS}
    for lang in LANGS:
        for text in texts[lang]:
            df[lang].update({lang_corpus.key(w) for w in content_words(text, lang)})
    seen = Counter(texts["en"])
    lines = [i for i in range(len(texts["en"]))
             if all(len(set(map(lang_corpus.key, content_words(texts[l][i], l)))) >= 3 for l in LANGS)
             and seen[texts["en"][i]] == 1]
    rng = random.Random(seed)
    out = []
    for i in sorted(rng.sample(lines, min(n, len(lines)))):
        size = rng.randint(3, 6)
        words = {}
        for lang in LANGS:
            distinct = list(dict.fromkeys(content_words(texts[lang][i], lang)))
            rarest = sorted(distinct, key=lambda w: (df[lang][lang_corpus.key(w)], distinct.index(w)))[:size]
            words[lang] = [w for w in distinct if w in rarest]
        out.append({"line": i, "words": words})
    return out


def targets(texts, line, lang):
    """Ids of every passage of `lang` whose text is the aligned sentence's (repeated lines)."""
    want = texts[lang][line]
    return [f"unpc-test-{n:04d}-{lang}" for n, t in enumerate(texts[lang], 1) if t == want]


def score(ranks):
    n = len(ranks)
    return {"n": n, "recall": sum(1 for r in ranks if r) / n, "mrr": sum(1 / r for r in ranks if r) / n}


def today(engine, queries, texts):
    out = {}
    for src, dst in DIRECTIONS:
        ranks = []
        for q in queries:
            hits = engine.search(" ".join(q["words"][src]), dst)
            want = set(targets(texts, q["line"], dst))
            ranks.append(next((k for k, h in enumerate(hits, 1) if h in want), None))
        out[f"{src}→{dst}"] = score(ranks)
    return out


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else 0.0


def across(engine, queries, texts, restrict):
    """Through searchd with langs=all: {direction: score + took_ms p50/p99}. `restrict`: with
    lang=<target> (else the aligned sentence must rank in the top 10 of all three languages)."""
    out = {}
    for src, dst in DIRECTIONS:
        ranks, took = [], []
        for q in queries:
            params = {"q": " ".join(q["words"][src]), "size": 10, "langs": "all"}
            if restrict:
                params["lang"] = dst
            answer = engine.answer(params)
            took.append(answer["took_ms"])
            want = set(targets(texts, q["line"], dst))
            ranks.append(next((k for k, h in enumerate(answer["hits"], 1) if h["id"] in want), None))
        out[f"{src}→{dst}"] = dict(score(ranks), p50_ms=percentile(took, 0.5), p99_ms=percentile(took, 0.99))
    return out


def expanded(args, queries, texts, db):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".tsv", dir=args.work, delete=False) as f:
        for src, dst in DIRECTIONS:
            for q in queries:
                f.write(f"{src}\t{dst}\t{','.join(targets(texts, q['line'], dst))}\t{' '.join(q['words'][src])}\n")
    run = subprocess.run([args.eval_tool, "--db", db, "--lexicon", args.lexicon, "--queries", f.name],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"mahdar-crosslang-eval failed: {run.stderr.strip()}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def print_searchd(base, restricted, mixed):
    print("\nThrough mahdar-searchd (R@10 / MRR; took_ms of the langs=all searches restricted to the target):\n")
    print("| direction | queries | today, lang=target | langs=all, lang=target | langs=all, no lang filter "
          "| took p50 ms | took p99 ms |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for src, dst in DIRECTIONS:
        d = f"{src}→{dst}"
        b, r, m = base[d], restricted[d], mixed[d]
        print(f"| {d} | {b['n']} | {b['recall']:.2f} / {b['mrr']:.2f} | {r['recall']:.2f} / {r['mrr']:.2f} "
              f"| {m['recall']:.2f} / {m['mrr']:.2f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} |")


def print_tables(base, rows):
    by = {(r["shape"], r["direction"]): r for r in rows}
    print("\nmahdar-crosslang-eval, the bench's own expansion on the same index:\n")
    print("| direction | queries | today R@10 | today MRR | lexicon R@10 | lexicon MRR | p50 ms | p99 ms |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for src, dst in DIRECTIONS:
        d = f"{src}→{dst}"
        b, e = base[d], by.get((BEST_SHAPE, d))
        print(f"| {d} | {b['n']} | {b['recall']:.2f} | {b['mrr']:.2f} | {e['recall']:.2f} | {e['mrr']:.2f} "
              f"| {e['p50_ms']:.1f} | {e['p99_ms']:.1f} |")
    print(f"\n(lexicon: query shape \"{BEST_SHAPE}\"; every shape tried, R@10 / MRR:)\n")
    shapes = list(dict.fromkeys(r["shape"] for r in rows))
    print("| direction | " + " | ".join(shapes) + " |")
    print("|---|" + "--:|" * len(shapes))
    for src, dst in DIRECTIONS:
        d = f"{src}→{dst}"
        print(f"| {d} | " + " | ".join(f"{by[(s, d)]['recall']:.2f} / {by[(s, d)]['mrr']:.2f}" for s in shapes) + " |")


def main():
    args = arguments()
    root = os.path.join(args.shared, "data", "unpc-v1.0-testsets")
    if not os.path.isdir(os.path.join(root, "testset")):
        print(f"eval_crosslang: ../shared is absent ({root}/testset not found): NOTHING MEASURED. The "
              f"evaluation needs the UN Parallel Corpus test set; pass --shared DIR if it lives elsewhere")
        return 0
    for tool in (args.indexer, args.searchd) + (() if args.searchd_only else (args.eval_tool,)):
        if not os.access(tool, os.X_OK):
            print(f"eval_crosslang: {tool} is not built (cmake --build build)", file=sys.stderr)
            return 1
    os.makedirs(args.work, exist_ok=True)
    texts, symbols = read_testset(root)
    queries = make_queries(texts, args.queries, args.seed)
    engine = lang_engines.Mahdar(args.indexer, args.searchd, args.work)
    seconds, size = engine.index(write_passages(texts, symbols, os.path.join(args.work, "passages")))
    print(f"indexed the test set ({sum(1 for l in LANGS for t in texts[l] if t)} passages) in {seconds:.1f} s; "
          f"{len(queries)} queries per direction, seed {args.seed}")
    engine.start()
    try:
        base = today(engine, queries, texts)
        across(engine, queries[:20], texts, True)  # warm the server's caches and contexts
        print_searchd(base, across(engine, queries, texts, True), across(engine, queries, texts, False))
    finally:
        engine.stop()
    if not args.searchd_only:
        print_tables(base, expanded(args, queries, texts, engine.db))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, OSError) as e:
        print(f"eval_crosslang: {e}", file=sys.stderr)
        sys.exit(1)
