"""Helpers of tests/test_editions.py: canaries planted in restricted places, and scanners of a built site.

* ``plant_canaries`` walks a data document alongside the JSON Schema of its kind (``bulletin schema``) and
  replaces every value in a restricted place with a unique canary of a shape the file still accepts; it also
  adds canaries for restricted optional text fields that a record leaves out.
* ``site_files`` yields every file of a built site as text (``.gz`` decompressed).
* ``find_canaries`` says which canaries a text contains (digits also when re-spaced or thousands-dotted).
* ``personal_numbers`` finds phone numbers, NIK and NIP in a text, the way a reviewer of the public edition would.
"""

from __future__ import annotations

import gzip
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

# --- canaries -----------------------------------------------------------------------------------

TEXT_PREFIX = "KANARI"
FIRST = 7001  # every canary number has four digits, so no canary is a prefix of another


@dataclass(frozen=True)
class Canary:
    value: Any  # what is written into the data file
    where: str  # file and field, e.g. "instansi/polres.yml: pengamanan[0].lokasi"
    digits: bool  # a number-like canary: also searched with separators removed

    @property
    def needle(self) -> str:
        text = str(self.value)
        return re.sub(r"\D", "", text) if self.digits else text.lower()


@dataclass
class Planter:
    """Plants canaries; one instance per project copy so that every canary is unique."""

    counter: int = FIRST
    canaries: list[Canary] = field(default_factory=list)

    def _next(self) -> int:
        n = self.counter
        self.counter += 1
        assert n < 10_000, "too many canaries for four-digit numbers"
        return n

    def make(self, schema: dict, where: str) -> Any:
        """A canary that ``schema`` (a resolved, non-null schema) accepts, or None to leave the value alone."""
        kind = canary_kind(schema)
        if kind is None:
            return None
        n = self._next()
        value: Any
        if kind == "text":
            value = f"{TEXT_PREFIX}{n}"
        elif kind == "nik":
            value = f"73{n:04d}{n:04d}{n:04d}73"  # 16 digits
        elif kind == "nip":
            value = f"1986{n:04d}2015{n:04d}10"  # 18 digits
        elif kind == "phone":
            value = f"0857 {n:04d} {n:04d}"
        elif kind == "email":
            value = f"kanari{n}@contoh.invalid"
        elif kind == "url":
            value = f"https://kanari{n}.invalid/"
        elif kind == "number":
            value = 9_100_000 + n
        else:  # pragma: no cover
            raise AssertionError(kind)
        canary = Canary(value, where, digits=kind in ("nik", "nip", "phone", "number"))
        self.canaries.append(canary)
        return value

    def plant(self, data: Any, schema: dict, root: dict, where: str) -> Any:
        """``data`` with every restricted value replaced by a canary (a new structure; ``data`` is not changed)."""
        return self._walk(data, schema, root, restricted=False, where=where, loc="")

    # The walk: ``schema`` is the schema of ``value`` as written at its place (may hold $ref, anyOf, x-akses).
    def _walk(self, value: Any, schema: dict, root: dict, restricted: bool, where: str, loc: str) -> Any:
        restricted = restricted or is_restricted(schema, root)
        resolved = pick_branch(value, schema, root)
        if resolved is None or value is None:
            return value
        restricted = restricted or is_restricted(resolved, root)
        if isinstance(value, dict):
            props = resolved.get("properties", {})
            restricted = restricted or value.get("akses") == "terbatas"
            out = {}
            for key, item in value.items():
                if key in ("akses", "dasar") or key not in props:
                    out[key] = item
                    continue
                out[key] = self._walk(item, props[key], root, restricted, where, f"{loc}.{key}".lstrip("."))
            required = set(resolved.get("required", []))
            for key, prop in props.items():  # restricted optional fields the record leaves out
                if key in value or key in required or key in ("akses", "dasar"):
                    continue
                if not (restricted or is_restricted(prop, root)):
                    continue
                branch = non_null(prop, root)
                if branch is None or branch.get("type") != "string":
                    continue
                planted = self.make(branch, f"{where}: {loc + '.' if loc else ''}{key} (ditambahkan)")
                if planted is not None:
                    out[key] = planted
            return out
        if isinstance(value, list):
            items = resolved.get("items", {})
            return [self._walk(item, items, root, restricted, where, f"{loc}[{i}]") for i, item in enumerate(value)]
        if not restricted or isinstance(value, bool):
            return value
        if isinstance(value, str) and resolved.get("type") == "object":
            # a short form of a record (a decision written as text): its text is the record's ``uraian``
            return self.make({"type": "string"}, f"{where}: {loc}") or value
        if isinstance(value, (str, int, float)):
            planted = self.make(resolved, f"{where}: {loc}")
            return value if planted is None else planted
        return value


def resolve(schema: dict, root: dict) -> dict:
    """Follow ``$ref`` (and a single-element ``allOf``) into ``root["$defs"]``."""
    seen = 0
    while True:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = root["$defs"][name]
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        else:
            return schema
        seen += 1
        assert seen < 50, "reference loop in the schema"


def is_restricted(schema: dict, root: dict) -> bool:
    """The schema at this place, or the definition it refers to, is marked "x-akses": "terbatas"."""
    if schema.get("x-akses") == "terbatas":
        return True
    if "$ref" in schema or "allOf" in schema:
        return resolve(schema, root).get("x-akses") == "terbatas"
    return False


def non_null(schema: dict, root: dict) -> dict | None:
    """The resolved non-null alternative of ``schema`` (the first one, when there are several)."""
    schema = resolve(schema, root)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            for branch in schema[key]:
                branch = resolve(branch, root)
                if branch.get("type") != "null":
                    return branch
            return None
    return None if schema.get("type") == "null" else schema


def _type_of(branch: dict) -> str | None:
    if "properties" in branch or branch.get("type") == "object":
        return "object"
    return branch.get("type")


def pick_branch(value: Any, schema: dict, root: dict) -> dict | None:
    """The resolved alternative of ``schema`` that describes ``value``."""
    schema = resolve(schema, root)
    branches = None
    for key in ("anyOf", "oneOf"):
        if key in schema:
            branches = [resolve(b, root) for b in schema[key]]
    if branches is None:
        return schema
    wanted = ("object" if isinstance(value, dict) else "array" if isinstance(value, list)
              else "boolean" if isinstance(value, bool) else "integer" if isinstance(value, int)
              else "number" if isinstance(value, float) else "string" if isinstance(value, str) else "null")
    for branch in branches:
        kind = _type_of(branch)
        if kind == wanted or (wanted == "integer" and kind == "number"):
            return {**branch, **{k: v for k, v in schema.items() if k.startswith("x-")}}
    for branch in branches:  # e.g. a text short form of a record
        if _type_of(branch) not in (None, "null"):
            return branch
    return None


def canary_kind(schema: dict) -> str | None:
    """Which canary fits a resolved, non-null schema; None for what must be left as is."""
    if "enum" in schema or "const" in schema:
        return None
    kind = schema.get("type")
    if kind in ("integer", "number"):
        return "number"
    if kind != "string":
        return None
    fmt, pattern = schema.get("format"), schema.get("pattern")
    if fmt == "date":
        return None
    if fmt == "email":
        return "email"
    if fmt == "uri":
        return "url"
    if pattern is None:
        return "text"
    if pattern == "\\S":  # any text that is not only white space; restricted personal data says what by example
        example = str((schema.get("examples") or [""])[0])
        digits = re.sub(r"[^0-9]", "", example)
        if re.fullmatch(r"[0-9]{16}", example):
            return "nik"
        if len(digits) == 18 and " " in example:
            return "nip"
        if example.startswith("08") and len(digits) >= 10:
            return "phone"
        return "text"
    if pattern.startswith("^(?=\\+?[0-9("):  # an office phone number
        return "phone"
    if pattern == "^[0-9]{16}$":
        return "nik"
    if "{8}" in pattern and "{6}" in pattern and "{3}" in pattern:
        return "nip"
    if pattern.startswith("^\\+?[0-9("):
        return "phone"
    return None  # region codes, slugs (references), times: left alone


def check_unique(canaries: list[Canary]) -> None:
    """No canary's needle may contain another's: a found canary is then that canary, not a neighbour."""
    needles = [c.needle for c in canaries]
    assert len(set(needles)) == len(needles), "duplicate canaries"
    for a in canaries:
        for b in canaries:
            if a is not b:
                assert a.needle not in b.needle, (a, b)


# --- scanning a built site ----------------------------------------------------------------------


def site_files(site: Path) -> Iterator[tuple[str, str]]:
    """(relative path, text) of every file under ``site``; ``x.gz`` is also read decompressed as ``x.gz!``, and
    each file of a ZIP (the public edition's copy for reading without signal) as ``x.zip!member``."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        rel = path.relative_to(site).as_posix()
        yield rel, raw.decode("utf-8", errors="replace")
        if raw[:2] == b"\x1f\x8b":
            yield rel + "!", gzip.decompress(raw).decode("utf-8", errors="replace")
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    yield f"{rel}!{member}", archive.read(member).decode("utf-8", errors="replace")


_BETWEEN_DIGITS = re.compile(r"(?<=\d)[ \u00a0.\-()/]+(?=\d)")


def squeeze(text: str) -> str:
    """Separators between digits removed: "0857 7001 7001" and "9.107.001" become plain digit runs."""
    return _BETWEEN_DIGITS.sub("", text)


_TOKEN = re.compile(r"kanari\d{4}")


def find_canaries(text: str, canaries: list[Canary], squeezed: str | None = None) -> list[Canary]:
    """The canaries ``text`` contains: text canaries by their KANARI token (any case), number canaries as a
    whole digit run once separators are removed (a phone also with the country code: "+62 857 ...")."""
    lowered = text.lower()
    tokens = set(_TOKEN.findall(lowered))
    runs: set[str] = set()
    if any(c.digits for c in canaries):
        runs = set(re.findall(r"\d+", squeeze(text) if squeezed is None else squeezed))
    found = []
    for canary in canaries:
        if canary.digits:
            needle = canary.needle
            hit = needle in runs
            if re.fullmatch(r"0[1-9]\d{7,11}", needle):  # a phone: also "+62 857..." and "62857..."
                hit = hit or "62" + needle[1:] in runs
            written = str(canary.value).lower()
            if not hit and not written.isdigit() and written in lowered:
                hit = re.search(rf"(?<!\d){re.escape(written)}(?!\d)", lowered) is not None
        else:
            hit = any(token in tokens for token in _TOKEN.findall(canary.needle)) or canary.needle in lowered
        if hit:
            found.append(canary)
    return found


# --- personal numbers ---------------------------------------------------------------------------

# A phone number written the Indonesian way: +62 / (+62) / 62 country code, or a leading 0 (mobile 08..., or
# an area code such as 0525, possibly in parentheses), then groups of digits separated by spaces, dashes,
# dots or nothing. Not inside a longer number or a dotted code (62.04.01.2001), not a date (2020-12-09).
PHONE = re.compile(r"""
    (?<![\w.,/+\-])
    (?: \+\s?62 | \(\+?62\) | 62(?=[ \-]?8) | \(0\d{2,4}\) | 0\d{1,4} )
    (?: [ \u00a0.\-]? \(? \d{2,5} \)? ){1,5}
    (?![\w]|[.,\-/]\d)
""", re.VERBOSE)
NIK = re.compile(r"(?<![\d.,])\d{16}(?![\d])")
NIP = re.compile(r"(?<![\d.,])\d{8}[ \u00a0]?\d{6}[ \u00a0]?\d[ \u00a0]?\d{3}(?!\d)")


def national(number: str) -> str:
    """The digits of a phone number in national form: "+62 525 21500" → "052521500"."""
    digits = re.sub(r"\D", "", number)
    if number.lstrip("( ").startswith("+") or (digits.startswith("62") and not number.lstrip("( ").startswith("0")):
        return "0" + digits[2:]
    return digits


def is_phone(candidate: str) -> bool:
    number = national(candidate)
    if not number.startswith("0") or number[1:2] in ("", "0"):
        return False
    if re.fullmatch(r"\d{1,2}[.\-]\d{1,2}[.\-]\d{4}", candidate.strip()):
        return False  # a date written DD-MM-YYYY
    return 9 <= len(number) <= 13


@dataclass(frozen=True)
class Finding:
    kind: str  # "telepon" | "NIK" | "NIP"
    text: str
    file: str

    def __str__(self) -> str:
        return f"{self.file}: {self.kind} {self.text!r}"


def personal_numbers(text: str, file: str = "", allowed_phones: frozenset[str] = frozenset()) -> list[Finding]:
    """Phone numbers (except ``allowed_phones``, in national digit form), NIK and NIP written in ``text``."""
    found: list[Finding] = []
    nip_spans = []
    for match in NIP.finditer(text):
        found.append(Finding("NIP", match.group(0), file))
        nip_spans.append(match.span())
    for match in NIK.finditer(text):
        found.append(Finding("NIK", match.group(0), file))
    for match in PHONE.finditer(text):
        candidate = match.group(0)
        if any(a <= match.start() < b for a, b in nip_spans):
            continue
        if is_phone(candidate) and national(candidate) not in allowed_phones:
            found.append(Finding("telepon", candidate.strip(), file))
    return found


def scan_folder(folder: Path, allowed_phones: frozenset[str] = frozenset()) -> list[Finding]:
    findings = []
    for rel, text in site_files(folder):
        findings += personal_numbers(text, rel, allowed_phones)
    return findings
