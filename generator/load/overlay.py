"""Merge: a file of the restricted tree laid over its public file, record by record, before validation.

The restricted tree mirrors ``data/``: the same election edition, kind and file name, holding only restricted
fields and records. In a list, each of its records is placed by a stable key, never by its position:

* a record whose key is that of a public record adds its restricted fields to it (a contact's
  ``telepon_pribadi``, a report's ``usulan_asn_panwascam.daftar``);
* any other record is a restricted record of its own, put after the public record named by ``setelah``
  (at the start of the list without it), so that both editions show it where it was.

A record's key is its ``id``; a dated report's is its ``tanggal`` unless it has an ``id``. A file only in the
restricted tree is a record restricted as a whole (a meeting marked ``akses: terbatas``).

The merged document keeps every value's place in the file it came from, so a message about a restricted
value names the restricted file and its line.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from generator.load import messages as msg
from generator.load.problems import Problem
from generator.load.reader import Document, Path_

PLACEMENT = "setelah"  # the key of the public record a restricted record follows
KEYS = ("id", "tanggal")  # what identifies a record in its list, in this order


def record_key(item: Any) -> Any:
    if isinstance(item, dict):
        for name in KEYS:
            if item.get(name) is not None:
                return item[name]
    return None


def overlay(public: Document | None, restricted: Document, model: type[BaseModel]) -> tuple[Document, list[Problem]]:
    """The public document with the restricted one laid over it (or the restricted one alone)."""
    merger = _Merger(public, restricted)
    if public is None:
        data = merger.copy(restricted, restricted.data, (), ())
        base = restricted
    else:
        data = merger.mapping(public.data, (), restricted.data, (), model, ())
        base = public
    merged = Document(base.path, base.display, data, merger.value_marks, merger.key_marks,
                      overlay=restricted.display if public is not None else None)
    return merged, merger.problems


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model class a field holds (directly, in a list, or optional), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    return any(_is_list(arg) for arg in typing.get_args(annotation)) if origin is not None else False


class _Merger:
    def __init__(self, public: Document | None, restricted: Document):
        self.public, self.restricted = public, restricted
        self.value_marks: dict[Path_, tuple] = {}
        self.key_marks: dict[Path_, tuple] = {}
        self.problems: list[Problem] = []

    def error(self, loc: Path_, message: str, key: bool = False) -> None:
        self.problems.append(self.restricted.problem(loc, message, key=key))

    def copy(self, source: Document, value: Any, src: Path_, out: Path_) -> Any:
        """``value`` as it is, with the places of it and everything in it (from ``source``) under ``out``."""
        own = source is self.restricted and self.public is not None
        mark = source.value_marks.get(src)
        if mark is not None:
            self.value_marks[out] = (*mark[:2], source.display) if own else mark
        if src and src in source.key_marks:
            mark = source.key_marks[src]
            self.key_marks[out] = (*mark[:2], source.display) if own else mark
        if isinstance(value, dict):
            return {key: self.copy(source, item, src + (key,), out + (key,)) for key, item in value.items()}
        if isinstance(value, list):
            return [self.copy(source, item, src + (index,), out + (index,)) for index, item in enumerate(value)]
        return value

    def mapping(self, public: Any, pub: Path_, restricted: Any, res: Path_, model: type[BaseModel] | None,
                out: Path_) -> Any:
        if not isinstance(restricted, dict) or not isinstance(public, dict):
            if restricted != public:
                self.error(res, msg.RESTRICTED_CONFLICT)
            return self.copy(self.public, public, pub, out)
        fields = model.model_fields if model is not None else {}
        merged: dict[str, Any] = {}
        mark = self.public.value_marks.get(pub)
        if mark is not None:
            self.value_marks[out] = mark
        if out and pub in self.public.key_marks:
            self.key_marks[out] = self.public.key_marks[pub]
        for key, value in public.items():
            if key not in restricted:
                merged[key] = self.copy(self.public, value, pub + (key,), out + (key,))
                continue
            annotation = fields[key].annotation if key in fields else None
            inner = _model_of(annotation)
            if isinstance(value, list) and isinstance(restricted[key], list):
                merged[key] = self.items(value, pub + (key,), restricted[key], res + (key,), inner, out + (key,))
            elif isinstance(value, dict) and isinstance(restricted[key], dict):
                merged[key] = self.mapping(value, pub + (key,), restricted[key], res + (key,), inner, out + (key,))
            else:
                if restricted[key] != value:
                    self.error(res + (key,), msg.RESTRICTED_CONFLICT)
                merged[key] = self.copy(self.public, value, pub + (key,), out + (key,))
        for key, value in restricted.items():
            if key not in public and key != PLACEMENT:  # a misplaced setelah is reported by items()
                merged[key] = self.copy(self.restricted, value, res + (key,), out + (key,))
        return merged

    def items(self, public: list, pub: Path_, restricted: list, res: Path_, model: type[BaseModel] | None,
              out: Path_) -> list:
        keyed: dict[Any, int] = {}
        for index, item in enumerate(public):
            key = record_key(item)
            if key is not None:
                keyed.setdefault(key, index)
        onto: dict[int, tuple[int, dict]] = {}  # public index → the restricted record merged into it
        after: dict[Any, list[int]] = {}  # public key (None: the start) → restricted records put after it
        for index, item in enumerate(restricted):
            key = record_key(item)
            if key is not None and key in keyed:
                if isinstance(item, dict) and PLACEMENT in item:
                    self.error(res + (index, PLACEMENT), msg.RESTRICTED_PLACEMENT_ON_MERGE.format(key=key), key=True)
                onto[keyed[key]] = (index, item)
                continue
            anchor = item.get(PLACEMENT) if isinstance(item, dict) else None
            if anchor is not None and anchor not in keyed:
                self.error(res + (index, PLACEMENT), msg.RESTRICTED_ANCHOR_UNKNOWN.format(key=anchor))
                anchor = None
            after.setdefault(anchor, []).append(index)
        merged: list = []
        mark = self.public.value_marks.get(pub)
        if mark is not None:
            self.value_marks[out] = mark

        def add_restricted(indexes: list[int]) -> None:
            for index in indexes:
                item = restricted[index]
                if isinstance(item, dict):
                    item = {k: v for k, v in item.items() if k != PLACEMENT}
                    copied = {k: self.copy(self.restricted, v, res + (index, k), out + (len(merged), k))
                              for k, v in item.items()}
                    self.value_marks[out + (len(merged),)] = (*self.restricted.value_marks.get(
                        res + (index,), (1, 1))[:2], self.restricted.display)
                    merged.append(copied)
                else:
                    merged.append(self.copy(self.restricted, item, res + (index,), out + (len(merged),)))

        add_restricted(after.get(None, []))
        for index, item in enumerate(public):
            if index in onto:
                res_index, res_item = onto[index]
                merged.append(self.mapping(item, pub + (index,), res_item, res + (res_index,), model,
                                           out + (len(merged),)))
            else:
                merged.append(self.copy(self.public, item, pub + (index,), out + (len(merged),)))
            key = record_key(item)
            if key is not None and keyed.get(key) == index:
                add_restricted(after.get(key, []))
        return merged
