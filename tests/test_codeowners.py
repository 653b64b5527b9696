"""CODEOWNERS is generated from the reviewers that each agency file names, and kept current."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.load.validate import validate_tree
from generator.project import Project
from generator.tools.codeowners import CODEOWNERS, codeowners

ROOT = Path(__file__).resolve().parents[1]


def test_committed_codeowners_is_current():
    """After a change of a `pemeriksa:` line run `bulletin codeowners` and commit .github/CODEOWNERS."""
    assert (ROOT / CODEOWNERS).read_text(encoding="utf-8") == codeowners(Project(ROOT))


def test_each_agency_file_is_reviewed_by_the_reviewers_it_names():
    rules = {}
    for line in codeowners(Project(ROOT)).splitlines():
        if line and not line.startswith("#"):
            pattern, *owners = line.split()
            rules[pattern] = owners
    editions, _ = validate_tree(ROOT / "data", ROOT)
    named = 0
    for records in editions:
        secretariat = records.instansi[records.edisi.data.desk.sekretariat].data.pemeriksa
        assert rules["/data/"] == list(secretariat)
        for slug, record in records.instansi.items():
            assert record.data.pemeriksa, f"{records.id}/{slug} names no reviewer"
            assert rules[f"/data/{records.id}/instansi/{slug}.yml"] == list(record.data.pemeriksa)
            assert rules[f"/contoh-terbatas/{records.id}/instansi/{slug}.yml"] == list(record.data.pemeriksa)
            named += 1
    assert named >= 16
    # the general rule first: git hosts apply the last matching line
    assert list(rules)[:2] == ["/data/", "/contoh-terbatas/"]


def test_a_changed_reviewer_makes_codeowners_stale(tmp_path):
    project = tmp_path / "project"
    for name in ("data", "contoh-terbatas", ".github"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(project), "codeowners", "--check"]).exit_code == 0
    kpu = project / "data/pilkada-2024/instansi/kpu.yml"
    kpu.write_text(re.sub(r"pemeriksa: .*", 'pemeriksa: ["@budi-santoso"]', kpu.read_text(encoding="utf-8")),
                   encoding="utf-8")
    stale = runner.invoke(main, ["--project", str(project), "codeowners", "--check"])
    assert stale.exit_code == 1 and "usang" in stale.output
    assert runner.invoke(main, ["--project", str(project), "codeowners"]).exit_code == 0
    assert "/data/pilkada-2024/instansi/kpu.yml @budi-santoso\n" in (project / CODEOWNERS).read_text(encoding="utf-8")
    assert runner.invoke(main, ["--project", str(project), "codeowners", "--check"]).exit_code == 0
