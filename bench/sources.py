"""Readers for the public data sets in ../shared/data that the benchmark recombines.

Standard library only. Every reader returns plain Python values; nothing here writes files.
"""
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

UNGD = "un-general-debate-en"
UNPC = "unpc-v1.0-testsets"
ASSEMBLEE = "fr-assemblee-mariage-2013"

SENTENCE_END = (".", "!", "?", ";", ":", "\u061f", "\u201d", '"', ")")


class MissingData(Exception):
    """A data set the benchmark needs is not where it should be."""


def data_dir(shared, name):
    path = os.path.join(shared, "data", name)
    if not os.path.isdir(path):
        raise MissingData(
            f"{path} is missing: the benchmark reads public data from the shared folder "
            f"(default <repo>/../shared; set it with --shared DIR)")
    return path


def check_shared(shared):
    """Raises MissingData unless every data set the generator needs is present."""
    if not os.path.isdir(shared):
        raise MissingData(
            f"shared folder {shared} not found: the benchmark needs ../shared/data "
            f"({UNGD}, {UNPC}, {ASSEMBLEE}); pass --shared DIR if it lives elsewhere")
    for name in (UNGD, UNPC, ASSEMBLEE):
        data_dir(shared, name)


# ---- UN General Debate -----------------------------------------------------------------------

_UNGD_FILE = re.compile(r"^([A-Z]{2,3})_(\d+)_(\d{4})\.txt$")


def ungd_files(shared):
    """[(path, iso3, session, year)] for every statement file, sorted by path."""
    root = os.path.join(data_dir(shared, UNGD), "TXT")
    out = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            m = _UNGD_FILE.match(name)
            if m:
                out.append((os.path.join(dirpath, name), m.group(1), int(m.group(2)), int(m.group(3))))
    out.sort()
    return out


def ungd_paragraphs(path):
    """The paragraphs of one statement: one per non-blank line, with page breaks repaired
    (a line that does not end a sentence followed by one starting in lower case is joined)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = [re.sub(r"\s+", " ", l).strip() for l in f]
    paras = []
    for line in lines:
        if not line:
            continue
        if paras and not paras[-1].endswith(SENTENCE_END) and line[0].islower():
            paras[-1] += " " + line
        else:
            paras.append(line)
    return paras


def ungd_speakers(shared):
    """{(iso3, session): (name, post)} from Speakers_by_session.xlsx, read with zipfile."""
    path = os.path.join(data_dir(shared, UNGD), "Speakers_by_session.xlsx")
    if not os.path.exists(path):
        return {}
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        strings = ["".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
                   for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    out = {}
    for row in sheet.iterfind(".//m:sheetData/m:row", ns):
        cells = {}
        for c in row.findall("m:c", ns):
            col = re.sub(r"\d", "", c.get("r", ""))
            v = c.find("m:v", ns)
            if v is None:
                continue
            cells[col] = strings[int(v.text)] if c.get("t") == "s" else v.text
        try:
            session = int(float(cells.get("B", "")))
        except ValueError:
            continue  # the header row
        iso = (cells.get("C") or "").strip()
        name = re.sub(r"\s+", " ", cells.get("E") or "").strip()
        if iso and name:
            out[(iso, session)] = (name, re.sub(r"\s+", " ", cells.get("F") or "").strip())
    return out


# ---- UN Parallel Corpus test and dev sets ----------------------------------------------------

def unpc_sentences(shared, lang):
    """[(doc_symbol, sentence)] of the test and dev sets in one language, in file order."""
    root = data_dir(shared, UNPC)
    out = []
    for part in ("testset", "devset"):
        base = os.path.join(root, part, f"UNv1.0.{part}")
        with open(f"{base}.ids", encoding="utf-8") as ids, open(f"{base}.{lang}", encoding="utf-8") as txt:
            for id_line, line in zip(ids, txt):
                line = line.strip()
                if line:
                    out.append((id_line.split()[0], line))
    return out


# ---- Assemblée nationale debates -------------------------------------------------------------

_TEI = "{http://www.tei-c.org/ns/1.0}"


def assemblee_turns(shared):
    """[(speaker, paragraph)] of every speaking turn of the 25 sittings, in order."""
    root = os.path.join(data_dir(shared, ASSEMBLEE), "xml")
    out = []
    for name in sorted(os.listdir(root)):
        if not name.endswith(".xml"):
            continue
        tree = ET.parse(os.path.join(root, name))
        for sp in tree.iter(_TEI + "sp"):
            who = sp.find(_TEI + "speaker")
            speaker = re.sub(r"\s+", " ", "".join(who.itertext())).strip() if who is not None else ""
            for p in sp.iter(_TEI + "p"):
                text = re.sub(r"\s+", " ", "".join(p.itertext())).strip().lstrip(". ").strip()
                if len(text.split()) >= 3:
                    out.append((speaker, text))
    return out


# ---- Countries -------------------------------------------------------------------------------

def iso_countries():
    """[(alpha2, alpha3, name)] from Debian's iso-codes package, sorted by alpha2."""
    if not os.path.exists(ISO_JSON):
        raise MissingData(f"{ISO_JSON} is missing: install the Debian package iso-codes")
    with open(ISO_JSON, encoding="utf-8") as f:
        rows = json.load(f)["3166-1"]
    return sorted((r["alpha_2"], r["alpha_3"], r["name"]) for r in rows)


def fail(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)
