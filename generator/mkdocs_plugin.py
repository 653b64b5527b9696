"""The MkDocs adapter: hands the rendered pages to MkDocs. The only module (with site_build) that knows MkDocs.

    plugins:
      - bulletin:
          edition: !ENV [BULLETIN_EDITION, publik]

On ``on_config`` the pipeline runs (load, validate, link, filter to the edition, render); data problems abort
``mkdocs build`` through MkDocs' own error path with every problem listed. ``on_files`` adds the pages and the
downloads as generated files. Under ``mkdocs serve`` (``bulletin serve``) bad data does not stop the preview:
the last good pages stay up, with the problems in the terminal and in a banner on every page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import report
from .editions import EDITIONS, INTERNAL, PUBLIK
from .versions import ALIAS
from .export import export
from .pipeline import check, publications
from .project import Project
from .render import TEMPLATES, navigation, render

ERROR_PAGE = """# Data belum dapat ditampilkan

Pratinjau belum punya versi data yang valid. Perbaiki masalah berikut; halaman ini diperbarui sendiri setelah
berkas disimpan.

```
{problems}
```
"""


class BulletinConfig(Config):
    data_dir = config_options.Type(str, default="data")
    edition = config_options.Choice(EDITIONS, default=PUBLIK)
    edisi = config_options.Type(str, default="")  # the election edition (data/<edisi>/); empty: the newest
    strict_data = config_options.Type(bool, default=False)


class BulletinPlugin(BasePlugin[BulletinConfig]):
    serving = False
    last_good: tuple[dict[str, str], dict[str, str], list] | None = None  # pages, downloads, nav

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps this plugin object across the rebuilds of one `mkdocs serve`.
        self.serving = command == "serve"

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.data_dir = root / self.config.data_dir
        checked = check(Project(root, self.data_dir))
        failed = checked.problems.failed(self.config.strict_data) or not checked.models
        content_nav = list(config.nav or [])
        config.extra["bulletin_edition"] = self.config.edition
        config.extra["bulletin_problems"] = []
        if failed:
            text = report.as_text(checked.problems)
            if not self.serving:
                raise PluginError("Data tidak valid:\n" + text)
            # Straight to the terminal: MkDocs counts its own log's errors and, in strict mode, aborts on them.
            sys.stderr.write(f"Data tidak valid; pratinjau menampilkan versi valid terakhir.\n{text}\n")
            config.extra["bulletin_problems"] = [p.format() for p in checked.problems.errors] or [text]
            if self.last_good is None:
                self.pages, self.downloads = {"index.md": ERROR_PAGE.format(problems=text)}, {}
                config.nav = [{"Masalah data": "index.md"}] + content_nav
                return config
            self.pages, self.downloads, nav = self.last_good
        else:
            available = publications(checked, self.config.edition)
            chosen = [p for p in available if p.model.edisi.id == self.config.edisi] if self.config.edisi else available
            if not chosen:
                raise PluginError(f"Edisi pemilihan \"{self.config.edisi}\" tidak ada di {self.data_dir}")
            publication = chosen[0]
            model = publication.model
            newest = available[0].model.edisi
            config.extra["bulletin_edisi"] = {"id": model.edisi.id, "title": model.edisi.nama_singkat}
            config.extra["bulletin_newest"] = {"id": newest.id, "title": newest.nama_singkat}
            config.extra["version"] = {"provider": "mike", "default": ALIAS, "alias": True}
            self.pages = render(model)
            self.downloads = export(publication.records, model, config.site_url)
            nav = navigation(model)
            self.last_good = (self.pages, self.downloads, nav)
        config.nav = nav + content_nav
        if self.config.edition == INTERNAL:
            config.site_name = f"{config.site_name} (internal)"
        return config

    def on_files(self, files: Files, config) -> Files:
        for path, text in sorted({**self.pages, **self.downloads}.items()):
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=text))
        return files

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        server.watch(str(TEMPLATES))
        return server
