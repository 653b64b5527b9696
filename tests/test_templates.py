"""Templates only show: every decision (a threshold, a label, which table shape, whether something is restricted)
is a field of the model, and a template tests only what the model hands it.

Inside the Jinja tags of ``generator/render/templates`` this refuses comparisons (``==``, ``!=``, ``<``, ``>``,
``<=``, ``>=``), tests of membership in a written list or string, ``selectattr``/``rejectattr`` choosing
data, and page paths put together from pieces (the model gives each link target whole). What stays allowed is presentation: whether a value or list is there (``{% if x %}``, ``is none``), loops
and their ``loop.first``/``loop.last``, and filters that format.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "generator" / "render" / "templates"
TAG = re.compile(r"\{%-?(.*?)-?%\}|\{\{-?(.*?)-?\}\}", re.S)
STRING = re.compile(r"\"[^\"]*\"|'[^']*'")
PATH_PIECES = re.compile(r"""['"][\w-]+/['"]\s*~|~\s*['"]\.md['"]""")  # 'rapat/' ~ slug ~ '.md'
DECISIONS = [
    (re.compile(r"==|!=|<=|>=|(?<![-=])>|<"), "a comparison"),
    (re.compile(r"\bin\s*[\[(]|\bin\s*$"), "membership in a written list or string"),
    (re.compile(r"\b(selectattr|rejectattr)\b"), "a selection of data"),
]


def decisions(text: str) -> list[str]:
    """Every decision inside the tags of a template's text, as "line: what (the tag)"."""
    found = []
    for match in TAG.finditer(text):
        code = match.group(1) if match.group(1) is not None else match.group(2)
        bare = STRING.sub('""', code)  # a string's content is text to show, not code
        for pattern, what in DECISIONS:
            if pattern.search(bare) or (what.startswith("membership") and re.search(r"\bin\s+\"\"", bare)):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{line}: {what} ({code.strip()[:80]})")
        if PATH_PIECES.search(code):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{line}: a page path built from pieces ({code.strip()[:80]})")
    return found


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.j2")))
def test_templates_make_no_decisions(template):
    assert decisions((TEMPLATES / template).read_text(encoding="utf-8")) == [], (
        "move the decision into the model (a field or property that says what to show)")


@pytest.mark.parametrize("text", [
    '{% if site.days_to_voting > 0 %}',
    '{% if region.row_kind == "kecamatan" %}',
    '{{ c.dasar if c.akses != "terbatas" else none }}',
    '{% for x in counts if x.level <= 2 %}',
    '{% if c.status in ["terbuka", "berjalan"] %}',
    '{% if c.status in "terbuka berjalan" %}',
    '{% set p = contacts | selectattr("nip") | list %}',
    "{{ link('rapat/' ~ r.slug ~ '.md') }}",
    "{{ link('unduh/' ~ t.path) }}",
])
def test_a_decision_in_a_template_is_found(text):
    assert decisions(text), text


@pytest.mark.parametrize("text", [
    '{% if site.before_voting %}',
    '{% if not c.asn_reported %}',
    '{% if f.before is not none %}',
    '{% for level, label, count in r.readiness.counts if count %}',
    '{{ count | angka }} {{ label | lower }}{% if not loop.last %}; {% endif %}',
    '{{ "a > b" | cell }}',
    '{%- if x -%}',
])
def test_presentation_is_allowed(text):
    assert decisions(text) == [], text
