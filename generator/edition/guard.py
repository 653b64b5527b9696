"""The guard of the two places for data: restricted content only in the restricted tree, and only restricted
content there.

* In a public repository (``repositori: publik`` in mkdocs.yml, the default, or ``validate --public-only``), a
  restricted value in ``data/`` is an error at its line: git keeps it for good once it is pushed. That is any
  record marked ``akses: terbatas``, any record restricted by its kind (security deployments, vulnerable TPS,
  potential disruptions, named ASN) and any restricted field with a value (personal phone, NIK, NIP, internal
  minutes).
* A value of the restricted tree that is not restricted (a public field, a public record) belongs in ``data/``:
  the public edition would never show it.

* In a public repository, a comment of a data file holds no personal number either: a mobile phone number, or a
  16-digit (NIK) or 18-digit (NIP) number, is an error at its line, as the value would be. YAML comments are not
  data, but git keeps them just the same. Office numbers (fixed lines, with their area code) may be written.

The places come from ``generator.load.restricted``, the one rule the public edition is filtered by.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.load import messages as msg
from generator.load.fields import is_mobile
from generator.load.problems import Problem, Problems, display_path
from generator.load.reader import comments, read_text
from generator.load.validate import YAML_SUFFIXES, EditionRecords, Record

KINDS = ("instansi", "kecamatan", "rapat")
PLACEMENT_KEYS = ("id", "tanggal", "setelah")  # how a restricted value is placed: not content of its own


def guard(editions: list[EditionRecords], problems: Problems, public_repository: bool,
          restricted_dir: Path | None, root: Path | None = None) -> None:
    shown = display_path(restricted_dir, root) if restricted_dir else "repositori terbatas"
    for records in editions:
        for kind in KINDS:
            for record in getattr(records, kind).values():
                check_record(record, problems, public_repository, restricted_dir, shown)


def check_record(record: Record, problems: Problems, public_repository: bool, restricted_dir: Path | None,
                 shown: str) -> None:
    document = record.document
    places = [(place.loc, place.how) for place in record.places]
    alone = restricted_dir is not None and Path(restricted_dir).resolve() in Path(document.path).resolve().parents
    if alone:  # a file only in the restricted tree: the record as a whole must be restricted
        if ((), "ditandai") not in places and ((), "jenis") not in places:
            problems.add(document.problem(("akses",), msg.RESTRICTED_ALONE_NOT_RESTRICTED, key=True))
        return
    if public_repository:
        for loc, what in places:
            if document.origin(loc) == document.display:
                problems.add(document.problem(loc, msg.PUBLIC_HOLDS_RESTRICTED.format(
                    what=msg.PUBLIC_HOLDS_RESTRICTED_WHAT[what], restricted=shown), key=what == "bidang"))
    if document.overlay is None:
        return
    covered = {loc for loc, _ in places}
    for loc, mark in document.value_marks.items():
        if len(mark) < 3 or (loc and loc[-1] in PLACEMENT_KEYS):
            continue  # from the public file, or the key that places a restricted value
        if any(loc[:size] in covered for size in range(len(loc) + 1)):
            continue  # restricted, or within a restricted record
        if any(place[:len(loc)] == loc for place in covered):
            continue  # a list or mapping the restricted file opens only to hold restricted values
        problems.add(document.problem(loc, msg.RESTRICTED_ONLY_PUBLIC.format(public=document.display)))


_NUMBER_IN_TEXT = re.compile(r"\+?[0-9][0-9 .()\-]{6,}[0-9]")
_DIGIT = re.compile(r"[0-9]")


def _may_comment_a_number(text: str) -> bool:
    """Whether any line has a digit after a "#": only such files are read for their comments (one pass)."""
    for line in text.splitlines():
        start = line.find("#")
        if start >= 0 and _DIGIT.search(line, start):
            return True
    return False


def guard_comments(data_dir: Path, problems: Problems, restricted_dir: Path | None, root: Path | None = None) -> None:
    """Personal numbers in the comments of the files of ``data_dir`` (a public repository's data)."""
    shown = display_path(restricted_dir, root) if restricted_dir else "repositori terbatas"
    for path in sorted(Path(data_dir).rglob("*")) if Path(data_dir).is_dir() else []:
        if path.suffix.lower() not in YAML_SUFFIXES or not path.is_file():
            continue
        display = display_path(path, root)
        text, _ = read_text(path, display)  # a file that cannot be read is reported by validation
        if text is None or not _may_comment_a_number(text):
            continue
        for line, column, comment in comments(text):
            for match in _NUMBER_IN_TEXT.finditer(comment):
                kind = personal_number_kind(match.group(0))
                if kind:
                    offset = column + 1 + match.start()  # after the "#"
                    problems.add(Problem(display, line, offset, "", msg.COMMENT_HOLDS_PERSONAL.format(
                        what=msg.COMMENT_HOLDS_PERSONAL_WHAT[kind], text=match.group(0).strip(), restricted=shown)))


def personal_number_kind(text: str) -> str | None:
    """"nik", "nip" or "telepon" for a number shaped like one (a mobile phone number); None for anything else."""
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) == 16:
        return "nik"
    if len(digits) == 18:
        return "nip"
    return "telepon" if is_mobile(text) else None
