"""Split: move every restricted record and field of ``data/`` into the restricted tree, for a desk whose data
held both (``bulletin split --restricted DIR``).

For each data file, what the public edition would remove (``generator.load.restricted``) is cut out of the
file's text, line by line, so every other line stays as the editor wrote it (comments, order, quoting); it is
written into the file of the same name in the restricted tree, placed by stable keys as ``generator.load.overlay``
reads them back: a restricted field under the ``id`` (or a report's ``tanggal``) of its record, a restricted
record after the public record it followed (``setelah``). A public record that needs a key and has none gets
an ``id``, written into ``data/``. A meeting restricted as a whole moves as it is.

Nothing is written unless the result, read back and merged, is the data as it was (the new ids apart) and
both trees validate.
"""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.domain.regions import slugify
from generator.edition.guard import guard
from generator.load.overlay import KEYS, PLACEMENT, overlay, record_key
from generator.load.problems import Problems, display_path
from generator.load.reader import Document, load_document
from generator.load.restricted import restricted_places
from generator.load.schema import FILE_MODELS
from generator.load.validate import FOLDERS, YAML_SUFFIXES, validate_file, validate_tree

ID_SOURCES = ("jabatan", "topik", "rute", "uraian", "desa", "nama")  # what a generated id is made from
EDITOR_LINE = "# yaml-language-server:"  # the line that tells an editor the file's schema
TEXT_ITEM_FIELD = "uraian"  # a decision written as plain text is its uraian (TextShorthand in schema.Rapat)


class SplitRefused(Exception):
    """The data cannot be split as it is (it does not validate, or the result would differ); nothing changed."""


@dataclass
class FileSplit:
    """What splitting one file gives: its new public text, and the restricted data of the same name."""

    public_text: str | None  # None: the file moves to the restricted tree as a whole
    restricted: dict[str, Any] = field(default_factory=dict)
    moved: int = 0  # restricted places moved
    comments: list[str] = field(default_factory=list)  # comment lines written right above what moved, moved too


def split_project(data_dir: Path, restricted_dir: Path, root: Path | None = None) -> list[tuple[str, int]]:
    """Move the restricted content of ``data_dir`` into ``restricted_dir``; (file, places moved) per file changed.
    ``root``: the project folder, that messages name files relative to."""
    data_dir, restricted_dir = Path(data_dir), Path(restricted_dir)
    results: list[tuple[Path, FileSplit]] = []
    problems = Problems()
    for path in sorted(data_dir.rglob("*")):
        kind = _kind(data_dir, path)
        if kind is None:
            continue
        shown = display_path(path, root)  # as the editor sees it, relative to the project
        document, _ = load_document(path, shown)
        record = validate_file(path, shown, FILE_MODELS[kind], problems)
        if document is None or record is None:
            continue
        places = [(place.loc, place.how) for place in restricted_places(record.data)]
        if places:
            results.append((path, split_file(document, places)))
    if problems.errors:
        raise SplitRefused("\n".join(p.format() for p in problems.errors))
    staging = Path(tempfile.mkdtemp(prefix=".split-", dir=data_dir.parent))
    try:
        public_out, restricted_out = staging / "data", staging / "terbatas"
        shutil.copytree(data_dir, public_out)
        if restricted_dir.is_dir():
            shutil.copytree(restricted_dir, restricted_out)
        for path, result in results:
            relative = path.relative_to(data_dir)
            target = restricted_out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if result.public_text is None:
                shutil.move(public_out / relative, target)
                continue
            (public_out / relative).write_text(result.public_text, encoding="utf-8")
            existing, header = (_read(target), _leading_comments(target)) if target.is_file() else ({}, HEADER)
            target.write_text(dump(combine(existing, result.restricted), header + "".join(result.comments)),
                              encoding="utf-8")
        verify(data_dir, public_out, restricted_out, [p for p, _ in results])
        for source, target in ((public_out, data_dir), (restricted_out, restricted_dir)):
            _replace_tree(source, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [(path.relative_to(data_dir).as_posix(), result.moved) for path, result in results]


def _kind(data_dir: Path, path: Path) -> str | None:
    if not path.is_file() or path.suffix not in YAML_SUFFIXES:
        return None
    parts = path.relative_to(data_dir).parts
    if len(parts) >= 3 and parts[1] in FOLDERS:
        return parts[1]
    return None


def _read(path: Path) -> dict:
    document, _ = load_document(path, str(path))
    return document.data if document is not None and isinstance(document.data, dict) else {}


def _leading_comments(path: Path) -> str:
    """The comment lines that open a restricted file (kept when the file gets more)."""
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    head = "".join(itertools.takewhile(lambda line: line.lstrip().startswith("#"), lines))
    return head or HEADER


def _replace_tree(source: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-lama")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    source.rename(target)
    shutil.rmtree(old, ignore_errors=True)


# --- one file ------------------------------------------------------------------------------------


def split_file(document: Document, places: list[tuple[tuple, str]]) -> FileSplit:
    if any(loc == () for loc, _ in places):
        return FileSplit(None, {}, len(places))  # restricted as a whole
    text = _Text(document)
    restricted: dict[str, Any] = {}
    removed_items: set[tuple] = set()
    for loc, what in places:
        if what in ("jenis", "ditandai"):  # a record: an item of a list
            removed_items.add(loc)
    for loc, what in sorted(places):
        if what == "bidang" or not isinstance(loc[-1], int):  # a field (a record of its own only in a list)
            _set(restricted, text, loc, _raw(document.data, loc))
            text.remove_key(loc)
            continue
        parent, index = loc[:-1], loc[-1]
        item = dict(_raw(document.data, loc))
        anchor = _previous_kept(document.data, parent, index, removed_items)
        if anchor is not None:
            item = {PLACEMENT: text.key_of(parent + (anchor,)), **item}
        _append(restricted, text, parent, item)
        text.remove_item(loc)
    # a list whose every item moved is removed as a whole (an empty key would read as "nothing", not a list)
    for parent in sorted({loc[:-1] for loc in removed_items}, key=len, reverse=True):
        items = _raw(document.data, parent)
        if isinstance(items, list) and all(parent + (i,) in removed_items for i in range(len(items))):
            text.remove_key(parent)
    return FileSplit(text.result(), restricted, len(places), text.comments)


def _raw(data: Any, loc: tuple) -> Any:
    for part in loc:
        data = data[part]
    return data


def _previous_kept(data: Any, parent: tuple, index: int, removed: set[tuple]) -> int | None:
    for earlier in range(index - 1, -1, -1):
        if parent + (earlier,) not in removed:
            return earlier
    return None


def _container(restricted: dict, text: "_Text", loc: tuple) -> Any:
    """The place in the restricted data that mirrors ``loc`` of the public file, made as needed: mappings by key,
    list items by the key of the public record (given one if it has none)."""
    node: Any = restricted
    data = text.document.data
    for depth, part in enumerate(loc):
        data = data[part]
        if isinstance(part, int):
            key_name, key = text.key_of(loc[:depth + 1], with_name=True)
            match = next((item for item in node if record_key(item) == key), None)
            if match is None:
                match = {key_name: key}
                node.append(match)
            node = match
        else:
            following = loc[depth + 1] if depth + 1 < len(loc) else None
            node = node.setdefault(part, [] if isinstance(following, int) else {})
    return node


def _set(restricted: dict, text: "_Text", loc: tuple, value: Any) -> None:
    _container(restricted, text, loc[:-1])[loc[-1]] = value


def _append(restricted: dict, text: "_Text", parent: tuple, item: dict) -> None:
    holder = _container(restricted, text, parent[:-1])
    holder.setdefault(parent[-1], []).append(item)


class _Text:
    """A data file's lines, and the cuts and additions to make to them, by the places of the loader's marks."""

    def __init__(self, document: Document):
        self.document = document
        self.lines = Path(document.path).read_text(encoding="utf-8-sig").splitlines(keepends=True)
        self.drop: set[int] = set()  # 0-based line numbers
        self.before: dict[int, str] = {}  # 0-based line number → a line to put before it (kept or not)
        self.replace: dict[int, str] = {}  # 0-based line number → its new text
        self.given: dict[tuple, str] = {}  # record loc → id given by this split
        self.comments: list[str] = []  # comment lines that go with what is cut (they describe it)

    def _indent(self, number: int) -> int | None:
        line = self.lines[number]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            return None
        return len(line) - len(line.lstrip(" "))

    def _span(self, first: int, column: int, sequence_at_column: bool = False) -> tuple[int, int]:
        """Lines ``first``… that belong to a node starting at ``column`` (0-based): the next line indented as
        much or less ends it (a "- " item at the same column continues a sequence written flush with its key)."""
        last = first
        for number in range(first + 1, len(self.lines)):
            indent = self._indent(number)
            if indent is None:
                continue
            if indent > column or (sequence_at_column and indent == column
                                   and self.lines[number].lstrip(" ").startswith("-")):
                last = number
                continue
            break
        return first, last

    def remove_key(self, loc: tuple) -> None:
        line, column = self.document.key_marks[loc][:2]
        value = self.document.data
        for part in loc:
            value = value[part]
        first, last = self._span(line - 1, column - 1, sequence_at_column=isinstance(value, list))
        self._cut(first, last)

    def item_span(self, loc: tuple) -> tuple[int, int, int]:
        line, column = self.document.value_marks[loc][:2]
        text = self.lines[line - 1]
        dash = text.rfind("-", 0, column - 1)
        first, last = self._span(line - 1, dash)
        return first, last, column - 1

    def remove_item(self, loc: tuple) -> None:
        first, last, _ = self.item_span(loc)
        self._cut(first, last)

    def _cut(self, first: int, last: int) -> None:
        """Drop lines ``first``…``last`` and the comment lines right above them (no blank line between): a
        comment that heads a restricted block describes it, and moves with it to the restricted file."""
        while first > 0 and self.lines[first - 1].lstrip().startswith("#") and first - 1 not in self.drop \
                and not self.lines[first - 1].startswith(EDITOR_LINE):  # the file's schema line stays
            first -= 1
        # (comments within the block go too: the restricted file is written from the data, so they open it)
        self.comments += [line.strip() + "\n" for line in self.lines[first:last + 1] if line.lstrip().startswith("#")]
        self.drop.update(range(first, last + 1))

    def key_of(self, loc: tuple, with_name: bool = False):
        """The key (``id`` or ``tanggal``) of the record at ``loc``; an ``id`` is given to it if it has none."""
        record = self.document.data
        for part in loc:
            record = record[part]
        for name in KEYS:
            if isinstance(record, dict) and record.get(name) is not None:
                return (name, record[name]) if with_name else record[name]
        if loc not in self.given:
            self.given[loc] = self._new_id(loc, record)
            first, last, column = self.item_span(loc)
            line = self.lines[first]
            self.before[first] = f"{line[:column]}id: {self.given[loc]}\n"  # "- id: …" opens the record
            if isinstance(record, str):  # "- text" becomes its uraian, its lines indented under it
                self.replace[first] = f"{' ' * column}{TEXT_ITEM_FIELD}: {line[column:]}"
                for number in range(first + 1, last + 1):
                    if self.lines[number].strip():
                        self.replace[number] = "  " + self.lines[number]
            else:
                self.replace[first] = " " * column + line[column:]
        return ("id", self.given[loc]) if with_name else self.given[loc]

    def _new_id(self, loc: tuple, record: dict) -> str:
        fields = record if isinstance(record, dict) else {TEXT_ITEM_FIELD: record}
        source = next((str(fields[name]) for name in ID_SOURCES if isinstance(fields.get(name), (str, int))), "")
        base = slugify(source)
        if len(base) > 40:  # cut at a word
            base = base[:41].rsplit("-", 1)[0]
        base = base or f"catatan-{loc[-1] + 1}"
        siblings = self.document.data
        for part in loc[:-1]:
            siblings = siblings[part]
        taken = {record_key(item) for item in siblings} | set(self.given.values())
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def result(self) -> str:
        """The text with its cuts and additions; blank lines a cut left at the end are removed."""
        out = []
        for number, line in enumerate(self.lines):
            if number in self.before:
                out.append(self.before[number])
            if number not in self.drop:
                line = self.replace.get(number, line)
                out.append(line if line.endswith("\n") else line + "\n")
        text = "".join(out)
        return text.rstrip("\n") + "\n" if self.drop and (len(self.lines) - 1) in self.drop else text


# --- the restricted files ---------------------------------------------------------------------------


def combine(existing: dict, new: dict) -> dict:
    """Restricted data of one file: what the tree held already, and what this split moves into it."""
    out = dict(existing)
    for key, value in new.items():
        if key not in out:
            out[key] = value
        elif isinstance(value, list) and isinstance(out[key], list):
            items = list(out[key])
            for item in value:
                match = next((i for i, old in enumerate(items)
                              if record_key(old) is not None and record_key(old) == record_key(item)), None)
                if match is None:
                    items.append(item)
                else:
                    items[match] = combine(items[match], item)
            out[key] = items
        elif isinstance(value, dict) and isinstance(out[key], dict):
            out[key] = combine(out[key], value)
        else:
            out[key] = value
    return out


class _Dumper(yaml.SafeDumper):
    """Text as the strict loader reads it back: anything that could be read as another type is quoted."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if re.fullmatch(r"[0-9 .:+()-]+|yes|no|on|off|y|n|true|false|null|~|", value, re.IGNORECASE) else None
    if "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)

HEADER = ("# Pohon data terbatas: hanya bidang dan catatan terbatas, ditempatkan pada data publik menurut pengenalnya\n"
          "# (id, atau tanggal laporan; setelah: sesudah catatan publik mana). Jangan disalin ke repositori publik.\n")


def dump(data: dict, header: str = HEADER) -> str:
    return header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


# --- the check before anything is written ----------------------------------------------------------


def verify(data_dir: Path, public_out: Path, restricted_out: Path, changed: list[Path]) -> None:
    """The split files, read back and merged, are the data as it was (new ids apart), and both trees pass
    validation with the guard of a public repository; else SplitRefused, and nothing is written."""
    staging_root = public_out.parent
    problems = Problems()
    for path in changed:
        relative = path.relative_to(data_dir)
        kind = _kind(data_dir, path)
        model = FILE_MODELS[kind]
        before = validate_file(path, str(path), model, problems)
        public_path = public_out / relative
        restricted_path = restricted_out / relative
        public_doc = load_document(public_path, str(relative))[0] if public_path.is_file() else None
        secret = load_document(restricted_path, str(relative))[0]
        if secret is None:
            raise SplitRefused(f"{relative}: berkas terbatas hasil split tidak dapat dibaca")
        merged, merge_problems = overlay(public_doc, secret, model)
        if merge_problems:
            raise SplitRefused("\n".join(p.format() for p in merge_problems))
        after = model.model_validate(merged.data)
        if not _same(before.data.model_dump(), after.model_dump()):
            raise SplitRefused(f"{relative}: hasil split berbeda dari data semula; tidak ada yang diubah")
    # both trees as they will be: valid, nothing restricted in data/, nothing public in the restricted tree
    editions, problems = validate_tree(public_out, staging_root, restricted_dir=restricted_out)
    guard(editions, problems, True, restricted_out, staging_root)
    if problems.errors:
        raise SplitRefused("hasil split tidak lolos pemeriksaan:\n"
                           + "\n".join(p.format() for p in problems.errors))


def _same(before: Any, after: Any) -> bool:
    """The data as it was and as the split files give it back: equal, but for an ``id`` the split gave a record
    that had none."""
    if isinstance(before, dict) and isinstance(after, dict):
        if before.keys() != after.keys():
            return False
        return all(_same(value, after[key]) or (key == "id" and value is None and isinstance(after[key], str))
                   for key, value in before.items())
    if isinstance(before, list) and isinstance(after, list):
        return len(before) == len(after) and all(_same(b, a) for b, a in zip(before, after))
    return before == after
