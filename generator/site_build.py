"""The build: MkDocs turns the rendered pages of each edition into a site, written aside and swapped in only
when every requested edition built.

``site/publik/`` is the public edition, ``site/internal/`` the internal one (with a marker file at its root,
see ``generator.publish``). A failed or interrupted build leaves the previous site exactly as it was: MkDocs
writes into a fresh folder next to the target, and only complete editions replace the old ones (renames).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .editions import EDITIONS, INTERNAL
from .project import Project
from .publish import write_marker

EDITION_VARIABLE = "BULLETIN_EDITION"  # read by mkdocs.yml: edition: !ENV [BULLETIN_EDITION, publik]


class BuildFailed(Exception):
    """MkDocs could not build the site; the message says why."""


def build_site(project: Project, editions: tuple[str, ...] = EDITIONS, site_dir: Path | None = None,
               strict: bool = True) -> Path:
    """Build ``editions`` into ``site_dir``/<edition>/ (default ``site/``); return ``site_dir``."""
    root = Path(site_dir or project.site_dir).resolve()
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}-baru-", dir=root.parent))
    previous = os.environ.get(EDITION_VARIABLE)
    try:
        for edition in editions:
            os.environ[EDITION_VARIABLE] = edition
            out = staging / edition
            config = load_config(str(project.config_file), site_dir=str(out), strict=strict)
            mkdocs_build(config)
            if edition == INTERNAL:
                write_marker(out)
    except (Abort, ConfigurationError, PluginError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if previous is None:
            os.environ.pop(EDITION_VARIABLE, None)
        else:
            os.environ[EDITION_VARIABLE] = previous
    root.mkdir(exist_ok=True)
    for edition in editions:
        swap(staging / edition, root / edition)
    shutil.rmtree(staging, ignore_errors=True)
    return root


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
