#!/usr/bin/env python3
"""Abuse: what an attacker or a broken client sends, against a real mahdar-searchd.

    bench/abuse.py [--build build] [--only CLASS] [--keep]

Starts its own searchd over an index of corpus/, with a copy of web/ that holds symlinks
pointing outside it (to a secret file and to /etc), then sends each class of bad request over a
raw socket. A case fails when the answer is not a 4xx (a 503 with Retry-After counts as an
answer to load), when it is a 4xx without the API's JSON error body (for /api paths), when a
traversal case's answer holds the secret or anything from outside web/, or when an error
message names a filesystem path of this machine. A hang is no answer within 15 s; a crash is
searchd gone. Lenient readings (double spaces in the request line, a NUL or %ZZ in q taken as
written) may answer 200; what matters there is no 5xx, crash or hang. After every case,
/api/health must answer 200. Prints one line per class — cases, failures, crashes, hangs — and
searchd's RSS before and after each round (--rounds: growth that stops is the allocator
keeping freed memory, growth that goes on a leak); exit status 1 when any case failed.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = "127.0.0.1"
HANG_S = 15


def exchange(port, raw, read_all=True):
    """Sends raw bytes; returns (status or None, headers dict, body bytes, hung)."""
    s = socket.create_connection((HOST, port), timeout=HANG_S)
    data = b""
    try:
        try:
            s.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before reading everything: read its answer
        s.settimeout(HANG_S)
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            if not read_all and b"\r\n\r\n" in data:
                break
            head, _, body = data.partition(b"\r\n\r\n")
            m = re.search(rb"(?i)content-length:\s*(\d+)", head)
            if m and len(body) >= int(m.group(1)):
                break
    except socket.timeout:
        return None, {}, data, True
    except ConnectionResetError:
        pass
    finally:
        s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", lines[0]) if lines and lines[0] else None
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        headers[k.decode("latin-1").strip().lower()] = v.decode("latin-1").strip()
    return (int(m.group(1)) if m else None), headers, body, False


def get(path, extra=b""):
    return b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + extra + b"\r\n"


def cases():
    """(class, description, raw request, kind) where kind says what a good answer is."""
    c = []
    add = lambda cls, raw, kind="api": c.append((cls, raw[:60], raw, kind))  # noqa: E731
    for raw in [b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET /api/health\r\n\r\n", b"GET /api/health HTTP/9.9\r\n\r\n",
                b"GET  /api/health  HTTP/1.1\r\n\r\n", b"\x00\x01\x02\r\n\r\n", b"GET /api/health HTTP/1.1\n\n",
                b"GET /api/health HTTP/1.1\r\nHost x\r\n\r\n", b"GET http://evil/ HTTP/1.1\r\n\r\n",
                b"GET /%zz HTTP/1.1\r\nConnection: close\r\n\r\n", b"GET /api/search?q=%ZZ HTTP/1.1\r\nConnection: close\r\n\r\n",
                b" GET /api/health HTTP/1.1\r\n\r\n", b"GET /api/health HTTP/1.1\r\n: novalue\r\n\r\n"]:
        # read leniently (double spaces, a bad header line skipped, %ZZ taken as written) or refused
        add("malformed request line or header", raw, "answer")
    for n in (9000, 20000, 100000):
        add("headers too large", get(b"/api/health", b"X-Big: " + b"a" * n + b"\r\n"), "any4xx")
    add("headers too large", get(b"/api/health", b"".join(b"X-%d: v\r\n" % i for i in range(2000))), "answer")
    for n in (8193, 20000, 100000):
        add("URI too long", get(b"/api/search?q=" + b"a" * n), "any4xx")
    for size in (2 << 20, 10 << 20):
        body = b"x" * size
        add("body too large", b"POST /api/v1/cite HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n" % size + body)
        add("body too large", b"GET /api/search?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
            % size + body, "any4xx")
    add("body too large", b"POST /api/v1/cite HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n{}", "any4xx")
    add("body too large", b"POST /api/v1/cite HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n", "any4xx")
    for q in [b"%C3%28", b"%FF%FE", b"%ED%A0%80", b"%C0%AF", b"%F4%90%80%80", b"abc%80"]:
        add("bad UTF-8", get(b"/api/search?q=" + q))
        add("bad UTF-8", get(b"/api/search?q=x&speaker=" + q))
    add("bad UTF-8", get(b"/api/v1/passage/%FF%FE"))
    for p in [b"/api/search?q=a%00b", b"/api/search?q=x&country=MA%00", b"/api/v1/passage/a%00b", b"/index.html%00.js",
              b"/api/search?q=%00", b"/api/v1/facets?field=country%00"]:
        add("NUL bytes", get(p), "answer")  # a NUL in q separates words like a space
    for n in (100, 1000, 10000):
        add("deep nesting", get(b"/api/search?q=" + b"(" * n + b"a" + b")" * n), "2xx_or_4xx")
        add("deep nesting", get(b"/api/search?q=" + b"NOT%20" * n + b"a"), "2xx_or_4xx")
    add("deep nesting", get(b"/api/search?q=" + b"%22a%22%20OR%20" * 300 + b"b"))
    for q in [b"%22", b"%22%22", b"%22%22%22", b"a%22b%22c%22", b"(((", b")))", b"a%20OR", b"OR%20OR%20OR", b"-", b"NOT",
              b"country:", b"speaker:%22", b"%22a%20(b%22)"]:
        add("unbalanced syntax", get(b"/api/search?q=" + q), "2xx_or_4xx")
    for m in [b"PROPFIND", b"TRACE", b"CONNECT", b"BREW", b"PUT", b"DELETE", b"PATCH", b"OPTIONS", b"HEAD", b"get"]:
        add("odd methods", m + b" /api/search?q=x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            "2xx_or_4xx")
    for p in [b"/api/search?size=-1", b"/api/search?size=99999999999999999999", b"/api/search?page=0", b"/api/search?from=2021-13-45",
              b"/api/search?q=x&objective=99", b"/api/search?q=x&country=XX", b"/api/search?q=x&sort=evil",
              b"/api/v1/facets?field=../../etc", b"/api/v1/export?format=exe", b"/api/v1/export?limit=-3",
              b"/api/v1/crosstab?rows=evil&cols=year", b"/api/search?q=x&unknown=1", b"/api/v1/feed?limit=100000000"]:
        add("bad parameters", get(p))
    for q in [b"a*%20" * 250, b"*", b"**", b"%2A" * 100, b"m*%20OR%20" * 100 + b"x"]:
        add("wildcards", get(b"/api/search?q=" + q), "2xx_or_4xx")
    return c


TRAVERSAL = [b"/../../../../etc/passwd", b"/..%2f..%2f..%2fetc%2fpasswd", b"/%2e%2e/%2e%2e/etc/passwd",
             b"/%252e%252e/%252e%252e/etc/passwd", b"/..\\..\\..\\etc\\passwd", b"/.%2e/.%2e/etc/passwd",
             b"//etc/passwd", b"/%2fetc%2fpasswd", b"/etc/passwd", b"/secret.txt", b"/outside/passwd", b"/outside/../secret.txt",
             b"/link-to-secret", b"/link-to-etc/passwd", b"/link-to-etc/hostname", b"/./link-to-secret", b"/js/../../secret.txt",
             b"/%2e%2e%2fsecret.txt", b"/..%5csecret.txt", b"/..%c0%afsecret.txt", b"/..%c1%9csecret.txt", b"/..%00/secret.txt",
             b"/index.html/../../secret.txt", b"/.%00./secret.txt", b"/....//....//secret.txt", b"/..;/secret.txt",
             b"/%u002e%u002e/secret.txt", b"/.git/config", b"/.hidden", b"/~root", b"/proc/self/environ",
             b"/%2e%2e", b"/..", b"/.", b"/s/..%2f..%2fsecret.txt", b"/s/../../secret.txt"]
for api in (b"/api/v1/original/", b"/api/original/", b"/api/v1/document/", b"/api/v1/passage/"):
    for tail in [b"..%2f..%2f..%2fetc%2fpasswd", b"../../../etc/passwd", b"%2e%2e%2f%2e%2e%2fsecret.txt", b"%2Fetc%2Fpasswd",
                 b"..%5c..%5csecret.txt"]:
        TRAVERSAL.append(api + tail)


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--only")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--rounds", type=int, default=1, help="send the whole set this many times (RSS after each)")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="mahdar-abuse-")
    secret = "mahdar-abuse-secret-" + os.urandom(6).hex()
    with open(os.path.join(work, "secret.txt"), "w") as f:
        f.write(secret)
    web = os.path.join(work, "web")
    shutil.copytree(os.path.join(ROOT, "web"), web, ignore=shutil.ignore_patterns("tests", "node_modules"))
    os.symlink(os.path.join(work, "secret.txt"), os.path.join(web, "link-to-secret"))
    os.symlink("/etc", os.path.join(web, "link-to-etc"))
    db = os.path.join(work, "db")
    subprocess.run([os.path.join(a.build, "indexer", "mahdar-indexer"), "--db", db, "--quiet",
                    os.path.join(ROOT, "corpus")], check=True, stderr=subprocess.DEVNULL)
    server = subprocess.Popen([os.path.join(a.build, "searchd", "mahdar-searchd"), "--db", db, "--web", web,
                               "--listen", f"{HOST}:0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = int(re.search(r":(\d+)", server.stdout.readline()).group(1))
    rss_before = rss_mb(server.pid)
    outside = [secret.encode(), b"root:x:0:0", open("/etc/hostname", "rb").read().strip() or b"\x00nothing"]
    all_cases = cases() + [("path traversal", p[:60], get(p), "traversal") for p in TRAVERSAL]
    classes, failures_shown, rss_rounds = {}, 0, []
    for cls, desc, raw, kind in [c for _ in range(a.rounds) for c in all_cases + [("", "", None, "round")]]:
        if kind == "round":
            rss_rounds.append(rss_mb(server.pid) if server.poll() is None else float("nan"))
            continue
        if a.only and a.only not in cls:
            continue
        row = classes.setdefault(cls, {"cases": 0, "failures": 0, "crashes": 0, "hangs": 0})
        row["cases"] += 1
        status, headers, body, hung = exchange(port, raw)
        problem = None
        if hung:
            row["hangs"] += 1
            problem = "no answer in %d s" % HANG_S
        elif server.poll() is not None:
            row["crashes"] += 1
            problem = "searchd exited with %s" % server.returncode
        elif status is None:
            problem = "closed without an answer"
        elif status >= 500 and not (status == 503 and "retry-after" in headers):
            problem = f"HTTP {status}"
        elif kind in ("api", "any4xx") and not 400 <= status < 500:
            problem = f"HTTP {status}, not a 4xx"
        elif kind == "traversal" and any(o in body for o in outside):
            problem = "served something from outside web/"
        elif kind == "traversal" and status == 200 and b"<html" not in body.lower():
            problem = f"HTTP 200 with {body[:40]!r}"
        elif kind == "2xx_or_4xx" and not (200 <= status < 300 or 400 <= status < 500):
            problem = f"HTTP {status}"
        elif kind in ("api", "any4xx", "2xx_or_4xx") and status >= 400 and not body.startswith(b'{"error"'):
            problem = f"HTTP {status} without a JSON error: {body[:60]!r}"
        elif re.search(rb"(/work/|/tmp/|/home/|/usr/|/var/lib|" + re.escape(work.encode()) + rb")", body):
            problem = "the answer names a filesystem path"
        if problem:
            row["failures"] += 1
            if failures_shown < 20:
                print(f"FAIL [{cls}] {desc!r}: {problem}")
                failures_shown += 1
        if server.poll() is not None:
            break
        alive, _, _, _ = exchange(port, get(b"/api/health"))
        if alive != 200:
            row["failures"] += 1
            print(f"FAIL [{cls}] {desc!r}: /api/health answered {alive} after it")
    print(f"{'class':36} {'cases':>6} {'failures':>9} {'crashes':>8} {'hangs':>6}")
    for cls, r in classes.items():
        print(f"{cls:36} {r['cases']:6d} {r['failures']:9d} {r['crashes']:8d} {r['hangs']:6d}")
    total = {k: sum(r[k] for r in classes.values()) for k in ("cases", "failures", "crashes", "hangs")}
    print(f"{'all':36} {total['cases']:6d} {total['failures']:9d} {total['crashes']:8d} {total['hangs']:6d}")
    print(f"searchd RSS {rss_before:.0f} MB before, after each round: " + ", ".join(f"{m:.0f}" for m in rss_rounds) + " MB")
    server.terminate()
    server.wait(timeout=30)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if total["failures"] or total["crashes"] or total["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
