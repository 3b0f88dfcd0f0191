#!/usr/bin/env python3
"""Converts the UN General Debate statements in ../shared/data to mahdar JSON Lines.

    bench/ungd_to_jsonl.py --out ungd.jsonl [--shared DIR] [--no-countries]

One document per statement file (`FRA_73_2018.txt` -> doc_id `ungd-73-FRA`), one passage per
paragraph (page breaks inside a paragraph repaired). Each passage gets: lang "en" (the UN's
English verbatim record), the date the General Debate of that session opened (the statements
carry no exact date), countries = the speaking state (ISO 3166-1 alpha-2 from the file's
alpha-3 code; "EU" for the European Union) unless --no-countries leaves them to extraction, and
speaker / role / affiliation from Speakers_by_session.xlsx when it has the row. Objectives are
left out, so the indexer extracts them.
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402

# Opening day of the General Debate of each session in the shared subset; other sessions fall
# back to 25 September of their year.
DEBATE_OPENS = {73: "2018-09-25", 78: "2023-09-19", 79: "2024-09-24"}
NON_ISO = {"EU": ("EU", "European Union")}
_TITLE = re.compile(r"^(?:H\.E\.\s+|His Excellency\s+|Her Excellency\s+|Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+|"
                    r"Dr\.?\s+|Sheikh\s+|Prince\s+|King\s+|Archbishop\s+|Cardinal\s+)+")


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def convert(shared, out, give_countries):
    by_alpha3 = {a3: (a2, name) for a2, a3, name in sources.iso_countries()}
    by_alpha3.update(NON_ISO)
    speakers = sources.ungd_speakers(shared)
    files = passages = text_bytes = 0
    for path, iso3, session, year in sources.ungd_files(shared):
        alpha2, country = by_alpha3.get(iso3, ("", iso3))
        doc_id = f"ungd-{session}-{iso3}"
        title = f"General Debate, {ordinal(session)} session ({year}): {country}"
        name, post = speakers.get((iso3, session), ("", ""))
        common = {"doc_id": doc_id, "doc_title": title, "lang": "en",
                  "date": DEBATE_OPENS.get(session, f"{year}-09-25"),
                  "speaker": _TITLE.sub("", name).strip(), "affiliation": country}
        if post:
            common["role"] = post
        if give_countries and alpha2:
            common["countries"] = [alpha2]
        for i, para in enumerate(sources.ungd_paragraphs(path)):
            out.write(json.dumps({**common, "id": f"{doc_id}:{i}", "para": str(i + 1), "text": para},
                                 ensure_ascii=False) + "\n")
            passages += 1
            text_bytes += len(para.encode("utf-8"))
        files += 1
    return files, passages, text_bytes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output .jsonl file ('-' for stdout)")
    ap.add_argument("--shared", default=sources.DEFAULT_SHARED, help="the shared folder (default %(default)s)")
    ap.add_argument("--no-countries", action="store_true",
                    help="leave countries to the indexer's extraction instead of the speaking state")
    args = ap.parse_args()
    try:
        sources.data_dir(args.shared, sources.UNGD)
        if args.out == "-":
            stats = convert(args.shared, sys.stdout, not args.no_countries)
        else:
            tmp = args.out + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                stats = convert(args.shared, f, not args.no_countries)
            os.replace(tmp, args.out)
    except sources.MissingData as e:
        sources.fail(str(e))
    files, passages, text_bytes = stats
    print(f"converted {files} statements, {passages} passages, {text_bytes / 1e6:.2f} MB of text",
          file=sys.stderr)


if __name__ == "__main__":
    main()
