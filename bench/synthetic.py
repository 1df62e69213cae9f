"""The package generated from a spec with extra, synthetic operations (for the import row).

The spec grows; start-up must not grow with it. :func:`synthetic_client` adds GET operations,
each with its own response model (a UUID, a timestamp, an enum and a nested object, like the
real ones), until the spec has ``operations`` operations, renders it with the project's
generator and templates into ``work``, and lays the rendered files over a copy of the package
(the hand-written runtime included). Import it with ``PYTHONPATH=<returned folder>``.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.harness import ROOT

SPEC = ROOT / "openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch")


def operation_count(spec: dict[str, Any]) -> int:
    """How many operations ``spec`` declares."""
    return sum(1 for item in spec["paths"].values() for method in METHODS if method in (item or {}))


def _schemas(n: int) -> dict[str, Any]:
    name = f"SyntheticThing{n}"
    return {
        name: {
            "type": "object",
            "description": f"Synthetic model {n} (benchmark only).",
            "required": ["id", "created_at", "state"],
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "created_at": {"type": "string", "format": "date-time"},
                "state": {"$ref": f"#/components/schemas/{name}State"},
                "label": {"type": "string"},
                "count": {"type": "integer"},
                "owner": {"$ref": f"#/components/schemas/{name}Owner"},
            },
        },
        f"{name}State": {"type": "string", "enum": ["new", "busy", "done"]},
        f"{name}Owner": {
            "type": "object",
            "required": ["login"],
            "properties": {"login": {"type": "string"}, "avatar_url": {"type": "string"}},
        },
    }


def _operation(n: int, tag: str) -> dict[str, Any]:
    return {
        "get": {
            "operationId": f"getSyntheticThing{n}",
            "summary": f"Synthetic operation {n} (benchmark only)",
            "tags": [tag],
            "parameters": [
                {"name": "thing-id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {
                "200": {
                    "description": "The thing.",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/SyntheticThing{n}"}
                        }
                    },
                }
            },
        }
    }


def synthetic_spec(operations: int) -> tuple[str, int]:
    """The project's spec with synthetic operations added up to ``operations``; and how many
    operations the project's own spec has."""
    import yaml

    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    own = operation_count(spec)
    tags = [tag["name"] for tag in spec.get("tags", [])] or ["Synthetic"]
    for n in range(max(0, operations - own)):
        spec["paths"][f"/synthetic/thing-{n}/{{thing-id}}"] = _operation(n, tags[n % len(tags)])
        spec["components"]["schemas"].update(_schemas(n))
    return yaml.safe_dump(spec, sort_keys=False), own


def _generator() -> ModuleType:
    """``generator/generate.py``, loaded from its file (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location(
        "bench_generator", ROOT / "generator" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def synthetic_client(work: Path, operations: int = 110) -> tuple[Path, int]:
    """Generate the package from the grown spec into ``work``; (the folder to put on
    ``PYTHONPATH``, the number of operations of the project's own spec)."""
    generate = _generator()
    text, own = synthetic_spec(operations)
    work.mkdir(parents=True, exist_ok=True)
    spec = work / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    render_dir = work / "render"
    render_dir.mkdir()
    vars(generate)["SPEC"] = spec  # this copy of the generator renders the grown spec
    target = generate.render(render_dir)
    generate.format_tree(target)
    generate.add_headers(target)
    client = work / "client"
    shutil.copytree(
        ROOT / "generated_client",
        client,
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"),
    )
    for name, path in generate.rendered_files(target).items():
        destination = client / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    return client, own
