"""The requests that test each operation of the document, derived from the document itself: a
good one from the examples of its parameters (required ones always, each optional one in turn),
and the error cases it lists — a parameter the route does not take, a value its schema refuses,
a required parameter left out, a text over its `x-maxBytes`, an unknown id, If-None-Match, other
methods. The few facts a schema cannot say (which ids exist, which strings the server refuses)
are given by the caller."""

import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Optional

from openapi_support.document_rules import parameters, resolve

UNKNOWN_PARAMETER = "zz_not_a_parameter"
UNKNOWN_ID = "zz-no-such-id"
URI_LIMIT = 8192  # bytes of a request's target that cpp-httplib reads (CPPHTTPLIB_REQUEST_URI_MAX_LENGTH)


@dataclass
class Case:
    operation: str  # operationId
    method: str
    path: str  # the document's path, with its parameters filled in
    query: list = field(default_factory=list)
    body: Any = None
    headers: dict = field(default_factory=dict)
    expect: int = 200
    why: str = ""
    nonempty: Optional[tuple] = None  # a key path in the JSON answer that must not be empty

    def name(self):
        q = urllib.parse.urlencode(self.query)
        return f"{self.method} {self.path}{'?' + q[:80] if q else ''} [{self.why}] → {self.expect}"


def fill(path, values):
    return re.sub(r"\{([^}]+)\}", lambda m: urllib.parse.quote(values[m.group(1)], safe=""), path)


def _pairs(name, value):
    return [(name, str(v)) for v in value] if isinstance(value, list) else [(name, str(value))]


def _flat(spec, schema):
    """The schema's own keywords with its allOf and $ref merged in, and an array's items'."""
    schema = resolve(spec, schema)
    out = {}
    for sub in schema.get("allOf", []):
        out.update(_flat(spec, sub))
    out.update({k: v for k, v in schema.items() if k != "allOf"})
    if out.get("type") == "array":
        return _flat(spec, out["items"])
    return out


def refused_values(spec, schema):
    """Values the parameter's schema refuses: outside its enum, its range, its pattern."""
    s = _flat(spec, schema)
    out = []
    if "enum" in s:
        out.append("zz-not-listed")
    if s.get("type") == "integer":
        out.append("one")
        if "minimum" in s:
            out.append(str(s["minimum"] - 1))
        if "maximum" in s:
            out.append(str(s["maximum"] + 1))
    if "pattern" in s:
        value = "20x1-1"
        assert not re.search(s["pattern"], value)
        out.append(value)
    return out


def accepted_values(spec, schema):
    """Values the parameter's schema allows at its edges: every member of its enum, its bounds."""
    s = _flat(spec, schema)
    out = [str(v) for v in s.get("enum", []) if v is not None]
    out += [str(s[k]) for k in ("minimum", "maximum") if k in s]
    return out


def max_bytes(spec, schema):
    return _flat(spec, schema).get("x-maxBytes")


def operation_cases(spec, path, method, op, ids, refused):
    """`ids`: operationId → {path parameter: an id that exists}. `refused`: (operationId,
    parameter) → values the server refuses though the schema cannot say so."""
    if method != "get":
        return []  # bodies are the caller's: the document's examples and what they may not be
    oid = op["operationId"]
    params = parameters(spec, path, op)
    query = [p for p in params if p["in"] == "query"]
    good_path = fill(path, ids.get(oid, {}))
    base = [pair for p in query if p.get("required") for pair in _pairs(p["name"], p["example"])]
    out = [Case(oid, "GET", good_path, base, why="the required parameters")]
    for p in query:
        others = [pair for pair in base if pair[0] != p["name"]]
        if not p.get("required"):
            out.append(Case(oid, "GET", good_path, base + _pairs(p["name"], p["example"]),
                            why=f"{p['name']}={p['example']}"))
        for value in accepted_values(spec, p["schema"]):
            out.append(Case(oid, "GET", good_path, others + [(p["name"], value)], why=f"{p['name']} allows it"))
    responses = op["responses"]
    out.append(Case(oid, "GET", good_path, base + [(UNKNOWN_PARAMETER, "1")], expect=400, why="unknown parameter"))
    if "414" in responses:
        out.append(Case(oid, "GET", good_path, base + [(UNKNOWN_PARAMETER, "x" * URI_LIMIT)], expect=414,
                        why="URI too long"))
    for p in query:
        others = [pair for pair in base if pair[0] != p["name"]]
        if p.get("required"):
            out.append(Case(oid, "GET", good_path, others, expect=400, why=f"{p['name']} left out"))
        for bad in refused_values(spec, p["schema"]) + refused.get((oid, p["name"]), []):
            out.append(Case(oid, "GET", good_path, others + [(p["name"], bad)], expect=400, why=f"{p['name']} refused"))
        if max_bytes(spec, p["schema"]):
            long = "word " * (max_bytes(spec, p["schema"]) // 5 + 1)
            out.append(Case(oid, "GET", good_path, others + [(p["name"], long)], expect=413, why=f"{p['name']} too long"))
    path_params = [p["name"] for p in params if p["in"] == "path"]
    if path_params and "404" in responses:
        out.append(Case(oid, "GET", fill(path, {n: UNKNOWN_ID for n in path_params}), base, expect=404, why="unknown id"))
    return out


def method_cases(spec, path, ids):
    """Methods the path does not take: 405, for each of its operations (each must say so)."""
    item = spec["paths"][path]
    taken = {m.upper() for m in item if m != "parameters"}
    return [Case(op["operationId"], m, fill(path, ids.get(op["operationId"], {})), expect=405, why="method not taken")
            for op in item.values() if isinstance(op, dict) and "operationId" in op
            for m in ("PUT", "DELETE", "PATCH", "POST") if m not in taken]
