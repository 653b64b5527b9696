"""Field types of the data files: what an editor may write, and the message when it is something else.

Each type is an ``Annotated`` pydantic type whose validator raises ``PydanticCustomError`` with a message
from ``generator.messages``. The JSON Schema of each type says what the validator accepts, for editors'
autocompletion.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import messages as msg


def _fail(message: str) -> PydanticCustomError:
    # Braces in the message are literal text, not format fields.
    return PydanticCustomError("bulletin", message.replace("{", "{{").replace("}", "}}"))


def describe(value: Any) -> str:
    """How a found value is named in a message."""
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"angka {value}"
    if isinstance(value, str):
        return f"\"{value}\""
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "pemetaan"
    return type(value).__name__


# --- text ---------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str):
        hint = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            hint = msg.EXPECTED_TEXT_QUOTE_HINT.format(text=value)
        raise _fail(msg.EXPECTED_TEXT.format(found=describe(value), hint=hint))
    value = value.strip()
    if not value:
        raise _fail(msg.EMPTY_TEXT)
    return value


Teks = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
"""Plain text, not empty."""

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _slug(value: Any) -> str:
    value = _text(value)
    if not _SLUG.fullmatch(value) or len(value) > 80:
        raise _fail(msg.EXPECTED_SLUG.format(text=value))
    return value


Slug = Annotated[str, BeforeValidator(_slug),
                 WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80})]
"""An identifier that can be part of a URL: lower-case letters, digits and hyphens."""


def _one_or_many_slugs(value: Any) -> Any:
    """One value written alone stands for a list of one; each element then gets its own message."""
    return [value] if isinstance(value, (str, int, float, bool)) else value


# --- numbers ------------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+")
_THOUSANDS_COMMA = re.compile(r"[1-9][0-9]{0,2}(,[0-9]{3})+")


MAX_COUNT = 1_000_000_000  # more people, TPS or cards than this is a typing mistake
MAX_NUMBER = 1_000_000.0


def _count(value: Any) -> int:
    """A count: a plain integer, or text with Indonesian thousands dots ("131.606")."""
    if isinstance(value, bool):
        raise _fail(msg.EXPECTED_INT.format(found=describe(value)))
    if isinstance(value, str) and len(value) > 20:
        raise _fail(msg.NUMBER_TOO_LARGE.format(limit=f"{MAX_COUNT:,}".replace(",", ".")))
    if isinstance(value, int):
        if value < 0:
            raise _fail(msg.EXPECTED_NON_NEGATIVE.format(value=value))
        if value > MAX_COUNT:
            raise _fail(msg.NUMBER_TOO_LARGE.format(limit=f"{MAX_COUNT:,}".replace(",", ".")))
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and text.isascii():
            return _count(int(text))
        if _THOUSANDS.fullmatch(text):
            return _count(int(text.replace(".", "")))
        if _THOUSANDS_COMMA.fullmatch(text):
            raise _fail(msg.EXPECTED_INT_COMMA.format(text=text, digits=text.replace(",", "")))
        if re.fullmatch(r"[1-9][0-9]{0,2}([ .][0-9]{3})+", text):
            raise _fail(msg.EXPECTED_INT_THOUSANDS.format(text=text, digits=re.sub(r"[.\s]", "", text)))
    raise _fail(msg.EXPECTED_INT.format(found=describe(value)))


Jumlah = Annotated[int, BeforeValidator(_count), WithJsonSchema({"type": "integer", "minimum": 0})]
"""A count of people, TPS, cards: a whole number without thousands separators."""


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(msg.EXPECTED_NUMBER.format(found=describe(value)))
    if value < 0:
        raise _fail(msg.EXPECTED_NON_NEGATIVE.format(value=value))
    if not value <= MAX_NUMBER:  # also refuses inf and nan
        raise _fail(msg.NUMBER_TOO_LARGE.format(limit="1.000.000"))
    return float(value)


Angka = Annotated[float, BeforeValidator(_number), WithJsonSchema({"type": "number", "minimum": 0})]
"""A non-negative number such as travel hours (2.5)."""


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _fail(msg.EXPECTED_BOOL.format(found=describe(value)))
    return value


YaTidak = Annotated[bool, BeforeValidator(_bool), WithJsonSchema({"type": "boolean"})]


def illustrative_flag(*fields: str):
    """``ilustratif``: true for a whole report, or the list of its figures that are illustrative."""

    def check(value: Any) -> bool | tuple[str, ...]:
        if isinstance(value, bool):
            return value
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            unknown = [v for v in value if v not in fields]
            if unknown:
                raise _fail(msg.UNKNOWN_FIGURE.format(name=unknown[0], choices=", ".join(fields)))
            return tuple(value)
        raise _fail(msg.EXPECTED_ILLUSTRATIVE.format(found=describe(value), choices=", ".join(fields)))

    schema = {"oneOf": [{"type": "boolean"}, {"type": "array", "items": {"enum": list(fields)}}]}
    return Annotated[bool | tuple[str, ...], BeforeValidator(check), WithJsonSchema(schema)]

# --- dates and times ----------------------------------------------------------------------------

BULAN = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agt": 8,
    "ags": 8, "agu": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
}
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DMY = re.compile(r"(?:[A-Za-z]+,?\s*\(?)?([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})\)?")
_D_MONTH_Y = re.compile(r"(?:[A-Za-z]+,?\s+)?([0-9]{1,2})\s+([A-Za-z]+)\.?\s+([0-9]{4})")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise _fail(msg.EXPECTED_DATE.format(found=describe(value)))
    text = value.strip()
    match = _ISO.fullmatch(text)
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            raise _fail(msg.INVALID_DATE.format(text=text)) from None
    guess = _guess_date(text)
    if guess:
        raise _fail(msg.EXPECTED_DATE_HINT.format(text=text, iso=guess.isoformat()))
    raise _fail(msg.EXPECTED_DATE.format(found=describe(value)))


def _guess_date(text: str) -> dt.date | None:
    """What an Indonesian editor probably meant by "24-08-2020", "24/8/2020" or "Senin, 24 Agustus 2020"."""
    day = month = year = None
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    match = _D_MONTH_Y.fullmatch(text)
    if match and match.group(2).lower() in BULAN:
        day, month, year = int(match.group(1)), BULAN[match.group(2).lower()], int(match.group(3))
    if day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


Tanggal = Annotated[dt.date, BeforeValidator(_date),
                    WithJsonSchema({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})]
"""A date written TTTT-BB-HH (2020-12-09)."""

_TIME = re.compile(r"(?:pukul\s+)?([01]?[0-9]|2[0-3])[.:]([0-5][0-9])(?:\s*(WIB|WITA|WIT))?", re.IGNORECASE)


def _time(value: Any) -> str:
    if isinstance(value, str):
        match = _TIME.fullmatch(value.strip())
        if match:
            return f"{int(match.group(1)):02d}.{match.group(2)}"
    raise _fail(msg.EXPECTED_TIME.format(found=describe(value)))


Jam = Annotated[str, BeforeValidator(_time),
                WithJsonSchema({"type": "string", "pattern": "^([01]?[0-9]|2[0-3])[.:][0-5][0-9]"})]
"""A time of day, "09.00" or "13:30", kept as "JJ.MM"."""

# --- contacts and links -------------------------------------------------------------------------

_PHONE_CHARS = re.compile(r"\+?[0-9(][0-9 ().-]{5,22}")


def _phone(value: Any) -> str:
    """A phone number as written, once it is known to make an E.164 number (see ``e164``)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _fail(msg.EXPECTED_PHONE_QUOTES)
    text = _text(value)
    if not _PHONE_CHARS.fullmatch(text) or e164(text) is None:
        raise _fail(msg.EXPECTED_PHONE.format(text=text))
    return text


def e164(text: str) -> str | None:
    """The E.164 form of a phone number written the Indonesian way: "(0525) 21500" → "+6252521500"."""
    digits = re.sub(r"[^0-9]", "", text)
    if text.startswith("+"):
        number = "+" + digits
    elif digits.startswith("62"):
        number = "+" + digits
    elif digits.startswith("0"):
        number = "+62" + digits[1:]
    else:
        return None
    return number if 9 <= len(number) - 1 <= 14 else None


TeleponPribadi = Annotated[str, BeforeValidator(_text),
                           WithJsonSchema({"type": "string", "pattern": r"^\+?[0-9(][0-9 ().-]{5,22}$"})]
"""A personal phone number: restricted, so kept as written; its shape is a warning, not an error."""

NIK = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "pattern": "^[0-9]{16}$"})]
"""A NIK, 16 digits in quotes: restricted, kept as written; its shape is checked as a warning."""

NIP = Annotated[str, BeforeValidator(_text),
                WithJsonSchema({"type": "string", "pattern": "^[0-9]{8} ?[0-9]{6} ?[0-9] ?[0-9]{3}$"})]
"""A NIP, 18 digits, often written "19860926 201505 1 001": restricted, kept as written."""

Dasar = Annotated[str, BeforeValidator(_text),
                  WithJsonSchema({"type": "string", "examples": ["UU 14/2008 Pasal 17 huruf c", "UU 27/2022"]})]
"""The legal basis of a restriction; the public edition shows only the citations found in it."""

Telepon = Annotated[str, BeforeValidator(_phone),
                    WithJsonSchema({"type": "string", "pattern": r"^\+?[0-9(][0-9 ().-]{5,22}$"})]
"""A phone number in quotes, with or without the country code; stored as E.164."""

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def _email(value: Any) -> str:
    text = _text(value)
    if not _EMAIL.fullmatch(text):
        raise _fail(msg.EXPECTED_EMAIL.format(text=text))
    return text


Surel = Annotated[str, BeforeValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]

_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s<>\"'()\[\]{}`\\]*)?", re.IGNORECASE)


def _url(value: Any) -> str:
    text = _text(value)
    if not _URL.fullmatch(text):
        raise _fail(msg.EXPECTED_URL.format(text=text))
    return text


Tautan = Annotated[str, BeforeValidator(_url),
                   WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]

# --- region codes -------------------------------------------------------------------------------

_CODE_SHAPES = {
    1: ("PP", "62"),
    2: ("PP.KK", "62.04"),
    3: ("PP.KK.CC", "62.04.01"),
    4: ("PP.KK.CC.DDDD", "62.04.01.2001"),
}
_CODE_PATTERNS = {1: r"[0-9]{2}", 2: r"[0-9]{2}\.[0-9]{2}", 3: r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}",
                  4: r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}"}
_BPS_LENGTHS = {2: 4, 3: 7, 4: 10}


def _region_code(*levels: int):
    """A Kemendagri code of one of ``levels`` (1 province … 4 desa), in quotes, in the PP.KK.CC.DDDD form."""
    shape = " atau ".join(_CODE_SHAPES[level][0] for level in levels)
    example = _CODE_SHAPES[levels[-1]][1]
    pattern = re.compile("|".join(_CODE_PATTERNS[level] for level in levels))
    bps_length = _BPS_LENGTHS.get(levels[-1])

    def check(value: Any) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise _fail(msg.CODE_NOT_QUOTED.format(text=value))
        if not isinstance(value, str):
            raise _fail(msg.EXPECTED_CODE.format(shape=shape, example=example, found=describe(value)))
        text = value.strip()
        if pattern.fullmatch(text):
            return text
        if text.isdigit() and len(text) == bps_length:
            raise _fail(msg.BPS_CODE.format(text=text, shape=shape, example=example))
        raise _fail(msg.EXPECTED_CODE.format(shape=shape, example=example, found=describe(value)))

    json_pattern = "^(" + "|".join(_CODE_PATTERNS[level] for level in levels) + ")$" if len(levels) > 1 \
        else f"^{_CODE_PATTERNS[levels[0]]}$"
    return Annotated[str, BeforeValidator(check),
                     WithJsonSchema({"type": "string", "pattern": json_pattern,
                                     "examples": [_CODE_SHAPES[level][1] for level in levels]})]


KodeProvinsi = _region_code(1)
KodeKabupaten = _region_code(2)
KodeKecamatan = _region_code(3)
KodeDesa = _region_code(4)


KodeWilayah = _region_code(1, 2)
"""A province or kabupaten/kota code: where an agency works."""


def _non_empty(value: list) -> list:
    if not value:
        raise _fail(msg.EMPTY_LIST)
    return value


NonEmpty = AfterValidator(_non_empty)
OneOrMany = BeforeValidator(_one_or_many_slugs)
Description = Field  # re-exported so that schema.py reads as a declaration
