"""The pipeline as one story: load and validate, link, render. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .link import link
from .model import SiteModel
from .problems import DataProblemsError, Problems
from .project import Project
from .validate import validate_tree


@dataclass
class Checked:
    """The result of checking a data tree: the linked model of each valid edition, and every problem."""

    models: list[SiteModel]
    problems: Problems


def check(project: Project) -> Checked:
    """Load, validate and link every edition of the project's data; collect every problem."""
    editions, problems = validate_tree(project.data_dir, project.root)
    models = []
    for records in editions:
        model = link(records, problems)
        if model is not None:
            models.append(model)
    models.sort(key=lambda m: (m.voting_day, m.edisi.id), reverse=True)  # newest edition first
    return Checked(models, problems)


def render_project(project: Project, strict: bool = False) -> dict[str, str]:
    """The Markdown pages of the newest edition, or DataProblemsError with every problem."""
    from .render import render

    checked = check(project)
    if checked.problems.failed(strict) or not checked.models:
        raise DataProblemsError(checked.problems)
    return render(checked.models[0])


def default_project(path: Path | None = None) -> Project:
    return Project.find(path)
