"""The pipeline as one story: load and validate, link, filter to an edition, render. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass

from .edition import filter_edition
from .editions import INTERNAL, PUBLIK  # noqa: F401  (INTERNAL: the full view ``check`` links)
from .link import link
from .model import SiteModel
from .load import read_text
from .problems import DataProblemsError, Problems, display_path
from .project import Project
from .validate import EditionRecords, validate_tree


@dataclass
class Checked:
    """A checked data tree: the valid records of each edition folder, their linked models, every problem."""

    records: list[EditionRecords]
    models: list[SiteModel]  # everything, as the internal edition shows it
    problems: Problems


def check(project: Project) -> Checked:
    """Load, validate and link every election edition of the project's data; collect every problem."""
    editions, problems = validate_tree(project.data_dir, project.root)
    check_content(project, problems)
    models = [m for records in editions if (m := link(records, problems, edition=INTERNAL)) is not None]
    return Checked(editions, _newest_first(models), problems)


@dataclass
class Publication:
    """One election edition as one site edition shows it: its (filtered) records and its linked model."""

    records: EditionRecords
    model: SiteModel


def publications(checked: Checked, edition: str) -> list[Publication]:
    """What an edition may show, newest election first. Public: restricted records removed *before* linking."""
    out = []
    for records in checked.records:
        filtered, withheld = filter_edition(records, edition)
        # The full data's problems are already in ``checked``; a reference that points at a removed
        # record is simply left out here.
        model = link(filtered, Problems(), edition=edition, withheld=withheld)
        if model is not None:
            out.append(Publication(filtered, model))
    return sorted(out, key=lambda p: (p.model.voting_day, p.model.edisi.id), reverse=True)


def check_content(project: Project, problems: Problems) -> None:
    """Hand-written pages are read by MkDocs as UTF-8: say so at the place, before MkDocs trips over them."""
    if not project.content_dir.is_dir():
        return
    for path in sorted(project.content_dir.rglob("*.md")):
        _, found = read_text(path, display_path(path, project.root))
        problems.extend(found)


def edition_models(checked: Checked, edition: str) -> list[SiteModel]:
    return [p.model for p in publications(checked, edition)]


def render_project(project: Project, edition: str = PUBLIK, edisi: str | None = None,
                   strict: bool = False) -> dict[str, str]:
    """The Markdown pages of an election edition (default: the newest), or DataProblemsError with every problem."""
    from .render import render

    checked = check(project)
    if checked.problems.failed(strict) or not checked.models:
        raise DataProblemsError(checked.problems)
    models = [m for m in edition_models(checked, edition) if edisi in (None, m.edisi.id)]
    if not models:
        raise KeyError(edisi)
    return render(models[0])


def _newest_first(models: list[SiteModel]) -> list[SiteModel]:
    return sorted(models, key=lambda m: (m.voting_day, m.edisi.id), reverse=True)
