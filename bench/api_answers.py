#!/usr/bin/env python3
"""Answer size, compression and revalidation of /api/search (issue 17).

    bench/api_answers.py --port P --queries Q.jsonl [--count 50] [--rounds 3]

Takes the first --count searches of a query mix made by bench/queries.py, and against the
mahdar-searchd on 127.0.0.1:P prints: the answer size plain and gzipped (median, p90, max
bytes), the latency of each with the client's wall time and the server's own (Server-Timing),
p50 and p99 over --rounds passes, and the server time of a 304 (If-None-Match with the ETag of
the answer). An older searchd without ETags or gzip shows "–" there. Standard library only.
"""
import argparse
import gzip
import http.client
import json
import statistics
import time


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] if values else float("nan")


def server_ms(resp):
    t = resp.getheader("Server-Timing") or ""
    return float(t.split("dur=")[1]) if "dur=" in t else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    urls = [json.loads(l)["url"] for l in open(a.queries, encoding="utf-8")][: a.count]
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)

    def get(url, headers=None):
        t0 = time.perf_counter()
        conn.request("GET", url, headers=headers or {})
        r = conn.getresponse()
        body = r.read()
        return r, body, (time.perf_counter() - t0) * 1000

    sizes, zsizes, wall, zwall, srv, zsrv, not_mod = [], [], [], [], [], [], []
    for u in urls:  # warm-up
        get(u)
    for rnd in range(a.rounds):
        for u in urls:
            r, body, ms = get(u)
            if rnd == 0:
                sizes.append(len(body))
            wall.append(ms)
            srv.append(server_ms(r))
            etag = r.getheader("ETag")
            r, zbody, ms = get(u, {"Accept-Encoding": "gzip"})
            if rnd == 0:
                zsizes.append(len(zbody))
                if r.getheader("Content-Encoding") == "gzip":
                    assert json.loads(gzip.decompress(zbody))["total"] == json.loads(body)["total"]
            zwall.append(ms)
            zsrv.append(server_ms(r))
            if etag:
                r, _, ms = get(u, {"If-None-Match": etag})
                if r.status == 304:
                    not_mod.append(server_ms(r))

    def row(name, v, unit):
        print(f"{name:28s} median {statistics.median(v):8.1f} {unit}  p90 {pct(v, 90):8.1f}  p99 {pct(v, 99):8.1f}  max {max(v):8.1f}")

    print(f"{len(urls)} searches from {a.queries}, {a.rounds} rounds, port {a.port}")
    row("answer bytes", sizes, "B ")
    row("answer bytes, gzip asked", zsizes, "B ")
    row("latency ms (client)", wall, "ms")
    row("latency ms, gzip (client)", zwall, "ms")
    row("server ms", srv, "ms")
    row("server ms, gzip", zsrv, "ms")
    if not_mod:
        row("server ms of a 304", not_mod, "ms")
    else:
        print("304: – (no ETag)")


if __name__ == "__main__":
    main()
