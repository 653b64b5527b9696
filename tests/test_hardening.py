"""Bad input never crashes, never corrupts, never executes.

* YAML bombs: a "billion laughs" file is refused at its first anchor, quickly and in little memory;
* limits: a file over the size limit, a structure nested too deep and a text over the length limit each get
  their message, naming the limit, at the right place; an oversized file is refused without being read;
* scale: 10,000 broken files are all reported; many problems in one file do not make the run quadratic;
* numbers and names that once crashed the run: counts with hundreds of digits, file names that are not UTF-8;
* atomic builds: a failed, killed or interrupted build leaves the previous site byte for byte as it was;
* content safety: markup, scripts, links and templates written into the data come out as text, never as live
  markup, on every page of the built site and in its search index;
* slugs and paths: file names that are not slugs are reported, and rendered pages never leave their folder.

Where a test fails, the product misbehaves; the assertion message says what was expected and what was found.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path

import pytest
import support
import yaml
from support import DEFAULT_SIGINT, environment, wait_for

from generator.build.store import LOCK
from generator.load import messages as msg
from generator.load.reader import MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT_CHARS, load_document
from generator.render.markdown import write_pages

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "examples" / "base"
BIN = Path(sys.executable).parent
EDITION = "data/uji-2020"
EXAMPLE_EDITION = "pilgub-kalteng-2020"  # the documented example; other editions may be half-written right now
PROBLEM_LINE = re.compile(r"^(?P<file>[^\n]+?):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<rest>.*)$")


# --- helpers ----------------------------------------------------------------------------------------------


def base_project(tmp_path: Path) -> Path:
    """The small valid base tree of the example corpus, as a project."""
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    (project / "mkdocs.yml").write_bytes(b"")
    return project


def example_project(to: Path) -> Path:
    """A copy of the real project that `bulletin build` can build: the example edition, content, theme, config."""
    to.mkdir(parents=True, exist_ok=True)
    for name in ("content",):
        shutil.copytree(ROOT / name, to / name)
    shutil.copy2(ROOT / "mkdocs.yml", to / "mkdocs.yml")
    shutil.copytree(ROOT / "data" / EXAMPLE_EDITION, to / "data" / EXAMPLE_EDITION)
    return to


def bulletin(project: Path, *args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    return support.bulletin(*args, project=project, timeout=timeout, env=env)


def validate(project: Path, *args: str, **env: str) -> support.CliResult:
    """``bulletin validate`` in this process (support.cli): the same exit status and output, and an exception that
    the command lets through fails the test. Builds, which these tests interrupt, run as commands."""
    return support.cli("validate", *args, project=project, env=env)


def no_traceback(result: support.CliResult | subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    if "Traceback" in output:
        pytest.fail(f"a traceback reached the editor (exit {result.returncode}):\n{output[-1500:]}", pytrace=False)


def problem_lines(text: str) -> list[re.Match]:
    return [m for m in map(PROBLEM_LINE.match, text.splitlines()) if m]


def lines_about(result: support.CliResult, file: str) -> list[re.Match]:
    return [m for m in problem_lines(result.stdout + result.stderr) if m["file"] == file]


# --- YAML bombs ----------------------------------------------------------------------------------------------


def billion_laughs(levels: int = 9, width: int = 10) -> str:
    """The classic: each level an anchored list of ten aliases to the level below (10**9 "lol" when expanded)."""
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def billion_laughs_block(levels: int = 9, width: int = 10) -> str:
    """The same bomb in block style, hidden below a real agency's keys."""
    out = ["singkatan: Lol", "nama: Instansi bom", "jenis: opd-lain", "peran: Uji.", "lampiran:",
           "  a0: &a0 \"lol\""]
    for level in range(1, levels + 1):
        out.append(f"  a{level}: &a{level}")
        out += [f"    - *a{level - 1}"] * width
    return "\n".join(out) + "\n"


def merge_key_bomb(levels: int = 9) -> str:
    out = ["singkatan: Lol", "dasar: &m0 {a: lol, b: lol}"]
    for level in range(1, levels + 1):
        out.append(f"m{level}: &m{level}\n  <<: [*m{level - 1}, *m{level - 1}]")
    return "\n".join(out) + "\n"


def quadratic_blowup(repeat: int = 10_000) -> str:
    return "besar: &b \"" + "x" * 50_000 + "\"\nsalinan: [" + ", ".join(["*b"] * repeat) + "]\n"


BOMBS = {"billion-laughs-flow": billion_laughs, "billion-laughs-block": billion_laughs_block,
         "merge-keys": merge_key_bomb, "quadratic-blowup": quadratic_blowup}


@pytest.mark.parametrize("bomb", sorted(BOMBS))
def test_yaml_bomb_is_refused_quickly_in_little_memory(tmp_path, bomb):
    path = tmp_path / "bom.yml"
    path.write_text(BOMBS[bomb](), encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        document, problems = load_document(path, "bom.yml")
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert document is None
    assert problems and all(p.line >= 1 and p.column >= 1 for p in problems)
    assert msg.ANCHOR in [p.message for p in problems]
    assert elapsed < 1.0, f"load_document took {elapsed:.2f} s"
    assert peak < 20_000_000, f"load_document peaked at {peak / 1e6:.1f} MB"


def test_billion_laughs_in_a_tree_is_an_error_with_its_place(tmp_path):
    project = base_project(tmp_path)
    (project / EDITION / "instansi" / "lol.yml").write_text(billion_laughs(), encoding="utf-8")
    started = time.perf_counter()
    result = validate(project)
    elapsed = time.perf_counter() - started
    no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = lines_about(result, f"{EDITION}/instansi/lol.yml")
    assert [m["rest"] for m in lines] == [f"lol0: {msg.ANCHOR}"], result.stdout
    assert (lines[0]["line"], lines[0]["column"]) == ("1", "7")  # the anchor &lol0
    assert elapsed < 30, f"validate took {elapsed:.1f} s"


# --- limits ----------------------------------------------------------------------------------------------------


def test_file_over_the_size_limit(tmp_path):
    project = base_project(tmp_path)
    head = b"singkatan: Besar\nnama: Instansi besar\njenis: opd-lain\nperan: Uji.\n"
    filler = b"# " + b"x" * 97 + b"\n"
    data = head + filler * ((MAX_FILE_BYTES - len(head)) // len(filler) + 1)
    (project / EDITION / "instansi" / "besar.yml").write_bytes(data)
    assert len(data) > MAX_FILE_BYTES
    result = validate(project)
    no_traceback(result)
    assert result.returncode == 1
    expected = msg.TOO_LARGE.format(size=len(data), limit=MAX_FILE_BYTES)
    assert str(MAX_FILE_BYTES) in expected
    assert f"{EDITION}/instansi/besar.yml:1:1: {expected}" in result.stdout.splitlines(), result.stdout


def test_file_at_the_size_limit_is_read(tmp_path):
    project = base_project(tmp_path)
    head = (b"singkatan: Besar\nnama: Instansi besar\njenis: opd-lain\nperan: Uji.\n"
            b"kontak:\n  - jabatan: Sekretariat\n")
    data = head + b"#" * (MAX_FILE_BYTES - len(head) - 1) + b"\n"
    assert len(data) == MAX_FILE_BYTES
    (project / EDITION / "instansi" / "besar.yml").write_bytes(data)
    result = validate(project)
    no_traceback(result)
    assert (result.returncode, result.stdout.strip()) == (0, "Data valid: tidak ada kesalahan.")


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    """A 200 MB file (an export, a video renamed .yml) is refused from its size, not after reading it all."""
    path = tmp_path / "raksasa.yml"
    with open(path, "wb") as handle:
        handle.truncate(200_000_000)  # sparse: takes no disk space
    tracemalloc.start()
    try:
        document, problems = load_document(path, "raksasa.yml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert document is None
    assert [p.message for p in problems] == [msg.TOO_LARGE.format(size=200_000_000, limit=MAX_FILE_BYTES)]
    assert peak < 20_000_000, (f"load_document read the whole file before refusing it: peak {peak / 1e6:.0f} MB "
                               f"for a file of 200 MB (limit {MAX_FILE_BYTES} bytes)")


def _deep_block(levels: int, indent_first: int = 0) -> list[str]:
    return [" " * (indent_first + 2 * i) + f"tingkat{i + 1}:" for i in range(levels)] + \
        [" " * (indent_first + 2 * levels) + "isi"]


def test_structure_nested_30_levels_block_style(tmp_path):
    project = base_project(tmp_path)
    polres = (BASE / EDITION / "instansi" / "polres.yml").read_text(encoding="utf-8")
    first = polres.count("\n") + 2  # the line of "tingkat1:", after "susunan:"
    text = polres + "susunan:\n" + "\n".join(_deep_block(29, 2)) + "\n"
    (project / EDITION / "instansi" / "polres.yml").write_text(text, encoding="utf-8")
    result = validate(project)
    no_traceback(result)
    assert result.returncode == 1
    [line] = lines_about(result, f"{EDITION}/instansi/polres.yml")
    assert line["rest"].endswith(msg.TOO_DEEP.format(limit=MAX_DEPTH)), line.group(0)
    assert str(MAX_DEPTH) in line["rest"]
    # The top-level mapping is level 1, "susunan" level 2, tingkat<n> level n + 2: the first key deeper than the
    # limit is tingkat<MAX_DEPTH - 1>, on line first + MAX_DEPTH - 2.
    assert int(line["line"]) == first + MAX_DEPTH - 2, line.group(0)
    assert int(line["column"]) == 1 + 2 * (MAX_DEPTH - 1), line.group(0)


def test_structure_nested_30_levels_flow_style(tmp_path):
    project = base_project(tmp_path)
    polres = (BASE / EDITION / "instansi" / "polres.yml").read_text(encoding="utf-8")
    line_no = polres.count("\n") + 1
    text = polres + "susunan: " + "[" * 30 + "isi" + "]" * 30 + "\n"
    (project / EDITION / "instansi" / "polres.yml").write_text(text, encoding="utf-8")
    result = validate(project)
    no_traceback(result)
    assert result.returncode == 1
    [line] = lines_about(result, f"{EDITION}/instansi/polres.yml")
    assert line["rest"].endswith(msg.TOO_DEEP.format(limit=MAX_DEPTH)), line.group(0)
    assert int(line["line"]) == line_no
    assert int(line["column"]) == len("susunan: ") + MAX_DEPTH  # the bracket that opens level MAX_DEPTH + 1


def test_structure_nested_thousands_of_levels(tmp_path):
    """Far deeper than the limit (libyaml's own limit is 1,000): still one placed problem, fast, no crash."""
    project = base_project(tmp_path)
    polres = (BASE / EDITION / "instansi" / "polres.yml").read_text(encoding="utf-8")
    text = polres + "susunan: " + "[" * 50_000 + "]" * 50_000 + "\n"
    (project / EDITION / "instansi" / "polres.yml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = validate(project)
    no_traceback(result)
    assert result.returncode == 1
    assert len(lines_about(result, f"{EDITION}/instansi/polres.yml")) == 1, result.stdout
    assert time.perf_counter() - started < 30


@pytest.mark.parametrize("style", ["plain", "double-quoted", "literal-block"])
def test_text_over_the_length_limit(tmp_path, style):
    project = base_project(tmp_path)
    long_text = ("Pengamanan tahapan pemilihan " * (MAX_TEXT_CHARS // 29 + 2))[: MAX_TEXT_CHARS + 1].rstrip() + "x"
    assert len(long_text) > MAX_TEXT_CHARS
    value = {"plain": long_text, "double-quoted": f'"{long_text}"', "literal-block": "|-\n  " + long_text}[style]
    polres = (BASE / EDITION / "instansi" / "polres.yml").read_text(encoding="utf-8")
    original = "peran: Pengamanan tahapan pemilihan dan pemeliharaan kamtibmas."
    (project / EDITION / "instansi" / "polres.yml").write_text(polres.replace(original, "peran: " + value),
                                                               encoding="utf-8")
    result = validate(project)
    no_traceback(result)
    assert result.returncode == 1
    expected = msg.TOO_LONG.format(length=len(long_text), limit=MAX_TEXT_CHARS)
    assert str(MAX_TEXT_CHARS) in expected
    assert [m.group(0) for m in lines_about(result, f"{EDITION}/instansi/polres.yml")] == \
        [f"{EDITION}/instansi/polres.yml:4:8: peran: {expected}"], result.stdout


# --- scale ---------------------------------------------------------------------------------------------------

BROKEN_KINDS = ("unknown-key", "wrong-type", "duplicate-key", "yaml11-no")


def broken_agency(i: int) -> tuple[str, int, str]:
    """An agency file with one mistake of kind ``i % 4``: (text, line of the mistake, a word of its message)."""
    kind = BROKEN_KINDS[i % 4]
    head = f"singkatan: Instansi {i}\nnama: Instansi uji nomor {i}\njenis: opd-lain\n"
    if kind == "unknown-key":
        return head + f"peran: Uji {i}.\nkunci_asing_{i}: {i}\n", 5, "tidak dikenal"
    if kind == "wrong-type":
        return head + f"alias: {i}\nperan: Uji {i}.\n", 4, "daftar"
    if kind == "duplicate-key":
        return head + f"peran: Uji {i}.\nnama: Nama kedua {i}\n", 5, "dua kali"
    return head + f"peran: Uji {i}.\nsitus: no\n", 5, "\"no\""


@pytest.mark.slow
def test_ten_thousand_broken_files_are_all_reported(tmp_path, record_property):
    count = 10_000
    project = base_project(tmp_path)
    folder = project / EDITION / "instansi"
    expected = {}
    for i in range(count):
        text, line, word = broken_agency(i)
        name = f"uji-{i:05d}.yml"
        (folder / name).write_text(text, encoding="utf-8")
        expected[f"{EDITION}/instansi/{name}"] = (line, word)
    started = time.perf_counter()
    result = validate(project, "--format", "json")
    elapsed = time.perf_counter() - started
    record_property("validate_10000_files_seconds", round(elapsed, 2))
    print(f"\nbulletin validate --format json, {count} broken files: {elapsed:.1f} s")
    no_traceback(result)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    problems = report["problems"]
    assert len(problems) >= count
    assert report["errors"] == sum(p["severity"] == "error" for p in problems)
    by_file: dict[str, list[dict]] = {}
    for p in problems:
        by_file.setdefault(p["file"], []).append(p)
    missing = sorted(set(expected) - set(by_file))
    assert not missing, f"{len(missing)} broken files are not in the report, e.g. {missing[:5]}"
    wrong = [(file, by_file[file]) for file, (line, word) in expected.items()
             if not any(p["line"] == line and word in p["message"] for p in by_file[file])]
    assert not wrong, f"{len(wrong)} files reported at the wrong line or with the wrong message, e.g. {wrong[:3]}"
    assert elapsed < 120, f"validate took {elapsed:.0f} s for {count} files"


def test_many_problems_in_one_file_do_not_make_validation_quadratic(tmp_path, record_property):
    """40,000 duplicate keys in one 320 KB file (well under the size limit): 40,000 problems, reported at once."""
    project = base_project(tmp_path)
    lines = 40_000
    text = "singkatan: Banyak\nnama: Instansi\njenis: opd-lain\nperan: Uji.\n" + "nama: lagi\n" * lines
    assert len(text.encode()) < MAX_FILE_BYTES
    (project / EDITION / "instansi" / "banyak.yml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    try:
        result = validate(project, "--format", "json")
    except subprocess.TimeoutExpired:
        pytest.fail(f"validate did not finish within 60 s for one file of {len(text.encode())} bytes with "
                    f"{lines} duplicate keys (collecting problems is quadratic: Problems.add scans every problem "
                    "found so far)")
    elapsed = time.perf_counter() - started
    record_property("validate_40000_problems_one_file_seconds", round(elapsed, 2))
    no_traceback(result)
    assert result.returncode == 1
    assert len(json.loads(result.stdout)["problems"]) == lines
    assert elapsed < 20, f"validate took {elapsed:.0f} s for {lines} problems in one file"


# --- numbers and names that crashed the run --------------------------------------------------------------------


@pytest.mark.parametrize("field, digits", [("pemilih", 400), ("tps", 400), ("pemilih", 5000)])
def test_count_with_hundreds_of_digits_does_not_crash(tmp_path, field, digits):
    project = base_project(tmp_path)
    kpu = project / EDITION / "instansi" / "kpu.yml"
    original = {"pemilih": "pemilih: 6210", "tps": "tps: 22"}[field]
    kpu.write_text(kpu.read_text(encoding="utf-8").replace(original, f"{field}: " + "9" * digits, 1),
                   encoding="utf-8")
    result = validate(project)
    no_traceback(result)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    for m in problem_lines(result.stdout):
        assert int(m["line"]) >= 1 and int(m["column"]) >= 1


def test_plain_integer_with_5000_digits_is_a_problem_not_an_exception(tmp_path):
    path = tmp_path / "angka.yml"
    path.write_text("jumlah: " + "1" * 5000 + "\n", encoding="utf-8")
    document, problems = load_document(path, "angka.yml")  # Python refuses int() of over 4,300 digits
    assert document is not None or problems


def test_file_name_that_is_not_utf8_is_reported_not_a_crash(tmp_path):
    """A file saved by a Latin-1 tool: its name is bytes that are not UTF-8 (``kp\\xfc.yml``)."""
    project = base_project(tmp_path)
    folder = os.fsencode(project / EDITION / "instansi")
    with open(os.path.join(folder, b"kp\xfc.yml"), "wb") as handle:
        handle.write((BASE / EDITION / "instansi" / "kpu.yml").read_bytes())
    summary = tmp_path / "summary.md"
    for fmt in ("text", "github", "json"):
        result = validate(project, "--format", fmt, GITHUB_STEP_SUMMARY=str(summary))
        no_traceback(result)
        assert result.returncode == 1, (fmt, result.stdout, result.stderr[-2000:])
        if fmt == "json":
            problems = json.loads(result.stdout)["problems"]
            assert [p["file"].startswith(f"{EDITION}/instansi/kp") for p in problems] == [True], problems
        else:
            assert f"{EDITION}/instansi/kp" in result.stdout and "1 kesalahan" in result.stdout, (fmt, result.stdout)


# --- atomic builds ---------------------------------------------------------------------------------------------


def site_hashes(site: Path) -> dict[str, str]:
    """Every file of the site (path → sha256), symbolic links as their target, empty folders as such."""
    out = {}
    for folder, dirs, files in os.walk(site):
        here = Path(folder)
        if not dirs and not files:
            out[here.relative_to(site).as_posix() + "/"] = "empty folder"
        for name in dirs + files:
            path = here / name
            rel = path.relative_to(site).as_posix()
            if path.is_symlink():
                out[rel] = "link → " + os.readlink(path)
            elif name in files:
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def staging_folders(project: Path) -> list[str]:
    """What a build leaves beside the site besides the site itself: builds the site does not point at (the
    one before the current build is kept until the next build starts, so it is listed only when asked),
    a half-made link, and MkDocs' working folders in the page caches."""
    site = project / "site"
    current = site.resolve() if site.is_symlink() else None
    versions = project / ".site-versi"
    left = [f".site-versi/{p.name}" for p in (versions.iterdir() if versions.is_dir() else [])
            if p.resolve() != current and p.name != LOCK]  # the lock file stays: it is what builds lock
    left += [p.name for p in project.iterdir() if p.name.startswith(".site") and p.name != ".site-versi"]
    left += [p.relative_to(project).as_posix() for p in project.glob("*cache*/**/tmp/run-*")]
    return sorted(left)


def mkdocs_working_folders(cache: Path) -> set[Path]:
    """The folders MkDocs runs write into (<cache>/tmp/run-…): there from a run's start until the build has
    stored what it wrote. One folder listed, not a walk of the caches, so that they are seen at once."""
    return set((cache / "tmp").glob("run-*"))


@pytest.fixture(scope="module")
def built_example(tmp_path_factory) -> Path:
    """A copy of the real project with its site built once by `bulletin build --site-dir <copy>/site`."""
    project = example_project(tmp_path_factory.mktemp("atomic") / "project")
    result = bulletin(project, "build", "--site-dir", str(project / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert site_hashes(project / "site"), "the first build made an empty site"
    return project


@pytest.fixture
def project_with_site(built_example, tmp_path) -> tuple[Path, dict[str, str]]:
    project = tmp_path / "project"
    shutil.copytree(built_example, project, symlinks=True)
    return project, site_hashes(project / "site")


def assert_site_unchanged(project: Path, before: dict[str, str]) -> None:
    after = site_hashes(project / "site")
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"{len(changed)} site files changed, e.g. {changed[:10]}"


def test_failed_data_validation_leaves_the_site_unchanged(project_with_site):
    project, before = project_with_site
    kpu = project / "data" / EXAMPLE_EDITION / "instansi" / "kpu.yml"
    kpu.write_text(kpu.read_text(encoding="utf-8") + "kunci_asing: 1\n", encoding="utf-8")
    result = bulletin(project, "build", "--site-dir", str(project / "site"))
    no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"data/{EXAMPLE_EDITION}/instansi/kpu.yml:" in result.stderr
    assert_site_unchanged(project, before)
    assert staging_folders(project) == []


MKDOCS_FAILURES = {
    # strict: true in mkdocs.yml turns MkDocs' warning about a link to a missing page into a failed build
    "broken-link-in-content": b"# Halaman rusak\n\nLihat [halaman yang tidak ada](tidak-ada.md).\n",
    # a hand-written page saved by an editor in Windows-1252
    "content-page-not-utf8": "# Catatan\n\nRapat di Café Pelangi, Buntok.\n".encode("cp1252"),
}


@pytest.mark.parametrize("failure", sorted(MKDOCS_FAILURES))
def test_failed_mkdocs_build_leaves_the_site_unchanged(project_with_site, failure):
    project, before = project_with_site
    assert "strict: true" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "content" / "rusak.md").write_bytes(MKDOCS_FAILURES[failure])
    result = bulletin(project, "build", "--site-dir", str(project / "site"))
    assert_site_unchanged(project, before)
    assert staging_folders(project) == []
    no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr


def _stopped(process: subprocess.Popen) -> bool:
    """Whether the process is stopped (SIGSTOP has taken effect), from /proc."""
    stat = Path(f"/proc/{process.pid}/stat").read_text()
    return stat[stat.rindex(")") + 2] in "tT"


def _interrupt_build(project: Path, sig: int, when: str) -> tuple[int, str, list[str]]:
    """Start `bulletin build`, send ``sig`` once MkDocs is writing (``staging``) or once the new build's folder
    is being filled (``switching``, before the link to it replaces the site); return the outcome.

    The build is stopped (SIGSTOP) when the moment is seen, the moment is checked again while it cannot move on,
    and only then is ``sig`` sent (and the build let go on): however slow the machine, the signal lands in the
    moment, never after the build has finished."""
    cache = project / "cache-kosong"  # empty, so that MkDocs really runs (and writes into <cache>/tmp/run-…)
    process = subprocess.Popen([*DEFAULT_SIGINT, str(BIN / "bulletin"), "--project", str(project), "build", "--site-dir",
                                str(project / "site"), "--cache-dir", str(cache)], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(),
                               start_new_session=True)
    started = time.monotonic()
    builds = project / ".site-versi"
    current = {p for p in builds.iterdir() if p.is_dir()}
    site_before = (project / "site").resolve()

    def moment() -> bool:
        if when == "staging":  # a run's folder: MkDocs writes, or the build stores what it wrote
            return bool(mkdocs_working_folders(cache))
        return bool({p for p in builds.iterdir() if p.is_dir()} - current) and \
            (project / "site").resolve() == site_before  # the new build is filled, not yet switched to

    try:
        while True:
            assert process.poll() is None, "the build ended before it could be interrupted"
            assert time.monotonic() - started < 120, f"the moment ({when}) did not come within 120 s"
            if moment():
                process.send_signal(signal.SIGSTOP)
                wait_for(lambda: _stopped(process), seconds=10, every=0.001)
                if moment():
                    break
                process.send_signal(signal.SIGCONT)  # seen too late: wait for the next moment
            time.sleep(0.002)
        process.send_signal(sig)
        process.send_signal(signal.SIGCONT)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, stderr, staging_folders(project)


@pytest.mark.parametrize("sig, when", [(signal.SIGKILL, "staging"), (signal.SIGKILL, "switching"),
                                       (signal.SIGINT, "staging")],
                         ids=["SIGKILL-while-writing", "SIGKILL-while-switching", "SIGINT-while-writing"])
def test_interrupted_build_leaves_the_site_unchanged(project_with_site, record_property, sig, when):
    project, before = project_with_site
    status, stderr, leftovers = _interrupt_build(project, sig, when)
    assert_site_unchanged(project, before)
    if sig == signal.SIGKILL:
        assert status == -signal.SIGKILL
        record_property("staging_left_after_sigkill", leftovers)
    else:
        assert "Traceback" not in stderr, stderr[-3000:]
        assert status not in (0, 1), f"an interrupted build must not report success or data problems: {status}"
        assert leftovers == [], f"SIGINT left staging folders behind: {leftovers}"
    result = bulletin(project, "build", "--site-dir", str(project / "site"), "--cache-dir",
                      str(project / "cache-kosong"))
    assert result.returncode == 0, result.stdout + result.stderr
    after_good_build = staging_folders(project)
    record_property("staging_left_after_next_good_build", after_good_build)
    print(f"\n{signal.Signals(sig).name} ({when}): staging left {leftovers}; after the next good build: "
          f"{after_good_build}")
    assert (project / "site").is_dir() and site_hashes(project / "site")


# --- content safety ---------------------------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "[klik](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "![i](http://example.com/x.png)",
    '{: onclick="alert(1)" }',
    "T7-{{ 7*7 }}-T7",
    "{% for x in y %}",
    "<svg onload=alert(1)>",
]
ALL_PAYLOADS = " · ".join(PAYLOADS)
MULTILINE_PAYLOAD = "\n\n".join(PAYLOADS) + "\n\nLihat [klik][r] dan [r].\n\n[r]: javascript:alert(1)\n"
MARKERS = ["KALIAS1", "KURAIAN1", "KMITIGASI1", "RRINGKASAN1", "ISINGKATAN1", "IPERAN1", "ICATATAN1", "TCATATAN1"]


class _Dumper(yaml.SafeDumper):
    """Writes every text double-quoted, so that no text changes type on the way back in."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def edit_data(project: Path, rel: str, change) -> None:
    path = project / "data" / EXAMPLE_EDITION / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000),
                    encoding="utf-8")


def first_public(records: list[dict]) -> dict:
    return next(r for r in records if r.get("akses", "publik") != "terbatas")


def plant_payloads(project: Path) -> None:
    def kecamatan(data):
        data["alias"] = list(data.get("alias") or []) + [f"KALIAS1 {ALL_PAYLOADS}"]
        risk = first_public(data["risiko"])
        risk["uraian"] = f"KURAIAN1 {ALL_PAYLOADS}"
        risk["mitigasi"] = f"KMITIGASI1 {ALL_PAYLOADS}"

    def agency(data):
        data["singkatan"] = f"ISINGKATAN1 {ALL_PAYLOADS}"
        data["peran"] = f"IPERAN1 {ALL_PAYLOADS}\n\n{MULTILINE_PAYLOAD}"
        first_public(data["laporan_pemilih"])["catatan"] = f"ICATATAN1 {ALL_PAYLOADS}"

    def meeting(data):
        data["ringkasan"] = f"RRINGKASAN1 {ALL_PAYLOADS}\n\n{MULTILINE_PAYLOAD}"

    def progress(data):  # the progress note of the latest meeting is what the pages show of an action item
        first_public(data.get("perkembangan") or data["tindak_lanjut"])["catatan"] = f"TCATATAN1 {ALL_PAYLOADS}"

    edit_data(project, "kecamatan/jenamas.yml", kecamatan)
    edit_data(project, "instansi/kpu.yml", agency)
    meetings = sorted((project / "data" / EXAMPLE_EDITION / "rapat").glob("*.yml"))
    edit_data(project, f"rapat/{meetings[0].name}", meeting)
    edit_data(project, f"rapat/{meetings[-1].name}", progress)


def _url(value: str | None) -> str:
    """A URL as a browser reads it: tabs and newlines dropped, control characters and spaces trimmed."""
    value = re.sub(r"[\t\n\r]", "", value or "")
    return value.strip("".join(chr(c) for c in range(0x21))).lower()


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}


class PageScanner(HTMLParser):
    """Collects the text of a page and everything in it that would be live markup from the data."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)
        self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def _element(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.findings.append(f"<{tag} {name}={value!r}>: event-handler attribute")
            if name.lower() in URL_ATTRIBUTES and _url(value).startswith(("javascript:", "data:", "vbscript:")):
                self.findings.append(f"<{tag} {name}={value!r}>: script or data URL")
        if tag in ("iframe", "frame", "object", "embed"):
            self.findings.append(f"<{tag}>: embedded frame")
        source = dict(attrs).get("src")
        if tag in ("img", "image", "video", "audio", "source", "input") and \
                _url(source).startswith(("http:", "https:", "//")):
            self.findings.append(f"<{tag} src={source!r}>: outside request")

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        self.text.append(data)
        if self.open and self.open[-1] == "script" and "alert" in data:
            self.findings.append(f"<script>{data[:60]!r}: script from the data")


def scan_html(text: str) -> tuple[list[str], str]:
    scanner = PageScanner()
    scanner.feed(text)
    scanner.close()
    return scanner.findings, " ".join("".join(scanner.text).split())


def scan_site(site: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Findings and text of every HTML page and of every search-index entry of a built site."""
    findings, texts = {}, {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        found, texts[rel] = scan_html(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            findings[rel] = found
    for index in sorted(site.rglob("search_index.json")):
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            rel = f"{index.relative_to(site).as_posix()}#{doc.get('location', '')}"
            found = scan_html(doc.get("title", ""))[0] + scan_html(doc.get("text", ""))[0]
            if found:
                findings[rel] = found
    return findings, texts


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    project = example_project(tmp_path_factory.mktemp("payloads") / "project")
    plant_payloads(project)
    validated = validate(project)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    result = bulletin(project, "build", "--site-dir", str(project / "site"))
    return project / "site", result


def test_payloads_build(payload_site):
    site, result = payload_site
    no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(site.rglob("*.html"))) > 10


def test_payloads_are_never_live_markup(payload_site):
    site, result = payload_site
    assert result.returncode == 0, result.stderr[-3000:]
    findings, _ = scan_site(site)
    assert not findings, json.dumps(findings, ensure_ascii=False, indent=1)[:6000]


def test_payloads_are_shown_as_text(payload_site):
    site, result = payload_site
    assert result.returncode == 0, result.stderr[-3000:]
    _, texts = scan_site(site)
    public = {rel: text for rel, text in texts.items() if rel.startswith("publik/")}
    assert public, "no public edition was built"
    for marker in MARKERS:
        pages = [rel for rel, text in public.items() if marker in text]
        assert pages, f"{marker} is on no public page"
        assert any(f"{marker} {PAYLOADS[0]}" in public[rel] for rel in pages), \
            f"{marker}: the payload is not shown as text next to it"
        assert any(all(p in public[rel] for p in PAYLOADS) for rel in pages), \
            f"{marker}: some payload is missing from the text, on {pages}"
    everything = "\n".join(texts.values())
    assert "T7-{{ 7*7 }}-T7" in everything
    assert "T7-49-T7" not in everything
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv", ".js"):
            assert b"T7-49-T7" not in path.read_bytes(), path


# Text that closes the link or the page around it: a link label that ends early, a URL that goes on after
# its closing parenthesis, a URL broken over two lines (browsers drop the newline: java<LF>script: runs).
BREAKOUTS = {
    "situs": "https://example.com/)[situs](javascript:alert(2)",
    "sumber": "https://example.com/)![i](http://example.com/x.png",
    "peran": "IPERAN2 [x](java\nscript:alert(3))\n\n[y](https://example.com/\" onmouseover=\"alert(4))\n",
}


def plant_breakouts(project: Path, label: bool) -> None:
    def agency(data):
        if label:
            data["singkatan"] = "KPU](javascript:alert(1)) [lagi"
            return
        data["situs"] = BREAKOUTS["situs"]
        report = first_public(data["laporan_pemilih"])
        report["sumber"] = {**(report.get("sumber") or {"judul": "Sumber"}), "tautan": BREAKOUTS["sumber"]}
        data["peran"] = BREAKOUTS["peran"]

    edit_data(project, "instansi/kpu.yml", agency)


@pytest.mark.build
@pytest.mark.parametrize("label", [False, True], ids=["urls-and-multiline-links", "link-label-breakout"])
def test_link_breakouts_are_never_live(tmp_path, label):
    project = example_project(tmp_path / "project")
    plant_breakouts(project, label)
    validated = validate(project)
    if validated.returncode == 1:  # refusing such a value as invalid data is a fine answer too
        assert problem_lines(validated.stdout), validated.stdout
        return
    assert validated.returncode == 0, validated.stdout + validated.stderr
    result = bulletin(project, "build", "--edition", "publik", "--site-dir", str(project / "site"))
    no_traceback(result)
    assert result.returncode == 0, ("the data validated, but the build failed:\n" + result.stderr[-3000:])
    findings, _ = scan_site(project / "site")
    assert not findings, json.dumps(findings, ensure_ascii=False, indent=1)[:6000]


# --- slugs and paths --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Kpu.yml", "kpu baru.yml", "kpu.baru.yml", "kpu_baru.yml", "-kpu.yml", "kpü.yml",
                                  "kpu-baru.YML"])
def test_file_name_that_is_not_a_slug_is_reported(tmp_path, name):
    project = base_project(tmp_path)
    (project / EDITION / "instansi" / name).write_bytes((BASE / EDITION / "instansi" / "kpu.yml").read_bytes())
    result = validate(project)
    no_traceback(result)
    assert result.returncode == 1, f"{name!r} was accepted (or silently skipped): {result.stdout}"
    if name.endswith(".yml"):
        assert f"{EDITION}/instansi/{name}:1:1: {msg.BAD_FILE_NAME.format(name=name)}" in \
            result.stdout.splitlines(), result.stdout
    else:  # any message will do, as long as the file is named
        assert [m for m in problem_lines(result.stdout) if m["file"] == f"{EDITION}/instansi/{name}"], result.stdout


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize("page", ["../evil.md", "../../evil.md", "a/../../evil.md", "/tmp/evil-bulletin.md",
                                  "keluar/evil.md"])
def test_write_pages_never_writes_outside_its_folder(tmp_path, page):
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "keluar").symlink_to(outside, target_is_directory=True)  # a link inside the folder that leads out
    before = _tree(tmp_path)
    with pytest.raises((ValueError, OSError)):
        write_pages({page: "x"}, out)
    assert _tree(tmp_path) == before
    assert not Path("/tmp/evil-bulletin.md").exists()
    assert not (tmp_path.parent / "evil.md").exists()


@pytest.mark.parametrize("planted", ["payloads", "source-url-breakout"])
def test_meeting_pdf_html_has_no_live_markup(tmp_path, planted):
    """`bulletin pdf` prints the meeting page with WeasyPrint, which fetches every image it is given."""
    from generator.pipeline import check, publications
    from generator.project import Project
    from generator.render.pdf import meeting_html

    project = example_project(tmp_path / "project")
    meetings = sorted((project / "data" / EXAMPLE_EDITION / "rapat").glob("*.yml"))

    def meeting(data):
        if planted == "payloads":
            data["ringkasan"] = f"RRINGKASAN1 {ALL_PAYLOADS}\n\n{MULTILINE_PAYLOAD}"
        else:
            data["sumber"] = list(data.get("sumber") or []) + [
                {"judul": "Berita rapat", "tautan": BREAKOUTS["sumber"]}]

    edit_data(project, f"rapat/{meetings[0].name}", meeting)
    checked = check(Project(project))
    if checked.problems.errors:  # refusing the value is a fine answer too
        return
    model = next(publications(checked, ("publik",), EXAMPLE_EDITION)).model
    findings, text = scan_html(meeting_html(model, meetings[0].stem))
    assert not findings, findings
    if planted == "payloads":
        assert "RRINGKASAN1 <script>alert(1)</script>" in text
