#!/usr/bin/env python3
"""The SQLite FTS5 side of the benchmark (issue 20): its database, its build, its queries.

    bench/fts5.py build DATA_DIR DB      one SQLite database of the JSON Lines passages (timed by bench/run)

SQLite 3.40 (Debian; Python's sqlite3 module), FTS5. One FTS5 table per language, because FTS5
has one tokenizer per table and only one stemmer (Porter, English): `fts_en` is
`porter unicode61 remove_diacritics 2`, `fts_fr` and `fts_ar` plain `unicode61 remove_diacritics 2`
(Porter on French would strip English suffixes from French words; FTS5 has no French or Arabic
stemmer, so those two match word forms as written, case and Latin accents folded). Like Sphinx's
distributed index, a query runs against the three tables and merges the hits by bm25().

Arabic: unicode61 treats harakat (category Mn) as separators (كَتَبَ becomes ك ت ب) and does not
fold alef/hamza forms, so the Arabic text and every query are folded in Python before FTS5 sees
them, as Sphinx's charset_table and ignore_chars do (`AR_FOLD`: harakat, superscript alef and
tatweel removed; أ إ آ ٱ → ا, ة → ه, ى → ي); Arabic snippets show the folded text. What FTS5
cannot do here: no French or Arabic stemming (so no clitic handling either), no spelling
suggestions. The rowid of a passage is its position in the data set + 1, as Sphinx's document id.

Attributes in ordinary tables: `passages` (id, pid = the passage's own id, doc, lang, speaker, date
YYYYMMDD, year, month YYYYMM), `passage_country` (id, country code) and `passage_objective`
(id, objective), both WITHOUT ROWID keyed (id, value) with an index (value, id), and indexes on
passages(speaker), (lang), (date) for the filters. The passage text is stored once, in the FTS5
table (snippet() needs it).

Bulk load: all rows in one transaction with executemany; `journal_mode = OFF` (no WAL, no
rollback journal: a failed build is thrown away and built again), `synchronous = OFF`,
`locking_mode = EXCLUSIVE`, `cache_size` 256 MB (Sphinx's indexer mem_limit), `temp_store =
MEMORY`; secondary indexes created after the rows are in; then FTS5 `optimize` (merges each
table's segments into one b-tree, as a finished index is queried) and ANALYZE. All inside the
timed build.

Query side (`statements`): words AND-ed as quoted FTS5 strings (`"w1" "w2"`), a phrase as one
quoted string (`"w1 w2"`), `"` doubled, so no FTS5 syntax in a query word is interpreted. Two
statements per query: the hits (10 by bm25 from each table, `ORDER BY rank LIMIT 10` so FTS5 sorts
and builds snippet() only for the rows it returns, then the best 10 of those), and one statement
for the total and the six facets: the matching rowids of the three tables joined to the
attributes, MATERIALIZED once, then a GROUP BY count per facet, each with every filter but its
own (mahdar's and Sphinx's multi-select counts: a field's counts ignore its own filter).
"""
import glob
import json
import os
import sqlite3
import sys
import time

LANGS = ("en", "fr", "ar")
TOKENIZE = {"en": "porter unicode61 remove_diacritics 2",
            "fr": "unicode61 remove_diacritics 2",
            "ar": "unicode61 remove_diacritics 2"}
SNIPPET_TOKENS = 11  # Sphinx's CALL SNIPPETS around = 5: five words either side of a hit word
AR_FOLD = str.maketrans({**{chr(c): None for c in (*range(0x064B, 0x0653), 0x0670, 0x0640)},
                        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
BULK_PRAGMAS = ("journal_mode = OFF", "synchronous = OFF", "locking_mode = EXCLUSIVE",
                "cache_size = -262144", "temp_store = MEMORY")
# Readers: the OS page cache shared by all client processes (mmap), a private cache of 64 MB.
READ_PRAGMAS = ("mmap_size = 2147483648", "cache_size = -65536", "temp_store = MEMORY")

SCHEMA = [
    "CREATE TABLE passages (id INTEGER PRIMARY KEY, pid TEXT, doc TEXT, lang TEXT, speaker TEXT, "
    "date INTEGER, year INTEGER, month INTEGER)",
    "CREATE TABLE passage_country (id INTEGER, country TEXT, PRIMARY KEY (id, country)) WITHOUT ROWID",
    "CREATE TABLE passage_objective (id INTEGER, objective INTEGER, PRIMARY KEY (id, objective)) WITHOUT ROWID",
] + [f"CREATE VIRTUAL TABLE fts_{l} USING fts5(text, tokenize = '{TOKENIZE[l]}')" for l in LANGS]
INDEXES = [
    "CREATE INDEX passages_speaker ON passages (speaker)",
    "CREATE INDEX passages_lang ON passages (lang)",
    "CREATE INDEX passages_date ON passages (date)",
    "CREATE INDEX passage_country_value ON passage_country (country, id)",
    "CREATE INDEX passage_objective_value ON passage_objective (objective, id)",
]


def rows(data_dir):
    n = 0
    for path in sorted(glob.glob(os.path.join(data_dir, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                n += 1
                yield n, json.loads(line)


def build(data_dir, db):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db, isolation_level=None)
    for p in BULK_PRAGMAS:
        con.execute(f"PRAGMA {p}")
    con.execute("BEGIN")
    for s in SCHEMA:
        con.execute(s)
    batch = {"p": [], "c": [], "o": [], **{l: [] for l in LANGS}}

    def flush():
        con.executemany("INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch["p"])
        con.executemany("INSERT INTO passage_country VALUES (?, ?)", batch["c"])
        con.executemany("INSERT INTO passage_objective VALUES (?, ?)", batch["o"])
        for l in LANGS:
            con.executemany(f"INSERT INTO fts_{l} (rowid, text) VALUES (?, ?)", batch[l])
        for v in batch.values():
            v.clear()

    n = 0
    for n, p in rows(data_dir):
        date = int(p["date"].replace("-", "")) if p.get("date") else None
        batch["p"].append((n, p["id"], p["doc_id"], p["lang"], p.get("speaker") or None, date,
                           date // 10000 if date else None, date // 100 if date else None))
        batch["c"] += [(n, c) for c in set(p.get("countries", []))]
        batch["o"] += [(n, int(o)) for o in set(p.get("objectives", []))]
        batch[p["lang"]].append((n, p["text"].translate(AR_FOLD) if p["lang"] == "ar" else p["text"]))
        if n % 10000 == 0:
            flush()
    flush()
    for s in INDEXES:
        con.execute(s)
    for l in LANGS:
        con.execute(f"INSERT INTO fts_{l} (fts_{l}) VALUES ('optimize')")
    con.execute("ANALYZE")
    con.execute("COMMIT")
    con.close()
    return n


def connect_readonly(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    for p in READ_PRAGMAS:
        con.execute(f"PRAGMA {p}")
    return con


# ---- the query side ----------------------------------------------------------------------------
def match_expr(words, kind):
    """FTS5 MATCH text: every word a quoted string (AND-ed), a phrase one quoted string."""
    quoted = lambda s: '"' + s.translate(AR_FOLD).replace('"', '""') + '"'
    if kind == "phrase":
        return quoted(" ".join(words).lower())
    return " ".join(quoted(w.lower()) for w in words)


FILTER_SQL = {
    "speaker": "{id} IN (SELECT id FROM passages WHERE speaker = :speaker)",
    "country": "{id} IN (SELECT id FROM passage_country WHERE country = :country)",
    "objective": "{id} IN (SELECT id FROM passage_objective WHERE objective = :objective)",
    "lang": "{id} IN (SELECT id FROM passages WHERE lang = :lang)",
    "years": "{id} IN (SELECT id FROM passages WHERE date BETWEEN :from AND :to)",
}
ON_M = {"speaker": "m.speaker = :speaker", "lang": "m.lang = :lang",
        "years": "m.date BETWEEN :from AND :to", **{k: FILTER_SQL[k].format(id="m.id")
                                                    for k in ("country", "objective")}}
FACET_SQL = {  # facet -> (the filter it ignores, its GROUP BY over m)
    "speaker": ("speaker", "SELECT 'speaker', speaker, count(*) FROM m{w} GROUP BY 2"),
    "country": ("country", "SELECT 'country', c.country, count(*) FROM m CROSS JOIN passage_country c "
                           "ON c.id = m.id{w} GROUP BY 2"),
    "objective": ("objective", "SELECT 'objective', o.objective, count(*) FROM m CROSS JOIN passage_objective o "
                               "ON o.id = m.id{w} GROUP BY 2"),
    "lang": ("lang", "SELECT 'lang', lang, count(*) FROM m{w} GROUP BY 2"),
    "year": ("years", "SELECT 'year', year, count(*) FROM m{w} GROUP BY 2"),
    "month": ("years", "SELECT 'month', month, count(*) FROM m{w} GROUP BY 2"),
}


def where(filters, skip=None):
    parts = [ON_M[k] for k in filters if k != skip]
    return " WHERE " + " AND ".join(parts) if parts else ""


def hits_sql(filters):
    langs = [filters["lang"]] if "lang" in filters else list(LANGS)
    cond = " AND ".join(FILTER_SQL[k].format(id="+rowid") for k in filters if k != "lang")
    arms = [f"SELECT * FROM (SELECT rowid AS id, '{l}' AS lang, snippet(fts_{l}, 0, '<b>', '</b>', '…', "
            f"{SNIPPET_TOKENS}) AS snippet, rank AS score FROM fts_{l} WHERE fts_{l} MATCH :q"
            + (f" AND {cond}" if cond else "") + " ORDER BY rank LIMIT 10)" for l in langs]
    return "SELECT id, lang, snippet, score FROM (" + " UNION ALL ".join(arms) + ") ORDER BY score LIMIT 10"


def facets_sql(filters):
    matches = " UNION ALL ".join(f"SELECT rowid AS id FROM fts_{l} WHERE fts_{l} MATCH :q" for l in LANGS)
    head = ("WITH m AS MATERIALIZED (SELECT p.id, p.speaker, p.lang, p.date, p.year, p.month "
            f"FROM ({matches}) x JOIN passages p ON p.id = x.id) ")
    arms = [f"SELECT 'total', NULL, count(*) FROM m{where(filters)}"]
    arms += [sql.format(w=where(filters, skip=own)) for own, sql in FACET_SQL.values()]
    return head + " UNION ALL ".join(arms)


def statements(words, kind, filters):
    """The FTS5 form of one query of the mix: two SQL statements and their named parameters."""
    params = {"q": match_expr(words, kind)}
    for k in ("speaker", "country", "lang"):
        if k in filters:
            params[k] = str(filters[k])
    if "objective" in filters:
        params["objective"] = int(filters["objective"])
    if "years" in filters:
        a, b = filters["years"]
        params["from"], params["to"] = a * 10000 + 101, b * 10000 + 1231
    return {"hits": hits_sql(filters), "facets": facets_sql(filters), "params": params}


def run_query(con, q):
    """Runs one query's FTS5 form: (total, hits [(id, lang, snippet, score)], facets {field: {value: n}})."""
    f = q["fts5"]
    hits = con.execute(f["hits"], f["params"]).fetchall()
    total, facets = 0, {}
    for field, value, n in con.execute(f["facets"], f["params"]):
        if field == "total":
            total = n
        elif value is not None:
            facets.setdefault(field, {})[value] = n
    for field in facets:
        facets[field] = dict(sorted(facets[field].items(), key=lambda kv: -kv[1]))
    return total, hits, facets


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        t = time.perf_counter()
        n = build(sys.argv[2], sys.argv[3])
        print(f"fts5: {n} passages into {sys.argv[3]} in {time.perf_counter() - t:.1f} s, "
              f"{os.path.getsize(sys.argv[3]) / 1048576:.1f} MB")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
