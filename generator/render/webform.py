"""The web form of the internal edition (``/<edisi>/admin/``): Decap CMS, configured from the same JSON Schemas.

Decap CMS rather than Sveltia CMS: Decap's editorial workflow turns a saved form into a pull request (Sveltia has
no editorial workflow yet), so an officer's change is reviewed like any other; and Decap ships an in-memory
``test-repo`` backend, so a real browser can fill and save the form in a test without a git host.

The form's fields come from the exported schemas (generator.render.schemas): titles, descriptions as hints, choices,
required fields. The forms write to the public data folder, so restricted fields and records, and the ``akses`` /
``dasar`` marks, are left out of them (restricted content belongs in the restricted tree). The CMS script is the
one npm installed from the registry (package.json, scripts/node-deps), copied into the build: never a CDN.

The login is the desk's own (mkdocs.yml ``plugins.bulletin.formulir``, generator.check.form): GitHub through the
desk's OAuth service, GitLab or Gitea with PKCE. Until one is declared, the page says what to set and loads no
script, so it makes no request outside the site (Decap's default login is Netlify's service).
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.check.form import BACKENDS, form_errors, missing_login
from generator.render.schemas import SCHEMA_FOLDER, schema_line, schemas

CMS_DIST = Path(__file__).resolve().parents[2] / "node_modules" / "decap-cms" / "dist"
CMS_SCRIPT = CMS_DIST / "decap-cms.js"  # and its chunks, <n>.decap-cms.js, which it loads beside itself
DESK_SCRIPTS = Path(__file__).resolve().parent / "decap"  # the desk's own: locale, YAML format, start (formulir.js)
YAML_BROWSER = Path(__file__).resolve().parents[2] / "node_modules" / "yaml" / "browser"  # yaml 2's ES modules
YAML_FOLDER = "yaml"  # admin/yaml/: yaml 2's browser build, which format-desk.js imports (./yaml/index.js)
FORMAT_NAME = "yaml-desk-{kind}"  # the desk's YAML format of one kind (format-desk.js, registered by formulir.js)
FORMAT_SETTINGS = "format-desk.json"  # admin/format-desk.json: what format-desk.js reads of the schemas
# A string field is written in quotes when its schema's examples look like numbers or times (region codes,
# "09.00", phone numbers): as the desk's files write them, and so that no YAML reader takes them for numbers.
NUMBER_LIKE = re.compile(r"[+(]?[0-9][0-9 .:()+-]*")
ADMIN = "admin"
LONG_TEXT = {"uraian", "ringkasan", "catatan", "catatan_data", "peran", "mitigasi", "keterangan", "alasan"}
FORM_OMITS = {"akses", "dasar"}  # marks of restricted records: not in a form that writes to data/
KINDS = {  # kind → (label, folder collection?, may create)
    "rapat": ("Rapat", True),
    "instansi": ("Instansi", False),
    "kecamatan": ("Kecamatan", False),
}

PAGE_HEAD = """<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Formulir data Desk Pilkada</title>
  <link rel="icon" href="../assets/images/favicon.png">
</head>
"""
# Decap waits (CMS_MANUAL_INIT) until formulir.js has registered the desk's Indonesian locale and YAML format,
# then formulir.js starts it.
INDEX_HTML = PAGE_HEAD + """<body>
  <script>window.CMS_MANUAL_INIT = true;</script>
  <script src="decap-cms.js"></script>
  <script type="module" src="formulir.js"></script>
</body>
</html>
"""


STAND_IN_HTML = """<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="robots" content="noindex">
  <title>Formulir data Desk Pilkada</title>
</head>
<body>
  <p>Formulir belum terpasang: jalankan scripts/node-deps lalu bangun ulang situs.</p>
</body>
</html>
"""


NO_LOGIN_HTML = PAGE_HEAD + """<body>
  <h1>Formulir data Desk Pilkada</h1>
  <p id="login-belum-diatur">{message}</p>
  <pre>{example}</pre>
  <p>Langkahnya untuk setiap backend ada di README, bagian "Login formulir". Setelah mkdocs.yml diubah, bangun
  ulang situs.</p>
</body>
</html>
"""
NO_LOGIN_EXAMPLE = """plugins:
  - bulletin:
      formulir:
        backend: gitlab          # atau github / gitea
        repo: desk/buletin-desk-pilkada
        app_id: ID-APLIKASI-OAUTH
        base_url: https://git.desk.example   # GitLab desk sendiri; kosongkan untuk gitlab.com"""


def _resolve(node: dict, defs: dict) -> dict:
    while "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _shape(node: dict, defs: dict) -> dict:
    """The one shape a form edits: the record of ``text | record`` (a decision), the list of ``one | list``
    (agenda agencies), the value of ``value | null`` (an optional field)."""
    node = _resolve(node, defs)
    shapes = [_resolve(s, defs) for s in node.get("anyOf", [])]
    if shapes:
        for wanted in ("object", "array"):
            for shape in shapes:
                if shape.get("type") == wanted:
                    return {**{k: v for k, v in node.items() if k != "anyOf"}, **shape}
        scalar = [s for s in shapes if s.get("type") != "null"]
        if any(s.get("type") == "integer" for s in scalar):
            return {**node, "type": "integer"}
        if scalar:
            return {**{k: v for k, v in node.items() if k != "anyOf"}, **scalar[0]}
    return node


def is_public(node: dict) -> bool:
    return node.get("x-akses") != "terbatas"


def field(name: str, prop: dict, defs: dict, required: bool) -> dict | None:
    """The Decap field of one schema property, or None when a public form must not show it."""
    shape = _shape(prop, defs)
    if not is_public(prop) or not is_public(shape) or name in FORM_OMITS:
        return None
    out: dict[str, Any] = {"name": name, "label": prop.get("title") or shape.get("title") or name,
                           "required": required}
    if prop.get("description"):
        out["hint"] = prop["description"]
    if (_union(prop, defs) or {}).get("other") == "boolean":  # ilustratif: the list says true too (format-desk.js)
        out["hint"] = (out.get("hint", "") + " Di formulir: memilih semua angka sama dengan true, daftar kosong sama dengan false.").strip()
    kind = shape.get("type")
    if "enum" in shape:
        out.update(widget="select", options=list(shape["enum"]))
    elif kind == "boolean":
        out.update(widget="boolean", default=bool(prop.get("default", False)))
    elif kind == "integer":
        out.update(widget="number", value_type="int", min=0)
    elif kind == "number":
        out.update(widget="number", value_type="float", min=0)
    elif kind == "string" and shape.get("format") == "date":
        out.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False)
    elif kind == "string":
        out.update(widget="text" if name in LONG_TEXT else "string")
    elif kind == "object":
        out.update(widget="object", fields=fields(shape, defs) if required else optional(fields(shape, defs)))
    elif kind == "array":
        item = _shape(shape.get("items", {}), defs)
        if not is_public(item):
            return None
        if item.get("type") == "object":
            out.update(widget="list", fields=fields(item, defs))
        else:
            inner = field(name, {**item, "title": out["label"]}, defs, True)
            inner.pop("hint", None)
            out.update(widget="list", field=inner)
        if shape.get("minItems"):
            out["min"] = shape["minItems"]
    else:
        out.update(widget="string")
    return out


def optional(made: list[dict]) -> list[dict]:
    """The fields of an optional record (a report's ``sumber``): Decap checks an object's required fields even when
    the record is left out, so a file without it could not be saved; here they are optional, and ``bulletin
    validate`` asks for them when the record is given."""
    for f in made:
        f["required"] = False
        if f.get("widget") == "object":
            optional(f["fields"])
    return made


def fields(node: dict, defs: dict) -> list[dict]:
    required = set(node.get("required", []))
    made = (field(name, prop, defs, name in required) for name, prop in node.get("properties", {}).items())
    return [f for f in made if f is not None]


def config(edisi: str, backend: dict, defaults: dict[str, dict[str, Any]] | None = None,
           publish_mode: str = "editorial_workflow") -> dict:
    """The Decap configuration of one election edition's data: one collection per kind of file."""
    collections = []
    for kind, (label, create) in KINDS.items():
        document = schemas()[kind]
        form = fields(document, document.get("$defs", {}))
        for f in form:
            if f["name"] in (defaults or {}).get(kind, {}):
                f["default"] = defaults[kind][f["name"]]
        collection = {"name": f"{kind}-{edisi}", "label": f"{label} ({edisi})", "folder": f"data/{edisi}/{kind}",
                      "extension": "yml", "format": FORMAT_NAME.format(kind=kind), "create": create, "delete": False,
                      "identifier_field": "judul" if kind == "rapat" else "nama", "fields": form}
        if kind == "rapat":
            collection["slug"] = "{{fields.tanggal}}-{{slug}}"
            collection["summary"] = "{{tanggal}} {{judul}}"
        collections.append(collection)
    return {"backend": backend, "publish_mode": publish_mode, "locale": "id", "media_folder": "content/gambar",
            "slug": {"encoding": "ascii", "clean_accents": True}, "collections": collections}


def github_backend(repo: str | None, branch: str = "main") -> dict:
    return {"name": "github", "repo": repo or "ORGANISASI/REPOSITORI", "branch": branch}


def form_backend(form: Mapping, repository: str | None) -> dict | None:
    """Decap's ``backend`` of the login mkdocs.yml declares (generator.check.form); None while none is declared
    (or it is refused: validate says why). A self-hosted GitLab or Gitea reads its API at ``<base_url>/api/…``
    unless ``api_root`` says otherwise."""
    if not form or form_errors(form, repository):
        return None
    name = form["backend"]
    backend = {"name": name, "repo": form.get("repo") or repository, "branch": form.get("branch") or "main",
               **BACKENDS[name].fixed}
    backend.update({key: str(value) for key, value in form.items() if key not in backend and key != "backend"
                    and value not in (None, "")})
    api = {"gitlab": "/api/v4", "gitea": "/api/v1"}.get(name)
    if api and "base_url" in backend and "api_root" not in backend:
        backend["api_root"] = backend["base_url"].rstrip("/") + api
    return backend


def publish_mode_of(backend: Mapping) -> str:
    """A saved form opens a pull request (editorial workflow), except on Gitea, whose Decap backend has no
    editorial workflow (decap-cms-backend-gitea refuses it): there it publishes to the branch."""
    return "simple" if backend.get("name") == "gitea" else "editorial_workflow"


@functools.cache
def cms_scripts() -> dict[str, str]:
    """The vendored CMS: the script npm installed and the chunks it loads from beside itself."""
    scripts = {f"{ADMIN}/{path.name}": path.read_text(encoding="utf-8")
               for path in sorted(CMS_DIST.glob("*decap-cms.js"))}
    scripts.update({f"{ADMIN}/{path.name}": path.read_text(encoding="utf-8")
                    for path in sorted(DESK_SCRIPTS.glob("*.js"))})
    return scripts


def _shapes(node: dict, defs: dict):
    """Every shape a value of ``node`` may take: its ``anyOf`` branches and, for a list, its items' shapes."""
    node = _resolve(node, defs)
    yield node
    for branch in node.get("anyOf", []):
        yield from _shapes(branch, defs)
    if "items" in node:
        yield from _shapes(node["items"], defs)


def _union(node: dict, defs: dict) -> dict | None:
    """How format-desk.js turns a value of a union (``anyOf`` of two shapes besides null) into the one shape the form
    edits (``form``, _shape's choice) and back into the file's other shape (``other``) where the file had it:
    ``text`` ⇄ a one-item ``list`` (an agenda item's agencies); ``text`` ⇄ a ``record`` with only its ``main`` field
    (a decision); ``boolean`` ⇄ the ``list`` of ``all`` its choices, or none (``ilustratif: true``: every figure of
    the report); ``text`` ⇄ ``integer`` (a count written "1.234"). None for a node of one shape."""
    node = _resolve(node, defs)
    branches = [_resolve(b, defs) for b in node.get("anyOf", []) if _resolve(b, defs).get("type") != "null"]
    if len(branches) < 2:
        return None
    form = _shape(node, defs)
    others = {b.get("type") for b in branches} - {form.get("type")}
    found = {"form": {"array": "list", "object": "record"}.get(form.get("type"), form.get("type")),
             "other": {"string": "text"}.get(next(iter(others)), next(iter(others))) if len(others) == 1 else None}
    if (found["form"], found["other"]) == ("list", "boolean") and "enum" in _resolve(form.get("items", {}), defs):
        found["all"] = list(_resolve(form["items"], defs)["enum"])
    elif (found["form"], found["other"]) == ("record", "text") and len(form.get("required", [])) == 1:
        found["main"] = form["required"][0]
    elif (found["form"], found["other"]) not in {("list", "text"), ("integer", "text")}:
        raise ValueError(f"format-desk.js cannot show this union in the form: {node.get('anyOf')}")
    return found


def _format_tree(node: dict, defs: dict) -> dict:
    """What format-desk.js needs of one record's schema: its keys in the schema's order, which of them are
    written quoted (``quoted``) or are dates (``dates``, written as the desk writes them: plain), which are unions
    (``unions``: a key's value, or with ``items`` its list's items; see _union()), and the same of the records
    inside (``fields``: a key's record, or its list's records)."""
    tree: dict[str, Any] = {"keys": list(node.get("properties", {})), "quoted": [], "dates": [], "unions": {},
                            "fields": {}}
    for name, prop in node.get("properties", {}).items():
        resolved = _resolve(prop, defs)
        items = _union(resolved.get("items", {}), defs) if resolved.get("type") == "array" else None
        if _union(resolved, defs) or items:
            tree["unions"][name] = _union(resolved, defs) or {**items, "items": True}
        shapes = list(_shapes(prop, defs))
        strings = [s for s in shapes if s.get("type") == "string"]
        if any(s.get("format") == "date" for s in strings):
            tree["dates"].append(name)
        elif any(NUMBER_LIKE.fullmatch(str(example)) for s in [prop, *strings] for example in s.get("examples", [])
                 if isinstance(example, str)):
            tree["quoted"].append(name)
        records = [s for s in shapes if s.get("type") == "object" and "properties" in s]
        if records:
            merged = {"properties": {key: value for s in records for key, value in s["properties"].items()}}
            tree["fields"][name] = _format_tree(merged, defs)
    return tree


@functools.cache
def format_settings() -> dict[str, dict]:
    """admin/format-desk.json: per kind, the name of its format, the ``$schema`` line of its files (the same for
    every file of a kind, data/<edisi>/<kind>/<file>.yml) and its key tree (_format_tree), all from the schemas."""
    return {kind: {"name": FORMAT_NAME.format(kind=kind),
                   "schema_line": schema_line(Path("data", "edisi", kind, "file.yml"), kind, Path(SCHEMA_FOLDER)),
                   "tree": _format_tree(schemas()[kind], schemas()[kind].get("$defs", {}))}
            for kind in KINDS}


IMPORT = re.compile(r"""^\s*(?:import|export)\b[^'"]*?(?:\bfrom\s*)?['"](\.{1,2}/[^'"]+)['"]""", re.MULTILINE)


@functools.cache
def yaml_library() -> dict[str, str]:
    """yaml 2's browser build (ES modules, as npm installed it) at admin/yaml/: the modules that its index.js
    imports, directly or not, each at its own relative path, so that their imports resolve as they are."""
    found: dict[str, str] = {}
    todo = [YAML_BROWSER / "index.js"]
    while todo:
        path = todo.pop()
        name = path.relative_to(YAML_BROWSER).as_posix()
        if name in found:
            continue
        found[name] = path.read_text(encoding="utf-8")
        todo.extend((path.parent / spec).resolve() for spec in IMPORT.findall(found[name]))
    return {f"{ADMIN}/{YAML_FOLDER}/{name}": found[name] for name in sorted(found)}


def admin_files(edisi: str, backend: dict | None, defaults: dict[str, dict[str, Any]] | None = None,
                publish_mode: str | None = None) -> dict[str, str]:
    """``{path: text}`` of the admin page of one election edition, with the vendored CMS script when it is
    installed (scripts/node-deps); without it the page says how to install it, and without a login (``backend``
    None) it says what to set in mkdocs.yml, and neither loads nor ships the CMS. The configuration is JSON, which
    is YAML too; without a login its backend is a placeholder that no page loads."""
    made = config(edisi, backend or github_backend(None), defaults, publish_mode or publish_mode_of(backend or {}))
    files = {f"{ADMIN}/config.yml": json.dumps(made, ensure_ascii=False, indent=1) + "\n"}
    if backend is None:
        files[f"{ADMIN}/index.html"] = NO_LOGIN_HTML.format(message=html.escape(missing_login()),
                                                            example=html.escape(NO_LOGIN_EXAMPLE))
    elif CMS_SCRIPT.is_file():
        files[f"{ADMIN}/index.html"] = INDEX_HTML
        files.update(cms_scripts())
        files.update(yaml_library())
        files[f"{ADMIN}/{FORMAT_SETTINGS}"] = json.dumps(format_settings(), ensure_ascii=False, indent=1) + "\n"
    else:
        files[f"{ADMIN}/index.html"] = STAND_IN_HTML
    return files
