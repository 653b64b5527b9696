"""Publishing a built edition, with the one rule that matters most: the internal edition never goes public.

Every internal build carries a marker file at its root. ``publish`` refuses to copy a folder that holds the
marker anywhere inside it to a public target, and copies atomically (aside, then renamed into place).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

MARKER = ".buletin-internal"
MARKER_TEXT = ("Edisi INTERNAL Buletin Desk Pilkada. Berisi informasi yang dikecualikan menurut UU 14/2008 Pasal 17 "
               "dan data pribadi (UU 27/2022). Jangan dipublikasikan.\n")


class PublishRefused(Exception):
    pass


def write_marker(site: Path) -> None:
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def internal_markers(folder: Path) -> list[Path]:
    """Every marker file under ``folder`` (an internal edition nested in a bigger folder counts too)."""
    return sorted(folder.rglob(MARKER))


def check_publishable(source: Path, target: str) -> None:
    source = Path(source)
    if not (source / "index.html").is_file():
        raise PublishRefused(f"{source} bukan situs hasil build (tidak ada index.html)")
    if target == "publik":
        markers = internal_markers(source)
        if markers:
            raise PublishRefused(
                f"{source} berisi edisi internal ({markers[0]}); edisi internal tidak boleh diterbitkan ke "
                "tujuan publik")


def publish(source: Path, destination: Path, target: str) -> Path:
    """Copy the built site ``source`` to ``destination`` for a ``publik`` or ``internal`` target.

    The copy holds files only: the alias link (``terbaru``) is copied as the edition it points to, as GitHub
    Pages accepts no links."""
    check_publishable(source, target)
    destination = Path(destination).resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-baru-", dir=destination.parent))
    staging.rmdir()
    shutil.copytree(source, staging)
    swap(staging, destination)
    return destination


def swap(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, by renames: the old folder is removed only once the new one is in place."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-lama-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
