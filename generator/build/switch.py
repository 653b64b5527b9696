"""Switching: ``site`` is a symbolic link to the newest complete build; one rename replaces it, so a failed or
interrupted build leaves the previous site exactly as it was.

    site -> .site-versi/<build>/       the link, switched by one rename
    .site-versi/<build>/publik/<edisi>/   the public edition of each election edition, versions.json, alias
    .site-versi/<build>/internal/<edisi>/ the internal one, with the marker file of generator.build.publish
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.build.store import locked_folder

VERSIONS_FOLDER = "-versi"  # .site-versi/ beside site/


# --- switching: the site is a link to the newest complete build --------------------------------------


def versions_folder(site: Path) -> Path:
    return site.parent / f".{site.name}{VERSIONS_FOLDER}"


def new_build_folder(site: Path) -> Path:
    folder = versions_folder(site)
    folder.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=folder))
    build.chmod(0o755)  # readable by the web server, like any folder it serves
    return build


def switch(site: Path, build: Path) -> None:
    """Point ``site`` at ``build`` in one rename. The build it pointed at stays until the next build starts
    (a way back, and its deletion does not hold up this build)."""
    link = site.with_name(f".{site.name}.baru")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(build, site.parent))
    if site.exists() and not site.is_symlink():  # a site from before links: moved aside once, by rename
        site.rename(versions_folder(site) / f"lama-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(link, site)


def stale_builds(site: Path) -> list[Path]:
    """Builds that are not the current one: the one before it, or one left by a build that was killed.
    (Call it holding ``locked_site``: another build's folder is never stale while that build runs.)"""
    current = site.resolve() if site.is_symlink() else None
    folder = versions_folder(site)
    site.with_name(f".{site.name}.baru").unlink(missing_ok=True)
    return [path for path in (folder.iterdir() if folder.is_dir() else [])
            if path.is_dir() and not path.is_symlink() and path.resolve() != current]


def remove_stale(site: Path) -> None:
    for path in stale_builds(site):
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def removing_stale(site: Path):
    """Delete the stale builds in another process while this build runs. Deleting a national site's 38,000 files
    takes 1.5 s on its own; a thread of this process took 6 s beside the assembly, waiting for the interpreter's
    lock after every file, and held the build up at its end."""
    stale = stale_builds(site)  # listed now, before this build adds its own folder
    cleaner = subprocess.Popen([sys.executable, "-I", "-S", "-c", _REMOVE, *map(str, stale)],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL) if stale else None
    try:
        yield
    finally:
        if cleaner is not None:
            cleaner.wait()


_REMOVE = "import shutil, sys\nfor path in sys.argv[1:]:\n    shutil.rmtree(path, ignore_errors=True)"


def locked_site(site: Path):
    """One build, assembly or preview at a time lists, adds, switches or removes the builds of ``site``.
    Taken after the cache's lock where both are held."""
    return locked_folder(versions_folder(site))
