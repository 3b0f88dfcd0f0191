"""A server's answer checked against what the document says an operation answers with that
status: the headers it lists (present when required, and matching their schema), the media type,
and the body against the response's schema (its `$ref`s resolved in the document)."""

import json

from jsonschema import Draft202012Validator, FormatChecker, RefResolver

from openapi_support.document_rules import resolve


class Checker:
    def __init__(self, spec):
        self.spec = spec
        self.resolver = RefResolver.from_schema(spec)

    def errors(self, schema, value):
        v = Draft202012Validator(schema, resolver=self.resolver, format_checker=FormatChecker())
        return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in v.iter_errors(value)]

    def response(self, operation, status):
        r = operation["responses"].get(str(status))
        return resolve(self.spec, r) if r is not None else None

    def answer_problems(self, operation, answer):
        """What in `answer` the document's response for its status does not describe."""
        response = self.response(operation, answer.status)
        if response is None:
            return [f"status {answer.status} is not among the documented {sorted(operation['responses'])}"
                    f" (body: {answer.body[:300]!r})"]
        out = []
        for name, header in response.get("headers", {}).items():
            header = resolve(self.spec, header)
            value = answer.header(name)
            if value is None:
                if header.get("required"):
                    out.append(f"header {name} is documented as required but missing")
                continue
            out += [f"header {name}: {value!r}: {e}" for e in self.errors(header["schema"], value)]
        return out + self._body_problems(response, answer)

    def _body_problems(self, response, answer):
        content = response.get("content")
        if not content:
            return [f"a body of {len(answer.body)} bytes where none is documented"] if answer.body else []
        media = (answer.header("Content-Type") or "").split(";")[0].strip()
        if media not in content:
            return [f"Content-Type {media!r} is not among the documented {sorted(content)}"]
        if media != "application/json":
            return [] if answer.body else ["an empty body"]
        try:
            body = json.loads(answer.body.decode("utf-8"))
        except ValueError as e:
            return [f"the body is not JSON: {e}"]
        return [f"body {e}" for e in self.errors(content[media]["schema"], body)]
