"""The reports of `bulletin validate`: GitHub annotations and job summary, JSON, and the exit status.

* ``--format github``: one ``::error``/``::warning`` workflow command per problem, with GitHub's escaping
  (``%``, ``\\r``, ``\\n`` in the message; also ``:`` and ``,`` in the properties), checked against the JSON
  report of the same tree, so every problem is there exactly once and reads back exactly;
* ``$GITHUB_STEP_SUMMARY``: GitHub shows only the first annotations of a step, so the job summary must list
  every problem (60 here), grouped by file, one table row each, whatever characters the problem holds;
* ``--format json``: parses; counts agree with the problems; every problem has file, line, column, field,
  message and severity;
* exit status: 0 valid (warnings alone too), 1 data problems (warnings too with ``--strict``), 2 usage or
  environment error (an unknown option or value, a project folder that does not exist).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import CliResult, cli

from generator.load.problems import Problem, Problems, Severity
from generator.load.report import as_github, as_job_summary

BASE = Path(__file__).parent / "examples" / "base"
EDITION = "data/uji-2020"
ANNOTATION = re.compile(r"^::(?P<command>error|warning) (?P<properties>[^:]*)::(?P<message>.*)$")


def base_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    (project / "mkdocs.yml").write_bytes(b"")
    return project


def validate(project: Path, *args: str, summary: Path | None = None, cwd: Path | None = None,
             use_project: bool = True) -> CliResult:
    """``bulletin validate`` in this process (support.cli): the same exit status and output as the command, and an
    exception it lets through fails the test. A terminal's view of it: test_text_format_… runs the command."""
    env = {"PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1",
           "GITHUB_STEP_SUMMARY": str(summary) if summary is not None else None}  # None: not set
    return cli("validate", *args, project=project if use_project else None, cwd=cwd or project, env=env)


def no_traceback(result: CliResult) -> None:
    output = result.stdout + result.stderr
    if "Traceback" in output:
        pytest.fail(f"a traceback reached the editor (exit {result.returncode}):\n{output[-1500:]}", pytrace=False)


# --- GitHub's escaping, written from its documentation, independently of the product -----------------------


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse_annotation(line: str) -> dict:
    match = ANNOTATION.match(line)
    assert match, f"not a workflow command: {line!r}"
    properties = {}
    for item in match["properties"].split(","):
        key, _, value = item.partition("=")
        assert key in ("file", "line", "col", "title", "endLine", "endColumn"), f"unknown property {key!r}: {line!r}"
        assert ":" not in value and "\r" not in value and "\n" not in value, line
        properties[key] = value
    return {"command": match["command"], **properties, "message": match["message"]}


# --- a tree with problems that hold every character GitHub escapes ------------------------------------------

ODD_KEYS = ['"a:b,c%d"', '"baris\\nbaru"', '"carriage\\rreturn"', '"persen%0A"', '"pipa|dan`tanda`"']


def odd_project(tmp_path: Path) -> Path:
    """Problems whose file names, fields and messages hold ``% \\r \\n : , |`` and backticks."""
    project = base_project(tmp_path)
    kpu = project / EDITION / "instansi" / "kpu.yml"
    kpu.write_text(kpu.read_text(encoding="utf-8") + "".join(f"{key}: 1\n" for key in ODD_KEYS), encoding="utf-8")
    polres = (BASE / EDITION / "instansi" / "polres.yml").read_bytes()
    for name in ("polres,baru.yml", "polres:lama.yml", "polres%20.yml"):
        (project / EDITION / "instansi" / name).write_bytes(polres)
    gba = project / EDITION / "kecamatan" / "gunung-bintang-awai.yml"  # a warning: not the Kemendagri name
    gba.write_text(gba.read_text(encoding="utf-8").replace("alias:\n  - Gn. Bintang Awai\n", ""), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def odd_reports(tmp_path_factory) -> tuple[CliResult, CliResult, dict]:
    project = odd_project(tmp_path_factory.mktemp("odd"))
    github = validate(project, "--format", "github")
    as_json = validate(project, "--format", "json")
    no_traceback(as_json)
    return github, as_json, json.loads(as_json.stdout)


def test_json_of_the_odd_tree_holds_the_odd_characters(odd_reports):
    _, _, report = odd_reports
    fields = {p["field"] for p in report["problems"]}
    files = {p["file"] for p in report["problems"]}
    assert {"a:b,c%d", "baris\nbaru", "carriage\rreturn", "persen%0A", "pipa|dan`tanda`"} <= fields, fields
    assert {f"{EDITION}/instansi/{n}" for n in ("polres,baru.yml", "polres:lama.yml", "polres%20.yml")} <= files
    assert any(p["severity"] == "warning" for p in report["problems"])


def test_github_format_one_annotation_per_problem_escaped(odd_reports):
    github, _, report = odd_reports
    no_traceback(github)
    assert github.returncode == 1, github.stdout + github.stderr
    lines = github.stdout.rstrip("\n").split("\n")
    commands = [line for line in lines if line.startswith("::")]
    others = [line for line in lines if not line.startswith("::")]
    assert len(others) <= 1, f"lines that are neither annotations nor the summary: {others}"
    assert len(commands) == len(report["problems"])
    for line, problem in zip(commands, report["problems"]):
        annotation = parse_annotation(line)
        assert annotation["command"] == problem["severity"]
        assert annotation["file"] == escape_property(problem["file"]), line
        assert (annotation["line"], annotation["col"]) == (str(problem["line"]), str(problem["column"])), line
        if problem["field"]:
            assert annotation["title"] == escape_property(problem["field"]), line
        assert unescape(annotation["file"]) == problem["file"]
        assert annotation["message"] == escape_data(problem["message"]), line


def test_as_github_escapes_every_special_character():
    problems = Problems()
    problems.add(Problem("data/x/a:b,c%d\r\n.yml", 3, 4, "kunci:x,y%z\r\nw", "pesan: 100% selesai,\r\nbaris dua"))
    problems.add(Problem("data/x/b.yml", 1, 1, "", "hanya peringatan", Severity.WARNING))
    lines = [line for line in as_github(problems).split("\n") if line.startswith("::")]
    assert lines == [
        "::error file=data/x/a%3Ab%2Cc%25d%0D%0A.yml,line=3,col=4,title=kunci%3Ax%2Cy%25z%0D%0Aw::"
        "pesan: 100%25 selesai,%0D%0Abaris dua",
        lines[1],
    ]
    warning = parse_annotation(lines[1])
    assert (warning["command"], warning["file"], warning["line"], warning["col"], warning["message"]) == \
        ("warning", "data/x/b.yml", "1", "1", "hanya peringatan")


# --- the job summary --------------------------------------------------------------------------------------------


def _cells(row: str) -> list[str]:
    """The cells of a Markdown table row, split on the pipes that are not escaped."""
    inner = row.strip()
    assert inner.startswith("|") and inner.endswith("|") and not inner.endswith("\\|"), row
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner[1:-1])]


def _normal(text: str) -> str:
    return " ".join(text.replace("\\|", "|").replace("<br>", " ").replace("<br/>", " ").split())


def _sections(summary: str) -> dict[str, list[str]]:
    """Heading (the file, without backticks) → the lines under it, up to the next heading."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in summary.split("\n"):
        if line.startswith("#"):
            current = line.lstrip("#").strip().strip("`")
            assert current not in sections, f"file {current!r} has two sections"
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


def many_problems_project(tmp_path: Path, per_file: int = 5, files: int = 12) -> Path:
    """``files`` agency files with ``per_file`` unknown keys each, plus the odd characters of ``odd_project``."""
    project = odd_project(tmp_path)
    for i in range(files):
        text = f"singkatan: Uji {i}\nnama: Instansi uji {i}\njenis: opd-lain\nperan: Uji.\n"
        text += "".join(f"kunci_{j}_asing: {j}\n" for j in range(per_file))
        (project / EDITION / "instansi" / f"uji-{i:02d}.yml").write_text(text, encoding="utf-8")
    return project


def test_job_summary_lists_every_problem_grouped_by_file(tmp_path):
    project = many_problems_project(tmp_path)
    summary = tmp_path / "step-summary.md"
    summary.write_text("# Langkah sebelumnya\n\nisi lama\n", encoding="utf-8")
    result = validate(project, "--format", "github", summary=summary)
    no_traceback(result)
    assert result.returncode == 1
    report = json.loads(validate(project, "--format", "json").stdout)
    problems = report["problems"]
    assert len(problems) >= 60, len(problems)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Langkah sebelumnya\n\nisi lama\n"), "the summary file was overwritten, not appended to"
    sections = _sections(text[len("# Langkah sebelumnya\n\nisi lama\n"):])
    by_file: dict[str, list[dict]] = {}
    for p in problems:
        by_file.setdefault(p["file"], []).append(p)
    for file, items in by_file.items():
        assert file in sections, f"no section for {file!r}; sections: {sorted(sections)}"
        body = [line for line in sections[file] if line.strip()]
        broken = [line for line in body if not (line.startswith("|") and line.rstrip().endswith("|")
                                                and not line.rstrip().endswith("\\|"))]
        assert not broken, (f"{file}: lines that are not whole table rows (a line break inside a problem "
                            f"splits its row): {broken}")
        rows = [line for line in body if not re.fullmatch(r"[|:\- ]+", line)]
        header, rows = rows[0], rows[1:]
        width = len(_cells(header))
        assert len(rows) == len(items), f"{file}: {len(items)} problems but {len(rows)} table rows"
        for row, p in zip(rows, items):
            cells = _cells(row)
            assert len(cells) == width, f"{file}: a row with {len(cells)} cells instead of {width}: {row!r}"
            assert str(p["line"]) in cells and str(p["column"]) in cells, (row, p)
            assert _normal(p["message"]) in [_normal(cell) for cell in cells], (row, p)


def test_job_summary_markdown_of_many_problems_in_process():
    """as_job_summary itself: 60 problems in 6 files, one row each, files in order, none lost."""
    problems = Problems()
    for f in range(6):
        for i in range(10):
            problems.add(Problem(f"data/x/f{f}.yml", i + 1, 2, f"kunci{i}", f"pesan {f}-{i}"))
    text = as_job_summary(problems)
    sections = _sections(text)
    for f in range(6):
        rows = [line for line in sections[f"data/x/f{f}.yml"] if re.match(r"\| [0-9]+ \|", line)]
        assert [_cells(r)[0] for r in rows] == [str(i + 1) for i in range(10)]
        assert all(f"pesan {f}-{i}" in rows[i] for i in range(10))


# --- JSON ---------------------------------------------------------------------------------------------------------


def test_json_format(tmp_path):
    project = many_problems_project(tmp_path)
    result = validate(project, "--format", "json")
    no_traceback(result)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    problems = report["problems"]
    assert report["errors"] == sum(p["severity"] == "error" for p in problems) > 0
    assert report["warnings"] == sum(p["severity"] == "warning" for p in problems) > 0
    for p in problems:
        assert set(p) >= {"file", "line", "column", "field", "message", "severity"}, p
        assert isinstance(p["file"], str) and (project / p["file"]).exists(), p
        assert isinstance(p["line"], int) and p["line"] >= 1, p
        assert isinstance(p["column"], int) and p["column"] >= 1, p
        assert isinstance(p["field"], str) and isinstance(p["message"], str) and p["message"], p
        assert p["severity"] in ("error", "warning"), p


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


def on_a_terminal(args: list[str], cwd: Path) -> str:
    """What a command writes to a terminal (a pseudo-terminal here): click keeps escape sequences for terminals."""
    import pty

    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_MKDOCS_2_WARNING="1", TERM="xterm")
    env.pop("NO_COLOR", None)
    master, slave = pty.openpty()
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_text_format_one_line_per_problem_and_no_control_characters(tmp_path):
    """A key typed with escapes (``"a\\nb"``, ``"\\e[2J"``) must not split a problem over lines, move the
    cursor (``\\r``) or reach the editor's terminal as an escape sequence (``\\e[2J`` clears the screen)."""
    project = base_project(tmp_path)
    kpu = project / EDITION / "instansi" / "kpu.yml"
    keys = ['"baris\\nbaru"', '"kembali\\rke awal"', '"warna\\e[31mmerah\\e[0m"', '"layar\\e[2J"', '"bel\\a"']
    kpu.write_text(kpu.read_text(encoding="utf-8") + "".join(f"{key}: 1\n" for key in keys), encoding="utf-8")
    report = json.loads(validate(project, "--format", "json").stdout)
    assert len(report["problems"]) == len(keys)
    output = on_a_terminal([sys.executable, "-m", "generator.cli", "--project", str(project), "validate"], project)
    assert "Traceback" not in output, output[-1500:]
    lines = output.rstrip("\n").split("\n")
    assert len(lines) == len(keys) + 1, f"{len(keys)} problems printed on {len(lines) - 1} lines: {lines}"
    for line in lines[:-1]:
        assert re.match(r"^data/uji-2020/instansi/kpu\.yml:[0-9]+:[0-9]+: ", line), f"a line without its place: {line!r}"
        assert not CONTROL.search(line), f"a control character reaches the terminal: {line!r}"


def test_json_of_a_valid_tree(tmp_path):
    result = validate(base_project(tmp_path), "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert (report["errors"], report["warnings"], report["problems"]) == (0, 0, [])


# --- exit status --------------------------------------------------------------------------------------------------


def test_exit_0_when_valid(tmp_path):
    result = validate(base_project(tmp_path))
    assert (result.returncode, result.stdout) == (0, "Data valid: tidak ada kesalahan.\n")


def test_exit_1_on_data_problems(tmp_path):
    project = base_project(tmp_path)
    kpu = project / EDITION / "instansi" / "kpu.yml"
    kpu.write_text(kpu.read_text(encoding="utf-8") + "kunci_asing: 1\n", encoding="utf-8")
    for fmt in ("text", "github", "json"):
        assert validate(project, "--format", fmt).returncode == 1, fmt


def test_warning_alone_exits_0_and_1_with_strict(tmp_path):
    project = base_project(tmp_path)
    satpol = project / EDITION / "instansi" / "satpol-pp.yml"
    satpol.write_text(satpol.read_text(encoding="utf-8").replace("linmas_siap: 44", "linmas_siap: 30"),
                      encoding="utf-8")
    result = validate(project, "--format", "json")
    report = json.loads(result.stdout)
    assert (result.returncode, report["errors"], report["warnings"]) == (0, 0, 1)
    assert report["problems"][0]["severity"] == "warning"
    assert validate(project, "--strict").returncode == 1
    github = validate(project, "--format", "github")
    assert github.returncode == 0 and github.stdout.startswith("::warning ")


@pytest.mark.parametrize("args", [["--bogus"], ["--format", "xml"], ["--format"], ["--strict=ya"]],
                         ids=["unknown-option", "unknown-format", "format-without-value", "flag-with-value"])
def test_exit_2_on_usage_error(tmp_path, args):
    result = validate(base_project(tmp_path), *args)
    no_traceback(result)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.strip(), "a usage error says what is wrong"


def test_exit_2_when_the_project_folder_does_not_exist(tmp_path):
    missing = tmp_path / "tidak-ada"
    result = validate(missing, cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2, (f"a project folder that does not exist is an environment error (2), "
                                    f"not a data problem: exit {result.returncode}, output {result.stdout!r}")
    assert not missing.exists()


def test_exit_2_when_the_project_is_a_file(tmp_path):
    not_a_folder = tmp_path / "berkas.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    result = validate(not_a_folder, cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
