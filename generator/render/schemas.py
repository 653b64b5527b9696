"""The JSON Schema of each kind of data file, exported from the pydantic models (nothing hand-written).

The same documents are committed in ``schemas/`` (tests/test_schemas.py fails when they are stale), named by
the ``# yaml-language-server: $schema=…`` line at the top of every data file and by ``.vscode/settings.json``,
served by the internal edition at ``/schemas/``, and turned into the web form's fields (generator.render.webform).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path

from generator.load.schema import FILE_MODELS
from generator.load.validate import YAML_SUFFIXES, kind_of

SCHEMA_ID = "https://buletin-desk-pilkada.invalid/schema/{kind}.schema.json"
SCHEMA_FOLDER = "schemas"  # in the project, beside data/
SCHEMA_LINE = "# yaml-language-server: $schema={path}"


def schemas() -> dict[str, dict]:
    """``{kind: schema}``, a fresh copy at each call (callers may change theirs)."""
    return json.loads(_exported())


@functools.cache
def _exported() -> str:
    """The schemas as pydantic exports them, once per process (a fifth of a second)."""
    out = {}
    for kind, model in FILE_MODELS.items():
        document = model.model_json_schema()
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = SCHEMA_ID.format(kind=kind)
        out[kind] = document
    return json.dumps(out)


@functools.cache
def served_schemas() -> dict[str, str]:
    """``{path: text}`` of the schemas as the internal edition serves them: ``schemas/<kind>.schema.json``."""
    return {f"{SCHEMA_FOLDER}/{kind}.schema.json": schema_text(document) for kind, document in schemas().items()}


def schema_text(document: dict) -> str:
    """A schema as written to disk: stable key order, so the committed files change only when the models do."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, document in schemas().items():
        path = out_dir / f"{kind}.schema.json"
        path.write_text(schema_text(document), encoding="utf-8")
        written.append(path)
    return written


def schema_line(path: Path, kind: str, schema_dir: Path) -> str:
    """The first line of a data file, naming its committed schema relative to the file, so that the YAML
    extension of an editor (VS Code, github.dev) checks it as the editor types."""
    relative = os.path.relpath(schema_dir / f"{kind}.schema.json", path.parent)
    return SCHEMA_LINE.format(path=Path(relative).as_posix())


def data_files(data_dir: Path) -> Iterator[tuple[Path, str]]:
    """Every data file of every edition with its kind, in a stable order."""
    for edition in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        for path in sorted(edition.rglob("*")):
            if path.suffix in YAML_SUFFIXES and path.is_file() and (kind := kind_of(edition, path)):
                yield path, kind


def with_schema_line(text: str, line: str) -> str:
    """``text`` starting with ``line``: an old schema line is replaced, anything else kept below it as it was
    (a byte-order mark stays first, and the file's own line ending is used)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom):]
    eol = "\r\n" if "\r\n" in text else "\n"
    first, _, rest = text.partition("\n")
    if first.startswith(SCHEMA_LINE.split("=")[0] + "="):
        text = rest
    return bom + line + eol + text


def add_schema_lines(data_dir: Path, schema_dir: Path) -> list[Path]:
    """Put the schema line at the top of every data file that lacks it (or names another path); the rest of
    each file is left byte for byte. Returns the files changed."""
    changed = []
    for path, kind in data_files(data_dir):
        text = path.read_bytes().decode("utf-8")
        new = with_schema_line(text, schema_line(path, kind, schema_dir))
        if new != text:
            path.write_bytes(new.encode("utf-8"))
            changed.append(path)
    return changed
