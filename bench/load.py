#!/usr/bin/env python3
"""Load client: the same design for mahdar (HTTP), Sphinx (SphinxQL over the MySQL protocol) and
SQLite FTS5 (in-process, one read-only connection per client process).

    bench/load.py mahdar|sphinx --port P --queries Q.jsonl --out R.json [--clients 1,4,16]
                  [--duration 10] [--pid SERVER_PID]
    bench/load.py fts5 --db DB --queries Q.jsonl --out R.json [--clients 1,4,16] [--duration 10]

One OS process per concurrent client, each with one persistent connection, sending the query mix
in order from its own starting offset. Phase 1: one client runs every query once as a warm-up,
then once more measured (latency p50/p95/p99). Phase 2: for each client count, all clients run for
--duration seconds (bounded by --max-per-client requests); throughput = completed requests / s.
A request fails when the server answers an error, the connection breaks or it takes more than
30 s; failures are counted and the client reconnects. Peak RSS of the server (VmHWM of --pid)
is read at the end. Everything goes to 127.0.0.1. SQLite has no server: its "server RSS" is the
largest peak RSS (ru_maxrss) among the client processes, each holding its own connection, page
cache and mmap of the database (the Python interpreter included, ~10 MB).

The warm-up pass also records each query's answer (total, top hit id) as "answers", for
agree.py; for Sphinx that costs one more SELECT and SHOW META per query, outside the measured pass.
Sphinx's snippets come from a second SELECT in the same batch (SNIPPET(), evaluated for its ten
hits after LIMIT): one round trip per query, facets and snippets included, as mahdar's one request.
"""
import argparse
import http.client
import json
import multiprocessing as mp
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fts5  # noqa: E402

HOST = "127.0.0.1"
TIMEOUT = 30


class MahdarClient:
    def __init__(self, port):
        self.port = port
        self.conn = None
        self.server_ms = []  # took_ms of each answer: the server's own time, without the network

    def run(self, q):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT)
        self.conn.request("GET", q["url"])
        resp = self.conn.getresponse()
        body = resp.read()
        if resp.status != 200 or not body.startswith(b"{"):
            raise RuntimeError(f"HTTP {resp.status}: {body[:200]!r}")
        if resp.getheader("Connection", "").lower() == "close":
            self.close()
        at = body.rfind(b'"took_ms":')
        if at >= 0:
            self.server_ms.append(float(body[at + 10:].split(b",")[0].split(b"}")[0]))
        return body

    def answer(self, q, body):
        a = json.loads(body)
        return [a["total"], a["hits"][0]["id"] if a["hits"] else None]

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


class SphinxClient:
    def __init__(self, port):
        import pymysql
        self.pymysql = pymysql
        self.port = port
        self.conn = None

    def connect(self):
        self.conn = self.pymysql.connect(
            host=HOST, port=self.port, user="", password="", autocommit=True, charset="utf8",
            connect_timeout=TIMEOUT, read_timeout=TIMEOUT, write_timeout=TIMEOUT,
            client_flag=self.pymysql.constants.CLIENT.MULTI_STATEMENTS)

    def run(self, q):
        if self.conn is None:
            self.connect()
        cur = self.conn.cursor()
        cur.execute("; ".join(q["sphinx"]))
        hits = cur.fetchall()  # id, text, speaker, country, objective, date, lang, doc, w
        snippets = None
        while cur.nextset():  # the facets, then the snippets' SELECT (two columns), SHOW META
            rows = cur.fetchall()
            if snippets is None and cur.description and [d[0] for d in cur.description] == ["id", "snippet"]:
                snippets = rows
        cur.close()
        if snippets is None or [r[0] for r in snippets] != [h[0] for h in hits]:
            raise RuntimeError("Sphinx's snippets are not those of its hits")
        return hits

    def answer(self, q, hits):
        """Total and top hit of the main SELECT alone (SHOW META of the batch is the last SELECT's)."""
        cur = self.conn.cursor()
        cur.execute(q["sphinx"][0].split(" FACET ")[0])
        cur.fetchall()
        cur.execute("SHOW META")
        meta = dict(cur.fetchall())
        cur.close()
        return [int(meta.get("total_found", -1)), hits[0][0] if hits else None]

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
        self.conn = None


class Fts5Client:
    def __init__(self, db):
        self.db = db
        self.conn = None

    def run(self, q):
        if self.conn is None:
            self.conn = fts5.connect_readonly(self.db)
        return fts5.run_query(self.conn, q)

    def answer(self, q, result):
        total, hits, _ = result
        return [total, hits[0][0] if hits else None]

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


def client_for(system, port):
    """port: the server's TCP port, or for fts5 the database file."""
    if system == "fts5":
        return Fts5Client(port)
    return MahdarClient(port) if system == "mahdar" else SphinxClient(port)


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def timed(client, q, errors, answers=None):
    t = time.perf_counter()
    try:
        result = client.run(q)
        elapsed = time.perf_counter() - t
        if answers is not None:
            answers.append(client.answer(q, result))
        return elapsed
    except Exception as e:  # any failure counts; the connection is reopened
        errors.append(f"{type(e).__name__}: {str(e)[:160]} [{q['url'][:80]}]")
        client.close()
        return None


def latency_phase(system, port, queries):
    client = client_for(system, port)
    errors, answers = [], []
    for q in queries:  # warm-up
        if timed(client, q, errors, answers) is None:
            answers.append(None)
    warm_errors = len(errors)
    times = []
    if hasattr(client, "server_ms"):
        client.server_ms.clear()
    for q in queries:
        t = timed(client, q, errors)
        if t is not None:
            times.append(t)
    client.close()
    server = sorted(getattr(client, "server_ms", []))
    times.sort()
    ms = [t * 1000 for t in times]
    return {"queries": len(queries), "ok": len(times), "errors": len(errors) - warm_errors,
            "warmup_errors": warm_errors, "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
            "p99_ms": percentile(ms, 99), "max_ms": ms[-1] if ms else None,
            "mean_ms": sum(ms) / len(ms) if ms else None, "error_samples": errors[:5], "answers": answers,
            "server_p50_ms": percentile(server, 50), "server_p99_ms": percentile(server, 99)}


def worker(system, port, queries, offset, start_at, duration, max_requests, results):
    client = client_for(system, port)
    errors, ok, lat = [], 0, []
    while time.time() < start_at:
        time.sleep(0.001)
    end = start_at + duration
    i = offset
    for _ in range(max_requests):
        if time.time() >= end:
            break
        t = timed(client, queries[i % len(queries)], errors)
        if t is not None:
            ok += 1
            lat.append(t)
        i += 1
    elapsed = time.time() - start_at
    client.close()
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    results.put({"cpu_s": cpu.ru_utime + cpu.ru_stime, "maxrss_kb": cpu.ru_maxrss, "ok": ok, "errors": len(errors), "elapsed": elapsed, "lat": lat,
                 "error_samples": errors[:3]})


def throughput_phase(system, port, queries, clients, duration, max_requests):
    results = mp.Queue()
    start_at = time.time() + 1.0
    procs = [mp.Process(target=worker, args=(system, port, queries, i * len(queries) // clients,
                                             start_at, duration, max_requests, results))
             for i in range(clients)]
    for p in procs:
        p.start()
    parts = [results.get(timeout=duration + 120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    ok = sum(r["ok"] for r in parts)
    elapsed = max(r["elapsed"] for r in parts)
    lat = sorted(t * 1000 for r in parts for t in r["lat"])
    return {"clients": clients, "ok": ok, "errors": sum(r["errors"] for r in parts),
            "seconds": elapsed, "qps": ok / elapsed if elapsed > 0 else 0.0,
            "client_cpu_ms_per_query": 1000 * sum(r["cpu_s"] for r in parts) / max(1, ok),
            "loadavg_after": open("/proc/loadavg").read().split()[0],
            "p50_ms": percentile(lat, 50), "p99_ms": percentile(lat, 99),
            "client_maxrss_kb": max(r["maxrss_kb"] for r in parts),
            "error_samples": [e for r in parts for e in r["error_samples"]][:5]}


def vm_hwm_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("system", choices=("mahdar", "sphinx", "fts5"))
    ap.add_argument("--port", type=int)
    ap.add_argument("--db", help="fts5: the SQLite database")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--clients", default="1,4,16")
    ap.add_argument("--duration", type=float, default=10.0)
    ap.add_argument("--max-per-client", type=int, default=100000)
    ap.add_argument("--pid", type=int, help="server process whose VmHWM to report")
    args = ap.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        queries = [json.loads(l) for l in f]
    target = args.db if args.system == "fts5" else args.port
    if target is None:
        ap.error("--db is required for fts5, --port for the others")
    args.port = target
    result = {"system": args.system, "loadavg_before": open("/proc/loadavg").read().split()[0], "latency": latency_phase(args.system, args.port, queries),
              "throughput": []}
    for c in (int(x) for x in args.clients.split(",")):
        result["throughput"].append(
            throughput_phase(args.system, args.port, queries, c, args.duration, args.max_per_client))
    if args.pid:
        result["rss_peak_kb"] = vm_hwm_kb(args.pid)
    elif args.system == "fts5":  # in-process: the largest client process's own peak
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result["rss_peak_kb"] = max([own] + [t["client_maxrss_kb"] for t in result["throughput"]])
        result["rss_is_client"] = True
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    lat = result["latency"]
    print(f"{args.system}: p50 {lat['p50_ms']:.1f} ms, p95 {lat['p95_ms']:.1f} ms, p99 {lat['p99_ms']:.1f} ms, "
          f"errors {lat['errors']}; " + ", ".join(
              f"{t['clients']} clients {t['qps']:.0f} q/s ({t['errors']} errors)" for t in result["throughput"]),
          file=sys.stderr)


if __name__ == "__main__":
    main()
