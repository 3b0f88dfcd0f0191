#!/usr/bin/env python3
"""Kills mahdar-indexer (SIGKILL) at random moments and checks what it leaves (issue 18, item 5).

    bench/crash_safety.py [--build build] [--trials 20] [--passages 4000] [--files 8]
                          [--flush 500] [--seed N] [--shared DIR] [--indexer PATH] [--no-disk-full]

Inputs: the bundled corpus/ and --passages generated passages in --files JSON Lines files
(bench/generate.py; without the shared data, passages written here). Three scenarios, --trials
kills each, at a moment drawn uniformly over the length of an uninterrupted run:

  first load   an empty index, --no-bulk (commits between files: XAPIAN_FLUSH_THRESHOLD=--flush)
  incremental  the index of the inputs, then a --prune run after 3 files changed, 1 removed,
               1 added and 1 report edited
  bulk load    an empty index, --bulk --threads 2

After each kill: the index must open (`mahdar-indexer stats`), every document and file of the last
completed run must be there (each file whole: its passages as the last completed run left them or
as the interrupted run meant them, never a part), and the next run must exit 0 with the counts of
an uninterrupted run. Then, where `unshare` can mount a tmpfs, a disk-full trial: the incremental
run on a full file system must end with a one-line "disk full" error and the index as it was,
and the same run with room must complete. Prints a table; exit status 1 if any check failed.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def counts(db, prefix):
    """{term without prefix: passages} for the XP (document) or XF (file) terms; None if the index
    does not open."""
    r = subprocess.run(["xapian-delve", "-v", "-1", "-A", prefix, db], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    out = {}
    for line in r.stdout.splitlines()[1:]:
        term, _, freq = line.rpartition(" ")
        if term.startswith(prefix):
            out[term[len(prefix):].lstrip(":")] = int(freq)
    return out


def record(db):
    """What a run left: passages per document and per file."""
    docs, files = counts(db, "XP"), counts(db, "XF")
    return None if docs is None or files is None else {"docs": docs, "files": files}


def opens(indexer, db):
    return subprocess.run([indexer, "stats", db], capture_output=True).returncode == 0


def write_passages(path, prefix, n, version, rng):
    topics = ["remittance costs for migrant workers", "fair recruitment in labour corridors",
              "the return of migrants in safety and dignity", "data on missing migrants"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            doc = f"{prefix}-{i // 40}"
            text = (f"In version {version}, passage {i} of {prefix}, the delegation said that "
                    f"{rng.choice(topics)} remained a priority for the region.")
            f.write(json.dumps({"doc_id": doc, "doc_title": doc, "text": text, "lang": "en",
                                "date": "2024-03-12", "para": i % 40 + 1}) + "\n")


def make_inputs(work, args, rng):
    """work/in holds corpus/ and the generated files; returns the generated files' paths."""
    src = os.path.join(work, "in")
    shutil.copytree(os.path.join(ROOT, "corpus"), os.path.join(src, "corpus"))
    gen = os.path.join(work, "gen")
    per_file = max(1, args.passages // args.files)
    r = subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--n", str(args.passages),
                        "--shard", str(per_file), "--out", gen, "--shared", args.shared],
                       capture_output=True, text=True)
    os.makedirs(os.path.join(src, "gen"))
    if r.returncode == 0:
        for name in sorted(os.listdir(gen)):
            if name.endswith(".jsonl"):
                shutil.move(os.path.join(gen, name), os.path.join(src, "gen", name))
        print(f"inputs: corpus/ and {args.passages} passages from bench/generate.py")
    else:
        for k in range(args.files):
            write_passages(os.path.join(src, "gen", f"passages-{k:04d}.jsonl"), f"p{k}", per_file, 1, rng)
        print(f"inputs: corpus/ and {args.passages} passages written here (generate.py: no shared data)")
    return sorted(os.path.join(src, "gen", n) for n in os.listdir(os.path.join(src, "gen")))


def change_inputs(work, gen_files, rng):
    """The incremental run's changes: 3 files changed (every 5th line dropped), 1 removed, 1 added,
    1 report edited."""
    for path in gen_files[:3]:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(line for i, line in enumerate(lines) if i % 5 != 2)
    os.remove(gen_files[3])
    write_passages(os.path.join(work, "in", "gen", "added.jsonl"), "added", 300, 2, rng)
    report = os.path.join(work, "in", "corpus", "en", "2021-11-18_domestic-workers-dialogue.en.md")
    with open(report, "a", encoding="utf-8") as f:
        f.write("\n99. The meeting added a paragraph on remittance costs for domestic workers.\n")


def run(cmd, env, kill_after=None):
    """Runs the indexer; with kill_after (seconds), SIGKILLs it then. Returns (exit status,
    killed while running, seconds, stderr's last line)."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    killed = False
    if kill_after is not None:
        try:
            p.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            p.kill()
            killed = True
    _, err = p.communicate()
    lines = [l for l in err.splitlines() if l.strip()]
    return p.returncode, killed, time.monotonic() - start, lines[-1] if lines else ""


def whole(now, before, after):
    """(documents of `before` lost, files or documents held partly): each document and file must
    hold its count of before or of after (absent only if absent in one of them)."""
    lost = sum(1 for d in before["docs"] if d not in now["docs"] and d in after["docs"])
    partial = 0
    for kind in ("docs", "files"):
        for key in set(before[kind]) | set(after[kind]) | set(now[kind]):
            if now[kind].get(key, 0) not in (before[kind].get(key, 0), after[kind].get(key, 0)):
                partial += 1
    return lost, partial


class Scenario:
    def __init__(self, name, cmd, start_from, before, after, env):
        self.name, self.cmd, self.start_from, self.before, self.after, self.env = name, cmd, start_from, before, after, env
        self.row = {"trials": 0, "killed mid-run": 0, "index opened": 0, "docs lost": 0,
                    "files partial": 0, "next run ok": 0}

    def reset(self, db):
        shutil.rmtree(db, ignore_errors=True)
        shutil.rmtree(db + ".bulk", ignore_errors=True)
        if self.start_from:
            shutil.copytree(self.start_from, db)


def trial(s, db, span, indexer, rng, failures):
    s.reset(db)
    cmd = [indexer, "--db", db] + s.cmd
    _, killed, _, _ = run(cmd, s.env, kill_after=rng.uniform(0, span))
    s.row["trials"] += 1
    s.row["killed mid-run"] += killed
    created = os.path.exists(os.path.join(db, "iamglass"))
    if created and opens(indexer, db):
        s.row["index opened"] += 1
        lost, partial = whole(record(db), s.before, s.after)
        s.row["docs lost"] += lost
        s.row["files partial"] += partial
        if lost or partial:
            failures.append(f"{s.name}: {lost} documents lost, {partial} partly held")
    elif not created and not s.before["docs"]:
        s.row["index opened"] += 1  # killed before the first load created it: nothing was lost
    else:
        failures.append(f"{s.name}: the index does not open after a kill")
    status, _, _, last = run(cmd, s.env)
    if status == 0 and record(db) == s.after:
        s.row["next run ok"] += 1
    else:
        failures.append(f"{s.name}: the next run gave {status} ({last})")


def disk_full(indexer, work, v1_db, v2_record, v1_record, env):
    """In a user+mount namespace: the incremental run on a full tmpfs, then with room."""
    size_mb = 3 * int(sum(os.path.getsize(os.path.join(v1_db, f)) for f in os.listdir(v1_db)) / 2**20) + 16
    script = f"""
set -u
T={work}/tmpfs
mkdir -p $T
mount -t tmpfs -o size={size_mb}m tmpfs $T || exit 77
cp -r {v1_db} $T/db
avail=$(df -k --output=avail $T | tail -1)
dd if=/dev/zero of=$T/filler bs=1k count=$((avail - 256)) 2>/dev/null
{indexer} --db $T/db --no-bulk --prune --quiet {work}/in > {work}/full.out 2> {work}/full.err
echo $? > {work}/full.rc
xapian-delve -v -1 -A XP $T/db > {work}/full.xp 2>&1; xapian-delve -v -1 -A XF $T/db > {work}/full.xf 2>&1
rm $T/filler
mount -o remount,size={4 * size_mb}m $T
{indexer} --db $T/db --no-bulk --prune --quiet {work}/in > /dev/null 2> {work}/room.err
echo $? > {work}/room.rc
xapian-delve -v -1 -A XP $T/db > {work}/room.xp 2>&1; xapian-delve -v -1 -A XF $T/db > {work}/room.xf 2>&1
"""
    r = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script], env=env,
                       capture_output=True, text=True)
    if r.returncode == 77 or not os.path.exists(os.path.join(work, "full.rc")):
        return None

    def read(name):
        with open(os.path.join(work, name), encoding="utf-8") as f:
            return f.read().strip()

    def parsed(name):
        out = {}
        for line in read(name).splitlines()[1:]:
            term, _, freq = line.rpartition(" ")
            out[term[2:].lstrip(":")] = int(freq)
        return out

    full = {"docs": parsed("full.xp"), "files": parsed("full.xf")}
    room = {"docs": parsed("room.xp"), "files": parsed("room.xf")}
    return {"exit": int(read("full.rc")), "error": read("full.err").splitlines()[-1:] or [""],
            "intact": full == v1_record, "with room": int(read("room.rc")), "complete": room == v2_record,
            "room error": read("room.err").splitlines()[-1:]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--indexer", help="the mahdar-indexer to test (default: BUILD/indexer/mahdar-indexer)")
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--passages", type=int, default=4000)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--flush", type=int, default=500, help="XAPIAN_FLUSH_THRESHOLD for the runs")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--no-disk-full", action="store_true")
    args = ap.parse_args()
    indexer = os.path.abspath(args.indexer or os.path.join(args.build, "indexer", "mahdar-indexer"))
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"indexer {indexer}, seed {seed}")
    env = dict(os.environ, XAPIAN_FLUSH_THRESHOLD=str(args.flush))
    work = tempfile.mkdtemp(prefix="mahdar-crash-")
    try:
        gen_files = make_inputs(work, args, rng)
        src, db = os.path.join(work, "in"), os.path.join(work, "db")
        empty = {"docs": {}, "files": {}}

        first = [run([indexer, "--db", os.path.join(work, "v1db"), "--no-bulk", src], env)]
        v1 = record(os.path.join(work, "v1db"))
        change_inputs(work, gen_files, rng)
        shutil.copytree(os.path.join(work, "v1db"), os.path.join(work, "v2db"))
        second = run([indexer, "--db", os.path.join(work, "v2db"), "--no-bulk", "--prune", src], env)
        v2 = record(os.path.join(work, "v2db"))
        bulk = run([indexer, "--db", os.path.join(work, "bulkdb"), "--bulk", "--threads", "2", src], env)
        if first[0][0] != 0 or second[0] != 0 or bulk[0] != 0 or record(os.path.join(work, "bulkdb")) != v2:
            sys.exit(f"the uninterrupted runs failed: {first[0][3]} / {second[3]} / {bulk[3]}")
        print(f"uninterrupted: first load {first[0][2]:.1f} s ({sum(v1['docs'].values())} passages), "
              f"incremental {second[2]:.1f} s, bulk load {bulk[2]:.1f} s ({sum(v2['docs'].values())} passages)")
        # the first load and the bulk load index the changed inputs (v2) from nothing
        scenarios = [
            (Scenario("first load", ["--no-bulk", src], None, empty, v2, env), first[0][2]),
            (Scenario("incremental", ["--no-bulk", "--prune", src], os.path.join(work, "v1db"), v1, v2, env), second[2]),
            (Scenario("bulk load", ["--bulk", "--threads", "2", src], None, empty, v2, env), bulk[2]),
        ]
        failures = []
        for s, span in scenarios:
            for _ in range(args.trials):
                trial(s, db, span * 1.1, indexer, rng, failures)
        cols = ["trials", "killed mid-run", "index opened", "docs lost", "files partial", "next run ok"]
        print(f"\n{'scenario':<12} " + " ".join(f"{c:>14}" for c in cols))
        for s, _ in scenarios:
            print(f"{s.name:<12} " + " ".join(f"{s.row[c]:>14}" for c in cols))
        if not args.no_disk_full:
            d = disk_full(indexer, work, os.path.join(work, "v1db"), v2, v1, env)
            if d is None:
                print("\ndisk full: skipped (unshare cannot mount a tmpfs here)")
            else:
                print(f"\ndisk full: exit {d['exit']}, index as before: {'yes' if d['intact'] else 'NO'}; "
                      f"with room: exit {d['with room']}, complete: {'yes' if d['complete'] else 'NO'}\n"
                      f"  {d['error'][0]}")
                if d["exit"] == 0 or not d["intact"] or d["with room"] != 0 or not d["complete"] \
                        or "disk full" not in d["error"][0]:
                    failures.append("disk full: " + json.dumps(d))
        for f in failures[:20]:
            print("FAILED", f)
        sys.exit(1 if failures else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
