"""Names in any script, file names in any script or none, and date arithmetic past the calendar:
each once ended a build in a traceback. Now the build reads them or skips them in one line."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from rdflib import RDF, Graph

from conftest import run_kg, write_article
from graph.rdf.vocab import SDO


def _build(tmp_path, *extra):
    out = tmp_path / "out"
    result = run_kg("build", "--seeds", tmp_path / "articles", "--out", out, "--no-cache", *extra)
    assert "Traceback" not in result.stderr, result.stderr
    return result, out


def _names(out, cls) -> set[str]:
    g = Graph().parse(out / "graph.ttl", format="turtle")
    return {str(g.value(s, SDO.name)) for s in g.subjects(RDF.type, cls)}


def test_a_cyrillic_name_is_a_person_with_an_iri_in_its_script(tmp_path):
    write_article(tmp_path / "articles", "a.txt", "Анна Петрова said she was happy.\n")
    result, out = _build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Анна Петрова" in _names(out, SDO.Person)
    assert "person/анна-петрова" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_an_article_whose_file_name_is_in_another_script_builds(tmp_path):
    write_article(tmp_path / "articles", "日本語.txt", " date 2020-05-01\nMaría Núñez said she was fine.\n")
    result, out = _build(tmp_path)
    assert result.returncode == 0, result.stderr
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert 'schema:identifier "日本語"' in text
    if shutil.which("rapper"):
        check = subprocess.run(["rapper", "-i", "turtle", "-c", str(out / "graph.ttl")], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr


@pytest.mark.skipif(os.uname().sysname != "Linux", reason="needs a file system that keeps any bytes in names")
def test_a_file_name_that_is_not_utf8_is_skipped_in_one_line(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "ok.txt", "Bo Kim said hi.\n")
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as f:
        f.write(b"Ann Lee said hi.\n")
    result, out = _build(tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "bad" in line]
    assert lines == [f"skipped: {folder}/bad\\xff.txt: the file name is not valid UTF-8 (hint: rename it: an "
                     "article's name is its identifier in the graph)"]
    assert _names(out, SDO.Person) == {"Bo Kim"}


@pytest.mark.parametrize("text", [
    " date 2020-03-02\nThe Old Mill was built 4500 years ago, Mara Quill said.\n",
    " date 2020-03-02\nOn March 1, 2020, Mara Quill opened it. She closed it 9999999 weeks after that.\n",
    " date 0001-03-02\nMara Quill moved there in September.\n",
    " date 9999-12-30\nMara Quill will move there in January, she said, a year after the flood of 9999.\n",
])
def test_date_arithmetic_past_the_calendar_gives_no_date_and_no_crash(tmp_path, text):
    write_article(tmp_path / "articles", "a.txt", text)
    write_article(tmp_path / "articles", "b.txt", "Bo Kim said hi.\n")
    result, out = _build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Bo Kim" in _names(out, SDO.Person)  # the other article is built too
    g = Graph().parse(out / "graph.ttl", format="turtle")
    for date in g.objects(None, SDO.startDate):
        assert not str(date).startswith(("0000", "-")), date


def test_a_long_ordinary_article_is_read_not_timed_out(tmp_path):
    # thousands of short matches add up: the matching budget grows with the article's length
    write_article(tmp_path / "articles", "long.txt", " date 2020-01-01\n" + "Zava Bene said. " * 3000 + "\n")
    write_article(tmp_path / "articles", "b.txt", "Bo Kim said hi.\n")
    result, out = _build(tmp_path)
    assert result.returncode == 0 and "skipped" not in result.stderr, result.stderr
    assert "articles   2" in result.stdout


def test_odd_entries_of_the_articles_folder_are_each_skipped_in_one_line(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "ok.txt", "Bo Kim said hi.\n")
    write_article(folder, "nbsp.txt", "\u00a0\u00a0\n\u00a0\n")
    (folder / "sub.txt").mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.symlink(tmp_path / "gone.txt", folder / "broken.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("Eve Stone said the password is swordfish.\n", encoding="utf-8")
    os.symlink(secret, folder / "outside.txt")
    result, out = _build(tmp_path)
    assert result.returncode == 0, result.stderr
    lines = {line.split(": ", 2)[1].rsplit("/", 1)[-1]: line for line in result.stderr.splitlines()
             if line.startswith("skipped: ")}
    assert set(lines) == {"nbsp.txt:1", "sub.txt", "pipe.txt", "broken.txt", "outside.txt"}, result.stderr
    assert "only white space" in lines["nbsp.txt:1"]
    assert "outside the articles folder" in lines["outside.txt"]
    assert "swordfish" not in (out / "graph.ttl").read_text(encoding="utf-8")
    assert _names(out, SDO.Person) == {"Bo Kim"}
