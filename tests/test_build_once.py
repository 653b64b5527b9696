"""A build computes once, then hands finished pages to the builder; the builder redoes only what changed.

* one load per data file per build (none for a file unchanged since the last build), and one views step per
  site edition × election edition;
* a second build with nothing changed runs no MkDocs; one edited kecamatan file rebuilds only the pages whose
  Markdown changed; a changed template rebuilds the pages it renders; a desk's own theme file comes first and rebuilds every
  page;
* the pages taken from the cache are the pages a fresh build makes, byte for byte.

`bulletin build` runs in-process (click's runner, --jobs 1) so that the stages can be counted; each test has its
own copy and cache. (tests/test_warm_cold.py holds warm builds against cold ones in fresh processes.)
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import EDISI, copy_project

from generator import pipeline
from generator.cli import main
from generator.load import validate

ROOT = Path(__file__).resolve().parent.parent


def public_project(target: Path) -> Path:
    return copy_project(target, ("data", "content", "mkdocs.yml"))


def build(project: Path, *args: str) -> tuple[str, dict]:
    """`bulletin build` in this process; the output and the counted calls."""
    calls = {"load": 0, "views": 0}

    def counting(name, function):
        def wrapper(*a, **k):
            calls[name] += 1
            return function(*a, **k)
        return wrapper

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(validate, "load_document", counting("load", validate.load_document))
        patch.setattr(pipeline, "build_views", counting("views", pipeline.build_views))
        result = CliRunner().invoke(main, ["--project", str(project), "build", "--jobs", "1",
                                           "--site-dir", str(project / "site"), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output, calls


def build_in_two(project: Path):
    """`bulletin build --jobs 2` in this process (its forked processes included): click's result."""
    return CliRunner().invoke(main, ["--project", str(project), "build", "--jobs", "2",
                                     "--site-dir", str(project / "site")], catch_exceptions=False)


def spy_side_by_side(monkeypatch) -> list:
    """A list that gets an item each time a build makes its publications in two processes."""
    from generator.build import forked

    made: list = []
    side_by_side = forked._side_by_side
    monkeypatch.setattr(forked, "_side_by_side", lambda *args, **kwargs: made.append(1) or side_by_side(*args, **kwargs))
    return made


def rebuilt(output: str) -> int:
    line = next(line for line in output.splitlines() if "halaman dibangun ulang" in line)
    return int(line.split()[0])


def site_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, Path, str, dict]:
    """The example copied and built once (cold, with its own cache), then kept aside as it was: (the folder it
    was built in, the copy kept aside, the build's output, its counted calls)."""
    work = tmp_path_factory.mktemp("sekali")
    built = public_project(work / "proyek")
    output, calls = build(built)
    kept = work / "tersimpan"
    shutil.copytree(built, kept, symlinks=True)
    return built, kept, output, calls


@pytest.fixture
def project(first_build) -> tuple[Path, str, dict]:
    """The built example as the first build left it, cache and site included, in the folder it was built in (the
    validation memo knows files by where they are): no test sees what another test changed."""
    built, kept, output, calls = first_build
    shutil.rmtree(built)
    shutil.copytree(kept, built, symlinks=True)
    return built, output, calls


def test_one_load_per_file_and_one_views_per_edition_then_nothing_redone(project):
    project, output, calls = project
    files = len(list((project / "data").rglob("*.yml")))
    elections = len(list((project / "data").glob("*/edisi.yml")))
    assert calls == {"load": files, "views": 2 * elections}, calls
    assert rebuilt(output) > 0
    before = site_digest(project / "site")
    output, calls = build(project)
    assert rebuilt(output) == 0
    assert calls["load"] == 0, "files that did not change are not read again"
    assert site_digest(project / "site") == before


def test_one_edited_file_rebuilds_only_what_it_shows_on_as_a_fresh_build_makes_it(project, tmp_path):
    project, _, _ = project
    path = project / "data" / "pilkada-2024" / "kecamatan" / "jenamas.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("Perahu kecil; logistik dikemas kedap air.") == 1  # in the latest report, which is shown
    path.write_text(text.replace("Perahu kecil; logistik dikemas kedap air.",
                                 "Perahu kecil bermotor; logistik dikemas kedap air."), encoding="utf-8")
    output, calls = build(project)
    assert calls["load"] == 1
    assert rebuilt(output) == 2, output  # the kecamatan page, in the public and the internal edition
    page = project / "site" / "publik" / "pilkada-2024" / "kecamatan" / "jenamas" / "index.html"
    assert "Perahu kecil bermotor" in page.read_text(encoding="utf-8")
    fresh = public_project(tmp_path / "baru")  # the pages taken from the cache are those a fresh build makes
    shutil.copytree(project / "data", fresh / "data", dirs_exist_ok=True)
    build(fresh)
    assert site_digest(fresh / "site") == site_digest(project / "site")


def test_a_desks_own_theme_file_comes_first_and_rebuilds_every_page(project):
    """The product's theme comes with the package; a desk changes a file of it by putting only that file in its
    own theme/ (mkdocs.yml ``custom_dir``). Every page is then built again, with the desk's file."""
    project, _, _ = project
    from generator.fingerprint import THEME

    product_css = (THEME / "assets" / "stylesheets" / "bulletin.css").read_text(encoding="utf-8")
    built_css = project / "site" / "publik" / EDISI / "assets" / "stylesheets" / "bulletin.css"
    assert built_css.read_text(encoding="utf-8") == product_css, "without a theme/ of its own: the product's"
    css = project / "theme" / "assets" / "stylesheets" / "bulletin.css"
    css.parent.mkdir(parents=True)
    css.write_text(product_css + "\n/* desk */\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                 "  name: material\n  custom_dir: theme\n"),
                      encoding="utf-8")
    output, _ = build(project)
    total = sum(1 for _ in (project / "site").rglob("index.html"))
    assert rebuilt(output) >= 100 and rebuilt(output) <= total
    assert built_css.read_text(encoding="utf-8").endswith("/* desk */\n")
    # the rest of the product's theme is still there, under the desk's one file
    assert (project / "site" / "publik" / EDISI / "assets" / "javascripts" / "bulletin.js").is_file()


def test_a_changed_template_rebuilds_the_pages_it_renders(project, monkeypatch, tmp_path):
    """Templates are part of the package: a copy of them with one changed decides the pages' Markdown. Templates
    are read at each render, so nothing has to be cleared for the change to count."""
    from generator.render import markdown as render

    project, _, _ = project
    templates = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, templates)
    rapat = templates / "rapat.md.j2"
    rapat.write_text(rapat.read_text(encoding="utf-8").replace("## Ringkasan", "## Ringkasan rapat"),
                     encoding="utf-8")
    monkeypatch.setattr(render, "TEMPLATES", templates)
    output, _ = build(project)
    meetings = sum(1 for _ in (project / "data").glob("*/rapat/*.yml"))
    assert rebuilt(output) == 2 * meetings, output  # each meeting page, in both editions, and nothing else
    page = next((project / "site" / "publik" / "pilkada-2024" / "rapat").glob("*/index.html"))
    assert "Ringkasan rapat" in page.read_text(encoding="utf-8")


def test_many_small_runs_make_the_pages_one_run_makes(project, tmp_path, monkeypatch):
    """Split into runs of a few pages (each run has the other pages as names only), the site is the same. Runs
    of 12 pages: an election edition of the example (about 36 pages per site edition) in three runs or more."""
    from generator.build import runs

    whole, _, _ = project
    monkeypatch.setattr(runs, "MIN_CHUNK", 12)
    monkeypatch.setattr(runs, "MAX_CHUNK", 12)
    split = public_project(tmp_path / "banyak")
    result = build_in_two(split)
    assert result.exit_code == 0, result.output
    assert site_digest(split / "site") == site_digest(whole / "site")


def test_a_warm_build_in_two_processes_makes_what_a_fresh_build_makes(project, tmp_path, monkeypatch):
    """With more than one process and the memo warm, the later half of the publications is made in a forked
    process (generator.build.forked); the site is the one a fresh build of the same data makes, file for file."""

    project, _, _ = project
    made_side_by_side = spy_side_by_side(monkeypatch)
    path = project / "data" / "pilkada-2024" / "kecamatan" / "jenamas.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Perahu kecil; logistik dikemas kedap air.",
                                 "Perahu kecil dan rakit; logistik dikemas kedap air."), encoding="utf-8")
    result = build_in_two(project)
    assert result.exit_code == 0, result.output
    assert made_side_by_side == [1]
    assert rebuilt(result.output) == 2, result.output
    page = project / "site" / "internal" / "pilkada-2024" / "kecamatan" / "jenamas" / "index.html"
    assert "Perahu kecil dan rakit" in page.read_text(encoding="utf-8")
    fresh = public_project(tmp_path / "baru")
    shutil.copytree(project / "data", fresh / "data", dirs_exist_ok=True)
    build(fresh)  # cold: one publication after the other, in this process
    assert site_digest(fresh / "site") == site_digest(project / "site")


def test_a_large_desks_cold_build_in_two_processes_makes_what_one_after_the_other_makes(first_build, tmp_path,
                                                                                         monkeypatch):
    """A tree of ``VALIDATE_BESIDE_FROM`` files or more is validated in two processes, a desk of
    ``SIDE_BY_SIDE_FROM`` kecamatan or more makes its publications in two processes from its first build on
    (generator.build.forked), and a site of ``BESIDE_FROM`` pages or more puts its internal edition
    together in a forked process while the public one and its offline copy are made (generator.build.assemble);
    the site is the one the cold build of the same data made one step after the other in one process, file for
    file."""
    from generator.build import assemble, forked, processes

    _, kept, _, _ = first_build
    made_side_by_side, forked_with = spy_side_by_side(monkeypatch), []
    fork = processes.forked
    monkeypatch.setattr(processes, "forked", lambda *state: forked_with.append(state) or fork(*state))
    monkeypatch.setattr(forked, "SIDE_BY_SIDE_FROM", 1)  # the example, as large as a desk needs to be
    monkeypatch.setattr(assemble, "BESIDE_FROM", 1)
    monkeypatch.setattr(forked, "VALIDATE_BESIDE_FROM", 1)
    project = public_project(tmp_path / "proyek")
    result = build_in_two(project)
    assert result.exit_code == 0, result.output
    assert made_side_by_side == [1]
    assert [len(state) for state in forked_with][:1] == [2]  # the later half of the files validated beside
    beside = [state[0] for state in forked_with if len(state) == 4]  # assemble's: (units, stores, out, base_url)
    assert [[unit.key for unit in units] for units in beside] == [["internal/pilkada-2024", "internal/pilgub-kalteng-2020"]]
    assert rebuilt(result.output) > 0  # cold: its own cache, empty
    assert site_digest(project / "site") == site_digest(kept / "site")


def test_publications_made_beside_failing_cross_file_checks_are_never_built(tmp_path, monkeypatch):
    """The forked process starts on its publications while the build runs the cross-file checks
    (generator.build.forked.build_publications); when they fail, nothing is built, the site stays as it was, and
    the report is the one `bulletin validate` gives."""
    from generator.build import forked
    from generator.pipeline import check
    from generator.project import Project

    made_side_by_side = spy_side_by_side(monkeypatch)
    monkeypatch.setattr(forked, "SIDE_BY_SIDE_FROM", 1)
    project = public_project(tmp_path / "proyek")
    agency = project / "data" / "pilkada-2024" / "instansi" / "disdukcapil.yml"
    text = agency.read_text(encoding="utf-8")
    agency.write_text(text.replace('kecamatan: "62.04.01"', 'kecamatan: "62.04.99"', 1), encoding="utf-8")
    expected = [p.format() for p in check(Project(project)).problems]
    assert any("62.04.99" in line for line in expected)
    result = build_in_two(project)
    assert result.exit_code == 1, result.output
    assert made_side_by_side == [1]
    assert all(line in result.output for line in expected), result.output
    assert "Situs tidak dibangun" in result.output and not (project / "site").exists()
