"""What a wheel of claimmark installs: one top-level import package, ``claimmark``.

The repository keeps tui/, store/ and articles/ at the top (the design card), but they
install as ``claimmark.tui``, ``claimmark.store`` and ``claimmark.articles``: packages
named plainly ``store`` or ``tui`` exist on the package index, and installing claimmark
beside one of them must not overwrite it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out)]
    if importlib.util.find_spec("setuptools") is not None:
        import setuptools

        if int(setuptools.__version__.split(".")[0]) >= 68:
            command.append("--no-build-isolation")  # offline and quicker
    result = subprocess.run([*command, str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("claimmark-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_installs_no_top_level_package_but_claimmark(wheel: zipfile.ZipFile) -> None:
    tops = {name.split("/")[0] for name in wheel.namelist()}
    dist_info = {t for t in tops if t.endswith(".dist-info")}
    assert tops - dist_info == {"claimmark"}
    names = set(wheel.namelist())
    for folder in ("tui", "store", "articles"):
        assert f"claimmark/{folder}/__init__.py" in names
    assert not any(n.split("/")[0] in ("tui", "store", "articles") for n in names)


def test_wheel_carries_styles_and_sample_articles(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "claimmark/tui/app.tcss" in names
    assert any(n.startswith("claimmark/articles/") and n.endswith(".txt") for n in names)


def test_installed_code_imports_under_our_name_only() -> None:
    code = (
        "import sys, claimmark.tui.cli, claimmark.store.store, claimmark.articles\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('tui', 'store', 'articles')]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert result.returncode == 0, result.stdout + result.stderr
