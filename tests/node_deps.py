"""The Node packages of the reader-quality checks (axe-core, vnu-jar), in the project's git-ignored node_modules/.

``node_package("axe-core/axe.min.js")`` returns the file's path, running ``scripts/node-deps`` first (it installs
from the npm registry with ``npm install --no-save``) when it is missing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
SCRIPT = ROOT / "scripts" / "node-deps"


def node_package(relative: str) -> Path:
    path = NODE_MODULES / relative
    if not path.exists():
        result = subprocess.run([str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        assert result.returncode == 0 and path.exists(), (
            f"scripts/node-deps did not install {relative} (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}")
    return path
