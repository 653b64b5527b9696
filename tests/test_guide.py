"""The editors' guide (generator/build/content/panduan-editor.md, a page of the product) lists every message of
generator/load/messages.py, word for word (… where the message says a value), and marks with ✎ exactly those an
editor's YAML extension also shows."""

from __future__ import annotations

import re
from pathlib import Path

from canary import personal_numbers

from generator.load import messages as msg

GUIDE = Path(__file__).resolve().parents[1] / "generator" / "build" / "content" / "panduan-editor.md"


def shown(template: str) -> str:
    """A message as the guide writes it: every value it names is …, and so is an example shaped like a personal
    number (a NIP, a mobile number): the guide is a public page, where no such number may appear
    (tests/test_editions.py scans for them)."""
    text = re.sub(r"\{[a-z_]+\}", "…", template)
    for finding in personal_numbers(text):
        if finding.kind != "telepon" or finding.text.startswith("08"):  # office numbers are public
            text = text.replace(finding.text, "…")
    return re.sub(r"…+", "…", text).strip()


def messages() -> dict[str, str]:
    found = {}
    for name in dir(msg):
        value = getattr(msg, name)
        if name.isupper() and isinstance(value, str):
            found[name] = value
        elif name.isupper() and isinstance(value, dict):
            found.update({f"{name}[{key}]": text for key, text in value.items()})
    return found


def test_every_message_is_in_the_guide():
    guide = GUIDE.read_text(encoding="utf-8")
    text = re.sub(r"…+", "…", guide)
    missing = sorted(name for name, template in messages().items() if shown(template) not in text)
    assert missing == [], "add these messages (with their fix) to generator/build/content/panduan-editor.md"


def test_guide_marks_what_the_editor_shows_as_well():
    guide = re.sub(r"…+", "…", GUIDE.read_text(encoding="utf-8"))
    marked = {m for m in re.findall(r"✎ ``(.+?)``", guide)}
    expected = {shown(getattr(msg, name)) for name in msg.ALSO_IN_EDITOR}
    assert marked == expected


def test_guide_lists_what_only_validate_checks():
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("### Yang hanya diperiksa oleh `bulletin validate`", 1)[1].split("\n## ", 1)[0]
    for topic in ("rujukan antarberkas", "kode wilayah terhadap daftar Kemendagri", "aturan konsistensi"):
        assert topic in section
