"""Where a project's parts are: data, the restricted tree, hand-written content, theme, MkDocs configuration,
output; and what the project declares about itself in mkdocs.yml (under the ``bulletin`` plugin):

    plugins:
      - bulletin:
          repositori: publik        # publik (the default for a new desk): data/ may hold no restricted value,
                                    # and validate and build refuse one; privat: a repository only the desk reads
          terbatas: ../buletin-terbatas   # the restricted tree, when it is there (bulletin --restricted overrides)
          formulir:                 # the web form's login (generator.check.form); without it the form says what to set
            backend: gitlab         # github (base_url of the desk's OAuth service) | gitlab (PKCE) | gitea
            app_id: 0123abcd
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mergedeep import merge
from yaml_env_tag import construct_env_tag

PUBLIC_REPOSITORY = "publik"


@dataclass(frozen=True)
class Settings:
    public_repository: bool = True
    restricted: str | None = None
    repository: str | None = None  # "owner/name" of mkdocs.yml's repo_url on GitHub: where the web form commits
    custom_dir: str | None = None  # theme: custom_dir: the desk's own overrides of the product's theme
    site_url: str | None = None  # the published site's address (mkdocs.yml site_url): `--base-url` by default
    form: tuple[tuple[str, object], ...] = ()  # the web form's login (plugins.bulletin.formulir), key by key


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml read as MkDocs reads it, for what the core needs of it: ``!ENV`` by the library MkDocs itself
    uses for it (pyyaml-env-tag), ``INHERIT`` merged as MkDocs merges it (mergedeep); MkDocs' other tags
    (``!relative``, python names) say nothing the core reads, and are read as nothing."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _loader, _suffix, _node: None)

INHERIT = "INHERIT"  # mkdocs.yml's key naming a parent configuration, relative to the file


def read_settings(config_file: Path) -> Settings:
    """The project's declarations in mkdocs.yml as the file (and any file it inherits from, and the environment
    it reads with ``!ENV``) is now: read at each call, it is small."""
    try:
        config = _load(config_file, set())
    except (OSError, yaml.YAMLError, ValueError):
        return Settings()
    return settings_of(config)


def _load(config_file: Path, seen: set[Path]) -> dict:
    """One configuration file with its INHERIT parents merged under it, as ``mkdocs.utils.yaml.yaml_load`` does."""
    path = config_file.resolve()
    if path in seen:
        raise ValueError(f"INHERIT berputar: {config_file}")
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    if not isinstance(config, dict):
        return {}
    parent = config.pop(INHERIT, None)
    if isinstance(parent, str):
        config = merge({}, _load(config_file.parent / parent, seen | {path}), config)
    return config


def settings_of(config: dict) -> Settings:
    """The project's declarations in a configuration read as MkDocs reads it."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else \
        [next(iter(p.items())) for p in plugins if isinstance(p, dict) and len(p) == 1]
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    site_url = config.get("site_url")
    common = {"repository": repository_of(config.get("repo_url")),
              "custom_dir": custom_dir if isinstance(custom_dir, str) and custom_dir else None,
              "site_url": site_url if isinstance(site_url, str) and site_url.startswith(("http://", "https://"))
              else None}
    for name, options in entries:
        if name == "bulletin" and isinstance(options, dict):
            return Settings(options.get("repositori", PUBLIC_REPOSITORY) == PUBLIC_REPOSITORY,
                            options.get("terbatas") or None, **common, form=form_of(options.get("formulir")))
    return Settings(**common)


def form_of(options) -> tuple[tuple[str, object], ...]:
    """The web form's login as declared (plugins.bulletin.formulir), key by key; checked by generator.check.form."""
    if isinstance(options, dict):
        return tuple((str(key), value) for key, value in options.items())
    return (("backend", options),) if options is not None else ()


def repository_of(repo_url) -> str | None:
    """"owner/name" of a repository address on GitHub (mkdocs.yml's ``repo_url``), where the web form commits."""
    found = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?", repo_url) \
        if isinstance(repo_url, str) else None
    return found[1] if found else None


@dataclass(frozen=True)
class Project:
    root: Path
    data: Path | None = None  # another data folder than <root>/data
    restricted: Path | None = field(default=None, compare=False)  # the restricted tree, given on the command line
    given: Settings | None = field(default=None, compare=False)  # the settings as MkDocs read them (the plugin)

    @property
    def settings(self) -> Settings:
        return self.given if self.given is not None else read_settings(self.config_file)

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
    def theme_dir(self) -> Path | None:
        """The desk's own overrides of the product's theme (mkdocs.yml ``theme: custom_dir:``), if it has any."""
        named = self.settings.custom_dir
        return self.root / named if named else None

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
