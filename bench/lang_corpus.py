"""The passages of the language evaluation and what the query builders need to know about them.

Standard library only. The UN Parallel Corpus test and dev sets (../shared/data/unpc-v1.0-testsets)
are 4,000 + 4,000 line-aligned sentences in each of ar/en/fr; each non-empty line is one passage
of its language, with a stable id (`unpc-test-0001-ar`: set, line number, language) and the
UN document symbol of its line as document (`unpc:2015/s/2015/10/add_20:ar`).
"""
import functools
import json
import os
import re
import unicodedata
from collections import Counter, defaultdict

LANGS = ("ar", "en", "fr")
PARTS = (("testset", "test"), ("devset", "dev"))
UNPC = os.path.join("data", "unpc-v1.0-testsets")

# Punctuation stripped from a token's edges; a token with anything else that is not a letter is
# not a word (numbers, symbols, hyphenated compounds, a/b).
EDGE = ".,;:!?()[]{}\"'«»“”‘’*-–—/،؛؟…"
APOSTROPHES = {"’": "'", "ʼ": "'", "‘": "'"}
ARABIC_FOLD = {"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}

STOP = {
    "en": set("the and for that with this from have which were their been will would there they "
              "also into more such than these them other only over under upon shall should about "
              "its has had was are our all not but can may must who whom what when where why how "
              "any each both being does did doing very same some most".split()),
    "fr": set("les des une que qui dans pour par sur est sont aux avec plus pas ont ces mais "
              "nous vous leur leurs cette être été fait elle ils elles comme tout tous toutes "
              "entre lors dont son ses sans sous été était sera ainsi aussi fois".split()),
    "ar": set("في من على إلى الى التي الذي الذين عن مع أن ان إن هذا هذه ذلك تلك كما وقد قد أو او ثم لا "
              "ما هو هي بين كان كانت أي اي عام وفي ومن وعلى فيما لكن ولكن كل وكل بعد قبل عند حيث حتى "
              "كذلك وكذلك لذلك ولذلك أيضا ايضا فيه فيها عليه عليها له لها منه منها به بها إليه إليها "
              "عنه عنها وهو وهي هناك هنا إذ إذا اذا لقد فقد والتي والذي هؤلاء أولئك لدى منذ جميع بعض "
              "غير سوى إلا الا لم لن ولم ولا وإن وأن بأن بان فإن لأن لان وكما مما بما عما".split()),
}


class MissingData(Exception):
    """The shared folder or the UN Parallel Corpus test sets are not where they should be."""


HARAKAT = [*range(0x064B, 0x0660), 0x0670, 0x0640]
_NO_HARAKAT = {c: None for c in HARAKAT}
_NORMALISE = {**_NO_HARAKAT, **{ord(k): v for k, v in {**ARABIC_FOLD, **APOSTROPHES}.items()}}


def is_harakah(ch):
    return ord(ch) in _NO_HARAKAT


def strip_harakat(word):
    return word.translate(_NO_HARAKAT)


def normalise(word):
    """Close to mahdar's normalise_word (core/text/normalise.h), for counting and comparing:
    lower case, apostrophes to ', Arabic harakat and tatweel removed, Arabic letter variants
    folded. Latin accents are kept (fold_accents removes them). One letter in, one letter out
    after the harakat are removed, so a prefix of n letters keeps its length."""
    return word.lower().translate(_NORMALISE)


_ACCENTED = re.compile("[\u00c0-\u024f\u0300-\u036f]")
_COMBINING_LATIN = re.compile("[\u0300-\u036f]")


def fold_accents(word):
    """Removes combining accents from Latin letters ("sécurité" -> "securite"), as mahdar's."""
    if not _ACCENTED.search(word):
        return word
    return unicodedata.normalize("NFC", _COMBINING_LATIN.sub("", unicodedata.normalize("NFD", word)))


@functools.lru_cache(maxsize=None)
def key(word):
    return fold_accents(normalise(word))


def is_stop(word, lang):
    return normalise(word) in _STOP_NORMALISED[lang]


_STOP_NORMALISED = {lang: {normalise(w) for w in words} for lang, words in STOP.items()}


def is_content(word, lang):
    if lang == "fr" and "'" in normalise(word):
        word = normalise(word).split("'", 1)[1]  # d'un, qu'il: the word after the elision
    return len(normalise(word)) >= 3 and not is_stop(word, lang)


def is_word(tok, lang):
    """Letters only (Arabic harakat allowed); a French word may hold one elision apostrophe."""
    if not tok:
        return False
    if lang == "fr":
        tok = tok.replace("’", "").replace("'", "", 1)
    return tok.isalpha() or all(ch.isalpha() or is_harakah(ch) for ch in tok)


def tokens(text):
    """[(word, raw)]: each whitespace token with its edge punctuation stripped, and as written."""
    return [(raw.strip(EDGE), raw) for raw in text.split()]


def joined(run):
    """True when no punctuation stands between the words of a run of tokens: a stretch may
    start after "(" or end before "," but not run across punctuation."""
    last = len(run) - 1
    for k, (w, raw) in enumerate(run):
        if (k > 0 and not raw.startswith(w)) or (k < last and not raw.endswith(w)):
            return False
    return True


def unpc_dir(shared):
    root = os.path.join(shared, UNPC)
    if not os.path.isdir(root):
        raise MissingData(f"{root} is missing: the language evaluation reads the UN Parallel Corpus "
                          f"test and dev sets there (pass --shared DIR if ../shared lives elsewhere)")
    return root


def read_passages(shared):
    """[{id, doc_id, doc_title, text, lang, para}] of every non-empty line, ar then en then fr."""
    root = unpc_dir(shared)
    out = []
    for lang in LANGS:
        for part, short in PARTS:
            base = os.path.join(root, part, f"UNv1.0.{part}")
            try:
                ids, txt = open(f"{base}.ids", encoding="utf-8"), open(f"{base}.{lang}", encoding="utf-8")
            except OSError as e:
                raise MissingData(f"cannot read {e.filename}: {e.strerror}") from None
            with ids, txt:
                for n, (id_line, line) in enumerate(zip(ids, txt), 1):
                    text = " ".join(line.split())
                    if not text:
                        continue
                    symbol = id_line.split()[0]
                    out.append({"id": f"unpc-{short}-{n:04d}-{lang}", "doc_id": f"unpc:{symbol}:{lang}",
                                "doc_title": f"UN Parallel Corpus {part}: {symbol}", "text": text,
                                "lang": lang, "para": str(n)})
    for n, p in enumerate(out, 1):
        p["n"] = n  # the Sphinx document id (write_jsonl's file order)
    return out


def write_jsonl(passages, out_dir):
    """One file per language (mahdar's JSON Lines, corpus/README.md); returns the paths, sorted
    as Sphinx's feed (bench/sphinx.py write_tsv) reads them, so its ids are positions + 1."""
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for lang in LANGS:
        path = os.path.join(out_dir, f"{lang}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for p in passages:
                if p["lang"] == lang:
                    f.write(json.dumps({k: v for k, v in p.items() if k != "n"}, ensure_ascii=False) + "\n")
        paths.append(path)
    return sorted(paths)


class Language:
    """What one language's passages hold: word counts by normalised form, passages by accent-
    folded key (for counting how many passages a stretch's words find), and the commonest
    written form of each normalised word (so a changed word is written as the texts write it)."""

    def __init__(self, lang, passages):
        self.lang = lang
        self.passages = [p for p in passages if p["lang"] == lang]
        self.freq = Counter()
        self.postings = defaultdict(set)
        surfaces = defaultdict(Counter)
        texts = Counter(key(p["text"]) for p in self.passages)
        self.unique = [texts[key(p["text"])] == 1 for p in self.passages]
        self.toks = []
        for i, p in enumerate(self.passages):
            toks = tokens(p["text"])
            self.toks.append(toks)
            for w, _ in toks:
                if not is_word(w, lang):
                    continue
                n = normalise(w)
                self.freq[n] += 1
                surfaces[n][strip_harakat(w.lower())] += 1
                self.postings[key(w)].add(i)
        self.surface = {n: c.most_common(1)[0][0] for n, c in surfaces.items()}

    def seen(self, word, at_least=1):
        return self.freq.get(normalise(word), 0) >= at_least

    def finds(self, words):
        """How many passages hold every one of the words (accent-folded, unstemmed)."""
        sets = sorted((self.postings.get(key(w), set()) for w in words), key=len)
        if not sets or not sets[0]:
            return 0
        return len(set.intersection(*sets))

    def stretches(self, i, at, rng, max_finds=3):
        """A distinctive stretch of passage i holding token `at`: 3-5 consecutive words, no
        punctuation inside, at least two of them content words (not stopwords, 3+ letters),
        and those content words together in at most max_finds passages (the target among them).
        Returns (start, end) or None."""
        toks = self.toks[i]
        found = []
        for n in (3, 4, 5):
            for start in range(max(0, at - n + 1), min(at, len(toks) - n) + 1):
                run = toks[start:start + n]
                if not all(is_word(w, self.lang) for w, _ in run) or not joined(run):
                    continue
                content = [w for w, _ in run if is_content(w, self.lang)]
                if len(content) >= 2 and self.finds(content) <= max_finds:
                    found.append((start, start + n))
        return rng.choice(found) if found else None
