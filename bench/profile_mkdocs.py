#!/usr/bin/env python3
"""Profile the MkDocs runs of one `bulletin build`: where MkDocs spends its time, page by page (issue 22).

    .venv/bin/python bench/make_dataset.py province /tmp/prov
    .venv/bin/python bench/profile_mkdocs.py --project /tmp/prov build --edition publik --jobs 1 \\
        --site-dir /tmp/prov/site --cache-dir /tmp/prov/cache
    .venv/bin/python -c "import pstats; pstats.Stats('/tmp/mkdocs-run-<pid>.prof').sort_stats('cumulative').print_stats(40)"

The MkDocs runs happen in worker processes, out of reach of `python -m cProfile`: this wraps each run
(generator.build.mkdocs_run.run_job, as generator.build.runs calls it) in cProfile and writes its profile to
/tmp/mkdocs-run-<pid>.prof, then runs the command line with the arguments given.
"""

from __future__ import annotations

import cProfile
import os
import sys

import generator.build.mkdocs_run as mkdocs_run
import generator.build.runs as runs
from generator.cli import run

unprofiled = mkdocs_run.run_job


def profiled(*args, **kwargs):
    profile = cProfile.Profile()
    profile.enable()
    try:
        return unprofiled(*args, **kwargs)
    finally:
        profile.disable()
        profile.dump_stats(f"/tmp/mkdocs-run-{os.getpid()}.prof")


if __name__ == "__main__":
    runs.run_job = profiled  # the builder's reference to the run, which the workers (forked) inherit
    sys.argv = ["bulletin", *sys.argv[1:]]
    run()
