"""The files the package reads at run time, found the same way in a checkout and in an installed wheel.

`schema/` (ontology, shapes, rules, queries) is shipped as the package `graph._schema`
(pyproject.toml maps the folder to that name) and the view's template as package data of
`graph.view`; both are reached through `importlib.resources`, never through a path made
from this file's location, so a wheel installed anywhere finds them.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from graph.errors import KgError


def _folder(package: str) -> Path:
    root = files(package)
    # Wheels are installed unzipped, so the resource folder is a real directory; the rule
    # loader needs one (its errors name FILE:LINE, and a user's --rules DIR is one too).
    path = Path(str(root))
    if not path.is_dir():
        raise KgError(f"the package data of {package} is not a folder on disk ({root!r})",
                      "install kg-news from a wheel or a checkout, not from a zip file")
    return path


def package_dir() -> Path:
    """The installed `graph` package itself (its modules are hashed into the build cache's key)."""
    return _folder("graph")


def schema_dir() -> Path:
    """The shipped `schema/` folder."""
    return _folder("graph._schema")


def rules_dir() -> Path:
    """The shipped rule files (`schema/rules/`)."""
    return schema_dir() / "rules"


def queries_dir() -> Path:
    """The shipped SPARQL queries (`schema/queries/`)."""
    return schema_dir() / "queries"


def ontology_path() -> Path:
    return schema_dir() / "ontology.ttl"


def shapes_path() -> Path:
    return schema_dir() / "shapes.ttl"


def template_path(name: str) -> Path:
    """A template of the view (`graph/view/templates/NAME`)."""
    return _folder("graph.view") / "templates" / name
