"""Work made in two processes where one would leave a processor idle: the publications of a warm build, and the
preview's cross-file checks beside its pages. The second process is forked, so it has the checked records without
their being sent.

Made one after the other, the publications leave a processor idle until the first is made:

* a warm build (an earlier build into the same cache built every one of its publications) rebuilds few pages, so
  its MkDocs runs leave the cores idle while the views and pages of every publication are made again;
* a cold build of a desk of ``SIDE_BY_SIDE_FROM`` kecamatan or more starts its first MkDocs run only after a
  publication of thousands of pages is made (35 s at national scale), and makes the next while those runs
  take the cores.

Here the forked process runs the cross-file checks, then makes the later half, while this one makes the first
half (the checks and the internal edition take about as long as the public edition: at national scale 1.2 s
and 6.3 s against 6.8 s of a warm build). Nothing is built unless the checks pass. The publications come in the
same order and are made by the same ``publish`` as ``generator.pipeline.publications`` makes them; the tests
hold a warm build against a cold one, and a build side by side against one made one after the other. A smaller
desk's cold build makes them one at a time: its MkDocs runs, not its publications, take the time.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.build import processes
from generator.build.site import units_built
from generator.load.problems import Problem, Problems
from generator.memo import Memo
from generator.pipeline import (
    Checked,
    Publication,
    Stopwatch,
    check_across,
    publication_order,
    publications,
    publish,
    remember_files,
)
from generator.project import Project

# kecamatan: a smaller desk's cold build makes a publication, and its preview checks, in less than a second
SIDE_BY_SIDE_FROM = 1_000


@contextlib.contextmanager
def build_publications(checked: Checked, editions: tuple[str, ...], base_url: str | None, watch: Stopwatch,
                       cache_dir: Path, workers: int) -> Iterator[Iterator[Publication]]:
    """The cross-file checks (``check_across``), and ``generator.pipeline.publications(…, finished=True)`` with the
    memo of ``cache_dir``: when the block starts, the checks' problems are in ``checked.problems``, and the block
    uses the publications only where they pass. In two processes where that pays (see above): the forked process
    runs the checks, then makes the later half, while this one makes its first publication. Leaving the block
    ends it."""
    memo = cache_dir / "memo.sqlite"
    order = publication_order(checked, editions)
    warm = {f"{edition}/{records.id}" for edition, records in order} <= units_built(cache_dir)
    if workers < 2 or len(order) < 2 or not (warm or _large(checked)) or checked.failed():  # failed: not used
        check_across(checked.records, checked.problems, watch)
        yield publications(checked, editions, base_url=base_url, watch=watch, memo=memo, finished=True)
        return
    with _side_by_side(checked, order, base_url, watch, memo, ended_first=not warm) as made:
        yield made


def _large(checked: Checked) -> bool:
    return sum(len(records.kecamatan) for records in checked.records) >= SIDE_BY_SIDE_FROM


@contextlib.contextmanager
def _side_by_side(checked: Checked, order: list, base_url: str | None, watch: Stopwatch,
                  memo: Path | None, ended_first: bool = False) -> Iterator[Iterator[Publication]]:
    """The forked process runs the cross-file checks, then makes the later half of ``order``; this one makes the
    first publication meanwhile (the checks take less time than a publication: the two processes end their
    share at about the same time), then adds the checks' problems to ``checked.problems``. Where they fail, no
    publication comes (what was made is dropped), and an error in making one is raised only where they pass.

    ``ended_first`` (a cold build, whose runs carry every page): the forked process, done by about then, is ended
    before the builder takes this process's last publication and pickles its runs' jobs (200 MB at national
    scale); the two overlapped at the cold national peak (1.7–1.9 GB against 1.65 GB without). A warm build's
    runs carry a few pages, and its first MkDocs run starts at once."""
    half = (len(order) + 1) // 2
    with contextlib.ExitStack() as stack:
        # The later half comes back through a file without a name (nothing stays if the build is killed), each
        # publication written as it is made and read back when its turn comes: not through the pool's pipe, where
        # a national one would be held whole as bytes on both sides while the objects exist too (300 MB at the
        # peak).
        handed = stack.enter_context(tempfile.TemporaryFile(dir=memo and memo.parent, prefix="terbitan-")) \
            if half < len(order) else None
        worker = stack.enter_context(processes.forked(checked, order, base_url, memo,
                                                      handed and handed.fileno()))
        found = worker.apply_async(_check_later)  # one worker: it runs its tasks in this order
        later = worker.apply_async(_publish_later, (half,)) if handed else None
        first, error = [], None
        try:
            first.append(publish(checked, *order[0], base_url, watch, memo).finished())
        except Exception as exc:  # kept until the checks say whether the data itself is at fault
            error = exc
        problems, seconds = found.get()
        checked.problems.extend(problems)
        _add_seconds(watch, seconds)
        if checked.failed():
            yield iter(())
            return
        if error is not None:
            raise error

        ended = []

        def end_forked() -> None:
            if later is not None and not ended:
                _add_seconds(watch, later.get())  # the stages' seconds in both processes, added up
                worker.terminate()  # done: its memory (the records it was forked with, its heap) goes back now
                worker.join()
                ended.append(True)

        def made() -> Iterator[Publication]:
            for index, (edition, records) in enumerate(order[:half]):
                publication = first.pop() if index == 0 else \
                    publish(checked, edition, records, base_url, watch, memo).finished()
                if ended_first and index == half - 1:
                    end_forked()
                yield publication
                del publication  # not held here once the builder has it
            if later is not None:
                end_forked()
                handed.seek(0)
                for _ in order[half:]:
                    yield pickle.load(handed)

        yield made()


def _add_seconds(watch: Stopwatch, seconds: dict[str, float]) -> None:
    for stage, spent in seconds.items():
        watch.seconds[stage] = watch.seconds.get(stage, 0.0) + spent


def _check_later() -> tuple[list[Problem], dict[str, float]]:
    checked = processes.inherited()[0]
    problems, watch = Problems(), Stopwatch()
    check_across(checked.records, problems, watch)
    return problems.items, watch.seconds


def _publish_later(start: int) -> dict[str, float]:
    checked, order, base_url, memo, handed = processes.inherited()
    watch = Stopwatch()
    with open(handed, "wb", closefd=False) as out:
        for edition, records in order[start:]:
            pickle.dump(publish(checked, edition, records, base_url, watch, memo).finished(), out,
                        protocol=pickle.HIGHEST_PROTOCOL)
    return watch.seconds


@contextlib.contextmanager
def validating_beside(project: Project, memo: Path, workers: int):
    """While the block validates the data through the memo ``memo``: for a tree of ``VALIDATE_BESIDE_FROM`` data
    files or more, the later half of each election edition's files is validated into the memo in a forked process
    (``generator.pipeline.remember_files``), and the block finds them there instead of validating them again. A
    file it reaches first, it validates itself: the memo holds the same record either way. (A cold national build
    validates 8,800 files in 8 s on one processor; a warm one only reads them back.)"""
    if workers < 2 or not _many_files(project.data_dir):
        yield
        return
    Memo(memo, "berkas").close()  # made here first: the two processes would otherwise make a new one at once
    with processes.forked(project, memo) as worker:
        worker.apply_async(_remember_later)
        yield


VALIDATE_BESIDE_FROM = 2_000  # data files: fewer are validated in less time than a fork takes to pay


def _many_files(data_dir: Path) -> bool:
    count = 0
    for _, _, names in os.walk(data_dir):
        count += len(names)
        if count >= VALIDATE_BESIDE_FROM:
            return True
    return False


def _remember_later() -> None:
    project, memo = processes.inherited()
    remember_files(project, memo, (1, 2))


def check_and_publish(checked: Checked, edition: str, edisi: str | None, memo: Path | None) -> Publication | None:
    """The cross-file checks of files that passed ``check_files`` (their problems added to ``checked.problems``)
    and, where the data did not fail, its publication of ``edition`` as ``publications`` makes it; None where the
    data failed. For a desk of ``SIDE_BY_SIDE_FROM`` kecamatan or more the checks run in a forked process while
    the pages are made here (``bulletin serve``: one publication, so one processor would idle)."""
    if checked.failed() or not _large(checked):
        check_across(checked.records, checked.problems)
        if checked.failed():
            return None
        return next(publications(checked, (edition,), edisi, finished=True, memo=memo))
    with _side_by_side(checked, publication_order(checked, (edition,), edisi), None, Stopwatch(), memo) as made:
        return next(made, None)
