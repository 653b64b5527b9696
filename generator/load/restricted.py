"""The one walker of the restricted-data rules: where in a validated record the law keeps something from the public.

Its only input is what the schema declares (``generator.load.schema``): a model restricted by its kind
(``RestrictedModel``: security deployments, vulnerable-TPS assessments, potential disruptions, named ASN), a record
its editor marked ``akses: terbatas``, and a field declared ``restricted_field`` (personal phone, NIK, NIP,
internal minutes). What declares neither is restricted (fail closed).

Every user of the rule reads the places from here, so the rule is changed in one place:

* the filter of the public edition removes them (``generator.edition.filter``);
* the guard refuses them in a public repository and checks the restricted tree holds only them
  (``generator.edition.guard``);
* ``bulletin split`` moves them to the restricted tree (``generator.tools.split``);
* the checks read the shape of the values they hold (``generator.check.consistency``).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.load.exemptions import CATEGORIES
from generator.load.schema import RECORD_CATEGORY, field_access, model_access

PUBLIC = "publik"
KIND, MARKED, FIELD = "jenis", "ditandai", "bidang"  # how a place is restricted (the guard's words for it)


@dataclass(frozen=True)
class RestrictedPlace:
    """One place of restricted content in a record."""

    loc: tuple  # where in the record: keys and list indexes; () is the record itself
    how: str  # KIND: a record restricted by its kind; MARKED: a record marked akses: terbatas; FIELD: a field
    kategori: str  # the category of exempted information (exemptions.CATEGORIES)
    dasar: str  # its basis as declared: the category's, or for a marked record the editor's own ``dasar``
    owner: BaseModel  # the restricted record itself (KIND, MARKED), or the record whose field it is (FIELD)

    @property
    def removes_record(self) -> bool:
        return self.how != FIELD


def restricted_places(value: Any, loc: tuple = (), inside: bool = False) -> Iterator[RestrictedPlace]:
    """Every place of restricted content in ``value`` (a validated record, or a list of them), outermost first.

    A restricted record is one place, its content is not walked: the public edition removes it whole. With
    ``inside``, the walk goes on into it too (the checks read every restricted value, wherever it sits)."""
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from restricted_places(item, loc + (index,), inside)
        return
    if not isinstance(value, BaseModel):
        return
    cls = type(value)
    access, kategori = model_access(cls)
    if access != PUBLIC:
        kategori = kategori or RECORD_CATEGORY
        yield RestrictedPlace(loc, KIND, kategori, CATEGORIES[kategori].dasar, value)
        if not inside:
            return
    elif getattr(value, "akses", PUBLIC) != PUBLIC:
        yield RestrictedPlace(loc, MARKED, RECORD_CATEGORY, getattr(value, "dasar", None) or "", value)
        if not inside:
            return
    for name, field_kind, field_kategori, may_hold in field_plan(cls):
        current = getattr(value, name)
        if field_kind != PUBLIC:
            if current not in (None, [], ()):
                field_kategori = field_kategori or RECORD_CATEGORY
                yield RestrictedPlace(loc + (name,), FIELD, field_kategori, CATEGORIES[field_kategori].dasar, value)
        elif may_hold:
            yield from restricted_places(current, loc + (name,), inside)


@functools.cache
def field_plan(cls: type) -> tuple[tuple[str, str | None, str | None, bool], ...]:
    """Per field of a model class, once: its name, access, category, and whether a public field's values can
    hold restricted content (if not, as a kecamatan's list of desa, the walk does not go into it: the filter
    walks every record of the country with this)."""
    plan = []
    for name, field in cls.model_fields.items():
        access, kategori = field_access(field)
        plan.append((name, access, kategori, access == PUBLIC and _may_hold(field.annotation)))
    return tuple(plan)


def _may_hold(annotation) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_may_hold(annotation)
    return any(_may_hold(arg) for arg in typing.get_args(annotation))


@functools.cache
def _model_may_hold(cls: type) -> bool:
    if model_access(cls)[0] != PUBLIC or "akses" in cls.model_fields:
        return True
    return any(field_access(field)[0] != PUBLIC or _may_hold(field.annotation) for field in cls.model_fields.values())
