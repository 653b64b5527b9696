"""Reporters: problems as text for editors, as GitHub annotations and a job summary, or as JSON."""

from __future__ import annotations

import json
from collections import defaultdict

from generator.load.problems import Problems, Severity, decodable, printable


def summary_line(problems: Problems) -> str:
    errors, warnings = len(problems.errors), len(problems.warnings)
    files = len({p.file for p in problems})
    if not errors and not warnings:
        return "Data valid: tidak ada kesalahan."
    return f"{errors} kesalahan, {warnings} peringatan di {files} berkas."


def as_text(problems: Problems) -> str:
    lines = [p.format() for p in problems]
    lines.append(summary_line(problems))
    return "\n".join(lines)


def _escape_property(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def as_github(problems: Problems) -> str:
    """Workflow commands: one ``::error``/``::warning`` annotation per problem."""
    lines = []
    for p in problems:
        command = "error" if p.severity is Severity.ERROR else "warning"
        title = _escape_property(decodable(p.field) or "data")
        lines.append(f"::{command} file={_escape_property(decodable(p.file))},line={p.line},col={p.column},"
                     f"title={title}::{_escape_data(decodable(p.message))}")
    lines.append(summary_line(problems))
    return "\n".join(lines)


def as_job_summary(problems: Problems) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: every problem, grouped by file (annotations are capped)."""
    out = ["## Validasi data Buletin Desk Pilkada", "", summary_line(problems), ""]
    by_file: dict[str, list] = defaultdict(list)
    for p in problems:
        by_file[p.file].append(p)
    for file, items in by_file.items():
        out += [f"### {_cell(file)}", "", "| baris | kolom | bidang | jenis | pesan |", "|---:|---:|---|---|---|"]
        for p in items:
            kind = "kesalahan" if p.severity is Severity.ERROR else "peringatan"
            out.append(f"| {p.line} | {p.column} | {_cell(p.field)} | {kind} | {_cell(p.message)} |")
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    """Text for one cell of a Markdown table: one line, with no column separator."""
    one_line = " ".join(decodable(text).split())
    return printable(one_line).replace("|", "\\|")


def as_json(problems: Problems) -> str:
    """Every problem, in order, and the same grouped by file (``files``: path → count of errors, warnings)."""
    items = [{"file": decodable(p.file), "line": p.line, "column": p.column, "field": decodable(p.field),
              "message": decodable(p.message), "severity": p.severity.value} for p in problems]
    files: dict[str, dict[str, int]] = {}
    for p in problems:
        counts = files.setdefault(decodable(p.file), {"errors": 0, "warnings": 0})
        counts["errors" if p.severity is Severity.ERROR else "warnings"] += 1
    return json.dumps({"errors": len(problems.errors), "warnings": len(problems.warnings), "files": files,
                       "problems": items}, ensure_ascii=False, indent=2)


FORMATS = {"text": as_text, "github": as_github, "json": as_json}
