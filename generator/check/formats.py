"""The format of a desk's repository, and what ``bulletin`` says when it is not the package's.

A desk says in ``mkdocs.yml`` which format its files follow, under the bulletin plugin::

    plugins:
      - bulletin:
          format: 2

A release that changes what a desk's files hold or where they are brings a new format, with a section of the
release notes (``CHANGELOG.md``) named here. A desk whose format is older is told so at that line, as a warning
that names the release note and whether ``bulletin migrate`` makes the change by rule; a desk whose format is
newer than the package was written for a newer release, which this package may misread: that is an error, and
nothing is built from it. A desk that says nothing was made before formats were declared: format 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import __version__
from generator.load.problems import Problem, Problems, Severity, display_path

PACKAGE = "buletin-desk-pilkada"
KEY = "format"
UNDECLARED = 1  # desks made before formats were declared (release 0.1.0)


@dataclass(frozen=True)
class FormatChange:
    """What one release changed in a desk's files."""

    format: int  # the format the release brings
    release: str  # the package version that brought it
    note: str  # the heading of its section in the release notes
    summary: str  # what changed, in a sentence an editor reads
    by_rule: bool  # `bulletin migrate` makes the whole change


CHANGES = (
    FormatChange(2, "0.2.0", "Format desk 2",
                 "mkdocs.yml menyatakan formatnya; desk mendapat berkas kunci paket (requirements.in dan "
                 "requirements.txt dengan hash), alur kerja pemeriksaan dan penerbitan, Dependabot, dan skema JSON "
                 "rilis ini", by_rule=True),
)
FORMAT = CHANGES[-1].format  # the format of this package


@dataclass(frozen=True)
class Declared:
    """A desk's declared format and where it is said (or where it would be said)."""

    value: object  # the value as written; None when not declared
    line: int
    column: int

    @property
    def format(self) -> int | None:
        """The format as a number; None when the value is not a whole number of 1 or more."""
        if self.value is None:
            return UNDECLARED
        if isinstance(self.value, int) and not isinstance(self.value, bool) and self.value >= 1:
            return self.value
        return None


def compose(config_file: Path) -> yaml.Node | None:
    """mkdocs.yml composed, not constructed: MkDocs' tags (``!ENV``, ``!relative``) need nothing here, and every
    node keeps its place in the text. None when the file cannot be read."""
    try:
        return yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def plugin_options(root: yaml.Node | None) -> tuple[yaml.Node | None, yaml.MappingNode | None]:
    """The bulletin plugin's entry in a composed mkdocs.yml: (the node of its name, its options mapping or None).
    (None, None) when it names no such plugin."""
    plugins = mapping_value(root, "plugins")
    entries = plugins.value if isinstance(plugins, (yaml.SequenceNode, yaml.MappingNode)) else []
    for entry in entries:
        if isinstance(entry, yaml.ScalarNode) and entry.value == "bulletin":
            return entry, None
        if isinstance(entry, yaml.MappingNode) and len(entry.value) == 1 and entry.value[0][0].value == "bulletin":
            entry = entry.value[0]
        if isinstance(entry, tuple) and entry[0].value == "bulletin":  # a list item, or plugins as a mapping
            return entry[0], entry[1] if isinstance(entry[1], yaml.MappingNode) else None
    return None, None


def declared(config_file: Path) -> Declared | None:
    """The desk's declared format; None when mkdocs.yml names no bulletin plugin (not a desk's configuration)."""
    entry, options = plugin_options(compose(config_file))
    if entry is None:
        return None
    node = mapping_value(options, KEY) if options is not None else None
    if node is None:
        return Declared(None, entry.start_mark.line + 1, entry.start_mark.column + 1)
    value = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.ScalarNode) else node.tag
    return Declared(value, node.start_mark.line + 1, node.start_mark.column + 1)


def check_format(config_file: Path, root: Path, problems: Problems) -> None:
    """Say at its line when the desk's format is not the package's: older, newer, or not a format at all."""
    found = declared(config_file)
    if found is None:
        return
    where = (display_path(config_file, root), found.line, found.column, f"plugins.bulletin.{KEY}")
    number = found.format
    if number is None:
        problems.add(Problem(*where, f"format desk harus bilangan bulat 1 atau lebih, mis. {FORMAT}"))
    elif number > FORMAT:
        problems.add(Problem(*where, f"desk ini berformat {number}, lebih baru daripada paket {PACKAGE} "
                                     f"{__version__} (format {FORMAT}): pasang versi paket yang dikunci desk ini "
                                     "(pip install --require-hashes -r requirements.txt) lalu ulangi"))
    elif number < FORMAT:
        problems.add(Problem(*where, older_message(number), Severity.WARNING))


def older_message(number: int) -> str:
    """What changed since format ``number``, with the release notes that say so, and what to run."""
    pending = [change for change in CHANGES if change.format > number]
    notes = "; ".join(f"catatan rilis {change.release}, bagian \"{change.note}\": {change.summary}"
                      for change in pending)
    if all(change.by_rule for change in pending):
        action = "Jalankan `bulletin migrate` untuk mengubahnya; setiap baris dan komentar lain tetap"
    else:
        action = ("Jalankan `bulletin migrate` untuk bagian yang dapat diubah menurut aturan, lalu ubah sisanya "
                  "menurut catatan rilis")
    return (f"desk ini masih berformat {number}, sedangkan paket {PACKAGE} {__version__} memakai format {FORMAT} "
            f"({notes}). {action}")


def mapping_value(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node of ``key`` in a composed mapping; None when there is none."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value_node
    return None
