#!/usr/bin/env python3
"""Where mahdar-indexer's time goes: a per-phase table from a callgrind run.

    bench/profile_indexer.py [--indexer PATH] [--passages N] [--keep DIR] INPUT.jsonl
    bench/profile_indexer.py --annotate callgrind.out

Runs `valgrind --tool=callgrind mahdar-indexer --bulk --threads 2 --quiet` on the first N
passages (lines) of INPUT (default 4000) into a fresh index, then prints each phase's share of
all instructions, from callgrind_annotate's inclusive cost of the functions that make the phase.
Instruction counts do not depend on what else runs on the machine, so the table can be compared
between runs on a busy machine; they are not time (a cache miss or a page fault costs more than
an instruction), which /usr/bin/time beside the floor measures (bench/README.md).

Phases nest (analysis is inside term generation, which is inside the lanes); "own" rows
subtract the phases inside them, so the rows marked * add up to the whole.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

# phase -> regexes of the (demangled) functions whose inclusive cost it is. A phase's cost is the
# sum over its functions (none of them calls another of the same phase).
PHASES = [
    ("reading (JSON Lines → documents)", [r"^mahdar::read_source\("]),
    ("language identification", [r"^mahdar::detect_language\("]),
    ("extraction (speaker, country, objective, date)", [r"^mahdar::Extractor::extract\("]),
    ("  of which token scan", [r"^mahdar::scan_tokens\("]),
    ("analysis (ICU word breaking, normalise, stem)", [r"^mahdar::Analyzer::analyse\("]),
    ("  of which ICU word breaking", [r"^mahdar::Analyzer::word_spans\("]),
    ("  of which analyse_word (normalise, stem)", [r"^mahdar::Analyzer::analyse_word\("]),
    ("term generation (build_document)", [r"^mahdar::build_document\("]),
    ("  of which stored record (encode_passage)", [r"^mahdar::encode_passage(\[abi:cxx11\])?\("]),
    ("Xapian writing (add_document, spelling, commit)",
     [r"^Xapian::WritableDatabase::add_document\(", r"^Xapian::WritableDatabase::add_spelling\(",
      r"^Xapian::WritableDatabase::commit\(", r"^mahdar::write_document_record\("]),
    ("compaction", [r"^Xapian::Database::compact_\("]),
    ("after compaction (ids, speakers)",
     [r"^mahdar::drop_duplicate_ids\(", r"^mahdar::unify_speakers\(", r"^mahdar::link_speaker_scripts\("]),
]

# rows that add up to the whole: name -> (phase, phases inside it to subtract)
PARTS = [
    ("reading", "reading (JSON Lines → documents)", []),
    ("language identification", "language identification", []),
    ("extraction", "extraction (speaker, country, objective, date)", []),
    ("analysis", "analysis (ICU word breaking, normalise, stem)", []),
    ("term generation, own", "term generation (build_document)", ["analysis (ICU word breaking, normalise, stem)"]),
    ("Xapian writing", "Xapian writing (add_document, spelling, commit)", []),
    ("compaction", "compaction", []),
    ("after compaction", "after compaction (ids, speakers)", []),
]

LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(\S*?:)?(.+?)(?:\s+\[[^\]]*\])?\s*$")


def annotate(out_file):
    """Total instructions and (function, inclusive cost) pairs, summed over the parts of the
    run (callgrind.out, callgrind.out.1… when `callgrind_control -d` dumped it midway)."""
    parts = [out_file] + sorted(glob.glob(glob.escape(out_file) + ".[0-9]*"))
    total = 0
    costs = {}
    for k, part in enumerate(parts):
        if os.path.getsize(part) == 0:
            continue
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--auto=no", "--threshold=100", part],
                              check=True, capture_output=True, text=True).stdout
        for line in text.splitlines():
            m = re.match(r"^\s*([\d,]+).*PROGRAM TOTALS", line)
            if m:
                total += int(m.group(1).replace(",", ""))
                continue
            m = LINE.match(line)
            # A function has one row per source file its code comes from (inlined headers, a
            # path written two ways), each with the function's whole inclusive cost or part of
            # it: the largest is the function's.
            if m:
                key = (k, m.group(3))
                costs[key] = max(costs.get(key, 0), int(m.group(1).replace(",", "")))
    if not total:
        sys.exit("profile_indexer: no PROGRAM TOTALS in callgrind_annotate's output")
    return total, list(costs.items())


def phase_costs(costs):
    """A phase's cost: the inclusive costs of its functions (in each part of the run)."""
    out = {}
    for name, patterns in PHASES:
        regexes = [re.compile(p) for p in patterns]
        out[name] = sum(c for (_, fn), c in costs if any(r.search(fn) for r in regexes))
    return out


def print_table(total, phases):
    print(f"all instructions: {total:,}\n")
    print("| phase | instructions | share |")
    print("|---|---:|---:|")
    for name, _ in PHASES:
        print(f"| {name} | {phases[name]:,} | {100.0 * phases[name] / total:.1f}% |")
    print("\n| part (adds up to the whole) | share |")
    print("|---|---:|")
    accounted = 0
    for label, phase, inner in PARTS:
        cost = phases[phase] - sum(phases[i] for i in inner)
        accounted += cost
        print(f"| {label} | {100.0 * cost / total:.1f}% |")
    print(f"| other (start-up, queues, threads, word lists) | {100.0 * (total - accounted) / total:.1f}% |")


def run(args):
    work = args.keep or tempfile.mkdtemp(prefix="profile-indexer-")
    os.makedirs(work, exist_ok=True)
    sample = os.path.join(work, "sample.jsonl")
    with open(args.input, encoding="utf-8") as src, open(sample, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= args.passages:
                break
            dst.write(line)
    db = os.path.join(work, "db")
    shutil.rmtree(db, ignore_errors=True)
    out_file = os.path.join(work, "callgrind.out")
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", args.indexer,
           "--db", db, "--quiet", "--bulk", "--threads", "2", sample]
    print("$ " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total, costs = annotate(out_file)
    print(f"{args.passages} passages of {args.input}\n")
    print_table(total, phase_costs(costs))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", nargs="?")
    parser.add_argument("--indexer", default=os.path.join(here, "..", "build", "indexer", "mahdar-indexer"))
    parser.add_argument("--passages", type=int, default=4000)
    parser.add_argument("--keep", help="folder to keep the sample, index and callgrind.out in")
    parser.add_argument("--annotate", help="only tabulate this callgrind.out")
    args = parser.parse_args()
    if args.annotate:
        total, costs = annotate(args.annotate)
        print_table(total, phase_costs(costs))
    elif args.input:
        run(args)
    else:
        parser.error("INPUT.jsonl or --annotate FILE")


if __name__ == "__main__":
    main()
