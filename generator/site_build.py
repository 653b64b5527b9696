"""The build: MkDocs turns the rendered pages into the site, every site edition × every election edition,
written aside and swapped in only when everything built.

    site/publik/<edisi>/      the public edition of each election edition, plus versions.json and the alias
    site/internal/<edisi>/    the internal one, with the marker file of generator.publish

A failed or interrupted build leaves the previous site exactly as it was: MkDocs writes into a fresh folder
next to the target, and only complete site editions replace the old ones (renames).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .editions import EDITIONS, INTERNAL
from .project import Project
from .publish import write_marker
from .versions import write_version_index

EDITION_VARIABLE = "BULLETIN_EDITION"  # read by mkdocs.yml: edition: !ENV [BULLETIN_EDITION, publik]
EDISI_VARIABLE = "BULLETIN_EDISI"  # read by mkdocs.yml: edisi: !ENV [BULLETIN_EDISI, ""]
STAGING_PREFIX = "-baru-"


class BuildFailed(Exception):
    """MkDocs could not build the site; the message says why."""


def build_site(project: Project, versions: list[tuple[str, str]], editions: tuple[str, ...] = EDITIONS,
               site_dir: Path | None = None, base_url: str | None = None, strict: bool = True) -> Path:
    """Build ``editions`` × ``versions`` ((edisi id, title), newest first) into ``site_dir`` (default ``site/``)."""
    root = Path(site_dir or project.site_dir).resolve()
    root.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(root)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}{STAGING_PREFIX}", dir=root.parent))
    try:
        for edition in editions:
            for edisi, _title in versions:
                out = staging / edition / edisi
                site_url = f"{base_url.rstrip('/')}/{edisi}/" if base_url else None
                with _environment({EDITION_VARIABLE: edition, EDISI_VARIABLE: edisi}):
                    overrides = {"site_url": site_url} if site_url else {}
                    config = load_config(str(project.config_file), site_dir=str(out), strict=strict, **overrides)
                    mkdocs_build(config)
                if edition == INTERNAL:
                    write_marker(out)
            write_version_index(staging / edition, versions, base_url)
            if edition == INTERNAL:
                write_marker(staging / edition)
    except (Abort, ConfigurationError, PluginError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    root.mkdir(exist_ok=True)
    for edition in editions:
        swap(staging / edition, root / edition)
    shutil.rmtree(staging, ignore_errors=True)
    return root


@contextmanager
def _environment(values: dict[str, str]):
    previous = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def remove_stale_staging(root: Path) -> None:
    """Staging folders left by a build that was killed (SIGKILL leaves no chance to clean up)."""
    for stale in root.parent.glob(f".{root.name}{STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in root.glob(f".*-lama-*"):
        shutil.rmtree(stale, ignore_errors=True)


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
