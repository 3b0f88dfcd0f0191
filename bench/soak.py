#!/usr/bin/env python3
"""Soak: N clients mix search, facets, cite, exports and passage look-ups against a real
mahdar-searchd for a set time while mahdar-indexer re-indexes its folder again and again.

    bench/soak.py [--build build] [--minutes 10] [--clients 16] [--passages 20000]
                  [--reindex-every 5] [--out result.json] [--work DIR]
                  [--searchd BINARY] [--baseline OLD_BINARY]

Inputs: a copy of the bundled corpus/ and, when ../shared is there, --passages generated
passages (bench/generate.py, in files of 2,000); without ../shared it says so and soaks over
corpus/ alone. Each re-index cycle changes the folder the way a night's arrivals do — one
generated file rewritten (every passage changed: its passages replaced), one report edited, a
new report added and the one added before removed — then runs `mahdar-indexer --prune`.
Each client holds one keep-alive connection; a request fails when the answer is not 200/304,
the connection breaks or it takes over 30 s. A 503 with Retry-After (exports beyond
searchd's --max-exports) is counted apart ("503+RA") and the client waits as told. Prints per kind of request: count, errors, p50,
p99; re-index runs and the revisions searchd served; searchd's RSS after the first 10% of the
time, at the end and at most. Exit status 1 when any request or re-index run failed.

--searchd runs another binary (or a wrapper script, e.g. one starting searchd under heaptrack)
in place of the build's. --baseline starts a second searchd, e.g. an older build copied aside,
on the same index: the odd-numbered clients ask it, the even-numbered ones the first, so both
see the same mix of requests and the same revisions; the table then counts both and the RSS
is printed for each.
"""
import argparse
import http.client
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from array import array

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
HOST = "127.0.0.1"
KINDS = (("search", 45), ("cite", 20), ("facets", 12), ("passage", 10), ("export", 6),
         ("crosstab", 2), ("health", 5))


def words_of(folder):
    """Frequent words of the corpus by language (from the file name's .ar/.en/.fr) and sentences
    to cite."""
    counts = {"ar": {}, "en": {}, "fr": {}}
    sentences = []
    for base, _, files in os.walk(folder):
        for name in files:
            m = re.search(r"\.(ar|en|fr)\.md$", name)
            if not m:
                continue
            text = open(os.path.join(base, name), encoding="utf-8").read()
            for w in re.findall(r"\w{5,}", text):
                counts[m.group(1)][w.lower()] = counts[m.group(1)].get(w.lower(), 0) + 1
            sentences += [s.strip() for s in re.split(r"(?<=[.!؟?])\s+", text) if 60 < len(s) < 400
                          and not s.lstrip().startswith("#")]
    words = {lang: [w for w, _ in sorted(c.items(), key=lambda kv: -kv[1])[:80]] for lang, c in counts.items()}
    return words, sentences


def request_for(kind, rnd, ctx):
    """(method, url, body) of one request of `kind`."""
    lang = rnd.choice(("ar", "en", "fr"))
    q = " ".join(rnd.sample(ctx["words"][lang], rnd.choice((1, 1, 2))))
    if kind == "search":
        params = {"q": q}
        if rnd.random() < 0.3 and ctx["countries"]:
            params["country"] = rnd.choice(ctx["countries"])
        if rnd.random() < 0.2:
            params["lang"] = lang
        if rnd.random() < 0.2:
            params["objective"] = str(rnd.randint(1, 23))
        if rnd.random() < 0.2:
            params["q"], params["partial"] = q[:-2], "1"
        if rnd.random() < 0.1:
            params["page"] = "2"
        return "GET", "/api/v1/search?" + urllib.parse.urlencode(params), None
    if kind == "cite":
        text = rnd.choice(ctx["sentences"])
        if rnd.random() < 0.5:  # a misquote: a word dropped
            words = text.split()
            del words[rnd.randrange(len(words))]
            text = " ".join(words)
        return "POST", "/api/v1/cite", json.dumps({"text": text}).encode()
    if kind == "facets":
        field = rnd.choice(("speaker", "country", "objective", "lang", "year", "symbol"))
        return "GET", f"/api/v1/facets?field={field}", None
    if kind == "passage":
        pid = rnd.choice(ctx["passages"])
        return "GET", "/api/v1/passage/" + urllib.parse.quote(pid, safe="") + "?q=" + urllib.parse.quote(q), None
    if kind == "export":
        fmt = rnd.choice(("csv", "jsonl", "ris", "csl"))
        return "GET", f"/api/v1/export?format={fmt}&limit=200&q=" + urllib.parse.quote(q), None
    if kind == "crosstab":
        return "GET", "/api/v1/crosstab?rows=objective&cols=year", None
    return "GET", "/api/v1/health", None


def client(port, seconds, seed, ctx, out):
    rnd = random.Random(seed)
    kinds = [k for k, w in KINDS for _ in range(w)]
    latencies = {k: array("f") for k, _ in KINDS}
    errors, samples, revisions = {k: 0 for k, _ in KINDS}, [], set()
    deferred = {k: 0 for k, _ in KINDS}
    conn = None
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        kind = rnd.choice(kinds)
        method, url, body = request_for(kind, rnd, ctx)
        t = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
            headers = {"Content-Type": "application/json"} if body else {}
            conn.request(method, url, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            if resp.status == 503 and resp.getheader("Retry-After"):
                # asked to come back (exports at --max-exports): not a failure if honoured. The
                # wait is as long as searchd keeps an idle connection (5 s): start a new one after.
                deferred[kind] += 1
                conn.close()
                conn = None
                time.sleep(min(float(resp.getheader("Retry-After")), 5))
                continue
            if resp.status not in (200, 304):
                raise RuntimeError(f"HTTP {resp.status} {data[:160]!r}")
            revisions.add(resp.getheader("Index-Revision"))
            if resp.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except Exception as e:  # noqa: BLE001 — every failure is counted and shown
            errors[kind] += 1
            if len(samples) < 5:
                samples.append(f"{method} {url[:100]}: {e}")
            if conn is not None:
                conn.close()
            conn = None
            continue
        latencies[kind].append((time.perf_counter() - t) * 1000)
    out.put({"seed": seed, "latencies": {k: v.tobytes() for k, v in latencies.items()}, "errors": errors, "deferred": deferred,
             "samples": samples, "revisions": sorted(r for r in revisions if r)})


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Reindexer(threading.Thread):
    """Changes the input folder and runs the indexer, every `every` seconds until stopped."""

    def __init__(self, indexer, db, inputs, every):
        super().__init__(daemon=True)
        self.indexer, self.db, self.inputs, self.every = indexer, db, inputs, every
        self.stop, self.runs, self.failures, self.seconds = threading.Event(), 0, [], []

    def change_folder(self, cycle):
        gen = sorted(f for f in os.listdir(self.inputs) if f.startswith("passages-"))
        if gen:  # every passage of one generated file changed
            path = os.path.join(self.inputs, gen[cycle % len(gen)])
            lines = [json.loads(line) for line in open(path, encoding="utf-8")]
            for p in lines:
                p["text"] = re.sub(r" \(revision \d+\)$", "", p["text"]) + f" (revision {cycle})"
            with open(path + ".tmp", "w", encoding="utf-8") as f:
                f.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in lines)
            os.replace(path + ".tmp", path)
        reports = sorted(os.path.join(b, n) for b, _, fs in os.walk(os.path.join(self.inputs, "corpus"))
                         for n in fs if n.endswith(".md") and n != "README.md")
        edited = reports[cycle % len(reports)]
        with open(edited, "a", encoding="utf-8") as f:
            f.write(f"\n\nThe meeting resumed (session {cycle}).\n")
        added = os.path.join(self.inputs, f"added-{cycle}.en.md")
        shutil.copy(os.path.join(ROOT, "corpus", "en", "2021-11-18_domestic-workers-dialogue.en.md"), added)
        gone = os.path.join(self.inputs, f"added-{cycle - 1}.en.md")
        if os.path.exists(gone):
            os.remove(gone)

    def run(self):
        cycle = 0
        while not self.stop.wait(self.every):
            cycle += 1
            self.change_folder(cycle)
            t = time.monotonic()
            r = subprocess.run([self.indexer, "--db", self.db, "--prune", "--quiet", self.inputs],
                               capture_output=True, text=True)
            self.seconds.append(time.monotonic() - t)
            self.runs += 1
            if r.returncode != 0:
                self.failures.append(f"run {cycle}: exit {r.returncode}: {r.stderr.strip()[-300:]}")


def start_searchd(binary, db):
    """(process, port) of a searchd serving `db` on a free port. Lines before searchd's own
    "listening on" (a wrapper's, e.g. heaptrack's) are skipped."""
    server = subprocess.Popen([binary, "--db", db, "--listen", f"{HOST}:0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    for line in server.stdout:
        m = re.match(r"listening on http://[^:]+:(\d+)", line)
        if m:
            return server, int(m.group(1))
    sys.exit(f"{binary} exited before listening")


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--passages", type=int, default=20000)
    ap.add_argument("--reindex-every", type=float, default=5)
    ap.add_argument("--out")
    ap.add_argument("--work")
    ap.add_argument("--searchd", help="the searchd binary (default: the build's)")
    ap.add_argument("--baseline", help="a second searchd binary served the odd-numbered clients")
    a = ap.parse_args()
    indexer = os.path.join(a.build, "indexer", "mahdar-indexer")
    searchd = a.searchd or os.path.join(a.build, "searchd", "mahdar-searchd")
    work = a.work or tempfile.mkdtemp(prefix="mahdar-soak-")
    inputs, db = os.path.join(work, "inputs"), os.path.join(work, "db")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "corpus"), os.path.join(inputs, "corpus"))
    if a.passages and os.path.isdir(SHARED):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), "--n", str(a.passages),
                        "--out", inputs, "--shard", "2000"], check=True, stdout=subprocess.DEVNULL)
        os.remove(os.path.join(inputs, "manifest.json"))
    elif a.passages:
        print(f"note: {SHARED} not found: no generated passages, the soak runs over corpus/ alone")
    subprocess.run([indexer, "--db", db, "--quiet", inputs], check=True)
    servers = [start_searchd(searchd, db)] + ([start_searchd(a.baseline, db)] if a.baseline else [])
    port = servers[0][1]
    words, sentences = words_of(os.path.join(ROOT, "corpus"))
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    ids, countries = [], []
    for w in ("migrants", "المهاجرين", "migrants travailleurs", "objective"):
        conn.request("GET", "/api/v1/search?size=50&q=" + urllib.parse.quote(w))
        answer = json.loads(conn.getresponse().read())
        ids += [h["id"] for h in answer["hits"]]
        countries += [v["value"] for v in answer.get("facets", {}).get("country", [])]
    ctx = {"words": words, "sentences": sentences, "passages": ids, "countries": sorted(set(countries))}

    seconds = a.minutes * 60
    reindexer = Reindexer(indexer, db, inputs, a.reindex_every)
    out = mp.Queue()
    procs = [mp.Process(target=client, args=(servers[i % len(servers)][1], seconds, i, ctx, out))
             for i in range(a.clients)]
    start = time.monotonic()
    for p in procs:
        p.start()
    reindexer.start()
    rss = [[] for _ in servers]
    while time.monotonic() - start < seconds:
        time.sleep(2)
        for samples, (server, _) in zip(rss, servers):
            samples.append((time.monotonic() - start, rss_kb(server.pid)))
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    reindexer.stop.set()
    reindexer.join()
    for server, _ in servers:
        server.terminate()
        server.wait(timeout=60)

    print(f"{a.clients} clients, {a.minutes:g} min, re-index every {a.reindex_every:g} s; {len(ids)} passage ids,"
          f" {len(sentences)} sentences to cite")
    print(f"{'request':10} {'count':>9} {'errors':>7} {'503+RA':>7} {'p50 ms':>8} {'p99 ms':>8}")
    total = errors = 0
    summary = {"kinds": {}}
    for kind, _ in KINDS:
        lat = array("f")
        for r in results:
            lat.frombytes(r["latencies"][kind])
        err = sum(r["errors"][kind] for r in results)
        later = sum(r["deferred"][kind] for r in results)
        total, errors = total + len(lat) + err, errors + err
        p50, p99 = percentile(lat, 50), percentile(lat, 99)
        summary["kinds"][kind] = {"count": len(lat) + err, "errors": err, "deferred": later, "p50_ms": p50, "p99_ms": p99}
        print(f"{kind:10} {len(lat) + err:9d} {err:7d} {later:7d} {p50:8.1f} {p99:8.1f}")
    print(f"{'all':10} {total:9d} {errors:7d}   ({total / seconds:.0f} requests/s)")
    for r in results:
        for s in r["samples"]:
            print("  failed:", s)
    revisions = sorted({v for r in results for v in r["revisions"]}, key=int)
    print(f"re-index runs: {reindexer.runs}, failed: {len(reindexer.failures)}, p50 {percentile(reindexer.seconds, 50):.1f} s;"
          f" revisions served: {len(revisions)}")
    for f in reindexer.failures[:5]:
        print("  re-index", f)
    for n, (name, samples) in enumerate(zip((searchd, a.baseline), rss)):
        warm = [kb for t, kb in samples if t >= seconds * 0.1] or [kb for _, kb in samples]
        print(f"searchd RSS ({name}): {warm[0] / 1024:.0f} MB after {seconds * 0.1:.0f} s, {warm[-1] / 1024:.0f} MB"
              f" at the end, {max(kb for _, kb in samples) / 1024:.0f} MB at most;"
              f" growth {(warm[-1] - warm[0]) / 1024:+.0f} MB")
        if a.baseline:  # its share of the requests
            lat = array("f")
            for r in results:
                if r["seed"] % len(servers) == n:
                    for kind, _ in KINDS:
                        lat.frombytes(r["latencies"][kind])
            err = sum(sum(r["errors"].values()) for r in results if r["seed"] % len(servers) == n)
            print(f"  its requests: {len(lat) + err}, errors {err}, p50 {percentile(lat, 50):.1f} ms,"
                  f" p99 {percentile(lat, 99):.1f} ms")
    summary.update(requests=total, errors=errors, reindex_runs=reindexer.runs, reindex_failures=reindexer.failures,
                   revisions=len(revisions), rss_kb=rss[0], baseline_rss_kb=rss[1] if a.baseline else None)
    if a.out:
        with open(a.out, "w") as f:
            json.dump(summary, f, indent=1)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if errors or reindexer.failures else 0


if __name__ == "__main__":
    sys.exit(main())
