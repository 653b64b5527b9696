"""The MkDocs adapter: hands the rendered pages to MkDocs. The only module (with site_build) that knows MkDocs.

    plugins:
      - bulletin          # data from data/, newest edition

On ``on_config`` the pipeline runs (load, validate, link, render); data problems abort the build through
MkDocs' own error path with every problem listed. ``on_files`` adds the pages as generated files,
``on_serve`` makes the live preview watch the data and the templates.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import report
from .editions import EDITIONS, INTERNAL, PUBLIK
from .pipeline import check
from .project import Project
from .render import TEMPLATES, navigation, render


class BulletinConfig(Config):
    data_dir = config_options.Type(str, default="data")
    edition = config_options.Choice(EDITIONS, default=PUBLIK)
    strict_data = config_options.Type(bool, default=False)


class BulletinPlugin(BasePlugin[BulletinConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.data_dir = root / self.config.data_dir
        checked = check(Project(root, self.data_dir))
        if checked.problems.failed(self.config.strict_data) or not checked.models:
            raise PluginError("Data tidak valid:\n" + report.as_text(checked.problems))
        model = checked.models[0]
        config.extra["bulletin_edition"] = self.config.edition
        if self.config.edition == INTERNAL:
            config.site_name = f"{config.site_name} (internal)"
        self.pages = render(model)
        content_nav = list(config.nav or [])
        config.nav = navigation(model) + content_nav
        config.site_name = config.site_name or model.edisi.nama_singkat
        return config

    def on_files(self, files: Files, config) -> Files:
        for path, markdown in sorted(self.pages.items()):
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        server.watch(str(TEMPLATES))
        return server

