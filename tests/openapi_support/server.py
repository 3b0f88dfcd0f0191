"""A real mahdar-searchd over an index the real mahdar-indexer builds from files written here,
in a temporary folder removed afterwards; and plain HTTP requests to it."""

import http.client
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
import urllib.parse

START_TIMEOUT_S = 20

# A report with a sidecar (UN symbol, type, organisers: the fields of a document record), and
# JSON Lines passages (speakers, countries, objectives, paragraphs; no original file). The ids
# and words are those of the document's examples, so that its examples find something.
REPORT = """# Regional review of the Global Compact for Migration

Thursday, 10 February 2022

1. Ms. Sara Salman, Regional Advisor, ESCWA, said that every migrant deserves protection and that data on migration must improve.

2. The participants discussed regional cooperation under objective 23 of the Global Compact, and labour migration from Morocco and Tunisia.
"""
SIDECAR = {"symbol": "A/RES/73/195", "type": "report", "organisers": ["ESCWA", "IOM"]}
JSONL_DOC = "2019-12-04_labour-migration-forum.en"
JSONL_FR = "2019-12-04_forum-migrations-main-d-oeuvre.fr"
JSONL = [
    {"doc_id": JSONL_DOC, "doc_title": "Sub-regional forum on labour migration", "lang": "en",
     "date": "2019-12-04", "speaker": "Amal Haddad", "affiliation": "ESCWA", "countries": [],
     "objectives": [6], "para": "1",
     "text": "Ms. Amal Haddad said that fair recruitment was the first test of any labour migration policy."},
    {"doc_id": JSONL_DOC, "doc_title": "Sub-regional forum on labour migration", "lang": "en",
     "date": "2019-12-04", "speaker": "Youssef El Amrani", "affiliation": "Ministry of Labour, Morocco",
     "countries": ["MA"], "objectives": [6, 18], "para": "2",
     "text": "Mr. Youssef El Amrani described bilateral agreements on seasonal work for migrant workers from Morocco."},
    # its French version (README "Language versions"): /document/{id}/parallel has a pair to show
    {"doc_id": JSONL_FR, "doc_title": "Forum sous-régional sur les migrations de main-d’œuvre", "lang": "fr",
     "date": "2019-12-04", "version_of": JSONL_DOC, "para": "1",
     "text": "Mme Amal Haddad dit que le recrutement équitable est le premier test de toute politique de migration de main-d’œuvre."},
]


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Server:
    """Indexes the files above (and `extra_files`) and starts mahdar-searchd on a free port."""

    def __init__(self, indexer, searchd, extra_files=()):
        self.tmp = tempfile.mkdtemp(prefix="mahdar-openapi-")
        self.process = None
        try:
            self._index(indexer, extra_files)
            self._start(searchd)
        except BaseException:
            self.stop()
            raise

    def _index(self, indexer, extra_files):
        src = os.path.join(self.tmp, "in")
        os.makedirs(src)
        with open(os.path.join(src, "review.en.md"), "w", encoding="utf-8") as f:
            f.write(REPORT)
        with open(os.path.join(src, "review.en.md.meta.json"), "w", encoding="utf-8") as f:
            json.dump(SIDECAR, f)
        with open(os.path.join(src, "forum.jsonl"), "w", encoding="utf-8") as f:
            for line in JSONL:
                f.write(json.dumps(line) + "\n")
        for path in extra_files:
            shutil.copy(path, src)
        db = os.path.join(self.tmp, "db")
        run = subprocess.run([indexer, "--quiet", "--db", db, src], capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"mahdar-indexer exited {run.returncode}: {run.stderr}")
        self.db = db

    def _start(self, searchd):
        self.log = open(os.path.join(self.tmp, "searchd.log"), "w+")
        self.process = subprocess.Popen([searchd, "--db", self.db, "--listen", "127.0.0.1:0"],
                                        stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                line = self.process.stdout.readline()
                if line.startswith("listening on http://"):
                    self.host, port = line.split("//", 1)[1].strip().rsplit(":", 1)
                    self.port = int(port)
                    return
                if not line:
                    break
        raise RuntimeError("mahdar-searchd did not start: " + self.stderr())

    def stderr(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-5000:]

    def request(self, method, path, query=(), body=None, headers=None):
        """`query`: (name, value) pairs, percent-encoded here. `body`: bytes or a JSON value."""
        target = path + ("?" + urllib.parse.urlencode(list(query)) if query else "")
        headers = dict(headers or {})
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            return Answer(response.status, response.getheaders(), response.read())
        finally:
            connection.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.process.stdout.close()
        if getattr(self, "log", None):
            self.log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
