#!/usr/bin/env python3
"""Slow clients against mahdar-searchd: how long a new /api/health waits, and a wildcard query.

    bench/slow_clients.py --db DIR [--searchd BIN] [--slow 40] [--threads 32] [--every 2]
                          [--probes 5] [--wildcards 250] [--flags "--request-timeout 10"]

Starts the searchd binary (default $MAHDAR_BUILD/searchd/mahdar-searchd) on a free port over the
index DIR, opens --slow connections that each send a request line and then one header every
--every seconds (never finishing), and after 3 s asks /api/health --probes times, one after
another, on new connections: prints each probe's time to answer (or "no answer" after 30 s)
and how many slow connections the server had closed by then. Then one query of --wildcards
prefix wildcards ("aa* ab* …", two letters each) against the same server: its status and time.
Issue 18: 33 such clients stopped all service. Python standard library only.
"""
import argparse
import os
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("MAHDAR_BUILD", os.path.join(ROOT, "build"))


def start(searchd, db, threads, flags):
    cmd = [searchd, "--db", db, "--listen", "127.0.0.1:0", "--threads", str(threads)] + shlex.split(flags)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    m = re.search(r":(\d+)$", line.strip())
    if not m:
        proc.kill()
        sys.exit(f"slow_clients: searchd did not start: {line!r}")
    return proc, int(m.group(1))


def ask(port, path, limit=30.0):
    """(status or None, seconds) of one GET on a new connection."""
    t0 = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=limit) as s:
            s.settimeout(limit)
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else None
    except OSError:
        status = None
    return status, time.monotonic() - t0


class Trickler:
    """Connections sending one header every `every` seconds, forever."""

    def __init__(self, port, n, every):
        self.socks, self.closed, self.every, self.running = [], set(), every, True
        for _ in range(n):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /api/health HTTP/1.1\r\nHost: bench\r\n")
            s.setblocking(False)
            self.socks.append(s)
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.running:
            for i, s in enumerate(self.socks):
                if i in self.closed:
                    continue
                try:
                    if s.recv(4096) == b"":
                        self.closed.add(i)
                        continue
                except BlockingIOError:
                    pass
                except OSError:
                    self.closed.add(i)
                    continue
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    self.closed.add(i)
            time.sleep(self.every)

    def stop(self):
        self.running = False
        self.thread.join()
        for s in self.socks:
            s.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--searchd", default=os.path.join(BUILD, "searchd", "mahdar-searchd"))
    ap.add_argument("--slow", type=int, default=40)
    ap.add_argument("--threads", type=int, default=32)
    ap.add_argument("--every", type=float, default=2.0)
    ap.add_argument("--probes", type=int, default=5)
    ap.add_argument("--wildcards", type=int, default=250)
    ap.add_argument("--flags", default="", help="more searchd flags, e.g. \"--request-timeout 10\"")
    a = ap.parse_args()

    proc, port = start(a.searchd, a.db, a.threads, a.flags)
    try:
        print(f"{a.searchd} {a.flags}".strip())
        print(f"  {a.slow} slow clients (one header every {a.every} s), --threads {a.threads}")
        slow = Trickler(port, a.slow, a.every)
        time.sleep(3)
        for i in range(a.probes):
            status, took = ask(port, "/api/health")
            answer = status if status else "no answer"
            print(f"  health probe {i + 1}: {answer} in {took:.3f} s; slow connections closed by the server: "
                  f"{len(slow.closed)}/{a.slow}")
        slow.stop()
        time.sleep(0.5)
        letters = "abcdefghijklmnopqrstuvwxyz"
        words = [x + y + "*" for x in letters for y in letters][: a.wildcards]
        q = urllib.parse.quote(" ".join(words))  # q is at most 1024 bytes: 250 fit
        status, took = ask(port, f"/api/search?q={q}")
        print(f"  search of {len(words)} prefix wildcards: {status} in {took * 1000:.1f} ms")
        status, took = ask(port, "/api/search?q=migration")
        print(f"  search of one word: {status} in {took * 1000:.1f} ms")
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
