"""Where the project's data files are, whether it runs from a clone or an installed wheel."""
from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def _project_dir(name: str) -> Path:
    # A clone (or an editable install) keeps shapes/ and ontology/ at the top level; a wheel
    # installs them under <scheme>/share/kg-loader/ (pyproject's data-files), where <scheme> is
    # sys.prefix, the user base (pip install --user) or any --prefix: the installed
    # distribution's own file list says where.
    for candidate in (PACKAGE_DIR.parent / name, Path(sys.prefix) / "share" / "kg-loader" / name):
        if candidate.is_dir():
            return candidate
    installed = _installed_dir(name)
    if installed is not None:
        return installed
    raise FileNotFoundError(f"cannot find the {name}/ folder next to the kg package")


def _installed_dir(name: str) -> Path | None:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution("kg-loader")
    except PackageNotFoundError:
        return None
    marker = f"share/kg-loader/{name}/"
    for f in dist.files or ():
        if marker in f.as_posix():
            folder = Path(dist.locate_file(f)).resolve().parent
            if folder.is_dir():
                return folder
    return None


def cache_dir() -> Path:
    """The user's cache folder: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg-loader`` (~/.cache)."""
    env = os.environ.get("KG_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or "~/.cache"
    return Path(base).expanduser() / "kg-loader"


def shapes_dir() -> Path:
    return Path(os.environ["KG_SHAPES"]) if os.environ.get("KG_SHAPES") else _project_dir("shapes")

