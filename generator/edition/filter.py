"""Edition: the validated records filtered to what an edition may show, before anything is linked or rendered.

The internal edition shows everything. The public edition is made by *removing* restricted records and
fields here, so no later stage and no template can show what is not there:

* a record marked ``akses: terbatas`` is removed;
* a record whose kind is restricted by nature (``RestrictedModel``: security deployments, vulnerable-TPS
  assessments, potential disruptions, lists of named ASN) is removed, whatever its file says;
* a field marked restricted in the schema (``restricted_field``: personal phone, NIK, NIP, internal minutes)
  is emptied;
* a field or record whose classification the schema does not declare is treated as restricted (fail closed).

What was removed is remembered only as ``Withheld`` notes: the category, its canonical legal citations and the
page it belonged to, never the value, so a public page can say that and why something was withheld.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from generator.domain.editions import INTERNAL
from generator.load.exemptions import CATEGORIES, citations
from generator.load.schema import RECORD_CATEGORY, field_access, model_access
from generator.load.validate import EditionRecords, Record

_REMOVED = object()


@dataclass(frozen=True, order=True)
class Withheld:
    """Something the public edition left out: which category, on what basis, from which page."""

    kategori: str  # a key of exemptions.CATEGORIES
    dasar: tuple[str, ...]  # canonical citations, never the editor's text
    source_kind: str  # "instansi" | "kecamatan" | "rapat"
    source_slug: str
    kecamatan: tuple[str, ...] = ()  # codes of the kecamatan the withheld record concerns


def filter_edition(records: EditionRecords, edition: str) -> tuple[EditionRecords, list[Withheld]]:
    """The records an edition may show, and the notes of what was withheld."""
    if edition == INTERNAL:
        return records, []
    withheld: list[Withheld] = []
    out = replace(records, instansi={}, kecamatan={}, rapat={})
    for kind in ("instansi", "kecamatan", "rapat"):
        for slug, record in getattr(records, kind).items():
            walker = _Walker(kind, slug)
            data = walker.value(record.data)
            withheld.extend(walker.withheld)
            if data is not _REMOVED:
                getattr(out, kind)[slug] = Record(slug, data, record.document)
    return out, sorted(set(withheld))


class _Walker:
    def __init__(self, kind: str, slug: str):
        self.kind, self.slug = kind, slug
        self.withheld: list[Withheld] = []

    def note(self, kategori: str, dasar: str, value: Any) -> None:
        codes = getattr(value, "kecamatan", None) if isinstance(value, BaseModel) else None
        codes = (codes,) if isinstance(codes, str) else tuple(codes or ())
        codes = tuple(c for c in codes if isinstance(c, str))
        self.withheld.append(Withheld(kategori, tuple(citations(dasar)), self.kind, self.slug, codes))

    def value(self, value: Any) -> Any:
        if isinstance(value, BaseModel):
            return self.record(value)
        if isinstance(value, (list, tuple)):
            kept = [self.value(item) for item in value]
            kept = [item for item in kept if item is not _REMOVED]
            return type(value)(kept) if isinstance(value, tuple) else kept
        return value

    def record(self, record: BaseModel) -> Any:
        cls = type(record)
        access, kategori = model_access(cls)
        if access != "publik":
            kategori = kategori or "ditandai"
            self.note(kategori, CATEGORIES[kategori].dasar, record)
            return _REMOVED
        if getattr(record, "akses", "publik") != "publik":
            self.note(RECORD_CATEGORY, getattr(record, "dasar", None) or "", record)
            return _REMOVED
        updates = {}
        for name, access, kategori, may_hold in _field_plan(cls):
            current = getattr(record, name)
            if access == "publik":
                if may_hold:
                    updates[name] = self.value(current)
                continue
            if current not in (None, [], ()):
                kategori = kategori or "ditandai"
                self.note(kategori, CATEGORIES[kategori].dasar, record)
            updates[name] = [] if isinstance(current, list) else None
        return record.model_copy(update=updates)


@functools.cache
def _field_plan(cls: type) -> tuple[tuple[str, str, str | None, bool], ...]:
    """Per field of a model class, once: its name, access, category, and whether a public field's values can
    hold something to remove (the filter walks every record of the country with it)."""
    plan = []
    for name, field in cls.model_fields.items():
        access, kategori = field_access(field)
        plan.append((name, access, kategori, access == "publik" and _may_hold_restricted(field.annotation)))
    return tuple(plan)


def _may_hold_restricted(annotation) -> bool:
    """Whether a public field's values can hold something to remove; if not (a list of desa), it is kept as is."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_may_hold_restricted(annotation)
    return any(_may_hold_restricted(arg) for arg in typing.get_args(annotation))


@functools.cache
def _model_may_hold_restricted(cls: type) -> bool:
    if model_access(cls)[0] != "publik" or "akses" in cls.model_fields:
        return True
    return any(field_access(field)[0] != "publik" or _may_hold_restricted(field.annotation)
               for field in cls.model_fields.values())


def restricted_places(value: Any, loc: tuple = ()):
    """Every place in a validated record where restricted content sits, as the public edition would remove it:
    (loc, "jenis") a record restricted by its kind, (loc, "ditandai") a record marked ``akses: terbatas``,
    (loc, "bidang") a restricted field that holds a value."""
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from restricted_places(item, loc + (index,))
        return
    if not isinstance(value, BaseModel):
        return
    cls = type(value)
    if model_access(cls)[0] != "publik":
        yield loc, "jenis"
        return
    if getattr(value, "akses", "publik") != "publik":
        yield loc, "ditandai"
        return
    for name, field in cls.model_fields.items():
        current = getattr(value, name)
        if field_access(field)[0] != "publik":
            if current not in (None, [], ()):
                yield loc + (name,), "bidang"
        elif _may_hold_restricted(field.annotation):
            yield from restricted_places(current, loc + (name,))
