"""`bulletin serve`: the live preview rebuilds on change, and bad data never takes it down.

With invalid data the preview keeps serving the last good pages, prints the problems in the terminal (no
traceback) and shows them in a banner on every page; once fixed, the banner goes away.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from support import copy_project, environment, free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EDISI = "pilgub-kalteng-2020"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def containing(text: str, needle: str) -> str | None:
    return text if needle in text else None


def one_edition_project(tmp_path: Path) -> Path:
    """A project with one election edition, to break at will."""
    project = copy_project(tmp_path / "proyek", ("content", "mkdocs.yml"))
    shutil.copytree(ROOT / "data" / EDISI, project / "data" / EDISI)
    return project


@pytest.fixture()
def preview(tmp_path):
    project = one_edition_project(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    env = environment()
    with open(log, "w") as out:
        process = subprocess.Popen([str(BIN / "bulletin"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env,
                                   start_new_session=True)
    try:
        yield project, f"http://127.0.0.1:{port}", log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)


def test_bad_data_keeps_the_last_good_pages_and_shows_the_problems(preview):
    project, url, log = preview
    page = url + "/kecamatan/jenamas/"
    wait_for(lambda: "Kecamatan Jenamas" in fetch(page))

    broken = project / "data" / EDISI / "kecamatan" / "jenamas.yml"
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good.replace("nama: Jenamas\n", "nama: Jenamas\nnama: Jenamas Lama\n", 1), encoding="utf-8")
    html = wait_for(lambda: containing(fetch(page), "Data tidak valid"))
    assert "Kecamatan Jenamas" in html, "the last good page is still served"
    assert "ditulis dua kali" in html, "the problem is shown on the page"
    terminal = wait_for(lambda: containing(log.read_text(), "ditulis dua kali"))
    assert f"data/{EDISI}/kecamatan/jenamas.yml:" in terminal
    assert "Traceback" not in terminal

    broken.write_text(good, encoding="utf-8")
    wait_for(lambda: "Data tidak valid" not in fetch(page))
    assert "Traceback" not in log.read_text()


def test_preview_of_data_that_was_never_valid_shows_an_error_page(tmp_path):
    project = one_edition_project(tmp_path)
    edisi = project / "data" / EDISI / "edisi.yml"
    edisi.write_text(edisi.read_text(encoding="utf-8") + "zona_waktu: WITA\n", encoding="utf-8")
    port = free_port()
    env = environment()
    process = subprocess.Popen([str(BIN / "bulletin"), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        html = wait_for(lambda: fetch(f"http://127.0.0.1:{port}/"))
        assert "Data belum dapat ditampilkan" in html
        assert "ditulis dua kali" in html
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=15)[0].decode("utf-8", "replace")
    assert "Traceback" not in output


def test_the_watcher_does_not_look_while_a_rebuild_runs_and_finds_its_saves_after(tmp_path):
    """The preview's watcher lists the watched folders only between rebuilds (a national desk's data/ is ten
    thousand files); a file saved during a rebuild is reported at the first look after it."""
    import threading
    import time

    from watchdog.events import FileSystemEventHandler

    from generator.build.preview import watcher

    seen: list[str] = []

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            if not event.is_directory:
                seen.append(os.path.basename(event.src_path))

    idle = threading.Event()
    idle.set()
    observer = watcher(idle)
    observer.schedule(Handler(), str(tmp_path), recursive=True)
    observer.start()
    try:
        (tmp_path / "sebelum.yml").write_text("a: 1\n", encoding="utf-8")
        wait_for(lambda: "sebelum.yml" in seen, 5, every=0.05)
        idle.clear()  # a rebuild starts
        time.sleep(0.5)  # a look that had begun before it ends
        seen.clear()
        (tmp_path / "selama.yml").write_text("a: 2\n", encoding="utf-8")
        time.sleep(1.0)  # five polling intervals
        assert seen == []
        idle.set()  # the rebuild ends
        wait_for(lambda: "selama.yml" in seen, 5, every=0.05)
    finally:
        idle.set()
        observer.stop()
        observer.join()


def test_cross_file_checks_beside_the_preview_pages_give_what_one_after_the_other_gives(tmp_path, monkeypatch):
    """The preview of a large desk runs the cross-file checks in a forked process while it makes the pages
    (generator.build.forked.check_and_publish): the same problems and the same pages as checking first, as
    `check` then `publications` do; data with a cross-file error is not published."""
    from generator.build import forked
    from generator.pipeline import check, check_files, publications
    from generator.project import Project

    project = copy_project(tmp_path / "proyek", ("data", "content", "mkdocs.yml"))

    def both_ways() -> list[tuple[list[str], dict | None]]:
        made = []
        for threshold in (10**9, 0):  # one after the other, then side by side
            monkeypatch.setattr(forked, "SIDE_BY_SIDE_FROM", threshold)
            checked = check_files(Project(project))
            publication = forked.check_and_publish(checked, "internal", None, None)
            made.append(([p.format() for p in checked.problems], publication and publication.site.pages))
        return made

    first, side_by_side = both_ways()
    assert first == side_by_side
    checked = check(Project(project))
    assert first == ([p.format() for p in checked.problems],
                     next(publications(checked, ("internal",), finished=True)).site.pages)
    agency = project / "data" / "pilkada-2024" / "instansi" / "disdukcapil.yml"
    text = agency.read_text(encoding="utf-8")
    agency.write_text(text.replace('kecamatan: "62.04.01"', 'kecamatan: "62.04.99"', 1), encoding="utf-8")
    first, side_by_side = both_ways()
    assert first == side_by_side
    problems, pages = side_by_side
    assert pages is None and any("62.04.99" in line for line in problems), problems
