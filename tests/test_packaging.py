"""The wheel, installed somewhere other than the running interpreter's prefix (pip install
--prefix, as --user does for the user base), finds its shapes and ontology: extract and validate
work from it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                           capture_output=True, text=True, timeout=300)
    if built.returncode != 0:
        pytest.skip(f"cannot build the wheel here: {built.stderr.strip().splitlines()[-1:]}")
    (found,) = out.glob("kg_loader-*.whl")
    return found


def test_a_wheel_installed_under_another_prefix_extracts_and_validates(wheel, tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--ignore-installed", "--prefix",
                    str(prefix), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    (site,) = prefix.glob("lib/python*/site-packages")
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("KG_SHAPES", None)
    article = tmp_path / "a.txt"
    article.write_text("Soldiers were sent to Chad on Monday.")
    out = tmp_path / "a.ttl"
    run = lambda *args: subprocess.run([sys.executable, "-m", "kg", *args], cwd=tmp_path, env=env,  # noqa: E731
                                       capture_output=True, text=True, timeout=300)
    where = subprocess.run([sys.executable, "-c", "import kg; print(kg.__file__)"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=60).stdout
    assert where.startswith(str(site)), where  # the installed copy, not the clone
    extracted = run("extract", str(article), "--published", "2023-05-12", "-o", str(out))
    assert extracted.returncode == 0, extracted.stderr
    validated = run("validate", str(out))
    assert validated.returncode == 0 and "conforms" in validated.stdout, validated.stderr


def test_a_wheel_installed_with_pip_user_extracts_and_validates(wheel, tmp_path):
    """``pip install --user`` into a temporary user base, run by the interpreter the test venv is
    made from; the dependencies come from the venv's site-packages without kg-loader's own files."""
    import sysconfig

    base = Path(getattr(sys, "_base_executable", "") or "")
    if not base.is_file() or sys.prefix == sys.base_prefix:
        pytest.skip("needs a virtual environment made from a base interpreter")
    deps = tmp_path / "deps"
    deps.mkdir()
    purelib = Path(sysconfig.get_paths()["purelib"])
    for entry in purelib.iterdir():
        if not entry.name.startswith(("kg_loader", "__editable__", "kg")) and entry.suffix != ".pth":
            (deps / entry.name).symlink_to(entry)
    userbase = tmp_path / "userbase"
    env = {**os.environ, "PYTHONUSERBASE": str(userbase), "PYTHONPATH": str(deps), "PIP_USER": "1"}
    for var in ("KG_SHAPES", "VIRTUAL_ENV", "PYTHONNOUSERSITE"):
        env.pop(var, None)
    installed = subprocess.run([str(base), "-m", "pip", "install", "-q", "--user", "--no-deps", "--ignore-installed",
                                "--break-system-packages", "--no-warn-script-location", str(wheel)],
                               env=env, capture_output=True, text=True, timeout=300)
    if installed.returncode != 0:
        pytest.skip(f"the base interpreter cannot pip install --user: {installed.stderr.strip()[-200:]}")
    run = lambda *args: subprocess.run([str(base), *args], cwd=tmp_path, env=env,  # noqa: E731
                                       capture_output=True, text=True, timeout=300)
    where = run("-c", "import kg; print(kg.__file__)").stdout
    assert where.startswith(str(userbase)), where  # the --user copy, not the clone
    article = tmp_path / "a.txt"
    article.write_text("Soldiers were sent to Chad on Monday.")
    out = tmp_path / "a.ttl"
    extracted = run("-m", "kg", "extract", str(article), "--published", "2023-05-12", "-o", str(out))
    assert extracted.returncode == 0, extracted.stderr
    validated = run("-m", "kg", "validate", str(out))
    assert validated.returncode == 0 and "conforms" in validated.stdout, validated.stderr


def test_the_wheel_states_its_licence_as_a_pep_639_expression_with_the_licence_file(wheel):
    import zipfile
    from email.parser import Parser

    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        (meta_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = Parser().parsestr(zf.read(meta_name).decode("utf-8"))
        licence = zf.read(meta_name.replace("METADATA", "licenses/LICENSE")).decode("utf-8")
    assert meta["Metadata-Version"] >= "2.4" and meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"] and meta["License"] is None
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8") and licence.startswith("MIT License")
    classifiers = meta.get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert not any(c.startswith("License ::") for c in classifiers)  # PEP 639: the expression only
    assert "Homepage, https://w3id.org/kg-loader" in meta.get_all("Project-URL")
