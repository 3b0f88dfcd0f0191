#!/usr/bin/env python3
"""The scale curve (issue 20 item 5): mahdar's query latency, throughput and memory from 10k to
4M passages, past 1M as Xapian shards searched together (a stub database; the last shard
through `xapian-tcpsrv`), and what a larger deployment needs, read off the curve.

    bench/run --work W --data D                 # first: the 10k, 100k and 1M steps (any sizes)
    bench/scale.py --work W --data D [--shards 4] [--build BUILD] [--duration 10] [--clients 1,4,16]

Shard 0 is `bench/run`'s 1M index (W/1000000/mahdar). Shards 1..k-1 are the next 1M passages
each of the same generated set (`generate.py --first-document`: document i still depends only
on (seed, i), so shard k holds the documents after shard k-1's) in D/scale-<k>/, indexed by
mahdar-indexer into W/scale/shard-<k> (timed). Then, with the same 300 queries as the run
(W/queries.jsonl), one step per shard count in (1, 2, 4): a stub file listing the shards
(`auto` lines; the last one `remote` through `xapian-tcpsrv` on 127.0.0.1 when there are two or
more), mahdar-searchd over the stub, `load.py mahdar` (latency with one client, then throughput
at each client count). Memory: searchd's peak RSS (VmHWM) and the largest total RSS of
xapian-tcpsrv and its children, sampled every 0.2 s. A step whose JSON is in W/scale/ is not run
again (delete it to measure again). Writes RESULTS/<date>-scale-<revision>.md and .png and
prints the table. Needs ../shared (or --shared) only to generate passages.
"""
import argparse
import datetime
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
PER_SHARD = 1_000_000


def log(msg):
    print(f"scale: {msg}", file=sys.stderr, flush=True)


def read_json(path):
    with open(path) as f:
        return json.load(f)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, seconds=120):
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            return False
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False


def rss_kb(pid, field="VmRSS"):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid):
    """RSS of a process and its children (xapian-tcpsrv forks one per connection)."""
    total = rss_kb(pid)
    try:
        kids = open(f"/proc/{pid}/task/{pid}/children").read().split()
    except OSError:
        kids = []
    return total + sum(tree_rss_kb(int(k)) for k in kids)


class PeakSampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stopping = pid, 0, False

    def run(self):
        while not self.stopping:
            self.peak = max(self.peak, tree_rss_kb(self.pid))
            time.sleep(0.2)


def timed(cmd, out_prefix):
    """Runs cmd under /usr/bin/time -v; returns wall, CPU and peak RSS."""
    load = open("/proc/loadavg").read().split()[0]
    with open(out_prefix + ".log", "w") as logf:
        rc = subprocess.call(["/usr/bin/time", "-v", "-o", out_prefix + ".time"] + cmd, stdout=logf, stderr=logf)
    fields = {}
    for line in open(out_prefix + ".time"):
        if ":" in line:
            k, v = line.strip().rsplit(": ", 1) if ": " in line else (line, "")
            fields[k.strip()] = v.strip()
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    return rc, {"wall_s": wall, "cpu_s": float(fields["User time (seconds)"]) + float(fields["System time (seconds)"]),
                "rss_peak_kb": int(fields["Maximum resident set size (kbytes)"]), "loadavg_before": float(load)}


def du_bytes(path):
    return int(subprocess.check_output(["du", "-sb", path]).split()[0])


def make_shards(args, count):
    """Shard paths 0..count-1, generating and indexing those that are missing."""
    shard0 = os.path.join(args.work, "1000000", "mahdar")
    if not os.path.isdir(shard0):
        sys.exit(f"scale: {shard0} is missing: run `bench/run --sizes 1000000 --work {args.work} --data {args.data}` first")
    shards = [shard0]
    first = read_json(os.path.join(args.data, "1000000", "manifest.json"))["documents"]
    for k in range(1, count):
        data = os.path.join(args.data, f"scale-{k}")
        manifest = os.path.join(data, "manifest.json")
        if not os.path.exists(manifest) or read_json(manifest).get("first_document") != first:
            log(f"generating shard {k}: {PER_SHARD} passages from document {first}")
            subprocess.check_call([sys.executable, os.path.join(BENCH, "generate.py"), "--n", str(PER_SHARD),
                                   "--out", data, "--first-document", str(first), "--shared", args.shared])
        first += read_json(manifest)["documents"]
        db = os.path.join(args.work, "scale", f"shard-{k}")
        done = os.path.join(args.work, "scale", f"shard-{k}.json")
        if not os.path.exists(done):
            shutil.rmtree(db, ignore_errors=True)
            log(f"indexing shard {k} into {db}")
            files = sorted(os.path.join(data, f) for f in os.listdir(data) if f.endswith(".jsonl"))
            rc, m = timed([args.indexer, "--db", db, "--quiet"] + files, done[:-5])
            if rc != 0:
                sys.exit(f"scale: indexing shard {k} failed (exit {rc}): see {done[:-5]}.log")
            m["index_bytes"] = du_bytes(db)
            m["passages"] = read_json(manifest)["passages"]
            with open(done, "w") as f:
                json.dump(m, f)
            log(f"shard {k}: {m['wall_s']:.0f} s, CPU {m['cpu_s']:.0f} s, peak RSS {m['rss_peak_kb'] // 1024} MB, "
                f"{m['index_bytes'] / 2**30:.2f} GB")
        shards.append(db)
    return shards


def measure(args, shards, label, remote=True):
    """One step: searchd over a stub of `shards` (the last one remote when there are two or more
    and `remote`)."""
    out = os.path.join(args.work, "scale", f"{label}.json")
    if os.path.exists(out):
        return read_json(out)
    stub = os.path.join(args.work, "scale", f"{label}.stub")
    tcpsrv = None
    lines = [f"auto {os.path.abspath(s)}" for s in shards]
    if len(shards) > 1 and remote:
        port = free_port()
        tcpsrv = subprocess.Popen(["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port), shards[-1]],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        if not wait_for_port(port, tcpsrv):
            sys.exit("scale: xapian-tcpsrv did not start")
        lines[-1] = f"remote 127.0.0.1:{port}"
    with open(stub, "w") as f:
        f.write("\n".join(lines) + "\n")
    port = free_port()
    errlog = open(os.path.join(args.work, "scale", f"{label}-searchd.err"), "w")
    searchd = subprocess.Popen([args.searchd, "--db", stub, "--listen", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=errlog)
    try:
        if not wait_for_port(port, searchd):
            sys.exit(f"scale: mahdar-searchd did not start over {stub}")
        sampler = PeakSampler(tcpsrv.pid) if tcpsrv else None
        if sampler:
            sampler.start()
        load = open("/proc/loadavg").read().split()[0]
        raw = out[:-5] + "-load.json"
        subprocess.check_call([sys.executable, os.path.join(BENCH, "load.py"), "mahdar", "--port", str(port),
                               "--queries", os.path.join(args.work, "queries.jsonl"), "--clients", args.clients,
                               "--duration", str(args.duration), "--pid", str(searchd.pid), "--out", raw])
        m = read_json(raw)
        m["loadavg_before"] = float(load)
        m["tcpsrv_rss_peak_kb"] = sampler.peak if sampler else 0
        if sampler:
            sampler.stopping = True
    finally:
        searchd.send_signal(signal.SIGTERM)
        searchd.wait(timeout=30)
        if tcpsrv:
            os.killpg(tcpsrv.pid, signal.SIGTERM)
            tcpsrv.wait(timeout=30)
    m["shards"] = len(shards)
    m["index_bytes"] = sum(du_bytes(s) for s in shards)
    with open(out, "w") as f:
        json.dump(m, f)
    return m


def row_of(n, how, q, index_bytes, shards=1):
    lat = q["latency"]
    qps = {t["clients"]: t["qps"] for t in q["throughput"]}
    return {"passages": n, "how": how, "p50": lat["p50_ms"], "p95": lat["p95_ms"], "p99": lat["p99_ms"],
            "server_p50": lat.get("server_p50_ms"), "server_p99": lat.get("server_p99_ms"), "qps": qps,
            "searchd_mb": q.get("rss_peak_kb", 0) / 1024, "tcpsrv_mb": q.get("tcpsrv_rss_peak_kb", 0) / 1024,
            "index_gb": index_bytes / 2**30, "load": q.get("loadavg_before"), "shards": shards}


def report(args, rows, shard_runs):
    clients = [int(c) for c in args.clients.split(",")]
    lines = ["| passages | how | p50 ms | p95 ms | p99 ms | server p50 / p99 ms | "
             + " / ".join(f"q/s @{c}" for c in clients) + " | searchd peak RSS MB | xapian-tcpsrv RSS MB | index GB | load before |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        sp = f"{r['server_p50']:.1f} / {r['server_p99']:.1f}" if r["server_p50"] is not None else "–"
        qps = " / ".join(f"{r['qps'].get(c, 0):.0f}" for c in clients)
        tcp = f"{r['tcpsrv_mb']:.0f}" if r["tcpsrv_mb"] else "–"
        lines.append(f"| {r['passages']:,} | {r['how']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {sp} | {qps} | "
                     f"{r['searchd_mb']:.0f} | {tcp} | {r['index_gb']:.2f} | {r['load']} |")
    if shard_runs:
        lines += ["", "Indexing the shards (each 1M passages, one mahdar-indexer run on both cores):", "",
                  "| shard | wall s | CPU s | peak RSS MB | index GB | load before |", "|---:|---:|---:|---:|---:|---:|"]
        for k, m in shard_runs:
            lines.append(f"| {k} | {m['wall_s']:.0f} | {m['cpu_s']:.0f} | {m['rss_peak_kb'] // 1024} | "
                         f"{m['index_bytes'] / 2**30:.2f} | {m['loadavg_before']} |")
    lines += ["", extrapolate(rows)]
    return "\n".join(lines) + "\n"


def extrapolate(rows):
    """What 10M passages need, read off the largest step measured."""
    big = max(rows, key=lambda r: r["passages"])
    per_m = big["index_gb"] / (big["passages"] / 1e6)
    return (f"Read off the curve for 10M passages: index {per_m * 10:.0f} GB on disk ({per_m:.2f} GB per million "
            f"passages at {big['passages']:,}), e.g. as 10 shards of 1M; searchd's own peak RSS was "
            f"{big['searchd_mb']:.0f} MB over {big['shards']} shard(s) at {big['passages']:,}"
            + (f", xapian-tcpsrv's {big['tcpsrv_mb']:.0f} MB" if big["tcpsrv_mb"] else "")
            + "; the page cache wants the index's hot part (posting lists, values, positions for phrases) "
            "in RAM for the latencies above.")


def plot(rows, png):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("no matplotlib: no plot")
        return
    fig, axes = plt.subplots(1, 3, figsize=(14, 4))
    xs = [r["passages"] for r in rows]
    for key, label in (("p50", "p50"), ("p95", "p95"), ("p99", "p99")):
        axes[0].plot(xs, [r[key] for r in rows], marker="o", label=label)
    axes[0].set_title("latency, 1 client (ms)")
    axes[0].set_yscale("log")
    for c in sorted({c for r in rows for c in r["qps"]}):
        axes[1].plot(xs, [r["qps"].get(c, 0) for r in rows], marker="o", label=f"{c} clients")
    axes[1].set_title("throughput (queries/s)")
    axes[2].plot(xs, [r["searchd_mb"] + r["tcpsrv_mb"] for r in rows], marker="o", label="searchd + tcpsrv RSS MB")
    axes[2].plot(xs, [r["index_gb"] * 1024 / 10 for r in rows], marker="o", label="index size / 10 (MB)")
    axes[2].set_title("memory")
    for ax in axes:
        ax.set_xscale("log")
        ax.set_xlabel("passages")
        ax.legend()
    fig.tight_layout()
    fig.savefig(png, dpi=90)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True, help="bench/run's --work folder")
    ap.add_argument("--data", required=True, help="bench/run's --data folder")
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--build", default=os.environ.get("MAHDAR_BUILD", os.path.join(ROOT, "build")))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--results", default=os.path.join(BENCH, "results"))
    ap.add_argument("--revision", default=os.environ.get("MAHDAR_REVISION", "local"))
    ap.add_argument("--duration", type=float, default=10)
    ap.add_argument("--clients", default="1,4,16")
    args = ap.parse_args()
    args.indexer = os.path.join(args.build, "indexer", "mahdar-indexer")
    args.searchd = os.path.join(args.build, "searchd", "mahdar-searchd")
    for exe in (args.indexer, args.searchd):
        if not os.access(exe, os.X_OK):
            sys.exit(f"scale: {exe} is missing: build first or pass --build")
    if not shutil.which("xapian-tcpsrv"):
        sys.exit("scale: xapian-tcpsrv is missing (Debian package xapian-tools)")
    if not os.path.exists(os.path.join(args.work, "queries.jsonl")):
        sys.exit(f"scale: {args.work}/queries.jsonl is missing: run bench/run first")
    os.makedirs(os.path.join(args.work, "scale"), exist_ok=True)

    rows = []
    for n in (10_000, 100_000, 1_000_000):  # bench/run's steps: one index each
        q = os.path.join(args.work, str(n), "mahdar-query.json")
        if os.path.exists(q):
            rows.append(row_of(n, "one index", read_json(q), du_bytes(os.path.join(args.work, str(n), "mahdar"))))
    shards = make_shards(args, args.shards)
    shard_runs = [(k, read_json(os.path.join(args.work, "scale", f"shard-{k}.json"))) for k in range(1, len(shards))]
    for count in sorted({1, 2, args.shards}):
        if count > len(shards):
            continue
        log(f"querying {count} shard(s)")
        m = measure(args, shards[:count], f"stub-{count}")
        how = "stub, 1 local shard" if count == 1 else f"stub, {count - 1} local + 1 xapian-tcpsrv"
        rows.append(row_of(count * PER_SHARD, how, m, m["index_bytes"], count))
        if count > 1:  # the same shards all local: what the remote protocol costs
            log(f"querying {count} local shards")
            m = measure(args, shards[:count], f"stub-{count}-local", remote=False)
            rows.append(row_of(count * PER_SHARD, f"stub, {count} local", m, m["index_bytes"], count))
    rows.sort(key=lambda r: (r["passages"], r["how"] != "one index"))
    text = report(args, rows, shard_runs)
    name = f"{datetime.date.today().isoformat()}-scale-{args.revision}"
    os.makedirs(args.results, exist_ok=True)
    with open(os.path.join(args.results, name + ".md"), "w") as f:
        f.write(f"# Scale curve, revision {args.revision}, {datetime.datetime.now().isoformat(timespec='minutes')}\n\n"
                f"`bench/scale.py --work {args.work} --data {args.data} --shards {args.shards}`; "
                f"{args.duration:g} s per throughput step.\n\n" + text)
    plot(rows, os.path.join(args.results, name + ".png"))
    print(text)


if __name__ == "__main__":
    main()
