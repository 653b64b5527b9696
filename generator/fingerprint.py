"""What a remembered value was made from besides its own inputs: the code that made it.

Every memo and cache of a build (validated files, rendered pages, built pages) keys its values on
``code()``, so that a value made by other code is never taken for one made by this code:

* the generator's Python files and reference data, as they were when this process imported the package (the
  code that runs; a file edited later runs only in a later process, whose digest then differs);
* the Python interpreter and every installed distribution with its version (pydantic, PyYAML, Jinja2,
  Markdown, MkDocs, Material, phonenumbers and whatever they use).

The templates, the theme and the product's pages are not part of it: they are read again on every render and every MkDocs run
(``bulletin serve`` shows an edited one at once), and what is made from them keys on them as they were read
(the render memo in ``generator.render.markdown``, the page keys in ``generator.build.plan``).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "render" / "templates"
THEME = PACKAGE / "build" / "theme"  # the product's overrides of Material: read by MkDocs at each build
CONTENT = PACKAGE / "build" / "content"  # the product's own pages (how to read, the editors' guide): the same


def digest_files(files, root: Path) -> str:
    """One hash of the names (relative to ``root``) and contents of ``files``."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _package_code() -> str:
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and not {TEMPLATES, THEME, CONTENT} & set(p.parents)]
    return digest_files(files, PACKAGE)


CODE = _package_code()  # taken when the package is imported (generator/__init__.py imports this module)


@functools.cache
def libraries() -> str:
    """The interpreter and every installed distribution, with its version (the names of their metadata
    folders, ``pydantic-2.12.5.dist-info``, on the module search path)."""
    installed = sorted({path.name for entry in sys.path if entry and Path(entry).is_dir()
                        for path in Path(entry).glob("*.[de][ig][sg]*-info")})
    return hashlib.sha256("\n".join([sys.version, *installed]).encode("utf-8", "surrogateescape")).hexdigest()


def code() -> str:
    """The generator's code as this process runs it, and everything it runs on."""
    return hashlib.sha256(f"{CODE}\0{libraries()}".encode()).hexdigest()

