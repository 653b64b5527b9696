"""Edition: the validated records filtered to what an edition may show, before the views are built.

The internal edition shows everything. The public edition is made by *removing* restricted content here, so no
later stage and no template can show what is not there. What is restricted is the one rule of
``generator.load.restricted``: a record restricted by its kind or marked ``akses: terbatas`` is removed, a
restricted field is emptied, and what the schema does not declare is treated as restricted (fail closed).

What was removed is remembered only as ``Withheld`` notes: the category, its canonical legal citations and the
page it belonged to, never the value, so a public page can say that and why something was withheld.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from generator.domain.editions import INTERNAL
from generator.load.exemptions import citations
from generator.load.restricted import RestrictedPlace
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
            places = record.places
            withheld.extend(_note(place, kind, slug) for place in places)
            data = _without(record.data, {place.loc: place for place in places}) if places else record.data
            if data is not _REMOVED:
                getattr(out, kind)[slug] = Record(slug, data, record.document)
    return out, sorted(set(withheld))


def _note(place: RestrictedPlace, kind: str, slug: str) -> Withheld:
    codes = getattr(place.owner, "kecamatan", None)
    codes = (codes,) if isinstance(codes, str) else tuple(codes or ())
    codes = tuple(c for c in codes if isinstance(c, str))
    return Withheld(place.kategori, tuple(citations(place.dasar)), kind, slug, codes)


def _without(value: Any, places: dict[tuple, RestrictedPlace], loc: tuple = ()) -> Any:
    """``value`` without the restricted ``places`` (by their place in the record): records removed, fields emptied.
    Only what holds a place is copied."""
    place = places.get(loc)
    if place is not None and place.removes_record:
        return _REMOVED
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            inner = loc + (name,)
            if inner in places:
                current = getattr(value, name)
                updates[name] = [] if isinstance(current, list) else None
            elif _holds(places, inner):
                updates[name] = _without(getattr(value, name), places, inner)
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, (list, tuple)):
        kept = [_without(item, places, loc + (index,)) if _holds(places, loc + (index,)) else item
                for index, item in enumerate(value)]
        kept = [item for item in kept if item is not _REMOVED]
        return type(value)(kept) if isinstance(value, tuple) else kept
    return value


def _holds(places: dict[tuple, RestrictedPlace], loc: tuple) -> bool:
    size = len(loc)
    return any(where[:size] == loc for where in places)
