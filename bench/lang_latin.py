"""English and French query variants: US <-> UK spelling, inflection, accents, elision, number.

A variant must be a real word: US/UK spellings are checked against Debian's word lists
(wamerican, wbritish: /usr/share/dict/american-english, british-english), inflected forms
against the words of the passages themselves.
"""
import os
import re

from lang_corpus import fold_accents, is_stop, normalise

US_DICT = "/usr/share/dict/american-english"
UK_DICT = "/usr/share/dict/british-english"

# US <-> UK spelling: word endings, American first. A change counts only when the dictionaries
# say one form is American and the other British (wamerican, wbritish).
SPELLING = [
    ("ize", "ise"), ("izes", "ises"), ("ized", "ised"), ("izing", "ising"), ("ization", "isation"),
    ("izations", "isations"), ("izer", "iser"), ("izers", "isers"),
    ("yze", "yse"), ("yzes", "yses"), ("yzed", "ysed"), ("yzing", "ysing"),
    ("or", "our"), ("ors", "ours"), ("ored", "oured"), ("oring", "ouring"), ("orable", "ourable"),
    ("orably", "ourably"), ("orite", "ourite"), ("orites", "ourites"), ("orful", "ourful"),
    ("er", "re"), ("ers", "res"), ("ered", "red"),
    ("og", "ogue"), ("ogs", "ogues"),
    ("ense", "ence"), ("enses", "ences"),
    ("eled", "elled"), ("eling", "elling"), ("eler", "eller"), ("elers", "ellers"),
    ("elor", "ellor"), ("elors", "ellors"), ("aled", "alled"), ("aling", "alling"),
    ("ll", "l"), ("lls", "ls"), ("llment", "lment"), ("llments", "lments"),
    ("program", "programme"), ("programs", "programmes"),
]
PROGRAMME = {"program", "programs", "programme", "programmes"}
NOT_SPELLINGS = {"prize", "prizes", "prise", "prises", "size", "sizes", "seize", "seized", "seizes"}

ELISIONS = ("jusqu'", "lorsqu'", "puisqu'", "quelqu'", "qu'", "l'", "d'", "n'", "s'", "j'", "c'", "m'")
VOWELS = "aeiouyh"


def same_case(model, word):
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[0].upper() + word[1:] if model[:1].isupper() else word


def read_words(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip()}


class English:
    """Variant forms of one English word of the passages (language: a lang_corpus.Language)."""

    def __init__(self, language):
        self.lang = language
        missing = [p for p in (US_DICT, UK_DICT) if not os.path.exists(p)]
        if missing:
            raise FileNotFoundError(f"{' and '.join(missing)} missing: install the Debian packages "
                                    f"wamerican and wbritish (the US/UK spelling class needs them)")
        self.us, self.uk = read_words(US_DICT), read_words(UK_DICT)

    def content(self, word):
        return len(word) >= 4 and not is_stop(word, "en")

    def regional(self, w, c):
        """w and c are the two spellings of one word, one American, one British."""
        if {w, c} <= PROGRAMME:
            return True
        return ((w in self.us and c in self.uk and (w not in self.uk or c not in self.us)) or
                (w in self.uk and c in self.us and (w not in self.us or c not in self.uk)))

    def spelling(self, word):
        """US <-> UK: organization <-> organisation, labor <-> labour, center <-> centre,
        catalog <-> catalogue, defense <-> defence, traveled <-> travelled, program <-> programme."""
        w = word.lower()
        if not self.content(word) or w in NOT_SPELLINGS:
            return set()
        out = set()
        for us, uk in SPELLING:
            for a, b in ((us, uk), (uk, us)):
                if w.endswith(a):
                    out.add(w[:len(w) - len(a)] + b)
        return {same_case(word, c) for c in out if c != w and self.regional(w, c)}

    def inflected(self, word):
        """Singular <-> plural and verb -s/-ed/-ing, where the other form is a word of the
        passages: country -> countries, efforts -> effort, adopted -> adopting."""
        if not self.content(word) or not word.isalpha():
            return set()
        w = word.lower()
        if w.endswith("s") and not w.endswith("ss"):  # a plural or a verb's -s: the singular
            cands = {w[:-1], w[:-2] if w.endswith("es") else w[:-1]}
            if w.endswith("ies"):
                cands.add(w[:-3] + "y")
        else:
            cands = {w + "s", w + "es", w + "ed", w + "ing"}
            if w.endswith("y"):
                cands |= {w[:-1] + "ies", w[:-1] + "ied"}
            if w.endswith("e"):
                cands |= {w + "d", w[:-1] + "ing"}
            for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
                if w.endswith(suffix):
                    base = w[:-len(suffix)] + repl
                    cands |= {base, base + "s", base + "ed", base + "ing", base + "d", base[:-1] + "ing"}
        return {same_case(word, c) for c in cands
                if c != w and len(c) >= 4 and self.lang.seen(c) and (c in self.us or c in self.uk)}


class French:
    """Variant forms of one French word of the passages (language: a lang_corpus.Language)."""

    def __init__(self, language):
        self.lang = language

    def content(self, word):
        return len(word) >= 4 and not is_stop(word, "fr")

    def written(self, n, model):
        return same_case(model, self.lang.surface.get(n, n))

    def accents(self, word):
        """All accents dropped (the whole query is folded: the class's `whole` step)."""
        folded = fold_accents(word)
        return {folded} if folded != word and self.content(word) else set()

    def elision(self, word):
        """l'/d'/qu' ... removed (l'organisation -> organisation) or added (organisation ->
        l'organisation), the other form being one the passages have."""
        n = normalise(word)
        for e in ELISIONS:
            if n.startswith(e):
                rest = n[len(e):]
                if len(rest) >= 3 and not is_stop(rest, "fr") and self.lang.seen(rest):
                    return {self.written(rest, word[len(e):])}
                return set()
        if "'" in n or not self.content(word) or fold_accents(n)[0] not in VOWELS:
            return set()
        return {self.written(e + n, word) for e in ("l'", "d'") if self.lang.seen(e + n)}

    def number(self, word):
        """Singular <-> plural: pays/pays excluded, droit -> droits, travaux -> travail only
        if the passages have it, national -> nationaux."""
        n = normalise(word)
        if "'" in n or not self.content(word):
            return set()
        cands = {n + "s", n + "x"}
        if n[-1] in "sx" and not n.endswith("ss"):
            cands.add(n[:-1])
        if n.endswith("aux"):
            cands |= {n[:-3] + "al", n[:-3] + "ail"}
        if n.endswith("al"):
            cands.add(n[:-2] + "aux")
        return {self.written(c, word) for c in cands if c != n and self.lang.seen(c)}

    def inflected(self, word):
        """Number, gender (+e) or participle (-é/-ée/-és/-ées/-er) changed, a form the passages have."""
        n = normalise(word)
        if "'" in n or not self.content(word):
            return set()
        cands = set()
        for base in {n, re.sub(r"(e|s|es|x)$", "", n)}:
            cands |= {base, base + "s", base + "e", base + "es"}
        m = re.search(r"(é|ée|és|ées|er)$", n)
        if m:
            stem = n[:m.start()]
            cands |= {stem + s for s in ("é", "ée", "és", "ées", "er")}
        return ({self.written(c, word) for c in cands if c != n and self.lang.seen(c)}
                | self.number(word))
