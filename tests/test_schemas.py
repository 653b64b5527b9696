"""The exported JSON Schemas agree with `bulletin validate`, checked with an independent validator.

The schemas are what an editor's YAML extension (VS Code, github.dev) and check-jsonschema apply; the files are
read here as those tools read them (YAML 1.2, dates as text: tests/yaml12.py) and checked with the `jsonschema`
package, which shares nothing with pydantic. So:

- every data file of the example and of every valid example case: no error;
- every invalid example case: each problem whose message is one of shape or type (messages.ALSO_IN_EDITOR) is
  also an error of the schema, at the same field path; and the schema reports nothing where `bulletin validate`
  reports nothing (no false alarm that an editor would learn to ignore);
- the committed schemas/ are those the models export, every data file names its schema on its first line,
  and .vscode/settings.json maps every data folder to its schema.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from test_examples import EXAMPLES, make_project, problem_lines, run_validate
from yaml12 import load_yaml12

from generator.load import messages as msg
from generator.load.validate import kind_of
from generator.render.schemas import SCHEMA_FOLDER, data_files, schema_line, schema_text, schemas, served_schemas

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = schemas()
VALIDATORS = {kind: Draft202012Validator(document, format_checker=Draft202012Validator.FORMAT_CHECKER)
              for kind, document in DOCUMENTS.items()}
PROBLEM_LINE = re.compile(r"(?P<file>[^:]+):[0-9]+:[0-9]+: (?:(?P<path>[A-Za-z0-9_.\[\]<]+): )?(?P<message>.*)")

# PyYAML, the parser under tests/yaml12.py, refuses a tab inside a flow list, which YAML 1.2 allows (and which
# the YAML language server and generator.load.reader accept): a limit of this test's reader, not of the schemas.
READER_LIMITS = {"tab-inside-flow-list"}


def field_path(parts) -> str:
    """("laporan", 0, "kecamatan", 2, "wajib_ktp") → "laporan[0].kecamatan[2].wajib_ktp", as validate says it."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def error_paths(error) -> set[str]:
    """Every field path an error names: its own, the keys it is about (an unknown key, a missing key), and those
    of the errors under it (each shape of an anyOf)."""
    base = list(error.absolute_path)
    paths = {field_path(base)}
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        paths |= {field_path([*base, key]) for key in error.instance if key not in known}
    if error.validator == "required":
        paths.add(field_path([*base, re.match(r"'([^']+)'", error.message)[1]]))
    for sub in error.context or ():
        paths |= error_paths(sub)
    return paths


def schema_errors(project: Path) -> dict[str, list]:
    """{file relative to the project: [errors or a reader exception]} over the project's data/."""
    found: dict[str, list] = {}
    for path, kind in data_files(project / "data"):
        name = path.relative_to(project).as_posix()
        try:
            data = load_yaml12(path)
        except Exception as exc:  # noqa: BLE001 — a file this reader cannot read is reported as such
            found[name] = [exc]
            continue
        errors = list(VALIDATORS[kind].iter_errors(data))
        if errors:
            found[name] = errors
    return found


def _template(text: str) -> re.Pattern:
    parts = re.split(r"\{[a-z_]+\}", text)
    return re.compile(".*".join(re.escape(part) for part in parts), re.S)


EDITOR_MESSAGES = [_template(getattr(msg, name)) for name in sorted(msg.ALSO_IN_EDITOR)]


def is_shape_problem(message: str) -> bool:
    return any(pattern.fullmatch(message) for pattern in EDITOR_MESSAGES)


def _cases(kind: str) -> list[Path]:
    return sorted(p for p in (EXAMPLES / kind).iterdir() if p.is_dir())


# --- the example's own data ----------------------------------------------------------------------------


def test_example_data_has_no_schema_error():
    assert {name: [str(e.message if hasattr(e, "message") else e)[:200] for e in errors]
            for name, errors in schema_errors(ROOT).items()} == {}


def test_example_meetings_use_the_shorthands_the_schema_describes():
    """The measured failure of issue 11: one agency as text, a decision as plain text. Both are in the example,
    so the test above covers them; this one keeps them there."""
    meetings = [load_yaml12(p) for p, kind in data_files(ROOT / "data") if kind == "rapat"]
    assert any(isinstance(item.get("instansi"), str) for m in meetings for item in m.get("agenda", []))
    assert any(isinstance(item, str) for m in meetings for item in m.get("keputusan", []))


# --- example cases ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _cases("valid"), ids=lambda p: p.name)
def test_valid_case_has_no_schema_error(case: Path, tmp_path):
    errors = schema_errors(make_project(tmp_path, case))
    if case.name in READER_LIMITS:
        assert all(not hasattr(e, "validator") for errs in errors.values() for e in errs)
        return
    assert {name: [getattr(e, "message", str(e))[:200] for e in errs] for name, errs in errors.items()} == {}


@pytest.mark.parametrize("case", _cases("invalid"), ids=lambda p: p.name)
def test_invalid_case_schema_agrees_with_validate(case: Path, tmp_path):
    expected = [PROBLEM_LINE.fullmatch(line) for line in
                (case / "expected.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")]
    errors = schema_errors(make_project(tmp_path, case))
    reported = {(name, path) for name, errs in errors.items() for e in errs if hasattr(e, "validator")
                for path in error_paths(e)}
    # 1. every problem of shape or type in data/ is an error of the schema too, at the same field path (files of
    # the restricted tree hold partial records: they name no schema, see the editors' guide, generator/build/content/panduan-editor.md)
    missed = [m[0] for m in expected if m and m["file"].startswith("data/") and is_shape_problem(m["message"])
              and (m["file"], m["path"] or "") not in reported]
    assert missed == []
    # 2. the schema reports nothing where validate reports nothing
    said = {(m["file"], m["path"] or "") for m in expected if m}
    files_said = {name for name, _ in said}

    def explained(name: str, error) -> bool:
        if not hasattr(error, "validator"):
            return name in files_said  # this reader could not read the file: validate found the file wrong too
        own = field_path(error.absolute_path)
        return any(n == name and (p == own or p.startswith(own + ".") or p.startswith(own + "[")
                                  or own.startswith(p + ".") or own.startswith(p + "[") or own == "" or p == "")
                   for n, p in said)

    stray = [(name, getattr(e, "message", repr(e))[:120]) for name, errs in errors.items() for e in errs
             if not explained(name, e)]
    assert stray == []


def test_shape_problems_are_tested_at_all():
    """Enough invalid cases have a shape or type problem for the test above to mean something."""
    shaped = [case.name for case in _cases("invalid")
              if any((m := PROBLEM_LINE.fullmatch(line)) and is_shape_problem(m["message"])
                     for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines())]
    assert len(shaped) >= 25, shaped


def test_every_message_said_in_editor_exists():
    assert sorted(name for name in msg.ALSO_IN_EDITOR if not isinstance(getattr(msg, name, None), str)) == []


# --- a new user's edits, as issue 11 checks them ------------------------------------------------------------

TYPO_REPORT = """\
  - tanggal: 2020-09-01
    ilustratif: true
    kecamatan:
      - kecamatan: "62.04.01"
        penduduk: 8719
        wajib_ktp: 63S0
        ektp_rekam: 6201
        ektp_cetak: 6150
"""


def test_typo_in_a_new_report_is_flagged_at_the_same_path_by_both(tmp_path):
    """A dated report added by hand with a letter S for a 5 in a number."""
    project = make_project(tmp_path)
    path = project / "data/uji-2020/instansi/disdukcapil.yml"
    text = path.read_text(encoding="utf-8")
    assert "laporan_kependudukan:\n" in text
    path.write_text(text.replace("laporan_kependudukan:\n", "laporan_kependudukan:\n" + TYPO_REPORT, 1),
                    encoding="utf-8")
    result = run_validate(project)
    lines = problem_lines(result)
    assert len(lines) == 1 and "laporan_kependudukan[0].kecamatan[0].wajib_ktp: harus bilangan bulat" in lines[0]
    errors = schema_errors(project)
    paths = {p for e in errors["data/uji-2020/instansi/disdukcapil.yml"] for p in error_paths(e)}
    assert "laporan_kependudukan[0].kecamatan[0].wajib_ktp" in paths


# --- what editors are given ------------------------------------------------------------------------------


def test_committed_schemas_are_current():
    """schemas/ is what the models export; after a change of generator/load/schema.py or types.py run
    `bulletin schema --out schemas` (make schema) and commit the result."""
    folder = ROOT / SCHEMA_FOLDER
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.schema.json")}
    exported = {f"{kind}.schema.json": schema_text(document) for kind, document in DOCUMENTS.items()}
    stale = sorted(name for name in exported.keys() | committed.keys() if committed.get(name) != exported.get(name))
    assert stale == [], "schemas/ is stale: run `bulletin schema --out schemas` and commit"


def test_internal_edition_serves_the_same_schemas():
    served = served_schemas()
    assert {path: json.loads(text) for path, text in served.items()} == {
        f"schemas/{kind}.schema.json": document for kind, document in DOCUMENTS.items()}


def test_every_data_file_names_its_schema_on_its_first_line():
    wrong = []
    for path, kind in data_files(ROOT / "data"):
        first = path.read_bytes().decode("utf-8").lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
        if first != schema_line(path, kind, ROOT / SCHEMA_FOLDER):
            wrong.append(path.relative_to(ROOT).as_posix())
        target = (path.parent / first.split("$schema=", 1)[-1]).resolve()
        assert target == (ROOT / SCHEMA_FOLDER / f"{kind}.schema.json").resolve()
    assert wrong == [], "run `bulletin schema --out schemas --lines`"


def vscode_glob(pattern: str) -> re.Pattern:
    """A glob as VS Code reads it: ``**/`` any folders (or none), ``*`` any characters but ``/``."""
    parts = re.split(r"(\*\*/|\*)", pattern)
    return re.compile("".join({"**/": "(?:.*/)?", "*": "[^/]*"}.get(part, re.escape(part)) for part in parts))


def test_vscode_maps_every_data_file_to_its_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (ROOT / schema).is_file(), schema
    for path, kind in data_files(ROOT / "data"):
        relative = path.relative_to(ROOT).as_posix()
        matched = {schema for schema, globs in mapping.items()
                   if any(vscode_glob(glob).fullmatch(relative) for glob in globs)}
        assert matched == {f"./schemas/{kind}.schema.json"}, relative


def test_schema_line_is_added_without_touching_the_rest(tmp_path):
    from generator.render.schemas import add_schema_lines

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    original = {p: p.read_bytes() for p, _ in data_files(data)}
    for path in original:  # remove the line, as in a file written by hand
        path.write_bytes(path.read_bytes().split(b"\n", 1)[1])
    changed = add_schema_lines(data, ROOT / SCHEMA_FOLDER)
    assert len(changed) == len(original)
    assert add_schema_lines(data, ROOT / SCHEMA_FOLDER) == []
    for path, text in original.items():  # the same bytes, the line pointing at the project's schemas/
        line = schema_line(path, kind_of(data / path.relative_to(data).parts[0], path), ROOT / SCHEMA_FOLDER)
        assert path.read_bytes().split(b"\n", 1) == [line.encode(), text.split(b"\n", 1)[1]]


# --- what the schemas say --------------------------------------------------------------------------------


def _properties(node, where=""):
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            yield f"{where}.{key}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, where)


def _is_record(prop: dict) -> bool:
    """A record or a list of records: its own fields carry the examples."""
    shapes = [prop, *prop.get("anyOf", [])]
    return any("$ref" in s or "$ref" in s.get("items", {}) or
               any("$ref" in b for b in s.get("items", {}).get("anyOf", [])) for s in shapes)


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_every_field_has_indonesian_title_description_and_example(kind):
    document = DOCUMENTS[kind]
    lacking = [where for where, prop in _properties(document)
               if not prop.get("title") or not prop.get("description")
               or (not _is_record(prop) and not prop.get("examples"))]
    assert lacking == []
    records = [document, *document.get("$defs", {}).values()]
    english = [r["title"] for r in records if re.search(r"\b(An?|The|of|and)\b", r.get("description", ""))]
    assert english == []
    for where, prop in _properties(document):
        for example in prop.get("examples", []):
            sub = {**prop, "$defs": document.get("$defs", {})}
            assert Draft202012Validator(sub).is_valid(example), (where, example)


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_every_field_says_who_may_see_it(kind):
    unmarked = [where for where, prop in _properties(DOCUMENTS[kind]) if prop.get("x-akses") not in
                {"publik", "terbatas"}]
    assert unmarked == []


def test_every_pattern_says_its_problem_in_indonesian():
    """VS Code's YAML extension shows ``patternErrorMessage`` instead of the bare regular expression."""
    from generator.load.fields import editor_message

    patterns = []

    def visit(node):
        if isinstance(node, dict):
            if "pattern" in node:
                patterns.append(node)
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)
    visit(DOCUMENTS)
    assert patterns and all(p.get("patternErrorMessage") for p in patterns)
    assert editor_message(msg.EXPECTED_DATE) == "harus tanggal dengan format TTTT-BB-HH, ditemukan nilai ini"
