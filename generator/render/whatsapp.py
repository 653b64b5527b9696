"""WhatsApp summaries: a meeting, and readiness per kecamatan, as text to paste into a group.

Written in WhatsApp's own markup (its help page "How to format your messages"): *bold*, _italic_, ~strikethrough~,
lists with ``- `` or ``1. ``, ``> `` quotes; never Markdown's headings, tables or link syntax, which WhatsApp shows
as typed. A marker formats only at the edge of a word and within one line, so a styled piece that would touch a
letter is written plain. Text from the data keeps its words: its Markdown emphasis and links are written the
WhatsApp way, and any other marker character in it is replaced by a look-alike that formats nothing (WhatsApp has
no escape), addresses excepted. A text longer than one message of the WhatsApp Business Platform (4,096
characters) is split between lines into parts numbered "(1/2)", a continued section naming itself again.

The model decides what is said (what was overdue on the meeting's day, which lines are restricted, what changed
since the previous meeting, the page's address); this module only words it and lays it out. A restricted line
(the internal edition only: the public edition's model holds none) starts with *TERBATAS* and ends with its
legal basis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from generator.domain.model import ActionItemView, ReadinessSince, SiteModel
from generator.render.markdown import STATUS_LABELS, tanggal

LIMIT = 4096  # characters (UTF-16 code units, as the platform counts them) of one text message
SHARE = "https://wa.me/?text="  # WhatsApp's share address: opens the app with the text, nothing sent until then
MARKERS = "*_~`"
LOOKALIKES = str.maketrans({"*": "\u2217", "_": "\uff3f", "~": "\u223c", "`": "\uff40"})  # ∗ ＿ ∼ ｀
# what starts a list, a quote or Markdown's headings, tables and rules at the start of a line: ＃ ＞ ｜ ＝ ‐ ＋, and
# the full stop or bracket after the number of a numbered list: ． ）
BLOCK_LOOKALIKES = str.maketrans({"#": "\uff03", ">": "\uff1e", "|": "\uff5c", "=": "\uff1d", "-": "\u2010",
                                  "+": "\uff0b"})
NUMBER_LOOKALIKES = str.maketrans({".": "\uff0e", ")": "\uff09"})
_NUMBERED = re.compile(r"(\d+)([.)])(?=\s)")  # "1. " or "1) ": a numbered list
URL = re.compile(r"(?:https?://|mailto:|www\.)[^\s<>\"`{}|\\^]+", re.IGNORECASE)  # the characters an address holds
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")  # Markdown's [text](url) and ![alt](url)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>", re.IGNORECASE)
_EMPHASIS = re.compile(  # Markdown's emphasis in data text: **strong**, __strong__, ~~strike~~, *em*, _em_, `code`
    r"\*\*(\S(?:.*?\S)?)\*\*|__(\S(?:.*?\S)?)__|~~(\S(?:.*?\S)?)~~"
    r"|(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])|(?<![\w_])_(\S(?:.*?\S)?)_(?![\w_])|`([^`]+)`")
_EMPHASIS_MARKER = ["*", "*", "~", "_", "_", ""]  # the WhatsApp marker of each group of _EMPHASIS
TITLE_SHORT = 120  # characters of the title a continued part repeats
CONTINUED = "… "  # the start of a line that goes on from the one before


Piece = tuple[str, str]  # (marker, text): "" plain, "*" bold, "_" italic, "~" strikethrough


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    lead: str = ""  # "- ", "3. " or "> ": the list or quote the line belongs to


@dataclass(frozen=True)
class Section:
    heading: str | None  # shown bold above its lines; a continued section repeats it
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Part:
    text: str

    @property
    def share(self) -> str:
        """The wa.me address that opens WhatsApp with this part as the message (a link: no request until clicked)."""
        return SHARE + quote(self.text, safe="")


@dataclass(frozen=True)
class Summary:
    parts: list[Part]
    restricted: bool  # holds lines marked TERBATAS (the internal edition)

    @property
    def numbered(self) -> bool:
        return len(self.parts) > 1

    @property
    def text(self) -> str:
        """What ``bulletin wa`` prints: the parts, each starting with its number when there are several."""
        return "\n\n".join(part.text for part in self.parts)


# --- what is said ------------------------------------------------------------------------------------------------


def meeting_summary(model: SiteModel, slug: str) -> Summary:
    """A meeting as its page states it: title, date and place, decisions, the action items it decided with owner
    and deadline, what was overdue on its day, and its page. MeetingNotFound for a slug the edition lacks."""
    meeting = model.meeting(slug)
    hour = data(f", pukul {meeting.waktu} {model.edisi.zona_waktu}") if meeting.waktu else ()
    head = [desk_line(model), Line(data(meeting.judul, "*")),
            Line((("", tanggal(meeting.tanggal, True)),) + hour), Line((("", "Tempat: "),) + data(meeting.tempat))]
    if meeting.dasar:
        head.append(Line(marked(meeting.dasar, (("", "Seluruh isi rapat ini terbatas."),))))
    if meeting.withheld:
        notes = "; ".join(f"{note.nama} ({note.dasar})" for note in meeting.withheld)
        head.append(Line(data(f"Sebagian informasi tidak dimuat karena dikecualikan menurut undang-undang: {notes}.",
                              "_")))
    whole = meeting.dasar  # a meeting restricted as a whole: every line of it is, copied on its own too
    decisions = [Line(marked(d.dasar or whole, data(d.uraian)), f"{n}. ") for n, d in enumerate(meeting.keputusan, 1)]
    actions = [Line(action_line(item, False, whole), f"{n}. ") for n, item in enumerate(meeting.tindak_lanjut, 1)]
    overdue = meeting.changes.overdue_items if meeting.changes else []
    sections = [
        Section(None, tuple(head)),
        Section("Keputusan", tuple(decisions) or (plain("Tidak ada keputusan yang dicatat."),)),
        Section("Tindak lanjut", tuple(actions) or (plain("Tidak ada tindak lanjut baru."),)),
        Section(f"Melewati batas waktu pada {tanggal(meeting.tanggal)}",
                tuple(Line(action_line(item, True, whole), "- ") for item in overdue)
                or (plain("Tidak ada tindak lanjut yang melewati batas waktu."),)),
        Section(None, (address_line(model, meeting.page),)),
    ]
    return assemble(sections, meeting.judul)


def readiness_summary(model: SiteModel) -> Summary:
    """The beranda's readiness: the area's status, each kecamatan's (or, for a larger desk, each region's) with
    what decided it, and what changed since the previous meeting."""
    area = model.area
    title = f"Kesiapan per {area.row_kind}" + (f", {tanggal(model.as_of)}" if model.reported else "")
    head = [desk_line(model), Line((("*", title),))]
    if not model.reported:
        head.append(plain("Belum ada laporan atau rapat yang dicatat."))
    elif model.before_voting:
        head.append(plain(f"H-{model.days_to_voting} menuju pemungutan suara {tanggal(model.voting_day, True)}."))
    elif model.voting_today:
        head.append(plain(f"Hari ini pemungutan suara, {tanggal(model.voting_day, True)}."))
    head.append(Line(data(area.nama) + (("", ": "), ("*", model.readiness.label),
                                        ("", f" ({counts_text(model.readiness.counts)} dari "
                                             f"{model.readiness.total} kecamatan)"))))
    rows = []
    for row in area.rows:
        why = (("", " — "),) + data(row.decided_by) if row.decided_by else \
            (("", f" ({counts_text(row.readiness.counts)})"),)
        rows.append(Line(marked(row.dasar, data(row.nama, "*") + (("", f": {row.readiness.label}"),) + why), "- "))
    sections = [Section(None, tuple(head)),
                Section(f"Status per {area.row_kind}", tuple(rows) or (plain("Belum ada kecamatan yang dicatat."),))]
    since = model.readiness_since
    if model.reported and since is not None:
        sections.append(since_section(since))
    sections.append(Section(None, (address_line(model, "index.md"),)))
    return assemble(sections, title)


def since_section(since: ReadinessSince) -> Section:
    if since.previous is None:
        return Section("Perubahan sejak rapat sebelumnya",
                       (plain("Belum ada rapat sebelum tanggal data ini."),))
    lines = [plain(f"Saat rapat itu: {counts_text(since.counts)}.")]
    for change in since.changes:
        moved = f"{change.before} → {change.after}" if change.status_changed else f"tetap {change.after}"
        found = "; ".join(f"{f.topic} {f.before or 'belum dapat dinilai'} → {f.after or 'belum dapat dinilai'}"
                          for f in change.findings)
        lines.append(Line(marked(change.dasar, data(change.nama, "*") + (("", f": {moved}"),)
                                 + ((("", ". "),) + data(found) if found else ())), "- "))
    if not since.changes:
        lines.append(plain("Tidak ada kecamatan yang berubah status atau temuannya."))
    if since.more:
        lines.append(plain(f"Dan {since.more} kecamatan lain yang berubah: lihat halaman Kecamatan."))
    return Section(f"Perubahan sejak rapat {tanggal(since.previous.tanggal)}", tuple(lines))


def desk_line(model: SiteModel) -> Line:
    return Line(data(f"{model.edisi.desk.nama} · {model.edisi.nama_singkat}", "_"))


def address_line(model: SiteModel, page: str) -> Line:
    label = "Selengkapnya: " if model.site_url else "Selengkapnya di situs buletin, halaman "
    return Line((("", label), ("", model.address(page))))  # the address as it is: WhatsApp links it


def action_line(item: ActionItemView, overdue: bool, whole: str | None = None) -> tuple[Piece, ...]:
    """An action item: what, who (bold), by when; overdue ones with the days late and their status then.
    ``whole``: the legal basis of the meeting when it is restricted as a whole."""
    late = (("", ", "), ("_", f"terlambat {item.days_overdue} hari")) if overdue else ()
    status = (("", f", {STATUS_LABELS[item.status].lower()}"),) if overdue or not item.open else ()
    return marked(item.dasar or whole, data(item.uraian) + (("", " — "),) + data(item.pemilik.singkatan, "*")
                  + (("", f", batas {tanggal(item.batas_waktu)}"),) + late + status)


def marked(dasar: str | None, pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """A line's pieces, marked TERBATAS with its legal basis when it states something restricted."""
    if not dasar:
        return pieces
    return (("*", "TERBATAS"), ("", " ")) + pieces + (("", " "),) + data(f"({dasar})", "_")


def counts_text(counts: list[tuple[str, str, int]]) -> str:
    """How many kecamatan have each status: "1 belum siap, 3 perlu perhatian, 2 siap"."""
    return ", ".join(f"{count} {label.lower()}" for _, label, count in counts if count)


def plain(text: str) -> Line:
    return Line((("", text),))


# --- text from the data ------------------------------------------------------------------------------------------


def data(value, style: str = "") -> tuple[Piece, ...]:
    """Text from the data as pieces, on one line: Markdown links written "text (address)", Markdown emphasis as
    WhatsApp's, plain text in ``style``, and every other marker character replaced by a look-alike."""
    text = " ".join(str(value).split())
    while (unwrapped := _AUTOLINK.sub(r"\1", text)) != text:  # <<address>>: each pair of brackets, inner first
        text = unwrapped
    while True:  # a link inside a link's text: the outer one is whole once the inner one is written out
        written = _LINK.sub(_link_text, text)
        if written == text:
            break
        text = written
    pieces: list[Piece] = []
    at = 0
    for url in URL.finditer(text):  # an address is kept whole and plain: no emphasis is read inside it
        pieces += _emphasis(text[at:url.start()], style) + [("", url.group())]
        at = url.end()
    pieces += _emphasis(text[at:], style)
    return tuple((marker, neutral(part)) for marker, part in pieces if part)


def _emphasis(text: str, style: str) -> list[Piece]:
    pieces: list[Piece] = []
    at = 0
    for match in _EMPHASIS.finditer(text):
        group = next(i for i, found in enumerate(match.groups()) if found is not None)
        pieces += [(style, text[at:match.start()]), (_EMPHASIS_MARKER[group] or style, match.group(group + 1))]
        at = match.end()
    return [*pieces, (style, text[at:])]


def _link_text(match: re.Match) -> str:
    label, url = " ".join(match.group(1).split()), match.group(2).strip()
    return f"{label} ({url})" if label and url else label or url


def neutral(text: str) -> str:
    """``text`` with its marker characters replaced by look-alikes, so that it formats nothing; addresses kept."""
    out, at = [], 0
    for match in URL.finditer(text):
        out += [text[at:match.start()].translate(LOOKALIKES), match.group()]
        at = match.end()
    return "".join(out) + text[at:].translate(LOOKALIKES)


# --- lines and parts ---------------------------------------------------------------------------------------------


def units(text: str) -> int:
    """Length as the platform counts it: UTF-16 code units (a character outside the BMP counts two)."""
    return len(text.encode("utf-16-le")) // 2


def render_line(line: Line) -> str:
    """A line as WhatsApp text. A styled piece gets its markers where WhatsApp would honour them: its text not
    empty, holding no address, with no letter, digit, marker or address right before or after it; else it is
    plain (an address runs on to the next space: a marker touching it could be read as part of it)."""
    pieces = _spaced(line.pieces)
    out = line.lead
    for index, (marker, text) in enumerate(pieces):
        if marker:
            after = pieces[index + 1][1] if index + 1 < len(pieces) else ""
            styled_after = index + 1 < len(pieces) and pieces[index + 1][0]
            ends_address = any(match.end() == len(out) for match in URL.finditer(out))
            if styled_after or ends_address or URL.match(after) or URL.search(text) \
                    or not (_edge(out[-1:]) and _edge(after[:1])):
                marker = ""
        out += f"{marker}{text}{marker}"
    return out if line.lead else _plain_start(out)


def _plain_start(text: str) -> str:
    """A line that starts with text from the data does not start a list, a quote or a Markdown heading, table or
    rule of its own: the character that would is replaced by a look-alike."""
    numbered = _NUMBERED.match(text)
    if numbered:
        return f"{numbered.group(1)}{numbered.group(2).translate(NUMBER_LOOKALIKES)}{text[numbered.end():]}"
    return text[:1].translate(BLOCK_LOOKALIKES) + text[1:]


def _edge(char: str) -> bool:
    return not char or not (char.isalnum() or char in MARKERS)


def _spaced(pieces: tuple[Piece, ...]) -> list[Piece]:
    """The pieces with the spaces at the ends of styled ones moved outside them, empty ones dropped."""
    out: list[Piece] = []
    for marker, text in pieces:
        core = text.strip()
        if marker and core and core != text:
            head, tail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            out += [("", head), (marker, core), ("", tail)]
        else:
            out.append((marker if core else "", text))
    return [(marker, text) for marker, text in out if text]


def wrap(line: Line, room: int) -> list[Line]:
    """A line that does not fit in ``room`` cut between words into lines that do (a word longer than half a line
    is cut too); each piece keeps its style, and the lines after the first start with "… " (so that none starts
    like a list, a quote or a heading)."""
    if units(render_line(line)) <= room:
        return [line]
    words = [(marker, word) for marker, text in _spaced(line.pieces) for word in re.split(r"(?<= )", text)]
    lines: list[Line] = []
    current: list[Piece] = []
    lead = line.lead
    for marker, word in words:
        while units(word) > room // 2:  # one word longer than half a line: cut it
            words_head, word = word[:room // 2], word[room // 2:]
            lines, current, lead = _push(lines, current, lead, (marker, words_head), room)
        lines, current, lead = _push(lines, current, lead, (marker, word), room)
    if current:
        lines.append(Line(_joined(current), lead))
    return lines


def _push(lines: list[Line], current: list[Piece], lead: str, piece: Piece,
          room: int) -> tuple[list[Line], list[Piece], str]:
    if current and units(render_line(Line(_joined([*current, piece]), lead))) > room:
        return [*lines, Line(_joined(current), lead)], [piece], CONTINUED
    return lines, [*current, piece], lead


def _joined(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Neighbouring pieces of one style joined, so a style spans the words it had."""
    out: list[Piece] = []
    for marker, text in pieces:
        if out and out[-1][0] == marker:
            out[-1] = (marker, out[-1][1] + text)
        else:
            out.append((marker, text))
    return tuple(out)


def assemble(sections: list[Section], title: str) -> Summary:
    """The summary of these sections, warned at its top when it holds restricted lines, in numbered parts when
    it does not fit one message."""
    restricted = any(piece == ("*", "TERBATAS") for section in sections for line in section.lines
                     for piece in line.pieces)
    if restricted:
        warning = Line((("*", "Memuat informasi TERBATAS"), ("", ": jangan diteruskan ke luar Desk Pilkada.")))
        sections = [Section(sections[0].heading, (warning, *sections[0].lines)), *sections[1:]]
    return Summary([Part(text) for text in split(sections, title)], restricted)


def split(sections: list[Section], title: str) -> list[str]:
    """The text in one message, or in as few numbered parts as fit, each at most LIMIT long."""
    whole = _compose([[_heading(s), *s.lines] if s.heading else list(s.lines) for s in sections])
    if units(whole) <= LIMIT:
        return [whole]
    count = 2
    for _ in range(10):  # the number's width decides the room: settles in a step or two
        parts = _pack(sections, title, count)
        if len(parts) == count:
            return parts
        count = len(parts)
    raise AssertionError("parts do not settle")  # pragma: no cover


def _heading(section: Section, continued: bool = False) -> Line:
    return Line(data(section.heading or "", "*") + ((("", " (lanjutan)"),) if continued else ()))


def _compose(blocks: list[list[Line]]) -> str:
    return "\n\n".join("\n".join(render_line(line) for line in block) for block in blocks if block)


def _pack(sections: list[Section], title: str, count: int) -> list[str]:
    """Lines into parts of ``count``: part 1 starts "(1/n)", a later one "(k/n)" with the title shortened, and a
    section that goes on in a new part names itself again. A line longer than a quarter of a message is first cut
    between words, so that parts fill up."""
    short = title if len(title) <= TITLE_SHORT else title[:TITLE_SHORT].rsplit(" ", 1)[0] + " …"
    parts: list[list[list[Line]]] = []

    def opening(number: int) -> list[list[Line]]:
        if number == 1:
            return [[]]
        return [[Line((("", f"({number}/{count}) Lanjutan: "),) + data(short, "*"))], []]

    def text(blocks: list[list[Line]], number: int) -> str:
        composed = _compose(blocks)
        return f"({number}/{count}) {composed}" if number == 1 else composed

    current = opening(1)
    for section in sections:
        lines = ([_heading(section)] if section.heading else []) + list(section.lines)
        current.append([])
        for index, line in enumerate(lines):
            for piece in wrap(line, LIMIT // 4):
                trial = [*current[:-1], [*current[-1], piece]]
                if units(text(trial, len(parts) + 1)) <= LIMIT:
                    current = trial
                    continue
                parts.append(current)
                current = opening(len(parts) + 1)
                continued = [_heading(section, continued=True)] if section.heading and index else []
                current[-1] = [*continued, piece]
    parts.append(current)
    return [text(blocks, number) for number, blocks in enumerate(parts, 1)]
