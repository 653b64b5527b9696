"""The pipeline as one story, computed once per build, before any builder runs:

    check        load and validate every file once; run the cross-file checks once per election edition
    publish      for each site edition × election edition: filter, build the views, render the pages

No MkDocs here: the builder receives finished ``Publication`` objects.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from generator.check import consistency as checks
from generator.check.form import check_form
from generator.check.formats import check_format
from generator.domain.directory import attendees
from generator.domain.editions import EDITIONS, INTERNAL
from generator.domain.model import SiteModel
from generator.domain.regions import region_tree
from generator.edition.filter import filter_edition
from generator.edition.guard import guard, guard_comments
from generator.load.problems import DataProblemsError, Problems, display_path
from generator.load.reader import read_text
from generator.load.validate import EditionRecords, Kept, validate_tree
from generator.memo import Memo
from generator.project import Project
from generator.render.downloads import export
from generator.render.markdown import RenderedSite, render_site
from generator.render.schemas import served_schemas
from generator.render.webform import admin_files, form_backend
from generator.views.build import build_views


class UnknownEdition(Exception):
    """No valid election edition has this id (or, with none asked for, there is no valid one at all)."""

    def __init__(self, edisi: str | None, valid_only: bool = False):
        self.edisi = edisi
        if edisi is None:
            text = "Belum ada edisi pemilihan dengan edisi.yml yang valid."
        elif valid_only:
            text = f"Edisi pemilihan \"{edisi}\" tidak ada atau edisi.yml-nya belum valid."
        else:
            text = f"Edisi pemilihan \"{edisi}\" tidak ada."
        super().__init__(text)


@dataclass
class Checked:
    """A checked data tree: the valid records of each election edition and every problem found."""

    records: list[EditionRecords]  # newest election first; only those with a valid edisi.yml
    problems: Problems
    complete: bool = True  # restricted tree laid over data/, or a private data/ (else the internal edition says so)
    repository: str | None = None  # "owner/name" on GitHub (mkdocs.yml repo_url), where the web form commits
    form: tuple[tuple[str, object], ...] = ()  # the web form's login as mkdocs.yml declares it (generator.check.form)

    @property
    def versions(self) -> list[tuple[str, str]]:
        """(id, short name) of every election edition, newest first: the site's versions."""
        return [(r.edisi.data.id, r.edisi.data.nama_singkat) for r in self.records]

    def failed(self, strict: bool = False) -> bool:
        return self.problems.failed(strict) or not self.records


class Stopwatch:
    """Seconds spent per stage, added up over a build: what ``bench/run.py`` reports."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


def check(project: Project, watch: Stopwatch | None = None, memo: Path | None = None,
          public_only: bool = False) -> Checked:
    """Load and validate every data file once (the restricted tree laid over it), guard the two places for data,
    and check each election edition once, on the full data. With a ``memo`` file, a data file that did not change
    since the last run is not read again. ``public_only``: refuse restricted values in data/ even where the
    project does not declare its repository public."""
    checked = check_files(project, watch, memo, public_only)
    check_across(checked.records, checked.problems, watch)
    return checked


def check_files(project: Project, watch: Stopwatch | None = None, memo: Path | None = None,
                public_only: bool = False, kept: Kept | None = None) -> Checked:
    """``check`` without the cross-file checks of ``check_across``: every file on its own, and the guard
    (``kept``, with a ``memo``: the records of this process's previous check, ``generator.load.validate.Kept``)."""
    watch = watch or Stopwatch()
    remembered = Memo(memo, "berkas") if memo else None
    restricted = project.restricted_dir
    editions, problems = validate_tree(project.data_dir, project.root, watch.seconds, remembered, restricted,
                                       kept=kept)
    if remembered:
        remembered.commit()
    public = project.public_repository or public_only
    with watch.stage("check"):
        guard(editions, problems, public, restricted, project.root)
        if public:
            guard_comments(project.data_dir, problems, restricted, project.root)
    check_content(project, problems)
    if project.config_file.is_file():
        check_format(project.config_file, project.root, problems)
        settings = project.settings
        check_form(project.config_file, project.root, dict(settings.form), settings.repository, problems)
    valid = sorted((r for r in editions if r.edisi is not None), key=_voting_key, reverse=True)
    # complete: the restricted tree is laid over data/, or data/ of a private repository holds it all
    return Checked(valid, problems, restricted is not None or not project.public_repository,
                   project.settings.repository, project.settings.form)


def remember_files(project: Project, memo: Path, share: tuple[int, int]) -> None:
    """Validate one share (k, n) of every edition's data files into the memo file ``memo``, where ``check_files``
    then finds them instead of validating them again; nothing is returned (the problems are the memo's too)."""
    remembered = Memo(memo, "berkas")
    validate_tree(project.data_dir, project.root, None, remembered, project.restricted_dir, share)
    remembered.write()


def check_across(records: list[EditionRecords], problems: Problems, watch: Stopwatch | None = None) -> None:
    """The cross-file checks of each valid election edition, on the full data, into ``problems``."""
    regions = region_tree()
    with (watch or Stopwatch()).stage("check"):
        for edition_records in records:
            checks.check(edition_records, problems, regions)


def public_edition(project: Project, edisi: str | None = None) -> EditionRecords:
    """The valid records of one election edition (the newest by default) as data/ holds them, without the
    restricted tree: what a new file in data/ may copy (generator.tools.scaffold). UnknownEdition: no such
    edition."""
    editions, _ = validate_tree(project.data_dir, project.root)
    for records in sorted((r for r in editions if r.edisi is not None), key=_voting_key, reverse=True):
        if edisi is None or records.id == edisi:
            return records
    raise UnknownEdition(edisi, valid_only=True)


def check_content(project: Project, problems: Problems) -> None:
    """The desk's hand-written pages are read by MkDocs as UTF-8: say so at the place, before MkDocs trips over
    them (the product's own pages are checked by its tests)."""
    if not project.content_dir.is_dir():
        return
    for path in sorted(project.content_dir.rglob("*.md")):
        _, found = read_text(path, display_path(path, project.root))
        problems.extend(found)


@dataclass
class Publication:
    """One election edition as one site edition shows it, rendered and ready for a builder."""

    edition: str  # the site edition: publik | internal
    edisi: str  # the election edition's id
    title: str
    newest: tuple[str, str]  # (id, title) of the newest election edition, for the banner of older ones
    records: EditionRecords | None  # filtered to what the site edition may show (None once handed on)
    model: SiteModel | None
    site: RenderedSite
    downloads: dict[str, str]  # unduh/… and feed.xml
    complete: bool = True  # made with the restricted tree (an internal edition without it says so on every page)

    @property
    def key(self) -> str:
        return f"{self.edition}/{self.edisi}"

    def finished(self) -> "Publication":
        """What a builder needs: the pages and files, without the records and model they were made from."""
        return replace(self, records=None, model=None)

    def part(self, paths: frozenset[str]) -> "Publication":
        """What one MkDocs run that builds ``paths`` needs, small enough to send to another process: their text,
        and the names of the pages they and the navigation link to (all of them for a hand-written page,
        whose links are not known)."""
        site = self.site
        if any(path not in site.pages for path in paths):
            named = set(site.pages)
        else:
            named = {path for entry in site.nav for path in entry.values()}
            named.update(paths, *(site.links.get(path, ()) for path in paths))
        pages = {path: site.pages[path] if path in paths else "" for path in named if path in site.pages}
        search = {path: entry for path, entry in site.search.items() if path in paths}
        return replace(self, records=None, model=None, downloads=dict.fromkeys(self.downloads, ""),
                       site=replace(site, pages=pages, search=search, regions={}, redirects={}, links={}))


def publish(checked: Checked, edition: str, records: EditionRecords, base_url: str | None = None,
            watch: Stopwatch | None = None, memo: Path | None = None) -> Publication:
    """Filter one election edition to a site edition, build its views and render it (with a ``memo`` file,
    pages whose inputs did not change since the last run are taken from it)."""
    watch = watch or Stopwatch()
    with watch.stage("filter"):
        filtered, withheld = filter_edition(records, edition)
    site_url = f"{base_url.rstrip('/')}/{records.edisi.data.id}/" if base_url else None
    with watch.stage("views"):
        model = build_views(filtered, region_tree(), edition=edition, withheld=withheld, site_url=site_url)
    with watch.stage("render"):
        remembered = Memo(memo, f"{edition}/{model.edisi.id}") if memo else None
        site = render_site(model, remembered)
        if remembered:
            remembered.commit()
        downloads = export(filtered, model, site_url)
        if edition == INTERNAL:  # for the web form and editors on the intranet: the schemas, and the form itself
            downloads.update(served_schemas())
            downloads.update(admin_files(model.edisi.id, form_backend(dict(checked.form), checked.repository),
                                         {"rapat": {"peserta": attendees(filtered, region_tree())}}))
    return Publication(edition, model.edisi.id, model.edisi.nama_singkat, checked.versions[0], filtered, model,
                       site, downloads, checked.complete)


def publications(checked: Checked, editions: tuple[str, ...] = EDITIONS, edisi: str | None = None,
                 base_url: str | None = None, watch: Stopwatch | None = None, memo: Path | None = None,
                 finished: bool = False) -> Iterator[Publication]:
    """Every site edition × election edition (or one election edition), newest election first, one at a time.

    ``finished``: each comes without the records and model it was made from (what a builder needs), so that
    only one edition's model is in memory at a time.
    """
    for edition, records in publication_order(checked, editions, edisi):
        publication = publish(checked, edition, records, base_url, watch, memo)
        if finished:
            publication = publication.finished()  # the builder gives the dropped model's memory back
        yield publication
        del publication  # not held here while the next one is made: the builder may have let it go


def publication_order(checked: Checked, editions: tuple[str, ...] = EDITIONS,
                      edisi: str | None = None) -> list[tuple[str, EditionRecords]]:
    """(site edition, election edition) of every publication, in the order they are made and built."""
    chosen = [r for r in checked.records if edisi in (None, r.id)]
    if edisi is not None and not chosen:
        raise UnknownEdition(edisi)
    return [(edition, records) for edition in editions for records in chosen]


def render_project(project: Project, edition: str = "publik", edisi: str | None = None,
                   strict: bool = False) -> dict[str, str]:
    """The Markdown pages of an election edition (default: the newest), or DataProblemsError with every problem."""
    return publish_project(project, edition, edisi, strict).site.pages


def publish_project(project: Project, edition: str = "publik", edisi: str | None = None,
                    strict: bool = False) -> Publication:
    """An election edition (default: the newest) as one site edition shows it: its pages and its downloads."""
    checked = check(project)
    if checked.failed(strict):
        raise DataProblemsError(checked.problems)
    records = [r for r in checked.records if edisi in (None, r.id)]
    if not records:
        raise UnknownEdition(edisi)
    return publish(checked, edition, records[0])


def _voting_key(records: EditionRecords) -> tuple[dt.date, str]:
    voting = records.edisi.data.pemungutan_suara
    # an election whose day is not set yet is one still to come: the newest
    return voting.pelaksanaan or voting.rencana or dt.date.max, records.edisi.data.id
