#!/usr/bin/env python3
"""Writes N benchmark passages as mahdar JSON Lines, recombined from the public data sets.

    bench/generate.py --n 100000 --out bench/data/100000 [--seed 7] [--shared DIR]

Text: UN Parallel Corpus test/dev sentences (ar, en, fr), UN General Debate statements (en) and
Assemblée nationale debates (fr), joined into passages of 40-250 words (consecutive sentences of
one source, so passages read like prose). Metadata is given for every field, so the indexer's
extraction is bypassed: ~60% en / 20% ar / 20% fr documents of 20-60 passages; a few hundred
speakers with a Zipf-distributed share of the passages; 0-3 countries (ISO 3166-1 alpha-2) and
0-3 GCM objectives per passage (countries: the ~195 states that speak in the
General Debate, by ISO 3166-1 alpha-2 code); dates 2018-2026.

Deterministic: document i depends only on (seed, i), so the first 10k passages of the 1M set
are the 10k set. Output: DIR/passages-NNNN.jsonl (a new file every ~--shard passages, always
at a document boundary) and DIR/manifest.json (counts and text bytes).
"""
import argparse
import json
import math
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402

LANG_WEIGHTS = (("en", 0.6), ("ar", 0.2), ("fr", 0.2))
MIN_WORDS, MAX_WORDS, MEDIAN_WORDS = 40, 250, 80
N_SPEAKERS = 400
FIRST_DAY, DAYS = 736695, 3287  # date.toordinal(2018-01-01), days to 2026-12-31
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"(])")


def zipf_weights(n, s=1.1):
    return [1.0 / (r + 1) ** s for r in range(n)]


def cumulative(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


class Pools:
    """Everything drawn from the data sets, built once from the seed."""

    def __init__(self, shared, seed):
        rng = random.Random(f"{seed}:pools")
        self.units = {"ar": [], "en": [], "fr": []}
        for lang in self.units:
            self.units[lang] += [t for _, t in sources.unpc_sentences(shared, lang)]
        for path, _, _, _ in sources.ungd_files(shared):
            for para in sources.ungd_paragraphs(path):
                self.units["en"] += _SENTENCE_SPLIT.split(para)
        turns = sources.assemblee_turns(shared)
        self.units["fr"] += [t for _, t in turns]
        self.unit_words = {l: [len(u.split()) for u in us] for l, us in self.units.items()}

        countries = sources.iso_countries()
        alpha3 = {a3: a2 for a2, a3, _ in countries}
        names = {a2: name for a2, _, name in countries}
        # The states that spoke in the General Debate: UN members and observers, as in UN reports.
        self.countries = sorted({alpha3[iso3] for _, iso3, _, _ in sources.ungd_files(shared) if iso3 in alpha3})
        rng.shuffle(self.countries)  # the Zipf rank of each country
        self.country_cum = cumulative(zipf_weights(len(self.countries), 1.0))

        cast = {}
        for (iso3, session), (name, _) in sorted(sources.ungd_speakers(shared).items()):
            if session in (73, 78, 79) and iso3 in alpha3:
                cast.setdefault(name, (alpha3[iso3], names[alpha3[iso3]]))
        for who, _ in turns:
            if who and not who.lower().startswith(("le président", "la présidente", "m. le", "mme la")):
                cast.setdefault(who, ("FR", "Assemblée nationale"))
        people = sorted(cast)
        rng.shuffle(people)
        self.speakers = [(p, *cast[p]) for p in people[:N_SPEAKERS]]
        self.speaker_cum = cumulative(zipf_weights(len(self.speakers), 1.0))

        self.objectives = list(range(1, 24))
        rng.shuffle(self.objectives)
        self.objective_cum = cumulative(zipf_weights(23, 0.8))


def pick(rng, items, cum):
    return items[min(bisect_right(cum, rng.random() * cum[-1]), len(items) - 1)]


def bisect_right(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def some(rng, k, draw):
    """Up to k distinct values from draw(), sorted."""
    out = set()
    for _ in range(k * 4):
        if len(out) == k:
            break
        out.add(draw())
    return sorted(out)


def passage_text(rng, pools, lang):
    target = int(min(MAX_WORDS, max(MIN_WORDS, rng.lognormvariate(math.log(MEDIAN_WORDS), 0.5))))
    units, counts = pools.units[lang], pools.unit_words[lang]
    i = rng.randrange(len(units))
    words, parts = 0, []
    while words < target:
        parts.append(units[i])
        words += counts[i]
        i = (i + 1) % len(units)
    text = " ".join(parts)
    if words > MAX_WORDS:
        text = " ".join(text.split()[:MAX_WORDS])
    return text


def document(pools, seed, index):
    """The passages of document `index`, a pure function of (seed, index)."""
    rng = random.Random(f"{seed}:doc:{index}")
    r, lang = rng.random(), "en"
    for code, w in LANG_WEIGHTS:
        if r < w:
            lang = code
            break
        r -= w
    doc_id = f"bench-{lang}-{index:07d}"
    date = _iso(FIRST_DAY + rng.randrange(DAYS))
    title = " ".join(pools.units[lang][rng.randrange(len(pools.units[lang]))].split()[:10])
    cast = [pick(rng, pools.speakers, pools.speaker_cum) for _ in range(rng.randint(3, 12))]
    out = []
    for ordinal in range(rng.randint(20, 60)):
        name, home, affiliation = rng.choice(cast) if rng.random() < 0.9 else ("", "", "")
        k = rng.choices((0, 1, 2, 3), (30, 35, 20, 15))[0]
        countries = set(some(rng, k, lambda: pick(rng, pools.countries, pools.country_cum)))
        if home and k and rng.random() < 0.5:
            countries = set(sorted(countries)[: k - 1]) | {home}
        k = rng.choices((0, 1, 2, 3), (35, 30, 20, 15))[0]
        out.append({
            "doc_id": doc_id, "doc_title": title, "id": f"{doc_id}:{ordinal}", "para": str(ordinal + 1),
            "lang": lang, "date": date, "speaker": name, "affiliation": affiliation,
            "countries": sorted(countries),
            "objectives": some(rng, k, lambda: pick(rng, pools.objectives, pools.objective_cum)),
            "text": passage_text(rng, pools, lang),
        })
    return out


def _iso(ordinal):
    import datetime
    return datetime.date.fromordinal(ordinal).isoformat()


def write(pools, args):
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.startswith("passages-") and name.endswith(".jsonl"):
            os.remove(os.path.join(args.out, name))
    written = text_bytes = docs = shard = in_shard = 0
    f = None
    index = args.first_document
    while written < args.n:
        passages = document(pools, args.seed, index)[: args.n - written]
        index += 1
        if f is None or in_shard >= args.shard:
            if f:
                f.close()
            f = open(os.path.join(args.out, f"passages-{shard:04d}.jsonl"), "w", encoding="utf-8")
            shard, in_shard = shard + 1, 0
        for p in passages:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
            text_bytes += len(p["text"].encode("utf-8"))
        written += len(passages)
        in_shard += len(passages)
        docs += 1
    if f:
        f.close()
    manifest = {"passages": written, "documents": docs, "files": shard, "seed": args.seed,
                "text_bytes": text_bytes}
    if args.first_document:
        manifest["first_document"] = args.first_document
    with open(os.path.join(args.out, "manifest.json"), "w") as m:
        json.dump(manifest, m, indent=1)
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of passages")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shard", type=int, default=20000, help="passages per file (approximate)")
    ap.add_argument("--first-document", type=int, default=0,
                    help="start at this document (the next shard of a larger set: the previous manifests' documents)")
    ap.add_argument("--shared", default=sources.DEFAULT_SHARED, help="the shared folder (default %(default)s)")
    args = ap.parse_args()
    if args.n <= 0:
        sources.fail("--n must be positive")
    try:
        sources.check_shared(args.shared)
        pools = Pools(args.shared, args.seed)
    except sources.MissingData as e:
        sources.fail(str(e))
    m = write(pools, args)
    print(f"generated {m['passages']} passages in {m['documents']} documents, {m['files']} files, "
          f"{m['text_bytes'] / 1e6:.1f} MB of text -> {args.out}")


if __name__ == "__main__":
    main()
