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
