"""The classes of the language evaluation and their known-item queries.

Each query is a distinctive stretch of 3-5 consecutive words of one passage (its target), with
one word changed as its class says; the target must come back in the top 10 of a search
restricted to its language. Built deterministically: each class draws from its own generator
seeded with (seed, class id), so a class's queries do not depend on which other classes run.
"""
import json
import os
import random

import lang_arabic
import lang_latin
from lang_corpus import fold_accents, is_word, normalise

AS_WRITTEN = 0.97
WORD_VARIANT = 0.90
PHRASE_VARIANT = 0.85
LOWER_IS_BETTER = "low"


class Class:
    def __init__(self, cid, label, lang, target, variant=None, wrap="{}", whole=None, derive=None):
        self.id, self.label, self.lang, self.target = cid, label, lang, target
        self.variant = variant   # name of the variant method of the language's builder; None: as written
        self.wrap = wrap         # how the query is written around the stretch: word, "phrase", ="exact"
        self.whole = whole       # a change applied to the whole query (accents dropped)
        self.derive = derive     # the class whose stretches and changes this one re-uses

    def lower_is_better(self):
        return self.target == LOWER_IS_BETTER


QUOTED, EXACT = '"{}"', '="{}"'
CLASSES = [
    Class("ar-written", "Arabic, as written", "ar", AS_WRITTEN),
    Class("ar-quoted", "Arabic, as written, quoted", "ar", AS_WRITTEN, wrap=QUOTED, derive="ar-written"),
    Class("ar-exact", 'Arabic, as written, exact ="…"', "ar", AS_WRITTEN, wrap=EXACT, derive="ar-written"),
    Class("en-written", "English, as written", "en", AS_WRITTEN),
    Class("en-quoted", "English, as written, quoted", "en", AS_WRITTEN, wrap=QUOTED, derive="en-written"),
    Class("en-exact", 'English, as written, exact ="…"', "en", AS_WRITTEN, wrap=EXACT, derive="en-written"),
    Class("fr-written", "French, as written", "fr", AS_WRITTEN),
    Class("fr-quoted", "French, as written, quoted", "fr", AS_WRITTEN, wrap=QUOTED, derive="fr-written"),
    Class("fr-exact", 'French, as written, exact ="…"', "fr", AS_WRITTEN, wrap=EXACT, derive="fr-written"),
    Class("ar-proclitic-removed", "Arabic word without the proclitic the text has", "ar", WORD_VARIANT,
          "without_proclitic"),
    Class("ar-proclitic-added", "Arabic word with a proclitic the text lacks", "ar", WORD_VARIANT,
          "with_proclitic"),
    Class("ar-sound-plural", "Arabic sound plural <-> singular", "ar", WORD_VARIANT, "sound_number"),
    Class("ar-broken-plural", "Arabic broken plural <-> singular", "ar", 0.65, "broken_number"),
    Class("ar-phrase-clitic", "Arabic quoted phrase, one word with another clitic", "ar", PHRASE_VARIANT,
          "clitic_changed", wrap=QUOTED),
    Class("ar-exact-clitic", 'Arabic exact ="…", one word with another clitic (lower is better)', "ar",
          LOWER_IS_BETTER, wrap=EXACT, derive="ar-phrase-clitic"),
    Class("en-us-uk", "English US <-> UK spelling", "en", WORD_VARIANT, "spelling"),
    Class("en-phrase-inflected", "English quoted phrase, one word inflected differently", "en",
          PHRASE_VARIANT, "inflected", wrap=QUOTED),
    Class("en-exact-inflected", 'English exact ="…", one word inflected differently (lower is better)',
          "en", LOWER_IS_BETTER, wrap=EXACT, derive="en-phrase-inflected"),
    Class("fr-accents", "French accents dropped", "fr", WORD_VARIANT, "accents", whole=fold_accents),
    Class("fr-elision", "French elision added or removed", "fr", WORD_VARIANT, "elision"),
    Class("fr-plural", "French plural <-> singular", "fr", WORD_VARIANT, "number"),
    Class("fr-phrase-inflected", "French quoted phrase, one word inflected differently", "fr",
          PHRASE_VARIANT, "inflected", wrap=QUOTED),
    Class("fr-exact-inflected", 'French exact ="…", one word inflected differently (lower is better)',
          "fr", LOWER_IS_BETTER, wrap=EXACT, derive="fr-phrase-inflected"),
]


class AsWritten:
    def __init__(self, language):
        self.lang = language

    def same(self, word):
        return {word} if len(normalise(word)) >= 3 else set()


def builders(languages, pairs_path):
    """{lang: the object whose methods give a word's variant forms}."""
    return {"ar": lang_arabic.Arabic(languages["ar"], pairs_path),
            "en": lang_latin.English(languages["en"]),
            "fr": lang_latin.French(languages["fr"])}


def real_change(word, variant):
    return variant != word and normalise(variant) != normalise(word)


def build_class(cls, language, builder, n, seed):
    """Up to n queries of one class, one per target passage."""
    rng = random.Random(f"{seed}:{cls.id}")
    method = getattr(builder, cls.variant) if cls.variant else AsWritten(language).same
    order = list(range(len(language.passages)))
    rng.shuffle(order)
    out = []
    for i in order:
        if len(out) == n:
            break
        if not language.unique[i]:
            continue  # the same text twice: not a known item
        toks = language.toks[i]
        spots = []
        for k, (w, _) in enumerate(toks):
            if is_word(w, language.lang):
                forms = sorted(v for v in method(w) if not cls.variant or real_change(w, v))
                if forms:
                    spots.append((k, forms))
        if not spots:
            continue
        k, forms = rng.choice(spots)
        span = language.stretches(i, k, rng)
        if not span:
            continue
        words = [w for w, _ in toks[span[0]:span[1]]]
        variant = rng.choice(forms)
        changed = list(words)
        changed[k - span[0]] = variant
        text = " ".join(changed)
        if cls.whole:
            text = cls.whole(text)
        p = language.passages[i]
        out.append({"class": cls.id, "lang": language.lang, "query": cls.wrap.format(text),
                    "target": p["id"], "sphinx_id": p["n"], "stretch": " ".join(words),
                    "word": words[k - span[0]], "variant": variant})
        if cls.variant and hasattr(builder, "describe"):
            out[-1]["change"] = builder.describe(out[-1]["word"], variant)
    return out


def build_all(classes, languages, builders_by_lang, n, seed):
    """{class id: [query]}; derived classes re-write their base class's queries."""
    built = {}
    for cls in classes:
        if cls.derive:
            continue
        built[cls.id] = build_class(cls, languages[cls.lang], builders_by_lang[cls.lang], n, seed)
    for cls in classes:
        if cls.derive:
            base = built.get(cls.derive)
            if base is None:
                base = build_class(by_id(cls.derive), languages[cls.lang], builders_by_lang[cls.lang], n, seed)
            built[cls.id] = [dict(q, **{"class": cls.id, "query": cls.wrap.format(_inner(q["query"]))})
                             for q in base]
    return built


def _inner(query):
    """The text of a query without its quotes or exact operator."""
    for prefix in ('="', '"'):
        if query.startswith(prefix) and query.endswith('"'):
            return query[len(prefix):-1]
    return query


def by_id(cid):
    for cls in CLASSES:
        if cls.id == cid:
            return cls
    raise KeyError(cid)


def write_lists(built, out_dir):
    """One JSON Lines file per class (queries/<class>.jsonl) for inspection."""
    os.makedirs(out_dir, exist_ok=True)
    for cid, queries in built.items():
        with open(os.path.join(out_dir, f"{cid}.jsonl"), "w", encoding="utf-8") as f:
            for q in queries:
                f.write(json.dumps(q, ensure_ascii=False) + "\n")
