"""Which built pages and files changed between two builds of the site (``bulletin site-diff``). Standard
library only.

    bulletin site-diff OLD_SITE NEW_SITE [--format text|markdown] [--limit N] [--exit-code]
    python3 -m generator.tools.site_diff OLD_SITE NEW_SITE …   (the same, without click; scripts/site-diff)

OLD_SITE and NEW_SITE are built site folders (`bulletin build` writes site/, with site/publik/ and site/internal/;
one edition folder works too). Reports HTML pages and other files that were added, removed or changed, with
the number of changed lines of each changed page, so a reviewer sees what a dependency update or a template
change does to the pages. Differences that are not content are ignored: the header of gzip files (their
timestamp and file name; the decompressed content is compared), the dates in sitemaps (<lastmod>), and the
versions of MkDocs and Material that every page names in <meta name="generator">: a change of those is
reported once, so that the pages listed are those whose content changed.
``--format markdown`` writes the report for a GitHub job summary. Exit status 0, or with --exit-code 1 when
something changed; 2 when a folder is missing.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

LASTMOD = re.compile(rb"\s*<lastmod>[^<]*</lastmod>")
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def files_of(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def content(path: Path) -> bytes:
    """The bytes that matter: gzip files decompressed, sitemaps without their build dates."""
    data = path.read_bytes()
    name = path.name
    if name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return data
        name = name[:-3]
    if name.startswith("sitemap") and name.endswith(".xml"):
        data = LASTMOD.sub(b"", data)
    if name.endswith(".html"):
        data = GENERATOR.sub(b"", data)
    return data


def generator(files: dict[str, Path]) -> str:
    """What the build's pages name as their generator, e.g. "mkdocs-1.6.1, mkdocs-material-9.8.2"."""
    for rel, path in files.items():
        if rel.endswith(".html") and (match := GENERATOR.search(path.read_bytes())):
            return match[1].decode()
    return ""


def changed_lines(old: bytes, new: bytes) -> tuple[int, int]:
    """Lines removed and added, as a unified diff counts them."""
    a = old.decode("utf-8", "replace").splitlines()
    b = new.decode("utf-8", "replace").splitlines()
    removed = added = 0
    for line in difflib.unified_diff(a, b, lineterm="", n=0):
        if line.startswith("-") and not line.startswith("---"):
            removed += 1
        elif line.startswith("+") and not line.startswith("+++"):
            added += 1
    return removed, added


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, int, int]] = field(default_factory=list)  # path, lines removed, lines added

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class Comparison:
    pages: Changes                 # HTML pages
    others: Changes                # every other file
    generators: tuple[str, str]    # what the old and the new pages name as their generator

    def __bool__(self) -> bool:
        return bool(self.pages or self.others or self.generators[0] != self.generators[1])


def compare(old_root: Path, new_root: Path) -> Comparison:
    old, new = files_of(old_root), files_of(new_root)
    pages, others = Changes(), Changes()
    for rel in sorted(old.keys() | new.keys()):
        bucket = pages if rel.endswith(".html") else others
        if rel not in old:
            bucket.added.append(rel)
        elif rel not in new:
            bucket.removed.append(rel)
        else:
            a, b = content(old[rel]), content(new[rel])
            if a != b:
                removed, added = changed_lines(a, b) if bucket is pages else (0, 0)
                bucket.changed.append((rel, removed, added))
    return Comparison(pages, others, (generator(old), generator(new)))


def address(rel: str) -> str:
    """A page's address within the site: `publik/x/index.html` is `publik/x/`."""
    if rel == "index.html" or rel.endswith("/index.html"):
        return rel[: -len("index.html")] or "./"
    return rel


def summary(result: Comparison) -> str:
    if not result:
        return "Tidak ada perubahan: kedua hasil bangun sama isinya."
    pages, others = result.pages, result.others
    old, new = result.generators
    return ((f"Pembangun situs: {old or '-'} → {new or '-'}. " if old != new else "")
            + f"Halaman HTML: {len(pages.changed)} berubah, {len(pages.added)} baru, {len(pages.removed)} hilang. "
            f"Berkas lain: {len(others.changed)} berubah, {len(others.added)} baru, {len(others.removed)} hilang.")


def entries(changes: Changes, is_pages: bool) -> list[tuple[str, list[str]]]:
    """(kind, items) of each non-empty list; an item is a page's address or a file's path, and for a
    changed page the lines it lost and gained."""
    show = address if is_pages else str
    changed = [show(rel) + (f" (-{removed} +{added} baris)" if is_pages else "")
               for rel, removed, added in changes.changed]
    groups = [("berubah", changed), ("baru", [show(rel) for rel in changes.added]),
              ("hilang", [show(rel) for rel in changes.removed])]
    return [(kind, items) for kind, items in groups if items]


def report(result: Comparison, limit: int, heading: str, item: str) -> list[str]:
    """The lists, capped at `limit` items; `heading` and `item` format a list's title and an item."""
    out = []
    for title, changes, is_pages in (("Halaman", result.pages, True), ("Berkas lain", result.others, False)):
        for kind, items in entries(changes, is_pages):
            out += ["", heading.format(f"{title} {kind} ({len(items)})")]
            out += [item.format(i) for i in items[:limit]]
            if len(items) > limit:
                out.append(item.format(f"… dan {len(items) - limit} lainnya"))
    return out


def as_text(result: Comparison, limit: int) -> str:
    return "\n".join([summary(result), *report(result, limit, "{}:", "  {}")]) + "\n"


def as_markdown(result: Comparison, limit: int, old: str, new: str) -> str:
    head = ["### Halaman situs yang berubah", "", f"`{old}` → `{new}`: {summary(result)}"]
    return "\n".join(head + report(result, limit, "**{}**", "- {}")) + "\n"


FORMATS = ("text", "markdown")
LIMIT = 200  # entries per list


def run(old: Path, new: Path, fmt: str = "text", limit: int = LIMIT, exit_code: bool = False) -> int:
    """Compare two builds and write the report to standard output; the exit status (0, 1 with ``exit_code``
    when something changed, 2 when a folder is missing, said on standard error)."""
    for folder in (old, new):
        if not folder.is_dir():
            print(f"site-diff: folder {folder} tidak ada", file=sys.stderr)
            return 2
    result = compare(old, new)
    if fmt == "markdown":
        sys.stdout.write(as_markdown(result, limit, str(old), str(new)))
    else:
        sys.stdout.write(as_text(result, limit))
    return 1 if exit_code and result else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="site-diff", description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path, help="the earlier build (e.g. a copy of site/ before the update)")
    parser.add_argument("new", type=Path, help="the later build")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("--limit", type=int, default=LIMIT, help=f"at most this many entries per list (default {LIMIT})")
    parser.add_argument("--exit-code", action="store_true", help="exit 1 when something changed")
    args = parser.parse_args(argv)
    return run(args.old, args.new, args.format, args.limit, args.exit_code)


if __name__ == "__main__":
    sys.exit(main())
