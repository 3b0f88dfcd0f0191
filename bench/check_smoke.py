#!/usr/bin/env python3
"""Checks a smoke run's report (bench/smoke): every system has its rows, with numbers.

    bench/check_smoke.py RESULTS.md

Indexing rows for mahdar, sphinx, fts5 and floor, with mahdar's re-index column; query rows for
mahdar, sphinx and fts5 with latencies and throughput, and no errors. Asserts presence, never timings.
"""
import re
import sys

NUMBER = re.compile(r"^\d[\d,]*(\.\d+)?×?$")
PAIR = re.compile(r"^\d+(\.\d+)? / \d+(\.\d+)?$")


def table(text, heading):
    """The rows of the first table under `heading`, as dicts keyed by the header cells."""
    lines = text.split(heading, 1)[1].splitlines() if heading in text else []
    rows = [l for l in lines if l.startswith("|")]
    cells = [[c.strip() for c in l.strip("|").split("|")] for l in rows]
    return [dict(zip(cells[0], r)) for r in cells[2:]] if len(cells) > 2 else []


def check(rows, system, columns, problems):
    row = next((r for r in rows if r.get("system") == system), None)
    if row is None:
        problems.append(f"no row for {system}")
        return
    for c in columns:
        pattern = PAIR if c.startswith("re-index") else NUMBER
        if not pattern.match(row.get(c, "")):
            problems.append(f"{system}: '{c}' is {row.get(c)!r}, not a figure")


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    problems = []
    index = table(text, "## Indexing")
    for s in ("mahdar", "sphinx", "fts5", "floor"):
        check(index, s, ("wall s", "passages/s", "peak RSS MB", "index MB"), problems)
    check(index, "mahdar", ("re-index 1 changed report, s",), problems)
    query = table(text, "## Querying")
    throughput = [c for c in (query[0] if query else {}) if c.startswith("q/s @")]
    if not throughput:
        problems.append("no throughput columns")
    for s in ("mahdar", "sphinx", "fts5"):
        check(query, s, ("p50 ms", "p99 ms", "errors", *throughput), problems)
        errors = next((r["errors"] for r in query if r.get("system") == s), "0")
        if errors.isdigit() and errors != "0":
            problems.append(f"{s}: {errors} failed queries")
    for p in problems:
        print(f"check_smoke: {path}: {p}")
    if not problems:
        print(f"check_smoke: {path}: mahdar, sphinx, fts5 and floor all have their figures")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
