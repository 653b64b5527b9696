"""Where a project's parts are: data, hand-written content, theme, MkDocs configuration, output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path
    data: Path | None = None  # another data folder than <root>/data

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
