"""Where the package finds its data, resolved at call time.

Every path the package reads or writes is derived from one project root, so
notebooks and scripts work from any working folder. The root is, in order: the
``LIVELIHOOD_ROOT`` environment variable (read at each call, so setting it after
import works), else the checkout this package runs from (the folder holding
``pyproject.toml`` above ``src/``), else the current folder (an installed package
used outside a checkout).

The reference tables are the checkout's ``data/reference/`` (or the root's, when
it has one); a package installed without a checkout uses the copy shipped inside
it as package data, so ``pip install .`` works anywhere.

>>> from livelihood_analysis import paths
>>> paths.raw_dir().name, paths.reference_dir().name
('raw', 'reference')
"""

from __future__ import annotations

import os
from functools import partial
from importlib import resources
from pathlib import Path



def _checkout() -> Path | None:
    here = Path(__file__).resolve().parents[2]
    return here if (here / "pyproject.toml").is_file() and (here / "src").is_dir() else None


def root() -> Path:
    """The project root (see the module docstring)."""
    env = os.environ.get("LIVELIHOOD_ROOT")
    if env:
        return Path(env).resolve()
    return _checkout() or Path.cwd()


# where each part of the project lives, below the root
LAYOUT = {
    "data": "data",
    "raw": "data/raw",  # the reports as published; never written by the package
    "manifest": "data/raw/manifest.csv",
    "interim": "data/interim",  # extracted figures before harmonisation (harmonise reads them back)
    "processed": "data/processed",  # every output table
    "figures": "figures",  # every chart
}


def path(part: str) -> Path:
    """Where ``part`` of :data:`LAYOUT` lives now (resolved at each call).

    >>> path("manifest").relative_to(root()).as_posix()
    'data/raw/manifest.csv'
    """
    return root() / LAYOUT[part]


data_dir, raw_dir, manifest, interim_dir, processed_dir, figures_dir = (
    partial(path, part) for part in ("data", "raw", "manifest", "interim", "processed", "figures"))


def reference_dir() -> Path:
    """The reference tables: the root's ``data/reference/`` if there is one, else the
    copy shipped with the package."""
    local = data_dir() / "reference"
    if local.is_dir():
        return local
    return Path(str(resources.files("livelihood_analysis"))) / "reference_data"


_OLD_NAMES = {"ROOT": root, "DATA_DIR": data_dir, "RAW_DIR": raw_dir, "PROCESSED_DIR": processed_dir,
              "REFERENCE_DIR": reference_dir, "FIGURES_DIR": figures_dir, "MANIFEST": manifest,
              "INTERIM_DIR": interim_dir}


def __getattr__(name: str) -> Path:
    """``paths.ROOT``, ``paths.RAW_DIR`` … as before, now resolved when read."""
    if name in _OLD_NAMES:
        return _OLD_NAMES[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
