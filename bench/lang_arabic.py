"""Arabic query variants: proclitics removed or added, sound and broken plural <-> singular.

Words are compared in normalised form (lang_corpus.normalise: harakat removed, alef/hamza forms,
ta marbuta and alef maqsura folded) and written back as the passages write them (the commonest
written form of the normalised word), so a variant looks as a person would type it.

A word's proclitics are found against the data, not guessed from its first letters: بشأن is
ب + شأن because شأن occurs on its own, but بلد is not ب + لد.
"""
import os

from lang_corpus import is_stop, normalise

CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ك", "ل")


def _prefixes():
    out = set()
    for c in CONJUNCTIONS:
        for p in PREPOSITIONS:
            for a in ("", "ال"):
                pre = (c + p + a).replace("لال", "لل")
                if pre:
                    out.add(pre)
    return sorted(out, key=lambda p: (len(p), p))


PREFIXES = _prefixes()  # shortest first: و before وب before وبال
MIN_STEM = 3


def has_article(pre):
    return pre.endswith("ال") or pre.endswith("لل")


def read_pairs(path):
    """[(plural, singular)] from a two-column TSV of normalised Arabic (# comments allowed)."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split("#")[0].split()
            if len(cols) >= 2 and cols[0] != "plural":
                pairs.append((normalise(cols[0]), normalise(cols[1])))
    return pairs


def masculine_plural_stem(singular):
    bare = singular[2:] if singular.startswith("ال") else singular
    return bare.startswith("م") or bare.endswith("ي")


class Arabic:
    """Variant forms of one Arabic word of the passages (language: a lang_corpus.Language)."""

    def __init__(self, language, pairs_path):
        self.lang = language
        self.other_number = {}
        if pairs_path and os.path.exists(pairs_path):
            for plural, singular in read_pairs(pairs_path):
                self.other_number.setdefault(plural, set()).add(singular)
                self.other_number.setdefault(singular, set()).add(plural)

    # ---- analysis --------------------------------------------------------------------------
    def real(self, stem, at_least=2):
        """The stem occurs in the data on its own or with the article alone."""
        f = self.lang.freq
        return f.get(stem, 0) + f.get("ال" + stem, 0) >= at_least

    def split(self, n, longest=False):
        """(prefix, stem) of a normalised word: the shortest proclitic sequence whose remainder
        (3+ letters) occurs in the data by itself; ("", n) when there is none. Shortest, because
        وكذلك is و + كذلك, not وك + ذلك (and والأمم is و + الأمم: the article stays on the stem);
        but للخطر is لل + خطر even though لخطر occurs. longest=True: the whole proclitic run."""
        f = self.lang.freq
        for pre in (reversed(PREFIXES) if longest else PREFIXES):
            if not n.startswith(pre) or len(n) - len(pre) < MIN_STEM:
                continue
            stem = n[len(pre):]
            if has_article(pre):
                if pre == "ال" or f.get("ال" + stem, 0) >= 1:
                    return pre, stem
            elif pre.endswith("ل") and stem.startswith("ل") and f.get("ا" + stem, 0) >= 1:
                continue  # ل + لخطر: the contracted article (لل + خطر) instead
            elif f.get(stem, 0) >= 2:
                return pre, stem
        return "", n

    def written(self, n):
        """How the data writes a normalised form (the form itself when unseen)."""
        s = self.lang.surface.get(n)
        if s:
            return s
        s = self.lang.surface.get("ال" + n)
        return s[2:] if s else n

    def render(self, pre, stem):
        w = self.lang.surface.get(pre + stem)
        return w if w else pre + self.written(stem)

    def content(self, word):
        return len(normalise(word)) >= MIN_STEM and not is_stop(word, "ar")

    def describe(self, word, variant):
        """The proclitics of the text's word and of the query's: "ب→∅", "لل→ال", "∅→و"."""
        a, b = (self.split(normalise(w), longest=True)[0] for w in (word, variant))
        return f"{a or '∅'}→{b or '∅'}"

    # ---- the variants ----------------------------------------------------------------------
    def without_proclitic(self, word):
        """The text has a proclitic, the query drops it: بشأن -> شأن, للأمم -> الأمم, والتنمية
        -> التنمية. Not the article alone (التنمية -> تنمية changes definiteness, and these
        classes are about the clitics a search engine must see through)."""
        if not self.content(word):
            return set()
        pre, stem = self.split(normalise(word))
        if not pre or pre == "ال":
            return set()
        if has_article(pre):
            new = ("ال", stem)
        else:
            new = ("", stem)
        if self.lang.freq.get(new[0] + new[1], 0) < 1 or is_stop(new[0] + new[1], "ar"):
            return set()
        return {self.render(*new)}

    def with_proclitic(self, word):
        """The text has no conjunction or preposition (perhaps the article), the query adds one
        seen in the data with that word: الأمم -> للأمم, تنمية -> وتنمية (not the article alone)."""
        if not self.content(word):
            return set()
        n = normalise(word)
        pre, stem = self.split(n)
        if pre == "ال":
            forms = [c + n for c in ("و", "ف", "ب", "ك")] + ["لل" + stem]
        elif not pre:
            forms = [c + n for c in ("و", "ف", "ب", "ك", "ل")]
        else:
            return set()
        return {self.lang.surface[f] for f in forms if self.lang.freq.get(f, 0) >= 1}

    def clitic_changed(self, word):
        return self.without_proclitic(word) | self.with_proclitic(word)

    def sound_number(self, word):
        """Sound plural <-> singular on the stem, the proclitics kept: المهاجرين -> المهاجر,
        منظمات -> منظمة, لجنة -> لجنات only if the data has it."""
        if not self.content(word):
            return set()
        pre, stem = self.split(normalise(word))
        cands = []
        if len(stem) >= 5 and stem[-2:] in ("ون", "ين"):
            cands = [stem[:-2]]
        elif len(stem) >= 5 and stem.endswith("ات"):
            cands = [stem[:-2] + "ه", stem[:-2]]
        elif stem.endswith("ه"):
            cands = [stem[:-1] + "ات"]
        else:  # not stem + ات: الأمان -> الأمانات is another word; the other way is kept
            cands = [stem + "ون", stem + "ين"]
        # -ون/-ين only on the words that take them: participles (مهاجر, موظف) and nisba
        # adjectives (فلسطيني); عمل/عملين would be a dual of another word.
        cands = [c for c in cands if not (c.endswith(("ون", "ين")) or stem.endswith(("ون", "ين")))
                 or masculine_plural_stem(c if not c.endswith(("ون", "ين")) else stem[:-2])]
        return {self.render(pre, c) for c in cands if self.real(c)}

    def broken_number(self, word):
        """Broken plural <-> singular from the pair list, the proclitics kept: الدول -> الدولة,
        لحقوق -> لحق. Every split of the word is tried, shortest prefix first (the list knows
        the stems)."""
        if not self.content(word):
            return set()
        n = normalise(word)
        for pre in [""] + PREFIXES:
            stem = n[len(pre):]
            if n.startswith(pre) and stem in self.other_number:
                return {self.render(pre, other) for other in self.other_number[stem] if other != stem}
        return set()

