"""A meeting page is the record of its day: it states what was known at that meeting, never what came later.

Metamorphic: for every meeting of every election edition, in both site editions, the page built from the full
data and the page built from the data *cut at that meeting* (the meetings after it removed; every dated report,
risk and record dated after it removed; the edition's data date no later than the meeting) are identical, whole,
not just in their "as of the meeting" sections: the action items as they stood then, what was overdue on that
day and by how many days, the figures "Saat rapat ini", and the PDF made from the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.load.validate import EditionRecords, Record
from generator.pipeline import check, publish
from generator.project import Project
from generator.render.pdf import meeting_html

ROOT = Path(__file__).resolve().parent.parent


def dated(value) -> dt.date | None:
    day = getattr(value, "tanggal", None)
    return day if isinstance(day, dt.date) else None


def cut_model(data: BaseModel, day: dt.date) -> BaseModel:
    """``data`` without the list entries dated after ``day`` (reports, risks, anything with a ``tanggal``)."""
    updates = {}
    for name in type(data).model_fields:
        value = getattr(data, name)
        if isinstance(value, list) and any(dated(item) for item in value):
            updates[name] = [item for item in value if dated(item) is None or dated(item) <= day]
    return data.model_copy(update=updates)


def cut_at(records: EditionRecords, meeting: Record) -> EditionRecords:
    """The edition as it was known at the end of ``meeting``."""
    day, order = meeting.data.tanggal, (meeting.data.tanggal, meeting.slug)
    edisi = records.edisi
    if edisi.data.tanggal_data and edisi.data.tanggal_data > day:
        edisi = replace(edisi, data=edisi.data.model_copy(update={"tanggal_data": None}))
    return replace(
        records, edisi=edisi,
        instansi={slug: replace(r, data=cut_model(r.data, day)) for slug, r in records.instansi.items()},
        kecamatan={slug: replace(r, data=cut_model(r.data, day)) for slug, r in records.kecamatan.items()},
        rapat={slug: r for slug, r in records.rapat.items() if (r.data.tanggal, r.slug) <= order})


@pytest.fixture(scope="module")
def checked():
    return check(Project(ROOT))


def meetings_of(checked):
    for records in checked.records:
        for slug in sorted(records.rapat):
            yield records, records.rapat[slug]


@pytest.mark.parametrize("edition", ["publik", "internal"])
def test_a_meeting_page_says_what_was_known_on_its_day(checked, edition):
    compared = 0
    full = {records.id: publish(checked, edition, records) for records in checked.records}
    for records, meeting in meetings_of(checked):
        later = [r for r in records.rapat.values() if (r.data.tanggal, r.slug) > (meeting.data.tanggal, meeting.slug)]
        then = publish(checked, edition, cut_at(records, meeting))
        path = f"rapat/{meeting.slug}.md"
        now = full[records.id]
        assert then.site.pages[path] == now.site.pages[path], (
            f"{records.id}/{path} ({edition}) says something learnt after {meeting.data.tanggal}"
            f" ({len(later)} later meetings)")
        assert meeting_html(then.model, meeting.slug) == meeting_html(now.model, meeting.slug)
        compared += 1
    assert compared >= 5  # every meeting of the example, in two election editions


def test_the_cut_is_a_real_cut(checked):
    """The metamorphic test compares something: cutting at the first meeting changes the current pages."""
    records = next(r for r in checked.records if r.id == "pilkada-2024")
    first = min(records.rapat.values(), key=lambda r: (r.data.tanggal, r.slug))
    full, then = publish(checked, "publik", records), publish(checked, "publik", cut_at(records, first))
    assert full.site.pages["tindak-lanjut.md"] != then.site.pages["tindak-lanjut.md"]
    assert full.site.pages["index.md"] != then.site.pages["index.md"]
    assert len(then.model.rapat) == 1


def test_the_meeting_of_26_september_2024_as_it_was():
    """The finding: this page listed an item overdue by 109 days (counted to 19 November) and one finished on
    10 October, two weeks after the meeting."""
    page = publish(check(Project(ROOT)), "publik",
                   next(r for r in check(Project(ROOT)).records if r.id == "pilkada-2024"))
    text = page.site.pages["rapat/2024-09-26-rapat-kesiapan-desk-pilkada.md"]
    assert "terlambat 109 hari" not in text and "10 Oktober 2024" not in text
    assert "terlambat 55 hari" in text  # tl-2024-03, due 2 August, still open on 26 September
    assert "terlambat 6 hari" in text  # tl-2024-07, due 20 September
    assert "Status terkini setiap tindak lanjut ada di halaman [Tindak lanjut](../tindak-lanjut.md)" in text


def test_a_meeting_pdf_says_what_its_page_says(checked, tmp_path):
    """The PDF is printed from the same page, so it holds what was known on the day, in text a reader gets."""
    pypdf = pytest.importorskip("pypdf")
    from generator.render.pdf import meeting_pdf

    records = next(r for r in checked.records if r.id == "pilkada-2024")
    slug = "2024-09-26-rapat-kesiapan-desk-pilkada"
    texts = []
    for which, data in (("penuh", records), ("dipotong", cut_at(records, records.rapat[slug]))):
        out = meeting_pdf(publish(checked, "publik", data).model, slug, tmp_path / f"{which}.pdf")
        texts.append(" ".join(page.extract_text() for page in pypdf.PdfReader(out).pages))
    assert texts[0] == texts[1]
    assert "terlambat 55 hari" in " ".join(texts[0].split())
