"""CODEOWNERS from the data: each agency's files are reviewed by the reviewers its own file names (``pemeriksa``).

    /data/                                 the secretariat's reviewers (edisi.yml: desk.sekretariat), for all
    /data/<edisi>/instansi/<slug>.yml      that agency's reviewers
    /<restricted>/<edisi>/instansi/<slug>.yml   the same, where the restricted tree lives in this repository

Git hosts apply the last matching line, so the general line comes first. Written by `bulletin codeowners`;
tests/test_codeowners.py fails when the committed file is stale.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.validate import EditionRecords, validate_tree
from generator.project import Project

CODEOWNERS = Path(".github") / "CODEOWNERS"
HEADER = """\
# Dibuat dari data oleh `bulletin codeowners`; jangan diubah langsung. Pemeriksa setiap instansi ditulis di
# berkas instansinya (pemeriksa:), pemeriksa seluruh data di berkas instansi sekretariat desk.
"""


def codeowners(project: Project) -> str:
    editions, _ = validate_tree(project.data_dir, project.root)
    editions = sorted(editions, key=lambda r: r.id)
    restricted = project.settings.restricted
    in_repository = restricted and (project.root / restricted).is_dir() and \
        (project.root / restricted).resolve().is_relative_to(project.root.resolve())
    data = project.data_dir.relative_to(project.root).as_posix()
    lines = [HEADER]
    default = _secretariat_reviewers(editions)
    if default:
        lines.append(f"/{data}/ {' '.join(default)}")
        if in_repository:
            lines.append(f"/{restricted.strip('/')}/ {' '.join(default)}")
    for records in editions:
        for slug, record in sorted(records.instansi.items()):
            reviewers = list(dict.fromkeys(record.data.pemeriksa))
            if not reviewers:
                continue
            folders = [data] + ([restricted.strip("/")] if in_repository else [])
            for folder in folders:
                lines.append(f"/{folder}/{records.id}/instansi/{slug}.yml {' '.join(reviewers)}")
    return "\n".join(lines) + "\n"


def _secretariat_reviewers(editions: list[EditionRecords]) -> list[str]:
    """The reviewers of the secretariat of every edition, in order of first appearance."""
    found: dict[str, None] = {}
    for records in editions:
        if records.edisi is None:
            continue
        secretariat = records.instansi.get(records.edisi.data.desk.sekretariat)
        if secretariat is not None:
            found.update(dict.fromkeys(secretariat.data.pemeriksa))
    return list(found)
