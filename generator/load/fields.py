"""Field types of the data files: what an editor may write, and the message when it is something else.

Each type is an ``Annotated`` pydantic type whose validator raises ``PydanticCustomError`` with a message
from ``generator.load.messages``. The JSON Schema of each type says exactly what the validator accepts, shorthands
included (tests/test_schemas.py holds the two to each other), so that an editor's YAML extension agrees with
`bulletin validate`. What a schema cannot say (hidden characters, references between files, region codes
against the reference, rules between figures) is checked by `bulletin validate` only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any

import phonenumbers
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

from generator.load import messages as msg
from generator.load.reader import MAX_TEXT_CHARS  # longer text is refused by the loader, whatever its field


def editor_message(template: str) -> str:
    """A message of generator.load.messages for an editor's YAML extension (the schema's ``patternErrorMessage``),
    which cannot say the value: every placeholder becomes "nilai ini"."""
    return re.sub(r"\"?\{[a-z_]+\}\"?", "nilai ini", template)


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


# Text must display as it was typed. A character is refused when it would make the page show something else
# than the editor saw, or show nothing where something is. The class follows the Unicode security documents,
# not a list of known tricks:
#
# * bidirectional controls, property Bidi_Control (PropList.txt): U+061C, U+200E-U+200F, U+202A-U+202E,
#   U+2066-U+2069. They reorder what is shown ("Trojan Source", CVE-2021-42574; UTS #55, Unicode Source Code
#   Handling). Latin-script Indonesian never needs them;
# * everything UTS #39 (Unicode Security Mechanisms) gives Identifier_Type Default_Ignorable or Not_Character:
#   - Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters with no glyph of their own, such as
#     U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF inside text, U+00AD SOFT HYPHEN, variation selectors,
#     tag characters and the Hangul fillers. Most of them are general category Cf or Cn; the others are the
#     table _IGNORABLE_OUTSIDE_CF below (the property's list without its Cf and Cn entries, Unicode 14);
#   - Not_Character: unassigned code points and noncharacters (Cn), private use (Co, shown as whatever a font
#     puts there), surrogates (Cs) and control characters (Cc);
# * the rest of general category Cf, the few visible format characters outside Default_Ignorable (Arabic
#   number signs, interlinear annotation): none belongs in an Indonesian bulletin;
# * line and paragraph separators (Zl, Zp), with the controls CR and NEL: line breaks in some programs and not
#   in others (The Unicode Standard, 5.8 Newline Guidelines). A line break in text is a plain line feed;
# * U+2800 BRAILLE PATTERN BLANK: not ignorable, but drawn blank, the usual stand-in for an "empty" text.
#
# ZERO WIDTH JOINER and NON-JOINER (U+200D, U+200C) are refused too: they are needed only in scripts that
# join letters (Arabic, Indic; UTS #39 and RFC 5892 allow them there only) and in emoji sequences, neither of
# which an official bulletin in Latin-script Indonesian uses. Tab and line feed are the only controls kept:
# they show as white space. Other white space (no-break space U+00A0 and the like) shows as a space and is
# kept. A control character written into the file is refused by the loader already (YAML forbids it); one
# written as an escape in double quotes ("\x0b", "\N", "\L") arrives here.
#
# Canonical equivalents (UAX #15) display the same: "e" + U+0301 COMBINING ACUTE ACCENT is "é". Such text is
# shown as typed, so it is not refused; it is normalized to NFC, so that names compare equal however they
# were typed. NFC, not NFKC: compatibility mappings would change what is shown (superscripts, ligatures).

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_IGNORABLE_OUTSIDE_CF = (  # Default_Ignorable_Code_Point ranges of other categories than Cf and Cn
    (0x034F, 0x034F),  # COMBINING GRAPHEME JOINER
    (0x115F, 0x1160),  # HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # KHMER VOWEL INHERENT AQ, AA
    (0x180B, 0x180D),  # MONGOLIAN FREE VARIATION SELECTOR ONE..THREE
    (0x180F, 0x180F),  # MONGOLIAN FREE VARIATION SELECTOR FOUR
    (0x3164, 0x3164),  # HANGUL FILLER
    (0xFE00, 0xFE0F),  # VARIATION SELECTOR-1..16
    (0xFFA0, 0xFFA0),  # HALFWIDTH HANGUL FILLER
    (0xE0100, 0xE01EF),  # VARIATION SELECTOR-17..256
)
_INVISIBLE_OUTSIDE_CF = frozenset(  # those, and BRAILLE PATTERN BLANK
    [chr(code) for low, high in _IGNORABLE_OUTSIDE_CF for code in range(low, high + 1)] + ["\u2800"])
_NOT_PLAIN_ASCII = re.compile(r"[^\t\n\x20-\x7e]")  # printable ASCII, tab and line feed always display as typed


def _hidden_kind(char: str) -> str | None:
    """How a character outside _NOT_PLAIN_ASCII's exceptions is named when it would not display as typed, or None."""
    if char in _BIDI_CONTROLS:
        return msg.HIDDEN_KIND_BIDI
    category = unicodedata.category(char)
    if category == "Cc":
        return msg.HIDDEN_KIND_CONTROL
    if category in ("Zl", "Zp"):
        return msg.HIDDEN_KIND_LINE_SEPARATOR
    if category == "Cf" or char in _INVISIBLE_OUTSIDE_CF:
        return msg.HIDDEN_KIND_INVISIBLE
    return {"Cn": msg.HIDDEN_KIND_UNASSIGNED, "Co": msg.HIDDEN_KIND_PRIVATE_USE,
            "Cs": msg.HIDDEN_KIND_SURROGATE}.get(category)


def character_name(char: str) -> str:
    """The character's Unicode name, or its code point label (The Unicode Standard, 4.8) when it has none."""
    name = unicodedata.name(char, "")
    if name:
        return name
    code, category = ord(char), unicodedata.category(char)
    if category == "Cn" and (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE):
        label = "noncharacter"
    else:
        label = {"Cc": "control", "Co": "private-use", "Cs": "surrogate"}.get(category, "reserved")
    return f"<{label}-{code:04X}>"


def _refuse_hidden_characters(text: str) -> None:
    """Fail on the first character that would not display as typed, naming it and its place (1-based)."""
    hidden = [(match.start() + 1, match[0], kind) for match in _NOT_PLAIN_ASCII.finditer(text)
              if (kind := _hidden_kind(match[0]))]
    if not hidden:
        return
    position, char, kind = hidden[0]
    message = msg.HIDDEN_CHARACTER.format(kind=kind, code=f"{ord(char):04X}", name=character_name(char),
                                          position=position)
    if len(hidden) > 1:
        message += msg.HIDDEN_CHARACTER_MORE.format(count=len(hidden) - 1)
    raise _fail(message)


def _text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str):
        hint = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            hint = msg.EXPECTED_TEXT_QUOTE_HINT.format(text=value)
        raise _fail(msg.EXPECTED_TEXT.format(found=describe(value), hint=hint))
    _refuse_hidden_characters(value)
    value = unicodedata.normalize("NFC", value.strip())
    if not value:
        raise _fail(msg.EMPTY_TEXT)
    return value


TEXT_SCHEMA = {"type": "string", "pattern": "\\S", "maxLength": MAX_TEXT_CHARS,  # not only white space
               "patternErrorMessage": msg.EMPTY_TEXT}

Teks = Annotated[str, BeforeValidator(_text), WithJsonSchema(TEXT_SCHEMA)]
"""Plain text, not empty, that displays as typed; kept in NFC."""

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _slug(value: Any) -> str:
    value = _text(value)
    if not _SLUG.fullmatch(value) or len(value) > 80:
        raise _fail(msg.EXPECTED_SLUG.format(text=value))
    return value


Slug = Annotated[str, BeforeValidator(_slug),
                 WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80,
                                 "patternErrorMessage": editor_message(msg.EXPECTED_SLUG)})]
"""An identifier that can be part of a URL: lower-case letters, digits and hyphens."""


def _one_or_many(value: Any) -> Any:
    """One value written alone stands for a list of one; each element then gets its own message."""
    return [value] if isinstance(value, (str, int, float, bool)) else value


class _OneOrMany:
    """A list that may be written as its one value alone (``instansi: kpu`` for ``instansi: [kpu]``); the
    JSON Schema accepts both shapes."""

    def __get_pydantic_core_schema__(self, source: Any, handler) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(_one_or_many, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler) -> dict:
        array = handler(schema)
        return {"anyOf": [dict(array["items"]), array]}


class TextShorthand:
    """A record that may be written as its one text field alone: ``- Rapat sepakat …`` stands for
    ``- uraian: Rapat sepakat …``. The JSON Schema accepts both shapes."""

    def __init__(self, key: str):
        self.key = key

    def _expand(self, value: Any) -> Any:
        return {self.key: value} if isinstance(value, str) else value

    def __get_pydantic_core_schema__(self, source: Any, handler) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self._expand, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler) -> dict:
        return {"anyOf": [dict(TEXT_SCHEMA), handler(schema)]}


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


# Text the count validator accepts: digits (leading zeros allowed), or Indonesian thousands dots ("131.606"),
# up to MAX_COUNT either way.
_COUNT_TEXT = (r"^(?:0*(?:[0-9]{1,9}|1000000000)|[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,2}|1\.000\.000\.000)$")
Jumlah = Annotated[int, BeforeValidator(_count), WithJsonSchema({"anyOf": [
    {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
    {"type": "string", "pattern": _COUNT_TEXT, "maxLength": 20,
     "patternErrorMessage": editor_message(msg.EXPECTED_INT)},
]})]
"""A count of people, TPS, cards: a whole number without thousands separators."""


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(msg.EXPECTED_NUMBER.format(found=describe(value)))
    if value < 0:
        raise _fail(msg.EXPECTED_NON_NEGATIVE.format(value=value))
    if not value <= MAX_NUMBER:  # also refuses inf and nan
        raise _fail(msg.NUMBER_TOO_LARGE.format(limit="1.000.000"))
    return float(value)


Angka = Annotated[float, BeforeValidator(_number),
                  WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_NUMBER})]
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

    schema = {"anyOf": [{"type": "boolean"}, {"type": "array", "items": {"type": "string", "enum": list(fields)}}],
              "examples": [True, list(fields[:2])]}
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


Tanggal = Annotated[dt.date, BeforeValidator(_date), WithJsonSchema(
    {"type": "string", "format": "date", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
     "patternErrorMessage": editor_message(msg.EXPECTED_DATE),
     "examples": ["2020-12-09"]})]
"""A date written TTTT-BB-HH (2020-12-09)."""

_TIME = re.compile(r"(?:pukul\s+)?([01]?[0-9]|2[0-3])[.:]([0-5][0-9])(?:\s*(WIB|WITA|WIT))?", re.IGNORECASE)


def _time(value: Any) -> str:
    if isinstance(value, str):
        match = _TIME.fullmatch(value.strip())
        if match:
            return f"{int(match.group(1)):02d}.{match.group(2)}"
    raise _fail(msg.EXPECTED_TIME.format(found=describe(value)))


Jam = Annotated[str, BeforeValidator(_time), WithJsonSchema(
    {"type": "string", "examples": ["09.00", "13:30"],
     "patternErrorMessage": editor_message(msg.EXPECTED_TIME),
     "pattern": "^(?:[Pp][Uu][Kk][Uu][Ll]\\s+)?([01]?[0-9]|2[0-3])[.:][0-5][0-9](?:\\s*(?:[Ww][Ii][Bb]|[Ww][Ii][Tt][Aa]?))?$"})]
"""A time of day, "09.00" or "13:30", kept as "JJ.MM"."""

# --- contacts and links -------------------------------------------------------------------------

_PHONE_CHARS = re.compile(r"\+?[0-9(][0-9 ().-]{5,22}")


def _phone(value: Any) -> str:
    """A phone number as written, once it is known to be a real number (``phone_number``)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _fail(msg.EXPECTED_PHONE_QUOTES)
    text = _text(value)
    if not _PHONE_CHARS.fullmatch(text):
        raise _fail(msg.EXPECTED_PHONE.format(text=text))
    if phone_number(text) is None:
        raise _fail(msg.PHONE_NOT_VALID.format(text=text) if _parsed(text) is not None
                    else msg.EXPECTED_PHONE.format(text=text))
    return text


def _parsed(text: str) -> phonenumbers.PhoneNumber | None:
    """The number as written the Indonesian ways: "+62 (0)525 21500", "0062 525 21500" (00, the international
    prefix), "62 525 21500" (the country code without +), "(0525) 21500", "0525-21500", "0812 3456 7890"."""
    digits = re.sub(r"[^0-9+]", "", text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("62"):
        digits = "+" + digits
    elif not digits.startswith(("+", "0")):
        return None  # a national number begins with 0
    try:
        return phonenumbers.parse(digits, "ID")
    except phonenumbers.NumberParseException:
        return None


def phone_number(text: str) -> phonenumbers.PhoneNumber | None:
    """A real phone number (phonenumbers' numbering plans: its country, area code and length exist), or None."""
    number = _parsed(text)
    return number if number is not None and phonenumbers.is_valid_number(number) else None


def e164(text: str) -> str | None:
    """The E.164 form of a phone number, for ``tel:`` links and data: "(0525) 21500" → "+6252521500"."""
    number = phone_number(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None


def national(text: str) -> str | None:
    """A phone number as Indonesians write it: "(0525) 21500", "0812-3456-7890" (a number abroad: "+1 202…")."""
    number = phone_number(text)
    if number is None:
        return None
    if number.country_code == 62:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_mobile(text: str) -> bool:
    """Whether a written number is a mobile one (a personal number, unless an office says otherwise)."""
    number = phone_number(text)
    return number is not None and phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


# Personal numbers are restricted and kept as written: any text is accepted and their shape is a warning of
# `bulletin validate`, so their schema has no pattern (a schema cannot warn).
TeleponPribadi = Annotated[str, BeforeValidator(_text), WithJsonSchema({**TEXT_SCHEMA, "examples": ["0812 3456 7890"]})]
"""A personal phone number: restricted, so kept as written; its shape is a warning, not an error."""

NIK = Annotated[str, BeforeValidator(_text), WithJsonSchema({**TEXT_SCHEMA, "examples": ["6204010101800001"]})]
"""A NIK, 16 digits in quotes: restricted, kept as written; its shape is checked as a warning."""

NIP = Annotated[str, BeforeValidator(_text), WithJsonSchema({**TEXT_SCHEMA, "examples": ["19860926 201505 1 001"]})]
"""A NIP, 18 digits, often written "19860926 201505 1 001": restricted, kept as written."""

Dasar = Annotated[str, BeforeValidator(_text),
                  WithJsonSchema({**TEXT_SCHEMA, "examples": ["UU 14/2008 Pasal 17 huruf c", "UU 27/2022"]})]
"""The legal basis of a restriction; the public edition shows only the citations found in it."""

# The shape of _PHONE_CHARS, as one pattern: with "+" or "62" in front, 9 to 14 digits; with "0", 8 to 13. Whether
# the number exists (its area code, its length) only `bulletin validate` can say, with phonenumbers.
_DIGITS = "(?:[^0-9]*[0-9])"
_PHONE_PATTERN = (r"^(?=\+?[0-9(][0-9 ().-]{5,22}$)(?:\+" + _DIGITS + "{9,14}"
                  r"|(?!\+)(?=[^0-9]*6[^0-9]*2)" + _DIGITS + "{9,14}"
                  r"|(?!\+)(?=[^0-9]*0)" + _DIGITS + "{8,13})[^0-9]*$")
Telepon = Annotated[str, BeforeValidator(_phone), WithJsonSchema(
    {"type": "string", "pattern": _PHONE_PATTERN, "patternErrorMessage": editor_message(msg.EXPECTED_PHONE),
     "examples": ["0525 21500", "+62 525 21500", "(0525) 21500"]})]
"""A phone number in quotes, with or without the country code; kept as written, shown in the national format and
linked in E.164 (``national``, ``e164``)."""

def _text_matching(pattern: re.Pattern, message: str, examples: list[str], **schema: Any) -> Any:
    """Text that must match ``pattern`` whole, with ``message`` (given ``text``) when it does not; its JSON Schema
    carries the same pattern."""

    def check(value: Any) -> str:
        text = _text(value)
        if not pattern.fullmatch(text):
            raise _fail(message.format(text=text))
        return text

    return Annotated[str, BeforeValidator(check), WithJsonSchema(
        {"type": "string", **schema, "pattern": f"^{pattern.pattern}$", "patternErrorMessage": editor_message(message),
         "examples": examples})]


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
Surel = _text_matching(_EMAIL, msg.EXPECTED_EMAIL, ["desk.pilkada@baritoselatankab.go.id"], format="email")

# A GitHub user ("@budi-santoso") or team ("@pemkab-barsel/penghubung-kpu"), as CODEOWNERS names them.
_REVIEWER = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?")
Pemeriksa = _text_matching(_REVIEWER, msg.EXPECTED_REVIEWER, ["@pemkab-barsel/penghubung-kpu", "@budi-santoso"])
"""Who reviews an agency's changes: a GitHub user or team, written with its @ and in quotes."""

_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s<>\"'()\[\]{}`\\]*)?", re.IGNORECASE)


def _url(value: Any) -> str:
    text = _text(value)
    if not _URL.fullmatch(text):
        raise _fail(msg.EXPECTED_URL.format(text=text))
    return text


Tautan = Annotated[str, BeforeValidator(_url), WithJsonSchema(
    {"type": "string", "format": "uri", "examples": ["https://baritoselatankab.go.id/"],
     "patternErrorMessage": editor_message(msg.EXPECTED_URL),
     "pattern": r"""^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s<>"'()\[\]{}`\\]*)?$"""})]

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
                                     "patternErrorMessage": editor_message(msg.EXPECTED_CODE).replace(
                                         "nilai ini (mis. nilai ini)", f"{shape} (mis. \"{example}\")"),
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


class _NonEmpty:
    """A list with at least one item; the JSON Schema says ``minItems: 1``."""

    def __get_pydantic_core_schema__(self, source: Any, handler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_non_empty, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler) -> dict:
        result = handler(schema)
        for shape in result.get("anyOf", [result]):  # with OneOrMany: the list shape
            if shape.get("type") == "array":
                shape["minItems"] = 1
        return result


NonEmpty = _NonEmpty()
OneOrMany = _OneOrMany()
