"""Where a project's parts are: data, the restricted tree, hand-written content, theme, MkDocs configuration,
output; and what the project declares about itself in mkdocs.yml (under the ``bulletin`` plugin):

    plugins:
      - bulletin:
          repositori: publik        # publik (the default for a new desk): data/ may hold no restricted value,
                                    # and validate and build refuse one; privat: a repository only the desk reads
          terbatas: ../buletin-terbatas   # the restricted tree, when it is there (bulletin --restricted overrides)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PUBLIC_REPOSITORY = "publik"


@dataclass(frozen=True)
class Settings:
    public_repository: bool = True
    restricted: str | None = None
    repository: str | None = None  # "owner/name" of mkdocs.yml's repo_url on GitHub: where the web form commits


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: MkDocs' own tags (!ENV, !relative, python names) are read as nothing."""


_ConfigLoader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _loader, _suffix, _node: None)


def read_settings(config_file: Path) -> Settings:
    """The project's declarations in mkdocs.yml as the file is now (read at each call: it is small, and a time of
    change can stay the same across two quick edits)."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError:
        return Settings()
    return _settings(text)


@functools.lru_cache(maxsize=8)
def _settings(text: str) -> Settings:
    try:
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except yaml.YAMLError:
        return Settings()
    repo_url = config.get("repo_url") if isinstance(config, dict) else None
    found = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?", repo_url or "")
    repository = found[1] if found else None
    for plugin in config.get("plugins") or [] if isinstance(config, dict) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("bulletin"), dict):
            options = plugin["bulletin"]
            return Settings(options.get("repositori", PUBLIC_REPOSITORY) == PUBLIC_REPOSITORY,
                            options.get("terbatas") or None, repository)
    return Settings(repository=repository)


@dataclass(frozen=True)
class Project:
    root: Path
    data: Path | None = None  # another data folder than <root>/data
    restricted: Path | None = field(default=None, compare=False)  # the restricted tree, given on the command line

    @property
    def settings(self) -> Settings:
        return read_settings(self.config_file)

    @property
    def restricted_dir(self) -> Path | None:
        """The restricted tree to lay over data/: the one given, or the one mkdocs.yml names if it is there."""
        if self.restricted is not None:
            return self.restricted
        named = self.settings.restricted
        return (self.root / named) if named and (self.root / named).is_dir() else None

    @property
    def public_repository(self) -> bool:
        return self.settings.public_repository

    @classmethod
    def find(cls, start: Path | None = None) -> "Project":
        """The project whose mkdocs.yml is in ``start`` or the nearest folder above it."""
        start = Path(start or Path.cwd()).resolve()
        for folder in (start, *start.parents):
            if (folder / "mkdocs.yml").is_file():
                return cls(folder)
        return cls(start)

    @property
    def data_dir(self) -> Path:
        return self.data or self.root / "data"

    @property
    def schema_dir(self) -> Path:
        """The committed JSON Schemas of the data files (generator.render.schemas)."""
        return self.root / "schemas"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def theme_dir(self) -> Path:
        return self.root / "theme"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def cache_dir(self) -> Path:
        """What builds remember: built pages, rendered Markdown (git-ignored; safe to delete)."""
        return self.root / ".cache" / "bulletin"
