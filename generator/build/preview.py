"""``bulletin serve``: the live preview of one site edition of one election edition.

Every save runs the pipeline again and rebuilds, through the same page cache as ``bulletin build``, only the
pages whose Markdown changed; the preview is switched to the new build in one step and the browser reloads
(MkDocs' live-reload server serves the folder). Bad data never takes the preview down: the last good pages
stay, with the problems in the terminal and in a banner on every page, and no traceback.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserverVFS

from generator.build import processes
from generator.build.assemble import assemble_unit
from generator.build.forked import check_and_publish
from generator.build.job import ERROR_PAGE, BuildFailed, Job
from generator.build.mkdocs_run import run_job
from generator.build.runs import Builder
from generator.build.store import Store, locked
from generator.build.switch import locked_site, new_build_folder, remove_stale, removing_stale, switch
from generator.fingerprint import CONTENT, THEME
from generator.load import report
from generator.load.validate import Kept
from generator.pipeline import Publication, UnknownEdition, check_files
from generator.project import Project
from generator.render.markdown import TEMPLATES

POLLING_INTERVAL = 0.2  # seconds between looks at the watched files


class Preview:
    def __init__(self, project: Project, edition: str, edisi: str | None, root: Path):
        self.project, self.edition, self.edisi = project, edition, edisi
        self.site = root / "site"
        # no service worker in the preview: it would stay in the browser for the address after the preview ends
        self.builder = Builder(project, Store(project.cache_dir), workers=1, strict=False, offline=False)
        self.last_good: Publication | None = None
        self.kept = Kept()  # the records of the latest round: a save changes one file of thousands
        self.versions: list[tuple[str, str]] = []
        self.idle = threading.Event()  # set while no rebuild runs (the watcher looks at the files only then)
        self.idle.set()

    def rebuild(self) -> None:
        """Build what changed and switch the preview to it; say what went wrong, never with a traceback."""
        started = time.monotonic()
        self.idle.clear()
        try:
            self._rebuild()
        except BuildFailed as exc:
            sys.stderr.write(f"Pratinjau tidak dapat dibangun: {exc}\n")
            return
        except UnknownEdition as exc:
            sys.stderr.write(f"{exc}\n")
            return
        finally:
            self.idle.set()
        sys.stderr.write(f"Pratinjau diperbarui ({time.monotonic() - started:.1f} detik).\n")

    def _rebuild(self) -> None:
        with processes.batch_memory():  # as in `bulletin build`: no cyclic collector over the loaded records
            self._rebuild_pages()

    def _rebuild_pages(self) -> None:
        memo = self.project.cache_dir / "memo.sqlite"  # files and pages that did not change are not redone
        checked = check_files(self.project, memo=memo, kept=self.kept)
        processes.after_loading()
        publication = check_and_publish(checked, self.edition, self.edisi, memo)  # the checks across files too
        self.builder.problems = []
        if checked.failed():
            text = report.as_text(checked.problems)
            sys.stderr.write(f"Data tidak valid; pratinjau menampilkan versi valid terakhir.\n{text}\n")
            if self.last_good is None:
                self.show_error(text)
                return
            self.builder.problems = [p.format() for p in checked.problems.errors] or [text]
        else:
            if checked.problems:
                sys.stderr.write(report.as_text(checked.problems) + "\n")
            self.last_good = publication
            self.versions = checked.versions
        with locked(self.builder.cache), locked_site(self.site):
            with removing_stale(self.site):  # the previous build is deleted while this one is made
                plan = self.builder.build([self.last_good], self.versions)
                build = new_build_folder(self.site)
                assemble_unit(plan.units[0], [self.builder.cache], build, None)
            switch(self.site, build)

    def show_error(self, text: str) -> None:
        """A one-page site that lists the problems, for data that was never valid."""
        with locked_site(self.site):
            remove_stale(self.site)
            build = new_build_folder(self.site)
            run_job(self.project.config_file, build,
                    Job(None, problems=[], error_page=ERROR_PAGE.format(problems=text)), strict=False)
            switch(self.site, build)

    def not_found(self, code: int) -> bytes | None:
        page = self.site / "404.html"
        return page.read_bytes() if code == 404 and page.is_file() else None


def watcher(idle: threading.Event) -> PollingObserverVFS:
    """The preview's watcher: it looks at the watched folders every ``POLLING_INTERVAL``, as MkDocs' own does, but
    not while a rebuild runs (``idle`` is clear). A national desk's data/ is ten thousand files, and listing them
    five times a second took the processor from the rebuild. A file saved during a rebuild is found at the first
    look after it, which compares the files with the look before."""
    def listdir(path):
        idle.wait()
        return os.scandir(path)
    return PollingObserverVFS(os.stat, listdir, polling_interval=POLLING_INTERVAL)


def serve(project: Project, host: str, port: int, edition: str, edisi: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="bulletin-pratinjau-") as folder:
        preview = Preview(project, edition, edisi, Path(folder))
        preview.rebuild()
        server = LiveReloadServer(builder=preview.rebuild, host=host, port=port, root=str(preview.site),
                                  polling_interval=POLLING_INTERVAL)
        server.error_handler = preview.not_found
        server.observer = watcher(preview.idle)
        for path in (project.data_dir, project.restricted_dir, project.content_dir, CONTENT, project.theme_dir,
                     THEME, TEMPLATES, project.config_file):
            if path is not None and path.exists():
                server.watch(str(path))
        sys.stderr.write(f"Pratinjau di http://{host}:{port}/ (hentikan dengan Ctrl+C)\n")
        try:
            server.serve()
        except KeyboardInterrupt:
            sys.stderr.write("Pratinjau dihentikan.\n")
        finally:
            server.shutdown()
            with locked_site(preview.site):
                remove_stale(preview.site)
