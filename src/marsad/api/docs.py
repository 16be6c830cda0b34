"""/docs: the HTTP API's reference, rendered on the server from the app's own OpenAPI schema.

FastAPI's Swagger UI loads its scripts from a CDN, which the dashboard must never need; this page lists every
operation with its parameters, and a plain HTML form to try each GET route that has no path parameter.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from marsad.api.pages import _render

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null") or "any"
    return str(schema.get("type", "any"))


def _constraints(schema: dict[str, Any]) -> str:
    parts = []
    for s in schema.get("anyOf", [schema]):
        for key in ("pattern", "minimum", "maximum", "minLength", "maxLength"):
            if key in s:
                parts.append(f"{key} {s[key]}")
    if "default" in schema:
        parts.append(f"default {schema['default']}")
    return ", ".join(parts)


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The schema's operations in path order, flattened for the template."""
    out = []
    for path, item in sorted(spec.get("paths", {}).items()):
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "type": _schema_type(p.get("schema", {})),
                    "constraints": _constraints(p.get("schema", {})),
                    "description": p.get("description") or p.get("schema", {}).get("description") or "",
                }
                for p in op.get("parameters", [])
            ]
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": (op.get("description") or "").strip(),
                    "params": params,
                    "responses": sorted(op.get("responses", {})),
                    "tryable": method == "get" and not any(p["in"] == "path" for p in params),
                    "anchor": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""),
                }
            )
    return out


@router.get("/docs")
def api_docs(request: Request):
    spec = request.app.openapi()
    return _render(request, "apidocs.html", spec=spec, operations=operations(spec))
