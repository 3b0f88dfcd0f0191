#!/usr/bin/env python3
"""The fixed, seeded query mix: each query as a mahdar /api/search URL, as SphinxQL and as FTS5 SQL.

    bench/queries.py DATA_DIR OUT.jsonl [--count 300] [--seed 11]

Queries are drawn from the first 10,000 passages of DATA_DIR (the generator's prefix property
makes that the same text at every N, so every N runs the same queries): a single word (40%),
two or three words of one passage, AND-ed (35%), or a quoted phrase of two or three consecutive
words (25%), in the passage's language (so ~60% en, 20% ar, 20% fr). 0, 1 or 2 filters (40/40/20%)
among speaker, country, objective, lang and a year range, with values taken from the same
passage (so most queries match something). Every query asks for 10 hits with snippets and all
facets, as mahdar always computes them.

Sphinx side, per query:
  1. one multi-statement batch: the main SELECT (10 hits with their text, WHERE = MATCH + every
     filter) with FACET clauses for speaker, country, objective, lang, year and month; then, for
     each filtered field, a SELECT ... LIMIT 1 FACET <field> without that field's own filter (the
     multi-select facet counts mahdar gives: a field's counts ignore its own filter); SHOW META.
  2. CALL SNIPPETS on the texts of the hits (one call per language among the hits, with that
     language's index so its stemmer applies), as mahdar builds a snippet for each hit.

SQLite FTS5 side (`fts5.statements`, documented in fts5.py): one SQL statement for the 10 hits
with snippet() and one for the total and the six facets (GROUP BY counts, multi-select as above).
"""
import argparse
import glob
import json
import os
import random
import sys
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fts5  # noqa: E402
import sphinx  # noqa: E402

PREFIX = 10000
STOP = {
    "en": set("the and for that with this from have which were their been will would there they "
              "also into more such than these them other only over under upon shall should about "
              "its has had was are our all not but can may must".split()),
    "fr": set("les des une que qui dans pour par sur est sont aux avec plus pas ont ces mais "
              "nous vous leur leurs cette sont être été fait elle ils elles comme tout tous "
              "entre lors dont".split()),
    "ar": set("في من على إلى التي الذي عن مع أن هذا هذه ذلك تلك كما وقد قد أو ثم لا ما هو هي "
              "بين كان كانت أي عام".split()),
}
FACETS = ("speaker", "country", "objective", "lang", "year", "month")
FACET_LIMIT = {"speaker": 1000, "country": 300, "objective": 23, "lang": 3, "year": 20, "month": 240}
SELECT = "SELECT id, text, speaker, country, objective, date, lang, doc, WEIGHT() AS w FROM passages"


def is_word(tok):
    return bool(tok) and all(ch.isalpha() or unicodedata.category(ch) == "Mn" or ch == "\u0640"
                             for ch in tok)


def tokens(text):
    """[(word, clean)] of a passage: clean is False when punctuation was stripped from it."""
    out = []
    for raw in text.split():
        w = raw.strip(".,;:!?()[]{}\"'«»“”‘’*-–—/،؛؟")
        out.append((w, w == raw))
    return out


def content_word(w, lang):
    return is_word(w) and len(w) >= (3 if lang == "ar" else 4) and w.lower() not in STOP[lang]


def pick_query(rng, p):
    lang, toks = p["lang"], tokens(p["text"])
    kind = rng.choices(("word", "words", "phrase"), (40, 35, 25))[0]
    content = [w for w, _ in toks if content_word(w, lang)]
    if not content:
        return None
    if kind == "word":
        return kind, [rng.choice(content)]
    if kind == "words":
        return kind, rng.sample(content, min(len(content), rng.choice((2, 3))))
    n = rng.choice((2, 3))
    for _ in range(20):
        i = rng.randrange(max(1, len(toks) - n))
        run = toks[i:i + n]
        if (len(run) == n and all(is_word(w) for w, _ in run) and all(c for _, c in run[:-1])
                and any(content_word(w, lang) for w, _ in run)):
            return kind, [w for w, _ in run]
    return None


def pick_filters(rng, p):
    choices = []
    if p.get("speaker"):
        choices.append(("speaker", p["speaker"]))
    if p.get("countries"):
        choices.append(("country", rng.choice(p["countries"])))
    if p.get("objectives"):
        choices.append(("objective", rng.choice(p["objectives"])))
    choices.append(("lang", p["lang"]))
    year = int(p["date"][:4])
    choices.append(("years", (year - rng.randint(0, 2), year + rng.randint(0, 2))))
    n = min(len(choices), rng.choices((0, 1, 2), (40, 40, 20))[0])
    return dict(rng.sample(choices, n))


def mahdar_url(words, kind, filters):
    q = " ".join(words).lower()
    if kind == "phrase":
        q = f'"{q}"'
    params = [("q", q)]
    for field in ("speaker", "country", "objective", "lang"):
        if field in filters:
            params.append((field, str(filters[field])))
    if "years" in filters:
        params += [("from", str(filters["years"][0])), ("to", str(filters["years"][1]))]
    return "/api/search?" + urllib.parse.urlencode(params)


def sql_str(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def sphinx_where(match, filters, countries, skip=None):
    where = [f"MATCH({sql_str(match)})"]
    if "speaker" in filters and skip != "speaker":
        where.append(f"speaker = {sql_str(filters['speaker'])}")
    if "country" in filters and skip != "country":
        where.append(f"country = {countries[filters['country']]}")
    if "objective" in filters and skip != "objective":
        where.append(f"objective = {int(filters['objective'])}")
    if "lang" in filters and skip != "lang":
        where.append(f"lang = {sql_str(filters['lang'])}")
    if "years" in filters and skip != "years":
        a, b = filters["years"]
        where.append(f"date BETWEEN {a}0101 AND {b}1231")
    return " AND ".join(where)


def facet(field):
    return f"FACET {field} ORDER BY COUNT(*) DESC LIMIT {FACET_LIMIT[field]}"


def sphinx_batch(words, kind, filters, countries):
    match = " ".join(words).lower()
    if kind == "phrase":
        match = f'"{match}"'
    own = {"speaker": "speaker", "country": "country", "objective": "objective", "lang": "lang",
           "years": "year"}
    free = [f for f in FACETS if not any(own[k] == f or (k == "years" and f == "month") for k in filters)]
    # The excerpts by a second SELECT in the same round trip: SNIPPET() is evaluated after LIMIT,
    # for its ten hits only, on each hit's own index (its language's morphology). In the main
    # SELECT it would also be evaluated for every FACET group row (3-4x slower).
    where = sphinx_where(match, filters, countries)
    snippet = f"SNIPPET(text, {sql_str(' '.join(words).lower())}, 'limit=200', 'around=5')"
    stmts = [f"{SELECT} WHERE {where} LIMIT 10 " + " ".join(facet(f) for f in free),
             f"SELECT id, {snippet} AS snippet FROM passages WHERE {where} LIMIT 10"]
    for k in filters:
        fields = ("year", "month") if k == "years" else (own[k],)
        stmts.append(f"SELECT id FROM passages WHERE {sphinx_where(match, filters, countries, skip=k)} "
                     "LIMIT 1 " + " ".join(facet(f) for f in fields))
    stmts.append("SHOW META")
    return stmts


def first_passages(data_dir, n):
    out = []
    for path in sorted(glob.glob(os.path.join(data_dir, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                out.append(json.loads(line))
                if len(out) == n:
                    return out
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir")
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    passages = first_passages(args.data_dir, PREFIX)
    if not passages:
        sys.exit(f"bench: no passages under {args.data_dir}")
    rng = random.Random(args.seed)
    countries = sphinx.country_ids()
    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for _ in range(args.count * 20):
            if written == args.count:
                break
            p = rng.choice(passages)
            picked = pick_query(rng, p)
            if not picked:
                continue
            kind, words = picked
            filters = pick_filters(rng, p)
            out.write(json.dumps({
                "kind": kind, "lang": p["lang"], "words": words, "filters": filters,
                "url": mahdar_url(words, kind, filters),
                "sphinx": sphinx_batch(words, kind, filters, countries),
                "snippet_query": " ".join(words).lower(),
                "fts5": fts5.statements(words, kind, filters),
            }, ensure_ascii=False) + "\n")
            written += 1
    print(f"queries: {written} -> {args.out}")


if __name__ == "__main__":
    main()
