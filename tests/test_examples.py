"""Example cases: `bulletin validate` run on the base data tree with one thing changed.

Layout (adding a case is adding a folder):

    tests/examples/base/data/uji-2020/      a small, complete, valid edition
    tests/examples/valid/<case>/            must validate with exit 0 and no problem lines
    tests/examples/invalid/<case>/          must fail with exit 1 and exactly the lines of expected.txt

A case folder holds:

    data/...      files that replace or are added to the base tree (same relative path)
    terbatas/...  optional: a restricted tree (give args.txt --restricted terbatas to lay it over data/)
    mkdocs.yml    optional: replaces the base's (which declares the repository private)
    remove.txt    optional: paths, relative to the project root, removed from the base before the run
    args.txt      optional: extra arguments of `validate`, e.g. --strict for a warning-only case
    expected.txt  invalid cases: every line the run prints except the last (summary) line, in order;
                  the run must also exit with status 1 (test_invalid_cases_exit_with_status_1)
    xfail.txt     optional: the case shows a known product bug; the text is the reason. The case is a
                  strict xfail, so it fails loudly once the bug is fixed: delete xfail.txt then.

Each case runs the command in this process (``support.cli``: the same command, exit code and messages); the
base tree also runs it in a subprocess, as an editor runs it, with the temporary project as working folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support import bulletin, cli

EXAMPLES = Path(__file__).parent / "examples"
BASE = EXAMPLES / "base"
MIN_INVALID_CASES = 40
VALID_SUMMARY = "Data valid: tidak ada kesalahan."
PROBLEMS_SUMMARY = re.compile(r"([0-9]+) kesalahan, ([0-9]+) peringatan di [0-9]+ berkas\.")


def _cases(kind: str) -> list:
    params = []
    for folder in sorted(p for p in (EXAMPLES / kind).iterdir() if p.is_dir()):
        marks = []
        xfail = folder / "xfail.txt"
        if xfail.is_file():
            marks.append(pytest.mark.xfail(reason=xfail.read_text(encoding="utf-8").strip(), strict=True))
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def make_project(tmp_path: Path, case: Path | None = None) -> Path:
    """The base tree with the case's files laid over it and its remove.txt applied."""
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    if case is None:
        return project
    for name in ("data", "terbatas"):
        if (case / name).is_dir():
            shutil.copytree(case / name, project / name, dirs_exist_ok=True)
    if (case / "mkdocs.yml").is_file():
        shutil.copy2(case / "mkdocs.yml", project / "mkdocs.yml")
    for line in _lines(case / "remove.txt"):
        target = project / line
        assert target.exists(), f"remove.txt of {case.name} names a missing path: {line}"
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    return project


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_validate(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`bulletin validate` in a subprocess, with the project as working folder."""
    return bulletin("validate", *args, project=project, timeout=60, env={"PYTHONUTF8": "1"})


def validate_in_process(project: Path, *args: str) -> subprocess.CompletedProcess:
    result = cli("validate", *args, project=project)
    return subprocess.CompletedProcess(["validate", *args], result.exit_code, result.stdout, result.stderr)


_RUNS: dict[Path, subprocess.CompletedProcess] = {}


def run_case(case: Path, tmp_path_factory) -> subprocess.CompletedProcess:
    """`validate` on a case's project with the case's args.txt; run once per session."""
    if case not in _RUNS:
        project = make_project(tmp_path_factory.mktemp(case.name), case)
        _RUNS[case] = validate_in_process(project, *" ".join(_lines(case / "args.txt")).split())
    return _RUNS[case]


def problem_lines(result: subprocess.CompletedProcess) -> list[str]:
    """Everything printed except the final summary line."""
    lines = result.stdout.rstrip("\n").split("\n")
    return lines[:-1]


def summary(result: subprocess.CompletedProcess) -> str:
    return result.stdout.rstrip("\n").split("\n")[-1]


def _assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr, result.stderr


def _expected(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")


def test_base_is_valid(tmp_path):
    result = run_validate(make_project(tmp_path))
    _assert_no_traceback(result)
    assert problem_lines(result) == []
    assert summary(result) == VALID_SUMMARY
    assert result.returncode == 0


def test_base_is_valid_even_strict(tmp_path):
    result = run_validate(make_project(tmp_path), "--strict")
    assert (result.returncode, result.stdout) == (0, VALID_SUMMARY + "\n")


def test_invalid_corpus_is_large_enough():
    cases = [p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir()]
    assert len(cases) >= MIN_INVALID_CASES
    for case in cases:
        assert (case / "expected.txt").is_file(), f"{case.name} has no expected.txt"


@pytest.mark.parametrize("case", _cases("valid"))
def test_valid_case(case: Path, tmp_path_factory):
    result = run_case(case, tmp_path_factory)
    _assert_no_traceback(result)
    assert problem_lines(result) == []
    assert summary(result) == VALID_SUMMARY
    assert result.returncode == 0


@pytest.mark.parametrize("case", _cases("invalid"))
def test_invalid_case(case: Path, tmp_path_factory):
    result = run_case(case, tmp_path_factory)
    _assert_no_traceback(result)
    counts = PROBLEMS_SUMMARY.fullmatch(summary(result))
    assert counts, result.stdout + result.stderr
    assert problem_lines(result) == _expected(case)
    assert int(counts[1]) + int(counts[2]) == len(problem_lines(result))


def test_invalid_cases_exit_with_status_1(tmp_path_factory):
    """Every invalid case fails the run (kept apart so that one exit-status bug does not hide the messages)."""
    cases = [p.values[0] for p in _cases("invalid")]
    statuses = {case.name: run_case(case, tmp_path_factory).returncode for case in cases}
    assert {name: status for name, status in statuses.items() if status != 1} == {}


def test_warning_alone_does_not_fail_without_strict(tmp_path):
    case = EXAMPLES / "invalid" / "linmas-under-2-per-tps"
    result = validate_in_process(make_project(tmp_path, case))
    assert problem_lines(result) == _expected(case)
    assert summary(result) == "0 kesalahan, 1 peringatan di 1 berkas."
    assert result.returncode == 0
