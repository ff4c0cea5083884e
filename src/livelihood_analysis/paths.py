"""Where the package finds its data.

Every path the package reads or writes is derived from one project root, so
notebooks and scripts work from any working folder. The root is, in order:
the ``LIVELIHOOD_ROOT`` environment variable, else the checkout this package
was installed from (``src/livelihood_analysis`` → two levels up).

>>> from livelihood_analysis import paths
>>> paths.RAW_DIR.name
'raw'
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """Return the project root (see module docstring)."""
    env = os.environ.get("LIVELIHOOD_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


ROOT = project_root()
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
REFERENCE_DIR = DATA_DIR / "reference"
FIGURES_DIR = ROOT / "figures"
MANIFEST = RAW_DIR / "manifest.csv"
