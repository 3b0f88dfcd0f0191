#!/usr/bin/env python3
"""The Sphinx 2.2 side of the benchmark: its input, its configuration, its queries.

    bench/sphinx.py tsv DATA_DIR WORK_DIR          write WORK_DIR/{en,fr,ar}.tsv from the JSON Lines
    bench/sphinx.py conf WORK_DIR PORT             write WORK_DIR/sphinx.conf (searchd on 127.0.0.1:PORT)

Sphinx 2.2 applies one morphology to a whole index, so each language gets its own index with
its own stemmer (stem_en, libstemmer_fr — Snowball French from Debian's libstemmer — and stem_ar,
Sphinx's built-in light Arabic stemmer) and a distributed index `passages` searches the three,
like mahdar searches one database holding all three languages. Arabic diacritics and tatweel are
ignored characters; alef/hamza forms, ta marbuta/ha and alef maqsura/ya are folded in the
charset table. What Sphinx 2.2 cannot do for Arabic: no clitic-aware segmentation beyond the light
stemmer (w-/l-/bi-/al- prefixes are handled only as stem_ar strips them), no Arabic-Indic digit
folding to ASCII in the same token stream as Latin digits unless mapped (we map them), and no
per-document language choice: a passage goes to the index of its `lang` field.

The passage text is both a full-text field and a string attribute (tsvpipe_field_string), so a
hit's text comes back with the hit and SNIPPET() can build its excerpt, as mahdar does.
Attributes: speaker (string), speaker_id (uint, for filters), country (MVA of ints: position in
the ISO 3166-1 list + 1), objective (MVA), date (uint YYYYMMDD), year (uint), lang (string),
doc (string), month (uint YYYYMM).
"""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402

LANGS = ("en", "fr", "ar")
MORPHOLOGY = {"en": "stem_en", "fr": "libstemmer_fr", "ar": "stem_ar"}
ARABIC_IGNORE = "U+0640, U+064B..U+0652, U+0670"
# Letters and digits of the three languages: Latin accents folded (generated from Unicode
# decompositions), Arabic letter variants folded, Arabic-Indic digits mapped to ASCII.
def charset_table():
    import unicodedata
    parts = ["0..9", "A..Z->a..z", "_", "a..z"]
    for cp in list(range(0xC0, 0x180)):
        ch = chr(cp)
        if not ch.isalpha():
            continue
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if "a" <= base <= "z":
            parts.append(f"U+{cp:04X}->{base}")
        elif ch.lower() != ch:
            parts.append(f"U+{cp:04X}->U+{ord(ch.lower()):04X}")
        else:
            parts.append(f"U+{cp:04X}")
    parts += ["U+0622->U+0627", "U+0623->U+0627", "U+0625->U+0627", "U+0671->U+0627",
              "U+0621", "U+0624", "U+0626..U+0628", "U+062A..U+063A", "U+0641..U+0648",
              "U+064A", "U+0629->U+0647", "U+0649->U+064A", "U+0660..U+0669->0..9",
              "U+06F0..U+06F9->0..9"]
    return ", ".join(parts)


CHARSET = charset_table()


def country_ids():
    return {a2: i + 1 for i, (a2, _, _) in enumerate(sources.iso_countries())}


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("\r", " ").replace("\\", "/")


def write_tsv(data_dir, work_dir):
    """One TSV per language; the document id is the passage's position in the data set + 1."""
    os.makedirs(work_dir, exist_ok=True)
    countries = country_ids()
    speakers = {}
    outs = {l: open(os.path.join(work_dir, f"{l}.tsv"), "w", encoding="utf-8") for l in LANGS}
    n = 0
    for path in sorted(glob.glob(os.path.join(data_dir, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                p = json.loads(line)
                n += 1
                speaker = p.get("speaker") or ""
                sid = speakers.setdefault(speaker, len(speakers) + 1) if speaker else 0
                date = int(p["date"].replace("-", "")) if p.get("date") else 0
                row = [str(n), clean(p["text"]), clean(speaker), str(sid),
                       ",".join(str(countries[c]) for c in p.get("countries", []) if c in countries),
                       ",".join(str(o) for o in p.get("objectives", [])),
                       str(date), str(date // 10000), str(date // 100), p["lang"], clean(p["doc_id"])]
                outs[p["lang"]].write("\t".join(row) + "\n")
    for f in outs.values():
        f.close()
    with open(os.path.join(work_dir, "speakers.json"), "w", encoding="utf-8") as f:
        json.dump(speakers, f, ensure_ascii=False)
    return n


SOURCE = """source src_{lang}
{{
    type = tsvpipe
    tsvpipe_command = cat {tsv}
    tsvpipe_field_string = text
    tsvpipe_attr_string = speaker
    tsvpipe_attr_uint = speaker_id
    tsvpipe_attr_multi = country
    tsvpipe_attr_multi = objective
    tsvpipe_attr_uint = date
    tsvpipe_attr_uint = year
    tsvpipe_attr_uint = month
    tsvpipe_attr_string = lang
    tsvpipe_attr_string = doc
}}

index idx_{lang}
{{
    source = src_{lang}
    path = {work}/index/idx_{lang}
    docinfo = extern
    morphology = {morphology}
    min_word_len = 1
    charset_table = {charset}
    ignore_chars = U+00AD, {ignore}
    html_strip = 0
}}
"""

TAIL = """index passages
{{
    type = distributed
    local = idx_en
    local = idx_fr
    local = idx_ar
}}

indexer
{{
    mem_limit = 256M
}}

searchd
{{
    listen = 127.0.0.1:{port}:mysql41
    log = {work}/searchd.log
    pid_file = {work}/searchd.pid
    binlog_path =
    workers = threads
    dist_threads = 2
    max_children = 64
    read_timeout = 30
    client_timeout = 60
    seamless_rotate = 1
    preopen_indexes = 1
}}
"""


def write_conf(work_dir, port):
    work = os.path.abspath(work_dir)
    os.makedirs(os.path.join(work, "index"), exist_ok=True)
    parts = [SOURCE.format(lang=l, tsv=os.path.join(work, f"{l}.tsv"), work=work,
                           morphology=MORPHOLOGY[l], charset=CHARSET, ignore=ARABIC_IGNORE)
             for l in LANGS]
    parts.append(TAIL.format(port=port, work=work))
    path = os.path.join(work, "sphinx.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
    return path


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "tsv":
        n = write_tsv(sys.argv[2], sys.argv[3])
        print(f"sphinx: wrote {n} rows to {sys.argv[3]}/{{en,fr,ar}}.tsv")
    elif len(sys.argv) == 4 and sys.argv[1] == "conf":
        print(write_conf(sys.argv[2], int(sys.argv[3])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
