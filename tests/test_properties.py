"""Property tests: randomly damaged data never crashes the validator, and every problem has a place.

The files of the example base edition (``tests/examples/base/data/uji-2020/``) are damaged at random, the way
editors, editors' tools and broken uploads damage files: lines deleted, duplicated, swapped or re-indented;
characters inserted (tabs, colons, quotes, brackets, ``&``, ``*``, ``!``, ``%``, NUL and other control
characters, unicode, byte-order marks); values replaced by odd scalars; files truncated, re-encoded as
Latin-1, Windows-1252 or UTF-16, or sprinkled with random bytes; files deleted, renamed or put in the wrong folder.

For every damaged tree:

* in-process (``generator.pipeline.check``, fast): no exception escapes, and every problem names a file of the
  tree (or the data folder) with a line and column ≥ 1 that lie inside that file, and every reporter can print it;
* for a smaller sample, the command line itself (click's entry point, in this process): exit status 0 or 1, no
  traceback, JSON that parses and agrees with itself.

Runs are derandomized (the same examples every run), so a failure is reproducible; Hypothesis prints the
falsifying damage (the changed files' bytes and the operations applied). Damage that the random search finds
only now and then is pinned in ``test_pinned_damage``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import cli

from generator.load import report
from generator.load.problems import Severity, decodable
from generator.pipeline import check
from generator.project import Project

BASE = Path(__file__).parent / "examples" / "base"
EDITION = "data/uji-2020"
BASE_FILES: dict[str, bytes] = {
    p.relative_to(BASE).as_posix(): p.read_bytes() for p in sorted((BASE / EDITION).rglob("*.yml"))
}

# --- the damage ------------------------------------------------------------------------------------

SPECIAL = list("\t:'\"[]{}&*!%#|>-?,@`~=<\\/ .\n\r") + [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\xa0", "\u2028", "\u2029", "\ufeff",
    "\ufffd", "\u200b", "é", "–", "—", "“", "”", "’", "😀", "\U0010ffff", "ß", "Ω", "中",
]
SCALARS = [
    "", "~", "null", "yes", "no", "on", "off", "y", "n", "Yes", "NO", "true", "True", "false", "0", "-1", "007",
    "0x1F", "0o17", "1e5", "1_000", "131.140", "62.10", "2.5", "13:30", "1:30:00", "-", "- x", "[", "]", "{", "}",
    "[a, b", "{a: 1", "&a x", "*a", "<<: *a", "!!str x", "!!int 1", "!foo x", "? x", "|", ">", "|-\n  x", "'x",
    "\"x", "'it''s'", "\"\\x41\"", "\"\\ud800\"", "\"\\q\"", "@x", "`x`", "%x", "x: y", "x #y", "#x",
    "2020-13-45", "2020-02-30", "09-12-2020", "Senin, 9 Desember 2020", "javascript:alert(1)",
    "<script>alert(1)</script>", "{{ 7*7 }}", "9" * 400, "1" * 5000, "x" * 20_001, ".inf", ".nan", "-.inf",
    "62.04.01", "\"62.04.99\"", "\"0525 21500\"", "0525 21500", "https://example.com/", "a\tb", "\t",
]
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1",
             "cp1252", "utf-32"]
BAD_NAMES = ["Kpu.yml", "kpu baru.yml", "kpu.baru.yml", "kpu_baru.yml", "-kpu.yml", "kpü.yml", ".yml",
             "kpu.yaml", "kpu.YML", "a" * 200 + ".yml"]

position = st.integers(min_value=0, max_value=1_000_000)
inserted = st.one_of(st.text(alphabet=st.sampled_from(SPECIAL), min_size=1, max_size=6),
                     st.text(min_size=1, max_size=4))
scalar = st.one_of(st.sampled_from(SCALARS), st.text(max_size=12))

text_mutation = st.one_of(
    st.tuples(st.just("delete_line"), position),
    st.tuples(st.just("duplicate_line"), position),
    st.tuples(st.just("swap_lines"), position, position),
    st.tuples(st.just("insert"), position, inserted),
    st.tuples(st.just("truncate"), position),
    st.tuples(st.just("indent"), position, st.sampled_from(["  ", " ", "\t", "    ", "-", "- "])),
    st.tuples(st.just("dedent"), position),
    st.tuples(st.just("replace_value"), position, scalar),
    st.tuples(st.just("bom"),),
    st.tuples(st.just("crlf"),),
    st.tuples(st.just("lone_cr"),),
)
byte_mutation = st.tuples(st.just("bytes"), position, st.binary(min_size=1, max_size=4))
tree_mutation = st.one_of(
    st.tuples(st.just("delete_file")),
    st.tuples(st.just("rename"), st.sampled_from(BAD_NAMES)),
    st.tuples(st.just("misplace"), st.sampled_from(["lain", "instansi/sub", "."])),
    st.tuples(st.just("copy_as"), st.sampled_from(["salinan", "kpu-2", "jenamas-lama"])),
    st.tuples(st.just("non_utf8_name"),),
)


@st.composite
def damaged_trees(draw, tree_mutations: bool = True):
    """The damage done to a copy of the base tree: ({relative path: new bytes, or None when removed}, story)."""
    files = dict(BASE_FILES)
    victims = draw(st.lists(st.sampled_from(sorted(files)), min_size=1, max_size=2, unique=True))
    story = []
    for victim in victims:
        text = files[victim].decode("utf-8")
        for mutation in draw(st.lists(text_mutation, min_size=1, max_size=4)):
            text = _apply_text(text, mutation)
            story.append((victim, mutation[0]))
        encoding = draw(st.sampled_from(ENCODINGS))
        data = text.encode(encoding, errors="replace") if encoding in ("latin-1", "cp1252") else \
            text.encode(encoding, errors="surrogatepass")
        for mutation in draw(st.lists(byte_mutation, max_size=2)):
            _, at, blob = mutation
            at %= len(data) + 1
            data = data[:at] + blob + data[at:]
            story.append((victim, "bytes"))
        files[victim] = data
        story.append((victim, encoding))
        if tree_mutations and draw(st.integers(0, 9)) == 0:
            files, name = _apply_tree(files, victim, draw(tree_mutation))
            story.append((victim, name))
    changes = {rel: data for rel, data in files.items() if BASE_FILES.get(rel) != data}
    changes.update({rel: None for rel in BASE_FILES if rel not in files})
    return changes, story


def apply_changes(changes: dict) -> dict[str, bytes]:
    files = dict(BASE_FILES)
    for rel, data in changes.items():
        if data is None:
            files.pop(rel, None)
        else:
            files[rel] = data
    return files


def _lines_keep(text: str) -> list[str]:
    return text.splitlines(keepends=True) or [""]


def _apply_text(text: str, mutation: tuple) -> str:
    kind, *args = mutation
    lines = _lines_keep(text)
    if kind == "delete_line":
        del lines[args[0] % len(lines)]
    elif kind == "duplicate_line":
        i = args[0] % len(lines)
        lines.insert(i, lines[i] if lines[i].endswith("\n") else lines[i] + "\n")
    elif kind == "swap_lines":
        i, j = args[0] % len(lines), args[1] % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "insert":
        at = args[0] % (len(text) + 1)
        return text[:at] + args[1] + text[at:]
    elif kind == "truncate":
        return text[: args[0] % (len(text) + 1)]
    elif kind == "indent":
        i = args[0] % len(lines)
        lines[i] = args[1] + lines[i]
    elif kind == "dedent":
        i = args[0] % len(lines)
        lines[i] = lines[i][1:] if lines[i].startswith((" ", "\t")) else lines[i]
    elif kind == "replace_value":
        candidates = [i for i, line in enumerate(lines) if re.search(r":( |$)", line)]
        if candidates:
            i = candidates[args[0] % len(candidates)]
            head = re.match(r"([^:]*:)", lines[i]).group(1)
            lines[i] = f"{head} {args[1]}\n"
    elif kind == "bom":
        return "\ufeff" + text
    elif kind == "crlf":
        return text.replace("\r\n", "\n").replace("\n", "\r\n")
    elif kind == "lone_cr":
        return text.replace("\n", "\r", 3)
    return "".join(lines)


def _apply_tree(files: dict[str, bytes], victim: str, mutation: tuple) -> tuple[dict, str]:
    kind, *args = mutation
    files = dict(files)
    folder, name = victim.rsplit("/", 1)
    data = files.pop(victim)
    if kind == "delete_file":
        return files, kind
    if kind == "rename":
        files[f"{folder}/{args[0]}"] = data
    elif kind == "misplace":
        files[f"{EDITION}/{args[0]}/{name}".replace("/./", "/")] = data
    elif kind == "copy_as":
        files[victim] = data
        files[f"{folder}/{args[0]}.yml"] = data
    elif kind == "non_utf8_name":  # a name written by a Latin-1 tool: not UTF-8 on disk
        files[f"{folder}/" + os.fsdecode(b"kp\xfc-" + name.encode())] = data
    return files, kind


# --- checking one tree ------------------------------------------------------------------------------

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # what libyaml counts as a line break


def write_tree(root: Path, files: dict[str, bytes]) -> Path:
    (root / "mkdocs.yml").write_bytes(b"")
    for rel, data in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


def _bounds(path: Path) -> tuple[int, int]:
    """The greatest line and column a problem in ``path`` can honestly have (generously: any break counts)."""
    raw = path.read_bytes()
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    lines = max(len(_BREAK.findall(text)), raw.count(b"\n") + raw.count(b"\r")) + 1
    columns = max(len(segment) for segment in text.split("\n")) + 1
    return lines, columns


def assert_placed(root: Path, problems, story) -> None:
    """Every problem names a file of the tree (or the data folder), a line and a column, all >= 1."""
    data_dir = (root / "data").resolve()
    for p in problems:
        where = f"{p.format()!r} after {story}"
        assert isinstance(p.file, str) and p.file, where
        assert isinstance(p.line, int) and p.line >= 1, where
        assert isinstance(p.column, int) and p.column >= 1, where
        assert isinstance(p.field, str) and isinstance(p.message, str) and p.message.strip(), where
        assert Severity(p.severity) in (Severity.ERROR, Severity.WARNING), where
        assert not Path(p.file).is_absolute() and ".." not in Path(p.file).parts, where
        assert p.format().startswith(f"{p.file}:{p.line}:{p.column}: "), where
        path = root / p.file
        if path.resolve() == data_dir:
            continue
        if not path.exists() and "\ufffd" in p.file:  # a file name that is not UTF-8, shown decodably
            pattern = re.compile(re.escape(p.file).replace("\ufffd", "."))
            assert any(pattern.fullmatch(decodable(f.relative_to(root).as_posix())) for f in root.rglob("*")), where
            continue
        if not path.exists():  # only the edition file that a folder lacks may be named without existing
            assert path.name == "edisi.yml" and "edisi.yml" in p.message, where
            continue
        assert path.is_file(), where


def assert_inside_file(root: Path, problems, story) -> None:
    """A problem's line and column lie inside its file: no line after the last one, no column past the longest."""
    for p in problems:
        path = root / p.file
        if not path.is_file():
            continue
        max_line, max_column = _bounds(path)
        where = f"{p.format()!r} after {story}"
        assert p.line <= max_line, f"line {p.line} is after the end of the file ({max_line} lines): {where}"
        assert p.column <= max_column, f"column {p.column} is past the longest line ({max_column}): {where}"


def _base_text(rel: str) -> str:
    return BASE_FILES[rel].decode("utf-8")


# Damage the random search finds only now and then, pinned (each is a product bug when it fails).
KPU, JENAMAS = f"{EDITION}/instansi/kpu.yml", f"{EDITION}/kecamatan/jenamas.yml"
HUGE_COUNT = ({KPU: _base_text(KPU).replace("pemilih: 6210", "pemilih: " + "9" * 400).encode()},
              [(KPU, "replace_value")])
LONG_DIGITS = ({KPU: _base_text(KPU).replace("tps: 22", "tps: " + "1" * 5000).encode()}, [(KPU, "replace_value")])
TRUNCATED_KEY = ({f"{EDITION}/edisi.yml": b"id: uji-2020\nn"}, [(f"{EDITION}/edisi.yml", "truncate")])
CONTROL_AFTER_WIDE_TEXT = ({JENAMAS: _base_text(JENAMAS).replace("nama: Jenamas\n", "nama: Jenamas\nalias:\n  - "
                                                                 + "\U0001F5F3" * 60 + "\n")
                            .replace("tanggal: 2020-08-20", "tanggal: 2020\x0b-08-20").encode()},
                           [(JENAMAS, "insert")])


PROPERTY_SETTINGS = dict(deadline=None, derandomize=True, database=None, print_blob=True,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                HealthCheck.filter_too_much])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("damaged")


def _check_in_process(scratch: Path, changes: dict):
    root = Path(tempfile.mkdtemp(dir=scratch))
    try:
        write_tree(root, apply_changes(changes))
        return root, check(Project(root)).problems  # no exception may escape
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


@settings(max_examples=150, **PROPERTY_SETTINGS)
@given(damaged_trees())
def test_damaged_tree_never_crashes_and_every_problem_is_placed(scratch, damage):
    changes, story = damage
    root, problems = _check_in_process(scratch, changes)
    try:
        assert_placed(root, problems, story)
        if not changes:
            assert not problems.errors
        for name, reporter in {**report.FORMATS, "summary": report.as_job_summary}.items():
            assert isinstance(reporter(problems), str), name
        assert len(json.loads(report.as_json(problems))["problems"]) == len(problems)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=100, **PROPERTY_SETTINGS)
@given(damaged_trees())
def test_damaged_tree_problem_places_lie_inside_the_file(scratch, damage):
    changes, story = damage
    root, problems = _check_in_process(scratch, changes)
    try:
        assert_inside_file(root, problems, story)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("damage", [HUGE_COUNT, LONG_DIGITS, TRUNCATED_KEY, CONTROL_AFTER_WIDE_TEXT],
                         ids=["count-of-400-digits", "count-of-5000-digits", "truncated-inside-a-key",
                              "control-character-after-wide-text"])
def test_pinned_damage(scratch, damage):
    """The same properties on damage found earlier: no exception, every problem placed inside its file."""
    changes, story = damage
    root, problems = _check_in_process(scratch, changes)
    try:
        assert_placed(root, problems, story)
        assert_inside_file(root, problems, story)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run_cli(root: Path):
    """``bulletin validate --format json`` as the command line runs it (click's entry point, in this process: an
    exception it let through would fail the test with its traceback)."""
    return cli("validate", "--format", "json", project=root)


@pytest.mark.slow
@settings(max_examples=15, **PROPERTY_SETTINGS)
@given(damaged_trees(tree_mutations=False))
def test_damaged_tree_with_the_real_command(scratch, damage):
    changes, story = damage
    root = Path(tempfile.mkdtemp(dir=scratch))
    try:
        write_tree(root, apply_changes(changes))
        result = _run_cli(root)
        output = result.stdout + result.stderr
        assert "Traceback" not in output, output[-3000:]
        assert result.exit_code in (0, 1), (result.exit_code, output[-3000:])
        parsed = json.loads(result.stdout)
        problems = parsed["problems"]
        assert parsed["errors"] == sum(p["severity"] == "error" for p in problems)
        assert parsed["warnings"] == sum(p["severity"] == "warning" for p in problems)
        assert result.exit_code == (1 if parsed["errors"] else 0)
        for p in problems:
            assert isinstance(p["line"], int) and p["line"] >= 1 and p["column"] >= 1, p
            path = root / p["file"]
            assert path.exists() or path.name == "edisi.yml", p
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_mutations_do_damage():
    """The strategy's operations change what they are said to change (a guard against a silent no-op)."""
    text = "a: 1\nb: 2\nc: 3\n"
    assert _apply_text(text, ("delete_line", 1)) == "a: 1\nc: 3\n"
    assert _apply_text(text, ("duplicate_line", 0)) == "a: 1\na: 1\nb: 2\nc: 3\n"
    assert _apply_text(text, ("swap_lines", 0, 2)) == "c: 3\nb: 2\na: 1\n"
    assert _apply_text(text, ("insert", 1, "\x00")) == "a\x00: 1\nb: 2\nc: 3\n"
    assert _apply_text(text, ("truncate", 7)) == "a: 1\nb:"
    assert _apply_text(text, ("indent", 1, "\t")) == "a: 1\n\tb: 2\nc: 3\n"
    assert _apply_text(text, ("replace_value", 2, "yes")) == "a: 1\nb: 2\nc: yes\n"
    assert _apply_text(text, ("crlf",)) == "a: 1\r\nb: 2\r\nc: 3\r\n"
