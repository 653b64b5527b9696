"""Writing a site's files: each under one folder, each folder made once.

A national site has about 50,000 files; asking the file system to make their folders again for every file
costs more than writing them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class Output:
    def __init__(self, root: Path):
        self.root = os.fspath(root)
        self.made: set[str] = set()

    def path(self, relative: str) -> str:
        path = os.path.join(self.root, relative)
        folder = os.path.dirname(path)
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)
        return path

    def write(self, relative: str, text: str | bytes) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with open(self.path(relative), "wb") as handle:
            handle.write(data)

    def link(self, source: Path | str, relative: str) -> None:
        """The same file under a second name (no copy); a copy where the file system cannot link."""
        target = self.path(relative)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    def link_tree(self, source: Path, skip: set[str] = frozenset()) -> None:
        """Every file of ``source`` under the same names here; a symbolic link (the alias ``terbaru``) stays one."""
        for folder, folders, names in os.walk(source):
            for name in [*folders, *names]:
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, source).replace(os.sep, "/")
                if relative in skip:
                    continue
                if os.path.islink(path):
                    os.symlink(os.readlink(path), self.path(relative))
                elif name in names:
                    self.link(path, relative)
