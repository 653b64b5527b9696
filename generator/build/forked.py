"""Work made in two processes where one would leave a processor idle: the publications of a warm build, and the
preview's cross-file checks beside its pages. The second process is forked, so it has the checked records without
their being sent.

Made one after the other, the publications leave a processor idle until the first is made:

* a warm build (an earlier build into the same cache built every one of its publications) rebuilds few pages, so
  its MkDocs runs leave the cores idle while the views and pages of every publication are made again;
* a cold build of a desk of ``SIDE_BY_SIDE_FROM`` kecamatan or more starts its first MkDocs run only after a
  publication of thousands of pages is made (35 s at national scale), and makes the next while those runs
  take the cores.

Here the later half is made in a forked process while this one makes the first half. They come in the same order
and are made by the same ``publish`` as ``generator.pipeline.publications`` makes them; the differential tests
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
    """``generator.pipeline.publications(…, finished=True)`` with the memo of ``cache_dir``, in two processes
    where that pays (see above): the forked process starts on its half as the block is entered, so the block may
    run the cross-file checks meanwhile, and use the publications only when they pass. Leaving the block ends it."""
    memo = cache_dir / "memo.sqlite"
    order = publication_order(checked, editions)
    warm = {f"{edition}/{records.id}" for edition, records in order} <= units_built(cache_dir)
    if workers < 2 or len(order) < 2 or not (warm or _large(checked)) or checked.failed():  # failed: not used
        yield publications(checked, editions, base_url=base_url, watch=watch, memo=memo, finished=True)
        return
    with _side_by_side(checked, order, base_url, watch, memo) as made:
        yield made


def _large(checked: Checked) -> bool:
    return sum(len(records.kecamatan) for records in checked.records) >= SIDE_BY_SIDE_FROM


@contextlib.contextmanager
def _side_by_side(checked: Checked, order: list, base_url: str | None, watch: Stopwatch,
                  memo: Path) -> Iterator[Iterator[Publication]]:
    half = (len(order) + 1) // 2
    # The later half comes back through a file without a name (nothing stays if the build is killed), each
    # publication written as it is made and read back when its turn comes: not through the pool's pipe, where a
    # national one would be held whole as bytes on both sides while the objects exist too (300 MB at the peak).
    with tempfile.TemporaryFile(dir=memo.parent, prefix="terbitan-") as handed:
        with processes.forked(checked, order, base_url, memo, handed.fileno()) as worker:
            later = worker.apply_async(_publish_later, (half,))

            def made() -> Iterator[Publication]:
                for edition, records in order[:half]:
                    yield publish(checked, edition, records, base_url, watch, memo).finished()
                seconds = later.get()
                worker.terminate()  # done: its memory (the records it was forked with, its heap) goes back now
                worker.join()
                for stage, spent in seconds.items():  # the stages' seconds in both processes, added up
                    watch.seconds[stage] = watch.seconds.get(stage, 0.0) + spent
                handed.seek(0)
                for _ in order[half:]:
                    yield pickle.load(handed)

            yield made()


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


def check_and_publish(checked: Checked, edition: str, edisi: str | None, memo: Path) -> Publication | None:
    """The cross-file checks of files that passed ``check_files`` (their problems added to ``checked.problems``)
    and, where the data did not fail, its publication of ``edition`` as ``publications`` makes it; None where the
    data failed. For a desk of ``SIDE_BY_SIDE_FROM`` kecamatan or more the checks run in a forked process while
    the pages are made here (``bulletin serve``: one publication, so one processor would idle). Data that fails
    is never published: a publication made meanwhile is dropped, and an error in making it is raised only where
    the checks found nothing."""
    if checked.failed() or not _large(checked):
        check_across(checked.records, checked.problems)
        if checked.failed():
            return None
        return next(publications(checked, (edition,), edisi, finished=True, memo=memo))
    with processes.forked(checked) as worker:
        found = worker.apply_async(_check_forked)
        made, error = None, None
        try:
            made = next(publications(checked, (edition,), edisi, finished=True, memo=memo))
        except Exception as exc:  # kept until the checks say whether the data itself is at fault
            error = exc
        checked.problems.extend(found.get())
    if checked.failed():
        return None
    if error is not None:
        raise error
    return made


def _check_forked() -> list[Problem]:
    (checked,) = processes.inherited()
    problems = Problems()
    check_across(checked.records, problems)
    return problems.items
