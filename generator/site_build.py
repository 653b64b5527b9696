"""The build: MkDocs turns the rendered pages into the site, written aside and swapped in only on success.

A failed or interrupted build leaves the previous site exactly as it was: MkDocs writes into a fresh
folder next to the target, and only a complete build replaces the old one (two renames).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .project import Project


class BuildFailed(Exception):
    """MkDocs could not build the site; the message says why, in Indonesian."""


def build_site(project: Project, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build the site into ``site_dir`` (default ``site/``) atomically; return the folder."""
    target = Path(site_dir or project.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-baru-", dir=target.parent))
    try:
        config = load_config(str(project.config_file), site_dir=str(staging), strict=strict)
        mkdocs_build(config)
    except (Abort, ConfigurationError, PluginError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)
    return target


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-lama-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def quiet_mkdocs() -> None:
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
