"""A desk made by the previous release, upgraded to this one as a desk would upgrade it.

tests/desks/0.1.0/ holds what `bulletin init` of release 0.1.0 wrote for Kota Sabang, with a desk's own edits.
With this release: validate says, at its line, that the desk's format is older, names the release note and what
to run; `bulletin migrate --periksa` lists the changes and writes nothing; `bulletin migrate` makes them by rule,
keeping every other line and comment of every file; a second run changes nothing; the desk then validates
without that warning and builds. A desk written for a newer release than the package is refused, in words.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from support import ROOT, cli

from generator import __version__
from generator.check.formats import FORMAT
from generator.render.schemas import schema_text, schemas

OLD = ROOT / "tests" / "desks" / "0.1.0"
UNFORMATTED = re.compile(r"\bNone\b|\{[^}\n]*\}|\{\{|\}\}")


@pytest.fixture
def old_desk(tmp_path) -> Path:
    for name in ("kota-sabang", "kota-sabang-terbatas"):
        shutil.copytree(OLD / name, tmp_path / name)
    return tmp_path / "kota-sabang"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def plugin_line(folder: Path) -> int:
    lines = (folder / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, 1) if text.strip() == "- bulletin:")


def test_validate_names_the_release_note_and_what_to_run(old_desk):
    result = cli("validate", project=old_desk)
    assert result.exit_code == 0, result.output  # an older format still validates and builds: a warning
    line = plugin_line(old_desk)
    warning = next(text for text in result.output.splitlines() if text.startswith(f"mkdocs.yml:{line}:"))
    assert "plugins.bulletin.format: peringatan: desk ini masih berformat 1" in warning, warning
    assert f"paket buletin-desk-pilkada {__version__} memakai format {FORMAT}" in warning, warning
    assert "catatan rilis 0.2.0, bagian \"Format desk 2\"" in warning, warning
    assert "Jalankan `bulletin migrate`" in warning, warning
    assert not UNFORMATTED.search(result.output), result.output


def test_migrate_changes_by_rule_and_keeps_every_other_line_and_comment(old_desk):
    before = snapshot(old_desk)
    planned = cli("migrate", "--periksa", project=old_desk)
    assert planned.exit_code == 1, planned.output
    assert "akan diubah: mkdocs.yml: format desk 1 → 2" in planned.output, planned.output
    assert snapshot(old_desk) == before, "--periksa wrote something"

    result = cli("migrate", project=old_desk)
    assert result.exit_code == 0, result.output
    assert not UNFORMATTED.search(result.output), result.output
    # installed from its source here, the package knows no wheel's hash to lock, and says so
    assert "tidak memuat hash paket buletin-desk-pilkada" in result.output, result.output
    after = snapshot(old_desk)

    # mkdocs.yml: one line more, at the plugin's options; every other line and comment as it was
    old_lines = before["mkdocs.yml"].decode().splitlines()
    new_lines = after["mkdocs.yml"].decode().splitlines()
    added = [line for line in difflib.ndiff(old_lines, new_lines) if line.startswith(("+ ", "- "))]
    assert added == [f"+       format: {FORMAT}"], added
    assert new_lines[plugin_line(old_desk)] == f"      format: {FORMAT}"
    assert "# disingkat oleh desk: cukup untuk layar ponsel" in after["mkdocs.yml"].decode()

    # every data file, content page and setting the desk had is byte for byte what it was
    kept = {name: data for name, data in before.items() if name != "mkdocs.yml" and not name.startswith("schemas/")}
    assert {name: after[name] for name in kept} == kept
    assert b"# diisi sekretariat desk, Desember 2026" in after["data/pilkada-2029/instansi/setda.yml"]
    # the schemas are this release's; the files a new desk gets from the package are added
    for kind, document in schemas().items():
        assert after[f"schemas/{kind}.schema.json"].decode() == schema_text(document), kind
    new_files = set(after) - set(before)
    assert {"requirements.in", "requirements.txt", ".github/dependabot.yml"} <= new_files, sorted(new_files)
    assert any(name.startswith(".github/workflows/") for name in new_files), sorted(new_files)
    assert f"buletin-desk-pilkada=={__version__}" in after["requirements.txt"].decode()

    again = cli("migrate", project=old_desk)
    assert again.exit_code == 0 and f"Desk sudah berformat {FORMAT}" in again.output, again.output
    assert snapshot(old_desk) == after
    checked = cli("validate", project=old_desk)
    assert checked.exit_code == 0 and "plugins.bulletin.format" not in checked.output, checked.output


@pytest.mark.build
def test_the_upgraded_desk_builds_both_editions(old_desk, tmp_path):
    assert cli("migrate", project=old_desk).exit_code == 0
    site = tmp_path / "site"
    result = cli("build", "--site-dir", site, "--cache-dir", tmp_path / "cache", project=old_desk)
    assert result.exit_code == 0, result.output
    for edition in ("publik", "internal"):
        home = (site / edition / "pilkada-2029" / "index.html").read_text(encoding="utf-8")
        assert "Buletin Desk Pilkada Kota Sabang" in home
    contacts = (site / "publik" / "pilkada-2029" / "kontak" / "index.html").read_text(encoding="utf-8")
    assert "Bagian Tata Pemerintahan" in contacts


def set_format(folder: Path, value: str) -> int:
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - bulletin:\n", f"  - bulletin:\n      format: {value}\n", 1)
    config.write_text(text, encoding="utf-8")
    return plugin_line(folder) + 1


def test_a_desk_of_a_newer_release_is_refused_in_words(old_desk, tmp_path):
    line = set_format(old_desk, str(FORMAT + 1))
    result = cli("validate", project=old_desk)
    assert result.exit_code == 1, result.output
    assert f"mkdocs.yml:{line}:15: plugins.bulletin.format: desk ini berformat {FORMAT + 1}, lebih baru" \
        in result.output, result.output
    assert "pip install --require-hashes -r requirements.txt" in result.output
    site = tmp_path / "site"
    site.mkdir()
    (site / "penanda").write_text("situs sebelumnya", encoding="utf-8")
    built = cli("build", "--site-dir", site, "--cache-dir", tmp_path / "cache", project=old_desk)
    assert built.exit_code == 1, built.output
    assert [p.name for p in site.iterdir()] == ["penanda"]  # nothing built from a format this package may misread
    before = snapshot(old_desk)
    refused = cli("migrate", project=old_desk)
    assert refused.exit_code == 2 and "lebih baru daripada paket" in refused.output, refused.output
    assert snapshot(old_desk) == before


def test_a_format_that_is_not_a_number_is_named(old_desk):
    line = set_format(old_desk, "dua")
    result = cli("validate", project=old_desk)
    assert result.exit_code == 1, result.output
    assert f"mkdocs.yml:{line}:15: plugins.bulletin.format: format desk harus bilangan bulat 1 atau lebih, mis. " \
           f"{FORMAT}" in result.output, result.output
