"""Validate: documents → typed records, with every problem of every file.

Files are found by their place in ``data/<edisi>/`` (``generator.load.schema.FILE_MODELS``), read by
``generator.load.reader`` and checked against their model. Pydantic's errors are turned into ``Problem`` values
with the line and column of the offending key or value and a message from ``generator.load.messages``.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import pickle
import time
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from generator import fingerprint
from generator.load import messages as msg
from generator.load.fields import describe
from generator.load.overlay import overlay
from generator.load.problems import Problem, Problems, decodable, display_path
from generator.load.reader import Document, load_document
from generator.load.restricted import RestrictedPlace, restricted_places
from generator.load.schema import FILE_MODELS, Edisi, Instansi, Kecamatan, Model, Rapat
from generator.memo import Memo

M = TypeVar("M", bound=Model)
YAML_SUFFIXES = (".yml", ".yaml")
FOLDERS = {"instansi", "kecamatan", "rapat"}
NESTED_FOLDERS = {"kecamatan": 2}  # kecamatan/<provinsi>/<kabupaten>/<slug>.yml: up to two folders of the editor's


@dataclass(frozen=True)
class Record(Generic[M]):
    """A valid data file: its slug (the file name, with its folders below kecamatan/), the typed data and the
    document it came from."""

    slug: str
    data: M
    document: Document

    @functools.cached_property
    def places(self) -> list[RestrictedPlace]:
        """Where the law keeps something of this record from the public (``restricted_places`` of its data): found
        once, and kept with the record in the memo, for the guard and the public edition's filter to read."""
        return list(restricted_places(self.data))


@dataclass
class EditionRecords:
    """Everything valid in one ``data/<edisi>/`` folder."""

    id: str
    folder: Path
    edisi: Record[Edisi] | None = None
    instansi: dict[str, Record[Instansi]] = field(default_factory=dict)
    kecamatan: dict[str, Record[Kecamatan]] = field(default_factory=dict)
    rapat: dict[str, Record[Rapat]] = field(default_factory=dict)
    invalid: dict[str, set[str]] = field(default_factory=dict)  # kind → slugs of files that are not valid

    @property
    def complete(self) -> bool:
        """True when every file of this edition could be read and validated."""
        return not any(self.invalid.values())

    def mark_invalid(self, kind: str, slug: str) -> None:
        self.invalid.setdefault(kind, set()).add(slug)


def validate_tree(data_dir: Path, root: Path | None = None, seconds: dict[str, float] | None = None,
                  memo: Memo | None = None, restricted_dir: Path | None = None,
                  share: tuple[int, int] | None = None, kept: "Kept | None" = None,
                  ) -> tuple[list[EditionRecords], Problems]:
    """Every edition under ``data_dir``, validated, and every problem found.

    ``seconds`` (optional) adds up the time spent reading files ("load") and checking them ("validate").
    ``memo`` (optional) remembers each valid file's record by its name, size and time of change, so a file
    that did not change is not read again. ``restricted_dir`` (optional): the restricted tree, laid over the
    public files record by record (``generator.load.overlay``) before they are validated. ``share`` (k, n): only
    the k-th of n runs of each edition's files, in their order (a helper that fills the memo: what it returns is
    not the tree's). ``kept`` (with a memo): the records of this process's previous validation, where a file that
    did not change since is taken from instead of the memo (``Kept``).
    """
    problems = Problems()
    if kept is not None:
        kept.start()
    editions: list[EditionRecords] = []
    data_dir = Path(data_dir)
    folders = sorted(p for p in data_dir.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if data_dir.is_dir() else []
    for path in sorted(data_dir.glob("*")) if data_dir.is_dir() else []:
        if path.is_file() and path.suffix in YAML_SUFFIXES:
            problems.add(Problem(display_path(path, root), 1, 1, "", msg.UNKNOWN_FILE))
    if not folders:
        problems.add(Problem(display_path(data_dir, root), 1, 1, "", msg.NO_EDITIONS.format(
            data_dir=display_path(data_dir, root))))
    seconds = {"load": 0.0, "validate": 0.0} if seconds is None else seconds
    for folder in folders:
        overlay_folder = Path(restricted_dir) / folder.name if restricted_dir else None
        editions.append(validate_edition(folder, problems, root, seconds, memo, overlay_folder, share, kept))
    if restricted_dir and Path(restricted_dir).is_dir():
        names = {folder.name for folder in folders}
        for extra in sorted(p for p in Path(restricted_dir).iterdir() if p.is_dir() and not p.name.startswith(".")):
            if extra.name not in names:
                problems.add(Problem(display_path(extra / "edisi.yml", root), 1, 1, "", msg.RESTRICTED_FILE_ALONE.format(
                    public=display_path(data_dir / extra.name / "edisi.yml", root))))
    return editions, problems


def validate_edition(folder: Path, problems: Problems, root: Path | None = None,
                     seconds: dict[str, float] | None = None, memo: Memo | None = None,
                     restricted: Path | None = None, share: tuple[int, int] | None = None,
                     kept: "Kept | None" = None) -> EditionRecords:
    """One ``data/<edisi>/`` folder, with the matching folder of the restricted tree laid over it."""
    records = EditionRecords(id=folder.name, folder=folder)
    base = display_path(folder, root)  # once: resolving every path costs more than reading a small file
    restricted_base = display_path(restricted, root) if restricted else None
    overlays = {p.relative_to(restricted): p for p in restricted.rglob("*")
                if p.suffix.lower() in YAML_SUFFIXES and p.is_file()} if restricted and restricted.is_dir() else {}
    paths = sorted({p.relative_to(folder) for p in folder.rglob("*")} | set(overlays))
    if share is not None:
        size = -(-len(paths) // share[1])
        paths = paths[share[0] * size:(share[0] + 1) * size]
    for relative in paths:
        path = folder / relative
        if path.suffix.lower() not in YAML_SUFFIXES or not (path.is_file() or relative in overlays):
            continue
        display = decodable(f"{base}/{relative.as_posix()}")
        over = overlays.get(relative)
        over_display = decodable(f"{restricted_base}/{relative.as_posix()}") if over else None
        shown = display if path.is_file() else over_display  # where a problem of the file itself is said
        if path.suffix not in YAML_SUFFIXES:
            problems.add(Problem(shown, 1, 1, "", msg.BAD_FILE_NAME.format(name=path.name)))
            records.mark_invalid(kind_of(folder, path) or "unknown", path.stem)
            continue
        kind = kind_of(folder, path)
        if kind is None:
            problems.add(Problem(shown, 1, 1, "", msg.UNKNOWN_FILE))
            records.mark_invalid("unknown", shown)
            continue
        slug = _slug_of(folder, path)
        if kind != "edisi" and not all(_is_slug(part) for part in slug.split("/")):
            problems.add(Problem(shown, 1, 1, "", msg.BAD_FILE_NAME.format(name=path.name)))
            records.mark_invalid(kind, slug)
            continue
        if over is not None and not path.is_file() and kind != "rapat":
            problems.add(Problem(over_display, 1, 1, "", msg.RESTRICTED_FILE_ALONE.format(public=display)))
            records.mark_invalid(kind, slug)
            continue
        record = _validated(path, display, FILE_MODELS[kind], problems, slug, seconds, over, over_display, memo,
                            kept)
        if record is None:
            records.mark_invalid(kind, slug)
            continue
        if kind == "edisi":
            records.edisi = record
        else:
            getattr(records, kind)[slug] = record
    if records.edisi is None and not (folder / "edisi.yml").exists() and not (folder / "edisi.yaml").exists():
        problems.add(Problem(display_path(folder / "edisi.yml", root), 1, 1, "",
                             msg.EDITION_FILE_MISSING.format(edisi=folder.name)))
        records.mark_invalid("edisi", "edisi")
    elif records.edisi is not None and records.edisi.data.id != folder.name:
        problems.add(records.edisi.document.problem(("id",), msg.EDITION_ID_MISMATCH.format(
            found=records.edisi.data.id, folder=folder.name)))
    return records


def _validated(path: Path, display: str, model: type[M], problems: Problems, slug: str,
               seconds: dict[str, float] | None, over: Path | None, over_display: str | None,
               memo: Memo | None, kept: "Kept | None" = None) -> Record[M] | None:
    """``validate_file``, through the memo when there is one: the record (None for an invalid file) and every
    problem of the file, remembered together by the contents of both files and the code that checks them."""
    if memo is None:
        return validate_file(path, display, model, problems, slug, seconds, over, over_display)
    key = _memo_key(path, display, over, over_display, slug, model)
    validated = kept.get(key) if kept is not None else None
    if validated is not None:
        memo.keep(key)  # used, though not read: the memo keeps it for the next process
        record, found = validated
    else:
        remembered = memo.get(key)
        if remembered is not None:
            record, found = _unpacked(pickle.loads(remembered))
        else:
            found = Problems()
            record = validate_file(path, display, model, found, slug, seconds, over, over_display)
            packed = _packed(record, found)
            memo.put(key, pickle.dumps(packed, protocol=5))
            # kept as the next build will have it: the document's marks packed (a national desk's million mark
            # tuples and its raw values cost 300 MB for the whole build), unpacked when a check reports a problem
            record, _ = _unpacked(packed)
        if kept is not None:
            kept.put(key, (record, found))
    problems.extend(found.items)  # in the order they were found, as without the memo
    return record


class Kept:
    """The records of a long-running process's latest validation (``bulletin serve``), by their memo key: the
    next validation takes a file that did not change since from here, not from the memo (unpickling a national
    desk's 8,800 records takes a second of every save). The key is everything a record and its problems are made
    from, so what is kept is what the memo would give; records and their data are immutable. Only the latest
    validation's files are kept."""

    def __init__(self):
        self._earlier: dict[str, tuple] = {}
        self._latest: dict[str, tuple] = {}

    def start(self) -> None:
        """A new validation: what the latest one validated is what this one may take."""
        self._earlier, self._latest = self._latest, {}

    def get(self, key: str) -> tuple | None:
        validated = self._earlier.get(key) or self._latest.get(key)
        if validated is not None:
            self._latest[key] = validated
        return validated

    def put(self, key: str, validated: tuple) -> None:
        self._latest[key] = validated


def _packed(record: Record | None, found: Problems) -> tuple:
    """A file's record and problems as the memo keeps them: the document's marks and values packed apart, so that a
    build whose checks find no problem in the file never unpacks them (half the cost of a national warm load)."""
    if record is None:
        return None, found
    document = record.document
    marks = pickle.dumps((document.data, document.value_marks, document.key_marks), protocol=5)
    # the places with the data they point into: pickled together, they point into the same data read back
    return (record.slug, record.data, record.places, document.path, document.display, document.overlay, marks), found


def _unpacked(packed: tuple) -> tuple[Record | None, Problems]:
    remembered, found = packed
    if remembered is None:
        return None, found
    slug, data, places, path, display, overlay, marks = remembered
    record = Record(slug, data, RememberedDocument.of(path, display, overlay, marks))
    record.__dict__["places"] = places  # as ``Record.places`` found them when the file was validated
    return record, found


class RememberedDocument(Document):
    """A document from the memo: where it is and what it is shown by at once, its values and marks (what a
    problem's place is found in) unpacked when first asked for."""

    @classmethod
    def of(cls, path: Path, display: str, overlay: str | None, marks: bytes) -> "RememberedDocument":
        document = object.__new__(cls)
        document.__dict__.update(path=path, display=display, overlay=overlay, _marks=marks)
        return document

    def __getattr__(self, name: str):  # only for what is not set yet: data, value_marks, key_marks
        if name.startswith("__") or "_marks" not in self.__dict__:
            raise AttributeError(name)
        data, value_marks, key_marks = pickle.loads(self.__dict__.pop("_marks"))
        self.__dict__.update(data=data, value_marks=value_marks, key_marks=key_marks)
        if name not in self.__dict__:
            raise AttributeError(name)
        return self.__dict__[name]


def _memo_key(path: Path, display: str, restricted: Path | None, restricted_display: str | None, slug: str,
              model: type) -> str:
    """Everything a file's record and problems are made from: the bytes of the file and of its restricted
    counterpart, where they are and the names they are shown by, its kind and slug, and the code
    (``generator.fingerprint``)."""
    digest = hashlib.sha256(fingerprint.code().encode())
    for part in (str(path), display, str(restricted or ""), restricted_display or "", slug, model.__name__):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for file in (path, restricted):
        contents = file.read_bytes() if file is not None and file.is_file() else None
        digest.update(b"-\0" if contents is None else hashlib.sha256(contents).digest())
    return digest.hexdigest()


def kind_of(folder: Path, path: Path) -> str | None:
    """Which kind of file (edisi, instansi, kecamatan, rapat) ``path`` is, by its place in the edition ``folder``."""
    parts = path.relative_to(folder).parts
    if len(parts) == 1 and path.stem == "edisi":
        return "edisi"
    if len(parts) >= 2 and parts[0] in FOLDERS and len(parts) - 2 <= NESTED_FOLDERS.get(parts[0], 0):
        return parts[0]
    return None


def _slug_of(folder: Path, path: Path) -> str:
    """A record's key in its edition: the file name without suffix, with the folders below its kind's folder
    ("jenamas", or "barito-selatan/jenamas" for a kecamatan file kept in a folder per kabupaten)."""
    parts = path.relative_to(folder).with_suffix("").parts
    return "/".join(parts[1:]) if len(parts) > 1 else parts[0]


def _is_slug(text: str) -> bool:
    from generator.load.fields import _SLUG

    return bool(_SLUG.fullmatch(text))


def validate_file(path: Path, display: str, model: type[M], problems: Problems,
                  slug: str | None = None, seconds: dict[str, float] | None = None,
                  restricted: Path | None = None, restricted_display: str | None = None) -> Record[M] | None:
    """One file read and checked against ``model``, with its restricted counterpart laid over it if there is
    one; None (with its problems added) when it is not valid."""
    started = time.perf_counter()
    document, load_problems = load_document(path, display) if path.is_file() else (None, [])
    problems.extend(load_problems)
    if restricted is not None and (document is not None or not path.is_file()):
        secret, restricted_problems = load_document(restricted, restricted_display)
        problems.extend(restricted_problems)
        if secret is None:
            return None
        document, merge_problems = overlay(document, secret, model)
        problems.extend(merge_problems)  # and the merged data is still checked: every problem at once
    loaded = time.perf_counter()
    try:
        if document is None:
            return None
        try:
            data = model.model_validate(document.data)
        except ValidationError as exc:
            for error in exc.errors():
                problems.add(problem_from_error(document, model, error))
            return None
        return Record(slug or path.stem, data, document)
    finally:
        if seconds is not None:
            seconds["load"] = seconds.get("load", 0.0) + loaded - started
            seconds["validate"] = seconds.get("validate", 0.0) + time.perf_counter() - loaded


def problem_from_error(document: Document, model: type[BaseModel], error: dict) -> Problem:
    """A pydantic error as an editor's problem: place, field and Indonesian message."""
    loc = tuple(error["loc"])
    if loc and loc[-1] == 0 and not isinstance(_raw_at(document.data, loc[:-1]), list):
        loc = loc[:-1]  # a single value written for a list (the one-or-many shorthand): named as written
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        return document.problem(loc, msg.UNKNOWN_KEY.format(key=loc[-1], hint=_key_hint(model, loc)), key=True)
    if kind == "missing":
        return document.problem(loc, msg.MISSING, key=True)
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "\"").replace(" or ", " atau ")
        message = msg.EXPECTED_CHOICE.format(choices=expected, found=describe(value))
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = msg.EXPECTED_MAPPING.format(found=describe(value))
    elif kind == "list_type":
        message = msg.EXPECTED_LIST.format(found=describe(value))
    elif kind == "bulletin":
        message = error["msg"]
    elif kind == "dasar_wajib":
        return document.problem(loc + ("akses",), error["msg"])
    else:  # a pydantic message we have not translated: still placed, never a traceback
        message = msg.INVALID_VALUE.format(detail=error["msg"])
    return document.problem(loc, message)


def _raw_at(data: Any, loc: tuple) -> Any:
    """The value the editor wrote at ``loc``, or None where there is none."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _key_hint(model: type[BaseModel], loc: tuple) -> str:
    owner = model_at(model, loc[:-1])
    if owner is None:
        return ""
    names = sorted(owner.model_fields, key=lambda name: name in ("akses", "dasar"))  # the access keys last
    close = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
    if close:
        return msg.UNKNOWN_KEY_HINT.format(suggestion=close[0])
    return msg.UNKNOWN_KEY_ALLOWED.format(allowed=", ".join(names))


def model_at(model: Any, loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``loc`` inside a document of ``model``."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            if typing.get_origin(current) is not list or not args:
                return None
            current = args[0]
        else:
            if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
                return None
            current = current.model_fields[part].annotation
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation
