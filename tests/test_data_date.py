"""The date of the data is decided once (``generator.domain.series.data_date``): `bulletin validate` warns that
nothing is reported yet exactly when the pages give the data no date and say so in words (``SiteModel.reported``).

Each variant starts from the example case of a new desk (tests/examples/invalid/nothing-reported-yet: the base
edition without its reports, its meeting and its tanggal_data) and adds one dated thing, or none.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.load import messages as msg
from generator.pipeline import check, publish
from generator.project import Project

EXAMPLES = Path(__file__).parent / "examples"
NEW_DESK = EXAMPLES / "invalid" / "nothing-reported-yet"
EDITION = Path("data") / "uji-2020"
FIRST_WORDS = msg.NOTHING_REPORTED.split(",", 1)[0]


def new_desk(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLES / "base", project)
    shutil.copytree(NEW_DESK / "data", project / "data", dirs_exist_ok=True)
    for line in (NEW_DESK / "remove.txt").read_text(encoding="utf-8").split():
        (project / line).unlink()
    return project


def add_camat_report(project: Path) -> None:
    path = project / EDITION / "kecamatan" / "jenamas.yml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "laporan:\n"
        "  - tanggal: 2020-08-21\n"
        "    blank_spot:\n"
        "      - desa: \"62.04.01.2001\"\n"
        "        keterangan: Sinyal hanya di tepi sungai.\n"), encoding="utf-8")


def add_meeting(project: Path) -> None:
    (project / EDITION / "rapat" / "rakor-2020-08-24.yml").write_text(
        (EXAMPLES / "base" / EDITION / "rapat" / "rakor-2020-08-24.yml").read_text(encoding="utf-8"),
        encoding="utf-8")


def add_data_date(project: Path) -> None:
    path = project / EDITION / "edisi.yml"
    path.write_text(path.read_text(encoding="utf-8") + "tanggal_data: 2020-09-05\n", encoding="utf-8")


@pytest.mark.parametrize("change, as_of", [
    (None, None),
    (add_camat_report, dt.date(2020, 8, 21)),
    (add_meeting, dt.date(2020, 8, 24)),
    (add_data_date, dt.date(2020, 9, 5)),
], ids=["nothing", "a camat report", "a meeting", "tanggal_data"])
def test_validate_and_the_pages_agree_on_whether_anything_is_reported(tmp_path, change, as_of):
    project = new_desk(tmp_path)
    if change:
        change(project)
    checked = check(Project(project))
    assert not checked.problems.errors, [p.format() for p in checked.problems.errors]
    warned = [p for p in checked.problems.warnings if p.message.startswith(FIRST_WORDS)]
    for edition in ("publik", "internal"):
        model = publish(checked, edition, checked.records[0]).model
        assert (model.as_of, model.reported) == (as_of, as_of is not None)
        assert bool(warned) == (not model.reported)
    if as_of is None:
        [problem] = warned
        assert (problem.file, problem.line, problem.field) == ("data/uji-2020/edisi.yml", 1, "id")
        assert "`bulletin new laporan --instansi disdukcapil`" in problem.message
