"""The two systems of the language evaluation: mahdar (indexer + searchd over HTTP) and Sphinx 2.2
(Debian's indexer + searchd, SphinxQL spoken with a small MySQL-protocol client of our own, so
the evaluation needs nothing beyond Python's standard library).

Every server started here is stopped by stop() (the caller does it in a finally block).
"""
import http.client
import json
import os
import socket
import struct
import subprocess
import time
import urllib.parse

import sphinx

HOST = "127.0.0.1"
SPHINX_INDEXER = "/usr/bin/indexer"   # Sphinx's, by full path: never mahdar-indexer
SPHINX_SEARCHD = "/usr/bin/searchd"


def du_bytes(path):
    total = 0
    for dirpath, _, names in os.walk(path):
        for name in names:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def stop(proc):
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Mahdar:
    def __init__(self, indexer, searchd, work):
        self.indexer, self.searchd, self.work = indexer, searchd, work
        self.db = os.path.join(work, "mahdar")
        self.proc, self.conn = None, None

    def index(self, jsonl_paths):
        """Indexes into a fresh database; returns (wall seconds, index bytes)."""
        subprocess.run(["rm", "-rf", self.db], check=True)
        log = os.path.join(self.work, "mahdar-indexer.log")
        start = time.monotonic()
        with open(log, "w") as out:
            rc = subprocess.call([self.indexer, "--db", self.db, "--quiet", *jsonl_paths],
                                 stdout=out, stderr=subprocess.STDOUT)
        wall = time.monotonic() - start
        if rc not in (0, 3):  # 3: some lines skipped (reported in the log), the rest indexed
            raise RuntimeError(f"mahdar-indexer exited with {rc}; see {log}")
        return wall, du_bytes(self.db)

    def start(self):
        out = open(os.path.join(self.work, "mahdar-searchd.out"), "w+")
        err = open(os.path.join(self.work, "mahdar-searchd.err"), "w")
        self.proc = subprocess.Popen([self.searchd, "--db", self.db, "--listen", f"{HOST}:0", "--threads", "4"],
                                     stdout=out, stderr=err)
        for _ in range(600):
            out.seek(0)
            text = out.read()
            if "listening on http://" in text:
                port = int(text.split("listening on http://", 1)[1].split(":", 1)[1].split("/")[0].split()[0])
                self.conn = http.client.HTTPConnection(HOST, port, timeout=60)
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"mahdar-searchd did not start; see {err.name}")

    def search(self, query, lang):
        """The passage ids of the top 10, or raises RuntimeError with the server's answer."""
        return [h["id"] for h in self.answer({"q": query, "lang": lang, "size": 10})["hits"]]

    def answer(self, params):
        """The JSON answer of /api/search for `params`, or raises RuntimeError with the server's."""
        url = "/api/search?" + urllib.parse.urlencode(params)
        for attempt in (1, 2):
            try:
                self.conn.request("GET", url)
                resp = self.conn.getresponse()
                body = resp.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                if attempt == 2:
                    raise
        if resp.status != 200:
            raise RuntimeError(f"HTTP {resp.status}: {body[:200].decode('utf-8', 'replace')}")
        return json.loads(body)

    def stop(self):
        if self.conn:
            self.conn.close()
        stop(self.proc)


class Sphinx:
    """One index per language with its morphology and a distributed index over the three, as
    bench/sphinx.py configures them, plus index_exact_words so its ="…" and =word work."""

    def __init__(self, work):
        self.work = os.path.join(work, "sphinx")
        self.proc, self.conn, self.port = None, None, None

    def index(self, data_dir):
        subprocess.run(["rm", "-rf", self.work], check=True)
        sphinx.write_tsv(data_dir, self.work)
        self.port = free_port()
        conf = sphinx.write_conf(self.work, self.port)
        with open(conf, encoding="utf-8") as f:
            text = f.read()
        with open(conf, "w", encoding="utf-8") as f:
            f.write(text.replace("    morphology = ", "    index_exact_words = 1\n    morphology = "))
        start = time.monotonic()
        with open(os.path.join(self.work, "indexer.log"), "w") as out:
            subprocess.run([SPHINX_INDEXER, "--config", conf, "--all"], stdout=out, stderr=subprocess.STDOUT,
                           check=True)
        wall = time.monotonic() - start
        for name in os.listdir(self.work):
            if name.endswith(".tsv"):
                os.remove(os.path.join(self.work, name))
        return wall, du_bytes(os.path.join(self.work, "index"))

    def start(self):
        log = open(os.path.join(self.work, "searchd.out"), "w")
        self.proc = subprocess.Popen([SPHINX_SEARCHD, "--config", os.path.join(self.work, "sphinx.conf"),
                                      "--nodetach"], stdout=log, stderr=subprocess.STDOUT)
        for _ in range(1200):
            if self.proc.poll() is not None:
                break
            try:
                self.conn = MySQL(HOST, self.port)
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"Sphinx searchd did not start; see {log.name}")

    def search(self, query, lang):
        """The Sphinx document ids of the top 10 of the passages of one language."""
        sql = (f"SELECT id FROM passages WHERE MATCH({sql_string(query)}) AND lang = {sql_string(lang)} "
               "LIMIT 10")
        return [int(row[0]) for row in self.conn.query(sql)]

    def stop(self):
        if self.conn:
            self.conn.close()
        stop(self.proc)


def sql_string(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


class MySQL:
    """Just enough of the MySQL client protocol for SphinxQL: connect (no password), run a
    query, read its rows as strings. Raises RuntimeError with the server's message on an error."""

    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=60)
        self._read()  # the server's greeting
        caps = 0x0200 | 0x8000 | 0x0001  # PROTOCOL_41, SECURE_CONNECTION, LONG_PASSWORD
        self._write(struct.pack("<IIB23x", caps, 1 << 24, 33) + b"\0" + b"\0", seq=1)
        self._check(self._read())

    def close(self):
        self.sock.close()

    def query(self, sql):
        self._write(b"\x03" + sql.encode("utf-8"), seq=0)
        first = self._read()
        self._check(first)
        if first[0] == 0:
            return []
        columns, _ = _lenenc(first, 0)
        for _ in range(columns):
            self._read()
        self._read()  # EOF after the column definitions
        rows = []
        while True:
            pkt = self._read()
            if pkt[0] == 0xFE and len(pkt) < 9:
                return rows
            self._check(pkt)
            row, at = [], 0
            while at < len(pkt):
                if pkt[at] == 0xFB:
                    row.append(None)
                    at += 1
                    continue
                n, at = _lenenc(pkt, at)
                row.append(pkt[at:at + n].decode("utf-8"))
                at += n
            rows.append(row)

    def _check(self, pkt):
        if pkt[0] == 0xFF:
            raise RuntimeError("SphinxQL: " + pkt[9:].decode("utf-8", "replace"))

    def _write(self, payload, seq):
        self.sock.sendall(struct.pack("<I", len(payload))[:3] + bytes([seq]) + payload)

    def _read(self):
        head = self._exactly(4)
        return self._exactly(head[0] | head[1] << 8 | head[2] << 16)

    def _exactly(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise OSError("SphinxQL connection closed")
            buf += chunk
        return buf


def _lenenc(buf, at):
    first = buf[at]
    if first < 0xFB:
        return first, at + 1
    size = {0xFC: 2, 0xFD: 3, 0xFE: 8}[first]
    return int.from_bytes(buf[at + 1:at + 1 + size], "little"), at + 1 + size
