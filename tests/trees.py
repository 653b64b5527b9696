"""The two places for data in tests: copies of the example project, and the example as it was before it was split
(one data/ tree holding restricted values too, as a desk had it before `bulletin split`).

``join`` lays every file of the restricted tree over its public file (``generator.load.overlay``, as validation does)
and writes the merged data into data/; the result is a layout with nothing in the restricted tree, which
``bulletin split`` must turn back into the two trees.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from support import PROJECT_PARTS, RESTRICTED, ROOT, copy_project  # noqa: F401  (copy_project: for the tests)

from generator.load.overlay import overlay
from generator.load.reader import load_document
from generator.load.schema import FILE_MODELS


def declare(project: Path, repository: str | None = None, restricted: str | None = "keep") -> None:
    """Change what the project's mkdocs.yml declares: ``repositori`` and/or ``terbatas`` (None: remove it)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if repository is not None:
        text, count = re.subn(r"(?m)^(\s+repositori:) \S+$", rf"\1 {repository}", text)
        assert count == 1, "mkdocs.yml declares no repositori"
    if restricted != "keep":
        replacement = rf"\1 {restricted}" if restricted else ""
        text, count = re.subn(r"(?m)^(\s+terbatas:) \S+\n", replacement + ("\n" if restricted else ""), text)
        assert count == 1, "mkdocs.yml names no terbatas tree"
    config.write_text(text, encoding="utf-8")


def kind_of(relative: Path) -> str:
    return "edisi" if relative.name == "edisi.yml" else relative.parts[1]


def join(project: Path, restricted: str = RESTRICTED) -> list[Path]:
    """Merge ``project/<restricted>`` into ``project/data`` and remove it: the layout before a split.
    The project is declared private (its data/ now holds restricted values). Returns the files written."""
    tree = project / restricted
    written = []
    for secret_path in sorted(tree.rglob("*.yml")):
        relative = secret_path.relative_to(tree)
        public_path = project / "data" / relative
        secret, problems = load_document(secret_path, str(relative))
        assert secret is not None and not problems, problems
        public = None
        if public_path.is_file():
            public, problems = load_document(public_path, str(relative))
            assert public is not None and not problems, problems
        merged, problems = overlay(public, secret, FILE_MODELS[kind_of(relative)])
        assert not problems, [p.format() for p in problems]
        public_path.parent.mkdir(parents=True, exist_ok=True)
        public_path.write_text(yaml.safe_dump(merged.data, allow_unicode=True, sort_keys=False, width=100),
                               encoding="utf-8")
        written.append(public_path)
    shutil.rmtree(tree)
    declare(project, repository="privat")
    return written


def yaml_files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yml"))}
