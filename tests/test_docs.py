"""The README and the command line stay in step: every command and option is documented, every
`--help` shows an example, and the README's example outputs are what the commands print today.

The example check runs each `$ kg …` line of the README's text blocks in a folder that holds
a fresh build of the seeds as `output/` (and `seeds/`, `schema/` as in a checkout), and compares
what it prints with the lines that follow it; a line `…` in the README stands for any lines.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from conftest import ROOT
from graph.cli import main
from graph.resources import rules_dir

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)
# Examples whose set-up the README describes in prose rather than shows (a folder of broken
# articles or rules, a synthetic corpus of thousands of articles): their outputs are checked by
# the tests of those features instead.
NOT_RUN = ("--seeds articles", "--rules rules", "tests.bench")


def test_every_command_is_in_the_readme():
    missing = [c for c in COMMANDS if f"`kg {c}" not in README]
    assert not missing, f"commands not documented in README.md: {missing}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_is_in_the_readme(command):
    def documented(spelling: str) -> bool:
        return bool(re.search(re.escape(spelling) + r"(?![\w-])", README))

    # an option is documented when one of its spellings is (-o/--output, --open/--no-open)
    options = [[o for o in p.opts + p.secondary_opts if o.startswith("-")]
               for p in main.commands[command].params if isinstance(p, click.Option) and p.name != "help"]
    missing = [spellings[0] for spellings in options if spellings and not any(map(documented, spellings))]
    assert not missing, f"kg {command}: options not documented in README.md: {missing}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_has_an_example(command):
    text = main.commands[command].help or ""
    assert re.search(r"^\s*Examples?:", text, re.M), f"kg {command} --help shows no example"
    assert f"kg {command}" in text.split("Example", 1)[1], f"kg {command} --help: the example does not run kg {command}"


def _examples() -> list[tuple[int, str, list[str]]]:
    """(line number, command, expected lines) for each `$ kg …` in a ```text block."""
    out, lines = [], README.splitlines()
    inside = False
    current = None
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            inside = line.strip() == "```text"
            current = None
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            current = (number, line[2:], [])
            out.append(current)
        elif current is not None:
            current[2].append(line)
    return [(n, cmd, _trim(expected)) for n, cmd, expected in out
            if cmd.startswith("kg ") and not any(s in cmd for s in NOT_RUN)]


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; a line `…` in `expected` stands for any number of lines, and a line ending in
    ` …` for any line that begins the same."""
    if not expected:
        return not actual
    if expected[0].strip() == "…":
        return any(_matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    # runs of white space compare equal: an article's no-break space reads as a space in the README
    want, got = " ".join(expected[0].split()), " ".join(actual[0].split()) if actual else None
    if want.endswith(" …"):  # the line is cut short in the README: its beginning must agree
        same = got is not None and got.startswith(want[:-1])
    else:
        same = got is not None and want == got
    return same and _matches(expected[1:], actual[1:])


@pytest.fixture(scope="module")
def checkout(tmp_path_factory, seed_build):
    """A folder laid out as a checkout with a fresh build of the seeds in output/."""
    home = tmp_path_factory.mktemp("docs")
    (home / "seeds").symlink_to(ROOT / "seeds")
    (home / "schema").symlink_to(ROOT / "schema")
    (home / "tests").symlink_to(ROOT / "tests")  # the development corpus, for kg eval
    (home / "output").mkdir()
    for name in ("graph.ttl", "graph.html"):
        (home / "output" / name).write_bytes((seed_build / name).read_bytes())
    shutil.copytree(seed_build / ".store", home / "output" / ".store")  # the build's query store, as kg build leaves it
    return home


EXAMPLES = _examples()


def test_the_readme_shows_examples_to_check():
    assert len(EXAMPLES) >= 8, [cmd for _, cmd, _ in EXAMPLES]


@pytest.mark.parametrize("line, command, expected", EXAMPLES, ids=[f"README:{n}" for n, _, _ in EXAMPLES])
def test_readme_example_output_is_current(line, command, expected, checkout):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               COLUMNS="200")
    run = subprocess.run(["bash", "-c", command], cwd=checkout, capture_output=True, text=True, env=env)
    printed = (run.stdout + run.stderr).replace(str(rules_dir()), "schema/rules")
    actual = _trim(printed.splitlines())
    assert _matches(expected, actual), (f"README.md:{line}: `{command}` now prints:\n" + "\n".join(actual)
                                        + "\n\nbut the README shows:\n" + "\n".join(expected))
