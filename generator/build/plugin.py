"""The MkDocs adapter: hands finished pages to MkDocs. With ``mkdocs_build``, the only modules that know MkDocs.

    plugins:
      - bulletin:
          edition: publik      # the site edition `mkdocs build` and `mkdocs serve` show

``bulletin build`` computes every page before MkDocs starts and sets a ``Job`` on this plugin after
``load_config`` (which pages, which of them to build in this run): the plugin then only adds them as files.
Run directly (``mkdocs build``, ``mkdocs serve``), the plugin runs the pipeline itself in ``on_config`` for the
configured site edition and the newest election edition; data problems abort ``mkdocs build`` through
MkDocs' own error path with every problem listed, and under ``mkdocs serve`` the last good pages stay up.
"""

from __future__ import annotations

import html
import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.build.job import ERROR_PAGE, Job
from generator.build.markup import valid_toggles
from generator.build.offline import REGISTRATION, write_copy
from generator.build.previews import OFF, add_preview
from generator.build.publish import mark_internal
from generator.build.tables import put_back, set_aside
from generator.build.versions import ALIAS
from generator.domain.editions import EDITIONS, INTERNAL, PUBLIK, offline_copy
from generator.fingerprint import CONTENT, THEME, libraries
from generator.load import report
from generator.pipeline import Publication, UnknownEdition, check, publications
from generator.project import PUBLIC_REPOSITORY, Project, Settings, form_of, repository_of
from generator.render.markdown import TEMPLATES, bytecode_cache

log = logging.getLogger("mkdocs.plugins.bulletin")


class BulletinConfig(Config):
    data_dir = config_options.Type(str, default="data")
    edition = config_options.Choice(EDITIONS, default=PUBLIK)
    edisi = config_options.Type(str, default="")  # the election edition (data/<edisi>/); empty: the newest
    strict_data = config_options.Type(bool, default=False)
    # the project's declarations (generator.project.Settings): run directly, the plugin hands them to the core
    repositori = config_options.Choice(("publik", "privat"), default="publik")
    terbatas = config_options.Type(str, default="")
    format = config_options.Type(int, default=1)  # the desk's format (generator.check.formats), checked by the core
    formulir = config_options.Type((dict, str), default={})  # the web form's login (generator.check.form)


class BulletinPlugin(BasePlugin[BulletinConfig]):
    job: Job | None = None  # set by generator.build.mkdocs_run before the build; None when run directly
    direct = False
    serving = False
    last_good: Publication | None = None
    files: Files | None = None
    previews = False  # link previews in this build (generator.build.previews)
    images: dict[str, str]  # page → its card, of the pages this build made (set in on_config)

    tables: dict[str, list[str]]  # page → its HTML tables, from on_page_markdown to on_page_content

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps this plugin object across the rebuilds of one `mkdocs serve`.
        self.serving = command == "serve"

    def on_config(self, config):
        if not config.use_directory_urls:  # the generated tables link to pages by their folder address
            raise PluginError("mkdocs.yml: use_directory_urls: buletin memakai alamat halaman berbentuk folder "
                              "(kecamatan/jenamas/); hapus baris use_directory_urls: false.")
        self.mkdocs_config = config
        self.tables = {}
        with_theme(config.theme)
        root = Path(config.config_file_path).parent
        self.data_dir = root / self.config.data_dir
        if self.job is None or self.direct:
            self.direct = True
            self.job = self.direct_job(root)
        job = self.job
        content_nav = list(config.nav or [])
        config.extra["bulletin_edition"] = self.config.edition if job.publication is None else \
            job.publication.edition
        config.extra["bulletin_problems"] = job.problems
        self.previews, self.images = self.with_previews(config), {}
        config.extra["bulletin_previews"] = self.previews
        if job.publication is None:
            config.nav = [{"Masalah data": "index.md"}] + content_nav
            return config
        publication = job.publication
        config.extra["bulletin_edisi"] = {"id": publication.edisi, "title": publication.title}
        config.extra["bulletin_tanpa_terbatas"] = publication.edition == INTERNAL and not publication.complete
        config.extra["bulletin_newest"] = {"id": publication.newest[0], "title": publication.newest[1]}
        config.extra["version"] = {"provider": "mike", "default": ALIAS, "alias": True}
        config.extra["bulletin_service_worker"] = job.offline and publication.edition == PUBLIK
        config.nav = publication.site.nav + content_nav
        if publication.edition == INTERNAL:
            config.site_name = f"{config.site_name} (internal)"
        return config

    def with_previews(self, config) -> bool:
        """Link previews: as ``bulletin build`` decided, or, run directly, for the public edition when mkdocs.yml
        gives the site's address (``mkdocs build``; ``mkdocs serve`` has none)."""
        publication = self.job.publication
        if not self.direct or publication is None:
            return self.job.previews and publication is not None
        if publication.edition != PUBLIK or self.serving:
            return False
        if not config.site_url:
            log.info(OFF)
        return bool(config.site_url)

    def direct_job(self, root: Path) -> Job:
        """The pipeline, run for ``mkdocs build`` or ``mkdocs serve`` (the newest or configured election edition)."""
        # the project's declarations as MkDocs read them: mkdocs.yml is not read a second time
        settings = Settings(self.config.repositori == PUBLIC_REPOSITORY, self.config.terbatas or None,
                            repository_of(self.mkdocs_config.repo_url), self.mkdocs_config.theme.custom_dir,
                            form=form_of(self.config.formulir or None))
        checked = check(Project(root, self.data_dir, given=settings))
        if checked.failed(self.config.strict_data):
            text = report.as_text(checked.problems)
            if not self.serving:
                raise PluginError("Data tidak valid:\n" + text)
            # Straight to the terminal: MkDocs counts its own log's errors and, in strict mode, aborts on them.
            sys.stderr.write(f"Data tidak valid; pratinjau menampilkan versi valid terakhir.\n{text}\n")
            problems = [p.format() for p in checked.problems.errors] or [text]
            if self.last_good is None:
                return Job(None, problems=problems, error_page=ERROR_PAGE.format(problems=text))
            return Job(self.last_good, problems=problems)
        try:
            publication = next(publications(checked, (self.config.edition,), self.config.edisi or None))
        except UnknownEdition as exc:
            raise PluginError(f"{exc} ({self.data_dir})") from None
        self.last_good = publication
        return Job(publication)

    def on_files(self, files: Files, config) -> Files:
        self.files = files
        job = self.job
        add_product_pages(files, config)
        if job.publication is None:
            return self.replace(files, config, {"index.md": job.error_page or ""}, InclusionLevel.INCLUDED)
        site = job.publication.site
        in_nav = {path for entry in site.nav for path in entry.values()}
        for path, text in sorted(site.pages.items()):
            if job.build_only is not None and path not in job.build_only:
                level = InclusionLevel.EXCLUDED
            else:
                level = InclusionLevel.INCLUDED if path in in_nav else InclusionLevel.NOT_IN_NAV
            self.replace(files, config, {path: text}, level)
        downloads = InclusionLevel.INCLUDED if self.direct else InclusionLevel.EXCLUDED  # else written beside
        self.replace(files, config, job.publication.downloads, downloads)
        copy = offline_copy(job.publication.edition, job.publication.edisi)
        if copy:  # the ZIP the data page links to, made from the built edition (generator.build.offline)
            self.replace(files, config, {copy: ""}, InclusionLevel.EXCLUDED)
        registration = files.get_file_from_path(REGISTRATION)
        if job.publication.edition == INTERNAL and registration is not None:  # no service worker, not even its script
            files.remove(registration)
        if job.build_only is not None:
            for file in files:  # hand-written pages not asked for, and the theme's files in all but one run
                if file.src_uri in site.pages or file.src_uri in job.publication.downloads or file.src_uri == copy:
                    continue
                wanted = file.src_uri in job.build_only if file.is_documentation_page() else job.with_assets
                if not wanted:
                    file.inclusion = InclusionLevel.EXCLUDED
        return files

    @staticmethod
    def replace(files: Files, config, texts: dict[str, str], inclusion: InclusionLevel) -> Files:
        for path, text in texts.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=text, inclusion=inclusion))
        return files

    def on_env(self, env, *, config, files):
        """Material's templates compiled once, not in every MkDocs run (a quarter of a small edition's run): kept
        by Jinja's bytecode cache, by source checksum, in a folder of its own for the installed MkDocs, Material
        and Jinja (the environment's options, which the compiled code depends on, come with them)."""
        if env.bytecode_cache is None:
            env.bytecode_cache = bytecode_cache("jinja-theme-" + libraries()[:16])
        return env

    def on_nav(self, nav, *, config, files):
        """A page of the navigation that this run does not build still names itself there: its title comes
        from its source (a hand-written page's first heading), read here since MkDocs reads only what it builds."""
        for page in nav.pages:
            if page.markdown is None and page.file.inclusion.is_excluded():
                page.read_source(config)
        return nav

    def on_page_markdown(self, markdown, *, page, config, files):
        """Pages with a summary are indexed by it alone, so the index stays small at any scale. A generated
        page's HTML tables wait outside the Markdown conversion (generator.build.tables)."""
        publication = self.job.publication
        if publication is not None and page.file.src_uri in publication.site.search:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if publication is not None and page.file.src_uri in publication.site.pages:
            markdown, self.tables[page.file.src_uri] = set_aside(markdown)
        return markdown

    @event_priority(100)  # before any other plugin reads the page's HTML
    def on_page_content(self, html, *, page, config, files):
        return put_back(html, self.tables.pop(page.file.src_uri, []))

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config):
        if self.direct and config.extra.get("bulletin_edition") == INTERNAL:
            mark_internal(Path(config.site_dir))  # `bulletin build` marks its own builds when it puts them together
        if self.job.publication is None:
            return
        path = os.path.join(config.site_dir, "search", "search_index.json")
        if not os.path.isfile(path):
            return
        with open(path, encoding="utf-8") as handle:
            index = json.load(handle)
        summaries = self.job.publication.site.search
        for file in self.files:
            if file.src_uri in summaries and file.page is not None and file.inclusion.is_included():
                title, text = summaries[file.src_uri]
                # As Material's own entries: text, escaped, since the search results show it as HTML.
                index["docs"].append({"location": file.url, "title": html.escape(title, quote=False),
                                      "text": html.escape(text, quote=False)})
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
        if self.direct and not self.serving and offline_copy(self.job.publication.edition, self.job.publication.edisi):
            write_copy(Path(config.site_dir), self.job.publication.edisi, config.site_url or None)

    def on_page_context(self, context, *, page, config, nav):
        if self.previews:
            self.images[page.file.src_uri] = add_preview(page, config, self.job.publication.title)
        return context

    def on_post_page(self, output, *, page, config):
        return valid_toggles(output)

    def on_post_template(self, output_content, *, template_name, config):
        return valid_toggles(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server, config, builder):
        root = Path(config.config_file_path).parent
        restricted = Project(root, self.data_dir).restricted_dir
        for folder in (self.data_dir, restricted, TEMPLATES):
            if folder is not None and folder.is_dir():
                server.watch(str(folder))
        return server


def with_theme(theme) -> None:
    """The product's theme between the desk's own overrides (``theme: custom_dir:``, file by file) and Material:
    a desk's ``theme/`` holds only what it changes."""
    dirs = theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if theme.custom_dir else 0, str(THEME))


def add_product_pages(files: Files, config) -> None:
    """The product's own pages (how to read the bulletin, the editors' guide), each where the desk's content/
    has no page of that name: a desk replaces one by writing its own, as with the theme."""
    for path in sorted(CONTENT.rglob("*.md")):
        name = path.relative_to(CONTENT).as_posix()
        if files.get_file_from_path(name) is None:
            files.append(File.generated(config, name, content=path.read_text(encoding="utf-8")))
