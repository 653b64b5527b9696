"""Load: strict YAML into plain Python values, with the line and column of every key and value.

The parser is PyYAML's C parser (libyaml), read event by event, so that nothing is resolved behind our
back. What an editor typed is kept as typed, and everything that a YAML 1.1 reader would silently turn
into something else is a problem with its place:

* duplicate keys, anchors, aliases and merge keys, tags;
* ``no``/``yes``/``on``/``off`` (booleans in YAML 1.1), ``052521500`` (octal), ``13:30`` (base 60),
  ``131.140`` (a float, where Indonesians write thousands with a dot), ``62.10`` (loses its zero).

Plain scalars are resolved by a small, explicit rule set: ``null``/``~``/empty → None,
``true``/``false`` → bool, ``123`` → int, ``1.5`` → float, anything else → str. Quoted scalars are
always text. Dates stay text here; the schema parses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from generator.load import messages as msg
from generator.load.problems import Problem

try:  # PyYAML's C parser; the pure-Python one gives the same events, slower.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_TEXT_CHARS = 20_000
MAX_NUMBER_CHARS = 40  # digits of a plain number; longer is refused before Python turns it into an int

Path_ = tuple  # a path inside a document: ("laporan", 2, "wajib_ktp")


class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Document:
    """One data file: its values and where each of them was written.

    Marks are kept as plain (line, column) tuples, one per key and value: a national dataset has about a
    million of them, so they cost as little as Python allows. A document merged from two files
    (``generator.load.overlay``) marks what came from the other file as (line, column, that file's path).
    """

    path: Path
    display: str  # the path as shown in messages
    data: Any
    value_marks: dict[Path_, tuple] = field(default_factory=dict)
    key_marks: dict[Path_, tuple] = field(default_factory=dict)
    overlay: str | None = None  # the restricted file laid over this one, if any

    def place(self, loc: Path_, key: bool = False) -> tuple[str, Mark]:
        """The file and place of ``loc``, or of its nearest written ancestor (a missing key points at its parent)."""
        loc = tuple(loc)
        while True:
            found = None
            if key and loc in self.key_marks:
                found = self.key_marks[loc]
            elif loc in self.value_marks:
                found = self.value_marks[loc]
            elif loc in self.key_marks:
                found = self.key_marks[loc]
            elif not loc:
                found = (1, 1)
            if found is not None:
                return (found[2] if len(found) > 2 else self.display), Mark(found[0], found[1])
            loc = loc[:-1]

    def mark(self, loc: Path_, key: bool = False) -> Mark:
        return self.place(loc, key)[1]

    def origin(self, loc: Path_) -> str:
        """The file a value came from."""
        return self.place(loc)[0]

    def problem(self, loc: Path_, message: str, key: bool = False, **kwargs) -> Problem:
        display, mark = self.place(loc, key=key)
        return Problem(display, mark.line, mark.column, format_loc(loc), message, **kwargs)


def format_loc(loc: Path_) -> str:
    """("laporan", 2, "wajib_ktp") → "laporan[2].wajib_ktp"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


# --- scalar resolution ---------------------------------------------------------------------------

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_YAML11_BOOL = {"yes": "true", "no": "false", "on": "true", "off": "false", "y": "true", "n": "false"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_THOUSANDS_DOT = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{3}")


class _ScalarProblem(Exception):
    pass


def resolve_plain(text: str) -> Any:
    """The value of an unquoted scalar, or _ScalarProblem when YAML 1.1 would change what was typed."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text.lower() in _YAML11_BOOL:
        raise _ScalarProblem(msg.AMBIGUOUS_BOOL.format(text=text, as_bool=_YAML11_BOOL[text.lower()]))
    if len(text) > MAX_NUMBER_CHARS and text.lstrip("+-")[:1].isdigit() and \
            all(ch.isdigit() or ch in "+-._:" for ch in text):
        raise _ScalarProblem(msg.NUMBER_TOO_LONG.format(length=len(text), limit=MAX_NUMBER_CHARS))
    if _INT.fullmatch(text):
        return int(text)
    if _LEADING_ZERO.fullmatch(text):
        digits = text.replace("_", "")
        as_number = int(digits, 8) if re.fullmatch(r"[-+]?0[0-7]+", digits) else digits.lstrip("+-0") or "0"
        raise _ScalarProblem(msg.LEADING_ZERO.format(text=text, as_number=as_number))
    if _SEXAGESIMAL.fullmatch(text):
        raise _ScalarProblem(msg.SEXAGESIMAL.format(text=text, as_number=_base60(text)))
    if _FLOAT.fullmatch(text):
        value = float(text)
        if _THOUSANDS_DOT.fullmatch(text):
            raise _ScalarProblem(msg.THOUSANDS_DOT.format(text=text, as_number=_short(value),
                                                          digits=text.replace(".", "")))
        if text.endswith("0"):
            raise _ScalarProblem(msg.TRAILING_ZERO.format(text=text, as_number=_short(value)))
        return value
    return text


def _base60(text: str) -> str:
    sign = -1 if text.startswith("-") else 1
    value = 0.0
    for part in text.lstrip("+-").replace("_", "").split(":"):
        value = value * 60 + float(part)
    value *= sign
    return _short(value)


def _short(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


# --- reading a file ------------------------------------------------------------------------------


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """The file's text as UTF-8 (a byte-order mark is dropped), or a problem naming its encoding."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:  # refused from its size, before it is read
        return None, [Problem(display, 1, 1, "", msg.TOO_LARGE.format(size=size, limit=MAX_FILE_BYTES))]
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        return None, [Problem(display, 1, 1, "", msg.UTF16)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        return None, [Problem(display, line, column, "", msg.NOT_UTF8.format(byte=f"0x{raw[exc.start]:02X}"))]


def load_document(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file. Returns the document (None when it cannot be read at all) and its problems."""
    display = display or path.as_posix()
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    builder = _Builder(display)
    try:
        data = builder.build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(display, exc, text)]
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as a control character
        # libyaml counts the position in bytes of the UTF-8 text
        line, column = _place(text, len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")))
        return None, [Problem(display, line, column, "", msg.CONTROL_CHARACTER.format(code=f"{exc.character:04X}"
                                                                                   if isinstance(exc.character, int)
                                                                                   else "?"))]
    except yaml.YAMLError as exc:  # anything else without a mark
        return None, [Problem(display, 1, 1, "", msg.YAML_SYNTAX_OTHER.format(detail=str(exc).splitlines()[0]))]
    except _Fatal as fatal:
        return None, builder.problems + [fatal.problem]
    if builder.problems:
        return None, builder.problems
    return Document(path, display, data, builder.value_marks, builder.key_marks), []


_COMMENT_START = re.compile(r"(?:^|(?<=[ \t]))#")


def comments(text: str) -> list[tuple[int, int, str]]:
    """The comments of a YAML text: (line, column, text after the "#"), 1-based. A "#" inside a quoted value or a
    block of text is not one: what the scanner reads as values is left out. Past a syntax error, every "#" at
    the start of a line or after a space counts (a broken file is read warily)."""
    covered: dict[int, list[tuple[int, int]]] = {}
    scanned_to = len(text.splitlines()) + 1  # the first line the scanner did not reach
    try:
        for token in yaml.scan(text, Loader=_Loader):
            start, end = token.start_mark, token.end_mark
            for line in range(start.line, end.line + 1):
                covered.setdefault(line, []).append((start.column if line == start.line else 0,
                                                     end.column if line == end.line else 1 << 30))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        scanned_to = mark.line if mark else 0
    found = []
    for index, line in enumerate(text.splitlines()):
        if "#" not in line:
            continue
        spans = covered.get(index, []) if index < scanned_to else []
        for match in _COMMENT_START.finditer(line):
            if not any(begin <= match.start() < end for begin, end in spans):
                found.append((index + 1, match.start() + 1, line[match.end():]))
                break
    return found


def _place(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


_OPENED_AT_CONTEXT = ("found unexpected end of stream", "did not find expected ',' or")


def _syntax_problem(display: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and mark and mark.line != exc.context_mark.line and \
            (exc.problem or "").startswith(_OPENED_AT_CONTEXT):
        mark = exc.context_mark  # not closed on its line: point where the quote or bracket was opened
    if exc.context_mark and (exc.problem or "").startswith("could not find expected ':'"):
        mark = exc.context_mark  # the key without its colon, not the line after it
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "").strip()
    # A tab in the indentation is the commonest cause of "cannot start any token" and friends.
    lines = text.splitlines()
    for index in {mark.line - 1, mark.line} if mark else ():
        if 0 <= index < len(lines):
            indent = lines[index][: len(lines[index]) - len(lines[index].lstrip(" \t"))]
            if "\t" in indent:
                return Problem(display, index + 1, indent.index("\t") + 1, "", msg.TAB_INDENT)
    for key, message in msg.YAML_SYNTAX.items():
        if problem.startswith(key) or key in problem:
            return Problem(display, line, column, "", message)
    if "found character" in problem and "cannot start any token" in problem:
        return Problem(display, line, column, "", msg.YAML_SYNTAX["found character that cannot start any token"])
    return Problem(display, line, column, "", msg.YAML_SYNTAX_OTHER.format(detail=problem or exc.context or "?"))


class _Fatal(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


_ALIAS, _SCALAR = yaml.AliasEvent, yaml.ScalarEvent
_SEQUENCE, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MAPPING, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent


class _Builder:
    """Turns the parser's events into values, recording marks and refusing what YAML 1.1 would alter."""

    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []
        self.value_marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}

    def _problem(self, event, loc: Path_, message: str) -> Problem:
        return Problem(self.display, event.start_mark.line + 1, event.start_mark.column + 1, format_loc(loc), message)

    def build(self, events) -> Any:
        events = iter(events)
        next(events)  # StreamStart
        documents = 0
        data: Any = None
        for event in events:
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Fatal(self._problem(event, (), msg.MANY_DOCUMENTS))
                first = next(events)
                if isinstance(first, yaml.DocumentEndEvent):
                    continue
                data = self._node(first, events, (), 1)
                next(events)  # DocumentEnd
        if documents == 0 or data is None:
            raise _Fatal(Problem(self.display, 1, 1, "", msg.EMPTY_FILE))
        if not isinstance(data, dict):
            found = "daftar" if isinstance(data, list) else f"nilai tunggal \"{data}\""
            self.problems.append(Problem(self.display, 1, 1, "", msg.NOT_A_MAPPING.format(found=found)))
        return data

    def _check_node(self, event, loc: Path_, depth: int) -> None:
        if type(event) is _ALIAS or event.anchor:
            raise _Fatal(self._problem(event, loc, msg.ANCHOR))
        tag = event.tag
        if tag and tag not in ("!", "tag:yaml.org,2002:str") and not (type(event) is not _SCALAR and event.implicit):
            shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
            self.problems.append(self._problem(event, loc, msg.TAG.format(tag=shown)))
        if depth > MAX_DEPTH:
            raise _Fatal(self._problem(event, loc, msg.TOO_DEEP.format(limit=MAX_DEPTH)))

    def _node(self, event, events, loc: Path_, depth: int) -> Any:
        kind = type(event)
        if kind is _ALIAS or event.anchor or event.tag or depth > MAX_DEPTH:
            self._check_node(event, loc, depth)
        start = event.start_mark
        self.value_marks[loc] = (start.line + 1, start.column + 1)
        if kind is _SCALAR:
            return self._scalar(event, loc)
        if kind is _SEQUENCE:
            items = []
            for event in events:
                if type(event) is _SEQUENCE_END:
                    return items
                items.append(self._node(event, events, loc + (len(items),), depth + 1))
        if kind is _MAPPING:
            mapping: dict[str, Any] = {}
            first_lines: dict[str, int] = {}
            key_marks = self.key_marks
            for key_event in events:
                key_kind = type(key_event)
                if key_kind is _MAPPING_END:
                    return mapping
                if key_kind is _ALIAS or key_event.anchor or key_event.tag or depth >= MAX_DEPTH:
                    self._check_node(key_event, loc, depth + 1)
                if key_kind is not _SCALAR:
                    raise _Fatal(self._problem(key_event, loc, msg.COMPLEX_KEY))
                key = key_event.value
                if key == "<<" and key_event.style in (None, ""):
                    raise _Fatal(self._problem(key_event, loc, msg.ANCHOR))
                start = key_event.start_mark
                key_mark = (start.line + 1, start.column + 1)
                value = self._node(next(events), events, loc + (key,), depth + 1)
                if key in mapping:
                    self.problems.append(Problem(self.display, key_mark[0], key_mark[1], format_loc(loc + (key,)),
                                                 msg.DUPLICATE_KEY.format(key=key, first_line=first_lines[key])))
                    continue
                first_lines[key] = key_mark[0]
                key_marks[loc + (key,)] = key_mark
                mapping[key] = value
        raise _Fatal(self._problem(event, loc, msg.YAML_SYNTAX_OTHER.format(detail=kind.__name__)))

    def _scalar(self, event, loc: Path_) -> Any:
        if len(event.value) > MAX_TEXT_CHARS:
            self.problems.append(self._problem(event, loc, msg.TOO_LONG.format(length=len(event.value),
                                                                               limit=MAX_TEXT_CHARS)))
            return None
        if event.style not in (None, "") or not event.implicit[0]:
            return event.value  # quoted, literal or folded: text as typed
        try:
            return resolve_plain(event.value)
        except _ScalarProblem as problem:
            self.problems.append(self._problem(event, loc, str(problem)))
            return event.value
