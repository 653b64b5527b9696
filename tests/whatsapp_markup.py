"""A checker of text meant for WhatsApp, written from WhatsApp's published rules, independent of the generator.

WhatsApp's help page "How to format your messages" (faq.whatsapp.com/539178204879377) lists what it formats:
italic ``_text_``, bold ``*text*``, strikethrough ``~text~``, monospace ````` ```text``` `````, inline code
``` `text` ```, bulleted lists (``* text`` or ``- text``), numbered lists (``1. text``) and quotes (``> text``),
each marker "on both sides of the text". In the app a marker formats only at the edge of a word and within one line:
an opening marker has no letter or digit before it and no space after it, a closing one no space before it and no
letter or digit after it. Everything else is shown as typed, Markdown included: ``# heading``, tables, ``[text](url)``
and ``**double**`` markers reach the reader as raw characters. One text message of the WhatsApp Business Platform
holds at most 4,096 characters (counted here in UTF-16 code units, never fewer than the characters).

``problems(parts)`` returns every finding, ``part N, line M: what``; an empty list is a pass. It checks:

* each part's length, and the numbering of a text split into parts: "(1/n)" … "(n/n)" at the start of each part,
  none on a text of one part;
* no Markdown left: headings, table rows and their rule lines, setext underlines, links and images
  ``[text](url)``, autolinks ``<https://…>``, the HTML tags of a page (``<small>``, ``<span …>``, ``<br>``…),
  doubled markers ``**``, ``__``, ``~~``;
* balanced markers: every ``*``, ``_``, ``~`` and `````` ` `````` that WhatsApp could read as the start or the end of
  a format is paired on its line with one it closes or opens, spans are not empty and do not cross each other;
  ```````` ``` ```````` comes in pairs within a part. Addresses (``https://…``, ``www.…``) are links in WhatsApp and
  are not read for markers.
"""

from __future__ import annotations

import re

LIMIT = 4096
MARKERS = "*_~`"
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"`{}|\\^]+", re.IGNORECASE)  # what an address may hold (RFC 3986)
NUMBER = re.compile(r"\((\d+)/(\d+)\)")
MARKDOWN = [
    (re.compile(r"^ {0,3}#{1,6}(?:\s|$)"), "a Markdown heading"),
    (re.compile(r"^\s*\|.*\|\s*$"), "a Markdown table row"),
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|"), "a Markdown table rule"),
    (re.compile(r"^\s*(?:={3,}|-{3,})\s*$"), "a Markdown heading underline or rule"),
    (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), "a Markdown link [text](url)"),
    (re.compile(r"<(?:https?://|mailto:)[^>\s]*>", re.IGNORECASE), "a Markdown autolink <url>"),
    (re.compile(r"</?(?:a|abbr|b|br|code|details|div|em|i|p|pre|small|span|strong|sub|summary|sup)(?:\s[^<>]*)?/?>",
                re.IGNORECASE), "an HTML tag"),
]
DOUBLED = re.compile(r"\*\*|__|~~")


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def problems(parts: list[str]) -> list[str]:
    found = []
    count = len(parts)
    if not parts:
        return ["no text"]
    for number, part in enumerate(parts, 1):
        where = f"part {number}"
        if units(part) > LIMIT:
            found.append(f"{where}: {units(part)} characters, more than {LIMIT}")
        label = NUMBER.match(part)
        if count > 1 and (label is None or label.groups() != (str(number), str(count)) or part[label.end():label.end() + 1] != " "):
            found.append(f"{where}: does not start with \"({number}/{count}) \"")
        if count == 1 and label is not None and part.startswith("(1/1)"):
            found.append(f"{where}: numbered \"(1/1)\" though the text is one message")
        if part.count("```") % 2:
            found.append(f"{where}: an odd number of ``` (monospace left open)")
        for line_number, line in enumerate(part.split("\n"), 1):
            found += [f"{where}, line {line_number}: {what}" for what in line_problems(line)]
    return found


def line_problems(line: str) -> list[str]:
    found = [what for pattern, what in MARKDOWN if pattern.search(line)]
    text = URL.sub(lambda m: "x" * len(m.group()), line.replace("```", "   "))
    if DOUBLED.search(text):
        found.append(f"a doubled marker {DOUBLED.search(text).group()!r} (Markdown's, shown as typed)")
    spans = []
    for marker in MARKERS:
        paired, stray = pair(text, marker)
        spans += paired
        found += [f"an unpaired {marker!r} at column {at + 1}" for at in stray]
    for (a_start, a_end), (b_start, b_end) in ((a, b) for a in spans for b in spans if a < b):
        if a_start < b_start < a_end < b_end:
            found.append(f"formats crossing each other at columns {a_start + 1}-{b_end + 1}")
    return found


def pair(text: str, marker: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The spans ``marker`` formats on a line (start, end), and the markers WhatsApp could read as one end of a
    format that have no other end. A marker that can be neither (inside a word, between spaces) is text."""
    def opens(i: int) -> bool:
        before, after = text[i - 1:i], text[i + 1:i + 2]
        return (not before or not (before.isalnum() or before == marker)) and bool(after) \
            and not after.isspace() and after != marker

    def closes(i: int) -> bool:
        before, after = text[i - 1:i], text[i + 1:i + 2]
        return bool(before) and not before.isspace() and before != marker \
            and (not after or not (after.isalnum() or after == marker))

    spans, stray, open_at = [], [], None
    for i, char in enumerate(text):
        if char != marker:
            continue
        if open_at is not None and closes(i):
            spans.append((open_at, i))
            open_at = None
        elif opens(i):
            if open_at is not None:
                stray.append(open_at)
            open_at = i
        elif closes(i):
            stray.append(i)
    if open_at is not None:
        stray.append(open_at)
    return spans, stray
