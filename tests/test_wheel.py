"""The wheel: built from the checkout, installed into a fresh virtual environment outside it, and used.

The package must find its rules, ontology, shapes, queries and template through
importlib.resources, never through the checkout; so the commands run with their
working folder outside the checkout and with nothing of the checkout importable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv holding only the wheel; its dependencies come from this environment (read-only)."""
    work = tmp_path_factory.mktemp("wheel")
    # setuptools is in the test extras, so the wheel builds without reaching the network
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(work / "dist"), str(ROOT)], capture_output=True, text=True, cwd=work)
    assert built.returncode == 0, built.stderr[-3000:]
    wheel = next((work / "dist").glob("kg_news-*.whl"))
    env_dir = work / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies (rdflib, pyoxigraph, ...) are read from this environment's site-packages.
    # A path line in a .pth file does not run that folder's own .pth files, so the editable
    # install of the checkout is not visible in the new environment.
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    inst = subprocess.run([py, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True, cwd=work)
    assert inst.returncode == 0, inst.stderr[-3000:]
    return {"wheel": wheel, "kg": env_dir / "bin" / "kg", "py": py, "work": work}


def _kg(installed, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run([str(installed["kg"]), *map(str, args)], capture_output=True, text=True,
                          cwd=installed["work"], env=env)


def test_the_wheel_carries_the_schema_and_no_development_tooling(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    for data in ("graph/_schema/ontology.ttl", "graph/_schema/shapes.ttl", "graph/_schema/rules/names.yaml",
                 "graph/_schema/queries/people.rq", "graph/view/templates/view.html"):
        assert data in names, data
    assert not [n for n in names if n.startswith("tests/") or n.endswith(("bench.py", "synth.py"))]


def test_the_installed_package_is_not_the_checkout(installed):
    where = subprocess.run([installed["py"], "-c", "import graph, graph.resources as r; print(graph.__file__);"
                            "print(r.schema_dir())"], capture_output=True, text=True, cwd=installed["work"])
    assert where.returncode == 0, where.stderr
    assert str(ROOT) not in where.stdout, where.stdout


def test_rules_build_validate_and_query_from_the_wheel(installed, tmp_path):
    seeds = tmp_path / "articles"
    shutil.copytree(SEEDS, seeds)
    out = tmp_path / "out"

    rules = _kg(installed, "rules")
    assert rules.returncode == 0, rules.stderr
    assert "rules" in rules.stdout and "graph/_schema/rules" in rules.stdout

    build = _kg(installed, "build", "--seeds", seeds, "--out", out, "--no-cache")
    assert build.returncode == 0, build.stderr
    assert "graph/_schema/rules" in build.stdout  # the summary names the rules it used
    assert (out / "graph.ttl").read_bytes() == (ROOT / "output" / "graph.ttl").read_bytes()

    valid = _kg(installed, "validate", "--graph", out / "graph.ttl")
    assert valid.returncode == 0, valid.stdout + valid.stderr

    people = _kg(installed, "query", "people.rq", "--graph", out / "graph.ttl", "--format", "csv")
    assert people.returncode == 0, people.stderr
    assert "Chrissy Teigen" in people.stdout and "John Legend" in people.stdout
