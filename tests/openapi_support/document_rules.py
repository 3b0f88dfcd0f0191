"""The rules of OpenAPI 3.1 that a document must follow, as far as JSON Schema and a few lines
of Python can check them: the shape of each object it uses (a subset of the specification's,
written here; closed, so a misspelt field is caught), every `$ref` resolving, every schema a
valid JSON Schema 2020-12, path templates matching their path parameters, unique operationIds.
Also the house's own: every path under /api/v1/, and every operation answering the errors
every route can give (400 for strict parameters, 405, 500)."""

import re

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
EXTENSIONS = {"^x-": {}}


def _closed(properties, required=()):
    return {"type": "object", "properties": properties, "required": list(required),
            "patternProperties": EXTENSIONS, "additionalProperties": False}


def _map_of(ref):
    return {"type": "object", "additionalProperties": {"$ref": ref}}


def _ref_or(ref):
    # if/then/else rather than oneOf: an error then names the field at fault, not the branch.
    return {"if": {"type": "object", "required": ["$ref"]}, "then": {"$ref": "#/$defs/Reference"},
            "else": {"$ref": ref}}


_STRING = {"type": "string"}
_SCHEMA = {"type": ["object", "boolean"]}  # checked against JSON Schema 2020-12 separately

META_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    **_closed({
        "openapi": {"type": "string", "pattern": r"^3\.1\.[0-9]+$"},
        "info": {"$ref": "#/$defs/Info"},
        "jsonSchemaDialect": _STRING,
        "servers": {"type": "array", "items": {"$ref": "#/$defs/Server"}},
        "paths": {"type": "object", "propertyNames": {"pattern": "^/"},
                  "additionalProperties": {"$ref": "#/$defs/PathItem"}},
        "components": {"$ref": "#/$defs/Components"},
        "tags": {"type": "array", "items": {"$ref": "#/$defs/Tag"}},
    }, required=("openapi", "info", "paths")),
    "$defs": {
        "Reference": {"type": "object", "required": ["$ref"], "additionalProperties": False,
                      "properties": {"$ref": _STRING, "summary": _STRING, "description": _STRING}},
        "Info": _closed({"title": _STRING, "summary": _STRING, "description": _STRING,
                         "termsOfService": _STRING, "version": _STRING, "contact": {"type": "object"},
                         "license": _closed({"name": _STRING, "identifier": _STRING, "url": _STRING},
                                            required=("name",))},
                        required=("title", "version")),
        "Server": _closed({"url": _STRING, "description": _STRING, "variables": {"type": "object"}},
                          required=("url",)),
        "Tag": _closed({"name": _STRING, "description": _STRING}, required=("name",)),
        "PathItem": _closed({
            "summary": _STRING, "description": _STRING,
            "parameters": {"type": "array", "items": _ref_or("#/$defs/Parameter")},
            **{m: {"$ref": "#/$defs/Operation"} for m in METHODS}}),
        "Operation": _closed({
            "tags": {"type": "array", "items": _STRING}, "summary": _STRING, "description": _STRING,
            "operationId": _STRING, "deprecated": {"type": "boolean"},
            "parameters": {"type": "array", "items": _ref_or("#/$defs/Parameter")},
            "requestBody": _ref_or("#/$defs/RequestBody"),
            "responses": {"$ref": "#/$defs/Responses"}}, required=("responses",)),
        "Responses": {"type": "object", "minProperties": 1,
                      "propertyNames": {"pattern": "^([1-5]([0-9]{2}|XX)|default)$"},
                      "additionalProperties": _ref_or("#/$defs/Response")},
        "Response": _closed({
            "description": _STRING,
            "headers": {"type": "object", "additionalProperties": _ref_or("#/$defs/Header")},
            "content": _map_of("#/$defs/MediaType"),
            "links": {"type": "object"}}, required=("description",)),
        "MediaType": _closed({"schema": _SCHEMA, "example": True,
                              "examples": {"type": "object", "additionalProperties": _ref_or("#/$defs/Example")},
                              "encoding": {"type": "object"}}),
        "Example": _closed({"summary": _STRING, "description": _STRING, "value": True, "externalValue": _STRING}),
        "Header": {**_closed({"description": _STRING, "required": {"type": "boolean"},
                              "deprecated": {"type": "boolean"}, "schema": _SCHEMA, "example": True,
                              "style": {"const": "simple"}, "explode": {"type": "boolean"}}),
                   "required": ["schema"]},
        "Parameter": {
            **_closed({"name": _STRING, "in": {"enum": ["query", "header", "path", "cookie"]},
                       "description": _STRING, "required": {"type": "boolean"},
                       "deprecated": {"type": "boolean"}, "allowEmptyValue": {"type": "boolean"},
                       "style": _STRING, "explode": {"type": "boolean"}, "allowReserved": {"type": "boolean"},
                       "schema": _SCHEMA, "example": True,
                       "examples": {"type": "object", "additionalProperties": _ref_or("#/$defs/Example")}},
                      required=("name", "in", "schema")),
            "if": {"properties": {"in": {"const": "path"}}},
            "then": {"required": ["required"], "properties": {"required": {"const": True}}}},
        "RequestBody": _closed({"description": _STRING, "required": {"type": "boolean"},
                                "content": _map_of("#/$defs/MediaType")}, required=("content",)),
        "Components": _closed({
            "schemas": {"type": "object", "additionalProperties": _SCHEMA},
            "parameters": {"type": "object", "additionalProperties": _ref_or("#/$defs/Parameter")},
            "headers": {"type": "object", "additionalProperties": _ref_or("#/$defs/Header")},
            "responses": {"type": "object", "additionalProperties": _ref_or("#/$defs/Response")},
            "requestBodies": {"type": "object", "additionalProperties": _ref_or("#/$defs/RequestBody")},
            "examples": {"type": "object", "additionalProperties": _ref_or("#/$defs/Example")}}),
    },
}


def resolve(spec, node):
    """`node` with its `$ref` (local JSON pointer) followed, repeatedly."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        node = pointer(spec, node["$ref"])
        seen += 1
        if seen > 20:
            raise ValueError("a $ref cycle")
    return node


def pointer(spec, ref):
    if not ref.startswith("#/"):
        raise KeyError(f"{ref}: only local references are used here")
    node = spec
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def operations(spec):
    """(path, method, operation) of every operation, in the document's order."""
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def parameters(spec, path, operation):
    item = spec["paths"][path]
    return [resolve(spec, p) for p in item.get("parameters", []) + operation.get("parameters", [])]


def _walk(node, where=""):
    if isinstance(node, dict):
        yield where, node
        for k, v in node.items():
            yield from _walk(v, f"{where}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{where}/{i}")


def _schemas(spec):
    """(where, schema) of every schema the document holds outside components.schemas' insides."""
    for name, s in spec.get("components", {}).get("schemas", {}).items():
        yield f"#/components/schemas/{name}", s
    for where, node in _walk(spec):
        if "/components/schemas/" in where:
            continue
        if "schema" in node and isinstance(node["schema"], (dict, bool)):
            yield where + "/schema", node["schema"]


def problems(spec):
    """What breaks the rules, as messages; empty when the document follows them."""
    out = []
    for e in Draft202012Validator(META_SCHEMA).iter_errors(spec):
        deepest = best_match(e.context) if e.context else e  # which of a oneOf's branches failed
        where = "/".join(map(str, deepest.absolute_path))
        out.append(f"OpenAPI shape at /{where}: {deepest.message}")
    for where, node in _walk(spec):
        if isinstance(node.get("$ref"), str):
            try:
                pointer(spec, node["$ref"])
            except (KeyError, IndexError, ValueError) as e:
                out.append(f"{where}: $ref {node['$ref']} does not resolve ({e})")
    if out:
        return out  # the rules below assume the shape and the references
    for where, schema in _schemas(spec):
        for e in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(schema):
            out.append(f"{where}: not a JSON Schema 2020-12: {e.message}")
    ids = [op.get("operationId") for _, _, op in operations(spec)]
    out += [f"operationId {i} is not unique" for i in set(ids) if ids.count(i) > 1]
    out += [f"operation {m.upper()} {p} has no operationId" for p, m, op in operations(spec) if not op.get("operationId")]
    for path, method, op in operations(spec):
        name = f"{method.upper()} {path}"
        if not path.startswith("/api/v1/"):
            out.append(f"{name}: not under /api/v1/")
        params = parameters(spec, path, op)
        keys = [(p["name"], p["in"]) for p in params]
        out += [f"{name}: parameter {k} given twice" for k in set(keys) if keys.count(k) > 1]
        templated = set(re.findall(r"\{([^}]+)\}", path))
        in_path = {p["name"] for p in params if p["in"] == "path"}
        out += [f"{name}: {{{t}}} has no path parameter" for t in templated - in_path]
        out += [f"{name}: path parameter {t} is not in the path" for t in in_path - templated]
        for status in ("400", "405", "500"):
            if status not in op["responses"]:
                out.append(f"{name}: lists no {status} answer (every route can give one)")
        for status, response in op["responses"].items():
            response = resolve(spec, response)
            if status == "304" and "content" in response:
                out.append(f"{name}: a 304 has no body")
    return out
