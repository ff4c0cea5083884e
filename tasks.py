#!/usr/bin/env python3
"""Set up a virtual environment and run the package's jobs; needs only Python 3.11+ and PyPI.

    python3 tasks.py run         # set up .venv, then raw → data/processed/ and figures/
    python3 tasks.py test        # set up .venv, then every test (unit, gold standard, notebooks)
    python3 tasks.py notebooks   # set up .venv, then re-execute the notebooks in place

Extra arguments are passed on (``python3 tasks.py test -k gold``). The
environment is reinstalled only when ``pyproject.toml`` or ``constraints.txt`` changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed"
CONSTRAINTS = ROOT / "constraints.txt"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _call(*args: str | Path, cwd: Path = ROOT) -> None:
    status = subprocess.call([str(a) for a in args], cwd=cwd)
    if status:
        sys.exit(status)


def setup() -> None:
    """Create .venv and install the package with its test and notebook extras, if needed."""
    if sys.version_info < (3, 11):
        sys.exit(f"error: Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + CONSTRAINTS.read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        try:
            venv.create(VENV, with_pip=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            sys.exit(f"error: could not create {VENV} ({exc}); on Debian/Ubuntu install python3-venv")
    _call(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # constraints.txt pins every package to the versions the committed outputs were made with,
    # so a student's notebooks and charts come out the same (refresh: pip freeze, see README)
    _call(PYTHON, "-m", "pip", "install", "--quiet", "-c", CONSTRAINTS, "-e", ".[test,notebooks]")
    STAMP.write_text(wanted + "\n")


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("run", "test", "notebooks", "setup"):
        sys.exit(__doc__)
    command, extra = argv[0], argv[1:]
    setup()
    if command == "run":
        _call(PYTHON, "-m", "livelihood_analysis", "build", *extra)
    elif command == "test":
        _call(PYTHON, "-m", "pytest", *extra)
    elif command == "notebooks":
        notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
        _call(BIN / "jupyter", "nbconvert", "--to", "notebook", "--execute", "--inplace",
              "--ClearMetadataPreprocessor.enabled=True", *extra, *notebooks, cwd=ROOT / "notebooks")
        for name in notebooks:  # the preprocessor clears the kernelspec too: every notebook names its kernel
            _set_kernelspec(ROOT / "notebooks" / name)


KERNELSPEC = {"kernelspec": {"display_name": "Python 3 (livelihood-analysis)", "language": "python", "name": "python3"},
              "language_info": {"name": "python"}}


def _set_kernelspec(path):
    import json

    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["metadata"] = {**nb["metadata"], **KERNELSPEC}
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
