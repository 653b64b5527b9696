"""``bulletin migrate``: a desk's files brought to the package's format by rule (generator.check.formats).

Each step is the change of one release, made as an editor would make it: a value put at its place in the text,
a file the desk lacks written beside the others. Every other line and comment stays as it was, and no file the
desk wrote itself is replaced. Running it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.check.formats import CHANGES, FORMAT, KEY, PACKAGE, declared, mapping_value, plugin_options
from generator.project import Project
from generator.render.schemas import schema_text, schemas


class MigrateRefused(Exception):
    """The desk cannot be migrated as it is (no bulletin plugin, a newer format, an unreadable mkdocs.yml)."""


@dataclass
class Migration:
    """What a migration changes: the text of each file to write, and one line per change for the editor."""

    project: Project
    files: dict[Path, str] = field(default_factory=dict)
    said: list[str] = field(default_factory=list)

    def write(self, path: Path, text: str, what: str) -> None:
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old != text:
            self.files[path] = text
            self.said.append(what)

    def add_missing(self, files: dict[str, str], what: str) -> None:
        """The files the desk lacks; a file it has, whatever it holds, is the desk's own and stays."""
        for relative, text in files.items():
            path = self.project.root / relative
            if not path.exists() and path not in self.files:
                self.files[path] = text
                self.said.append(f"{relative}: {what}")


def plan(project: Project, package_files: Callable[[], dict[str, str]] | None = None) -> Migration:
    """What `bulletin migrate` would change, without changing anything. ``package_files``: the files that a new
    desk of this release gets from the package (generator.tools.desk), to add those the desk lacks."""
    config_file = project.config_file
    found = declared(config_file) if config_file.is_file() else None
    if found is None:
        raise MigrateRefused(f"{config_file.name} tidak ada, tidak terbaca, atau tidak memuat plugin bulletin; "
                             "migrate hanya untuk repositori desk")
    number = found.format
    if number is None:
        raise MigrateRefused(f"{config_file.name}:{found.line}:{found.column}: plugins.bulletin.{KEY}: format "
                             f"desk harus bilangan bulat 1 atau lebih, mis. {FORMAT}")
    if number > FORMAT:
        raise MigrateRefused(f"desk ini berformat {number}, lebih baru daripada paket {PACKAGE} (format {FORMAT}); "
                             "pasang versi paket yang dikunci desk ini")
    migration = Migration(project)
    for change in CHANGES:
        if change.format > number:
            STEPS[change.format](migration, package_files)
    text = config_file.read_text(encoding="utf-8")
    migration.write(config_file, with_format(text, FORMAT),
                    f"{config_file.name}: format desk {number} → {FORMAT} (plugins.bulletin.{KEY})")
    return migration


def apply(migration: Migration) -> None:
    for path, text in migration.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def _to_format_2(migration: Migration, package_files) -> None:
    """Release 0.2.0: the schemas of this release; the lock, workflows and Dependabot a new desk gets."""
    schema_dir = migration.project.schema_dir
    if schema_dir.is_dir():
        for kind, document in schemas().items():
            migration.write(schema_dir / f"{kind}.schema.json", schema_text(document),
                            f"schemas/{kind}.schema.json: skema rilis ini")
    if package_files is not None:
        migration.add_missing(package_files(), "ditambahkan seperti pada desk baru")


STEPS = {2: _to_format_2}


def with_format(text: str, number: int) -> str:
    """mkdocs.yml's text with ``format: <number>`` under the bulletin plugin: the value replaced where it is
    written, else a line put first among the plugin's options at their indentation (above any comment on the first), else the options made for
    a plugin named without any. Nothing else of the text changes."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    entry, options = plugin_options(root)
    if entry is None:
        raise MigrateRefused("mkdocs.yml tidak memuat plugin bulletin")
    if options is not None:
        value = mapping_value(options, KEY)
        if value is not None:
            return _splice(text, value.start_mark.index, value.end_mark.index, str(number))
        first = options.value[0][0] if options.value else None
        if options.flow_style or first is None:
            start = options.start_mark.index + 1  # after "{"
            return _splice(text, start, start, f"{KEY}: {number}, " if options.value else f"{KEY}: {number}")
        after_name = text.find("\n", entry.end_mark.index) + 1  # first among the options, above their comments
        return _splice(text, after_name, after_name, f"{' ' * first.start_mark.column}{KEY}: {number}\n")
    # a plugin named without options ("- bulletin"): its name becomes a mapping
    start, end = entry.start_mark.index, entry.end_mark.index
    if getattr(mapping_value(root, "plugins"), "flow_style", False):
        return _splice(text, start, end, f"{{bulletin: {{{KEY}: {number}}}}}")
    return _splice(text, start, end, f"bulletin:\n{' ' * (entry.start_mark.column + 4)}{KEY}: {number}")


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]
