"""Support of tests/openapi_check.py: the OpenAPI document's own rules, a real server, answers
checked against the document."""
