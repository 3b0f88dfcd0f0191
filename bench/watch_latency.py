#!/usr/bin/env python3
"""The watched folder's delay from a file landing to it being searchable, and its idle cost.

    bench/watch_latency.py [--files 50] [--settle MS] [--idle 30] [--json]

Starts mahdar-searchd and `mahdar-indexer --watch` on a fresh temporary folder and index, then
drops files one at a time: each is written outside the folder and renamed into it (what a
finished copy or `mv` does), and the search API is asked every 10 ms until it finds the file's
document (`doc=` filter). The delay is from the rename to that first answer: settle delay +
batch + commit + searchd's reopen. Then, with nothing happening, it reads the watcher's CPU time from
/proc/PID/stat over --idle seconds and its VmRSS / VmHWM from /proc/PID/status. Prints p50,
p90 and max. Uses the binaries in $MAHDAR_BUILD (default <repo>/build); Python standard library.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("MAHDAR_BUILD", os.path.join(ROOT, "build"))
INDEXER = os.path.join(BUILD, "indexer", "mahdar-indexer")
SEARCHD = os.path.join(BUILD, "searchd", "mahdar-searchd")


def wait_for(predicate, limit, what):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    sys.exit(f"watch_latency: {what} did not happen within {limit} s")


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def total(port, doc_id):
    """How many passages of document `doc_id` the API has (a filter, no words: exact)."""
    url = f"http://127.0.0.1:{port}/api/search?size=1&doc={urllib.parse.quote(doc_id)}"
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return json.load(r)["total"]
    except (OSError, ValueError, KeyError):
        return -1


def cpu_seconds(pid):
    fields = read(f"/proc/{pid}/stat").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def status_kb(pid, key):
    m = re.search(rf"^{key}:\s+(\d+) kB", read(f"/proc/{pid}/status"), re.M)
    return int(m.group(1)) if m else -1


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(args, tmp):
    inbox, staging, db = (os.path.join(tmp, d) for d in ("inbox", "staging", "db"))
    os.makedirs(inbox)
    os.makedirs(staging)
    watch_log, searchd_log = os.path.join(tmp, "watch.log"), os.path.join(tmp, "searchd.log")
    command = [INDEXER, "--watch", inbox, "--db", db]
    if args.settle:
        command += ["--settle", str(args.settle)]
    procs = []
    try:
        procs.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(watch_log, "w")))
        watcher = procs[-1]
        wait_for(lambda: "watching " in read(watch_log), 30, "the watcher's first pass")
        procs.append(subprocess.Popen([SEARCHD, "--db", db, "--listen", "127.0.0.1:0"],
                                      stdout=open(searchd_log, "w"), stderr=subprocess.STDOUT))
        port = wait_for(lambda: (re.search(r"listening on http://127\.0\.0\.1:(\d+)", read(searchd_log)) or [0, 0])[1],
                        30, "searchd listening")
        delays = []
        for i in range(args.files):
            doc_id = f"probe-{i}"
            name = f"statement-{i:03d}.jsonl"
            with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
                f.write(json.dumps({"doc_id": doc_id, "doc_title": "Latency probe", "lang": "en",
                                    "text": f"Statement {i}: the delegate spoke about regular pathways."}) + "\n")
            start = time.monotonic()
            os.rename(os.path.join(staging, name), os.path.join(inbox, name))
            deadline = start + 60
            while total(port, doc_id) < 1:
                if time.monotonic() > deadline:
                    sys.exit(f"watch_latency: {name} not searchable after 60 s; log:\n{read(watch_log)[-2000:]}")
                time.sleep(0.01)
            delays.append(time.monotonic() - start)
        time.sleep(3)  # the last batch's log line and searchd's reopen are behind us
        cpu0, t0 = cpu_seconds(watcher.pid), time.monotonic()
        time.sleep(args.idle)
        cpu1, t1 = cpu_seconds(watcher.pid), time.monotonic()
        return {
            "files": args.files,
            "settle_ms": args.settle or 1000,
            "delay_p50_s": round(statistics.median(delays), 3),
            "delay_p90_s": round(percentile(delays, 90), 3),
            "delay_max_s": round(max(delays), 3),
            "delay_min_s": round(min(delays), 3),
            "idle_seconds": round(t1 - t0, 1),
            "idle_cpu_percent": round(100 * (cpu1 - cpu0) / (t1 - t0), 3),
            "idle_cpu_seconds": round(cpu1 - cpu0, 3),
            "vmrss_kb": status_kb(watcher.pid, "VmRSS"),
            "vmhwm_kb": status_kb(watcher.pid, "VmHWM"),
            "batches": read(watch_log).count("done: files"),
        }
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--settle", type=int, default=0, help="--settle MS for the watcher (default: its own, 1000)")
    ap.add_argument("--idle", type=float, default=30)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    for binary in (INDEXER, SEARCHD):
        if not os.access(binary, os.X_OK):
            sys.exit(f"watch_latency: {binary} is not built (MAHDAR_BUILD={BUILD})")
    tmp = tempfile.mkdtemp(prefix="mahdar-watch-bench-")
    try:
        r = measure(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(r))
        return
    print(f"files {r['files']}, settle {r['settle_ms']} ms: landing → searchable "
          f"p50 {r['delay_p50_s']:.2f} s, p90 {r['delay_p90_s']:.2f} s, max {r['delay_max_s']:.2f} s "
          f"(min {r['delay_min_s']:.2f} s; {r['batches']} batches)")
    tick = 1 / os.sysconf("SC_CLK_TCK")
    print(f"idle {r['idle_seconds']} s: CPU {r['idle_cpu_percent']}% ({r['idle_cpu_seconds']} s; /proc counts "
          f"in {tick:.2f} s ticks), "
          f"VmRSS {r['vmrss_kb'] / 1024:.1f} MiB (peak {r['vmhwm_kb'] / 1024:.1f} MiB)")


if __name__ == "__main__":
    main()
