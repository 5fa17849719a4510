"""Bad articles, bad rules and bad output folders: each is handled, or refused in one line.

An article the builder cannot use is skipped with one line naming the file (and
line), and the build goes on; with --strict it stops with exit 2 and writes
nothing. A bad rule stops the build with exit 2 before anything is written, naming
file, line, rule id and what was expected. An output that cannot be written is
exit 3, and a build that fails half-way leaves the previous output as it was.

The CLI runs in this process (click's CliRunner) to keep the file fast; the exit
codes are those of `kg`.
"""

from __future__ import annotations

import errno
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from graph.errors import ArticleError, RuleError
from graph.rules.ruleset import default_rules_dir, load_rules
from graph.load import MAX_ARTICLE_BYTES, parse_article
from graph.rdf.vocab import OA, SDO
from tests.conftest import ROOT, SEEDS, write_article

GOOD_NAME = "000_9d37828a95a29d67.txt"
GOOD = (SEEDS / GOOD_NAME).read_text(encoding="utf-8")

# A small article with a title line, a date-free body, quotations and names: its
# selectors are compared across encodings and line endings below.
SMALL = (
    "Maya Lopez mourns her son Theo\n"
    "\n"
    "Singer Maya Lopez and her husband, Daniel Reed, are mourning the loss of their son Theo.\n"
    "\n"
    "“We will always love you, Theo,” Lopez wrote. “You made us a family of four.”\n"
    "\n"
    "Oprah Winfrey commented, “Sending love.”\n"
)


def kg(*args):
    """`kg ARGS` in this process: the click Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def error_line(result) -> str:
    """The one `Error: ...` line a failed command prints, and nothing else on stderr."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), result.stderr
    return lines[0]


def selectors(g: Graph) -> list[tuple[str, int, int, str]]:
    """(article id, start, end, exact) of every selector a fact points at."""
    out = []
    for fact, sel in g.subject_objects(OA.hasSelector):
        article = str(g.value(g.value(fact, OA.hasSource), SDO.identifier))
        out.append((article, int(g.value(sel, OA.start)), int(g.value(sel, OA.end)), str(g.value(sel, OA.exact))))
    return sorted(set(out))


def build_graph(seeds: Path, out: Path) -> Graph:
    from graph.build import build

    build(seeds, out, cache_dir=None)
    return Graph().parse(out / "graph.ttl", format="turtle")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (the query store's too), by its path inside it."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()} \
        if folder.exists() else {}


# ------------------------------------------------------------------ bad articles

# file name, bytes, what the one line says (after "PATH:")
BAD_ARTICLES = [
    ("empty.txt", b"", ":1: empty article: the file holds no bytes"),
    ("blank.txt", b"  \n\t\r\n   \n", ":1: empty article: the file holds only white space"),
    ("latin1.txt", "Chrissy Teigen said hi.\nThe caf\u00e9 was closed.\n".encode("latin-1"),
     ":2: not UTF-8 (byte 0xe9 at offset 31) (hint: convert it: iconv -f LATIN1 -t UTF-8)"),
    ("utf16.txt", "Chrissy Teigen said hi.\n".encode("utf-16"), ":1: UTF-16 text; articles must be UTF-8"),
    ("utf16-no-bom.txt", "Chrissy Teigen said hi.\n".encode("utf-16-le"), ":1: binary data (a NUL byte at offset 1)"),
    ("binary.txt", bytes(range(1, 256)) + b"\n\x00" + bytes(range(256)), ":3: binary data (a NUL byte at offset 256)"),
    ("bad-date.txt", b" date 2021-02-30 Chrissy Teigen said hi.\n",
     ":1: impossible date in the ' date' marker: 2021-02-30 (day is out of range for month)"),
    ("notes.md", b"# Notes\n\nChrissy Teigen said hi.\n", ": not a .txt file"),
]


@pytest.fixture(scope="module")
def bad_seeds(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("bad-seeds")
    shutil.copy(SEEDS / GOOD_NAME, seeds / GOOD_NAME)
    for name, raw, _ in BAD_ARTICLES:
        (seeds / name).write_bytes(raw)
    return seeds


def test_bad_articles_are_skipped_with_one_line_each(bad_seeds, tmp_path):
    out = tmp_path / "out"
    done = kg("build", "--seeds", bad_seeds, "--out", out, "--no-cache")
    assert done.exit_code == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == len(BAD_ARTICLES), done.stderr
    for name, _, says in BAD_ARTICLES:
        path = bad_seeds / name
        line = next((x for x in lines if x.startswith(f"skipped: {path}")), None)
        assert line is not None, f"no line for {name}: {done.stderr}"
        assert says in line, line
    # the summary counts them, and lists each
    assert f"articles   1 ({len(BAD_ARTICLES)} skipped)" in done.stdout
    assert done.stdout.count("\nskipped    ") == len(BAD_ARTICLES)
    # the good article was built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert {str(o) for o in g.objects(None, SDO.identifier)} == {GOOD_NAME[:-4]}


@pytest.mark.parametrize("name,raw,says", BAD_ARTICLES, ids=[c[0] for c in BAD_ARTICLES])
def test_strict_stops_at_a_bad_article_and_writes_nothing(tmp_path, name, raw, says):
    seeds = tmp_path / "seeds"
    write_article(seeds, GOOD_NAME, GOOD)
    (seeds / name).write_bytes(raw)
    out = tmp_path / "out"
    done = kg("build", "--seeds", seeds, "--out", out, "--strict", "--no-cache")
    assert done.exit_code == 2
    line = error_line(done)
    assert line.startswith(f"Error: {seeds / name}") and says in line, line
    assert not out.exists(), "a failed --strict build must not create its output folder"


def test_huge_article_is_refused_quickly(tmp_path):
    """A 50 MB article is refused before it is read: matching grows faster than linearly with length."""
    seeds = tmp_path / "seeds"
    write_article(seeds, GOOD_NAME, GOOD)
    chunk = (GOOD + "\n\n").encode("utf-8")
    with open(seeds / "huge.txt", "wb") as f:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            f.write(chunk)
    size = (seeds / "huge.txt").stat().st_size
    assert size > 50 * 1024 * 1024
    t = time.perf_counter()
    done = kg("build", "--seeds", seeds, "--out", tmp_path / "out", "--no-cache")
    assert time.perf_counter() - t < 20
    assert done.exit_code == 0, done.stderr
    assert done.stderr.strip() == (f"skipped: {seeds / 'huge.txt'}: {size:,} bytes, over the limit of "
                                   f"{MAX_ARTICLE_BYTES:,} bytes for one article (hint: split it into one file per article)")
    assert "articles   1 (1 skipped)" in done.stdout
    # the same limit holds where articles arrive as bytes (a process pool, a Dask worker)
    with pytest.raises(ArticleError, match="over the limit"):
        parse_article(b"a" * (MAX_ARTICLE_BYTES + 1), "big.txt", "big")


def test_bom_and_line_endings_keep_offsets_exact(tmp_path):
    """A BOM and CRLF or CR line endings change neither what is found nor the offsets' truth.

    Offsets count code points of the text as `read_text(encoding="utf-8")` returns it:
    universal newlines (CRLF and CR read as LF), a BOM kept as U+FEFF.
    """
    variants = {
        "plain": SMALL.encode("utf-8"),
        "bom": b"\xef\xbb\xbf" + SMALL.encode("utf-8"),
        "crlf": SMALL.replace("\n", "\r\n").encode("utf-8"),
        "cr": SMALL.replace("\n", "\r").encode("utf-8"),
        "bom-crlf": b"\xef\xbb\xbf" + SMALL.replace("\n", "\r\n").encode("utf-8"),
    }
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, raw in variants.items():
        (seeds / f"{name}.txt").write_bytes(raw)
    g = build_graph(seeds, tmp_path / "out")
    texts = {name: (seeds / f"{name}.txt").read_text(encoding="utf-8") for name in variants}
    found = selectors(g)
    assert found
    for article, start, end, exact in found:
        assert texts[article][start:end] == exact, (article, start, end, exact)
        assert "\r" not in exact
    exacts = {name: sorted((e, s - (1 if name.startswith("bom") else 0)) for a, s, _, e in found if a == name)
              for name in variants}
    assert len(exacts["plain"]) >= 10
    for name in variants:
        assert exacts[name] == exacts["plain"], name
    # the title line is the headline whatever the encoding and line ends
    headlines = {str(o) for o in g.objects(None, SDO.headline)}
    assert headlines == {"Maya Lopez mourns her son Theo"}


def test_html_markup_is_text(tmp_path):
    """Markup in an article is words like any other: kept verbatim, offsets exact, never interpreted."""
    text = ("<p>Singer <b>Maya Lopez</b> and her husband, Daniel Reed, are mourning the loss of their son Theo.</p>\n\n"
            "<p>“We will <i>always</i> love you, <script>alert(1)</script> Theo,” Lopez wrote.</p>\n")
    seeds = tmp_path / "seeds"
    write_article(seeds, "markup.txt", text)
    g = build_graph(seeds, tmp_path / "out")
    quotes = {str(o) for o in g.objects(None, SDO.text)}
    assert "We will <i>always</i> love you, <script>alert(1)</script> Theo," in quotes
    for _, start, end, exact in selectors(g):
        assert text[start:end] == exact


def test_unclosed_quote_is_reported_and_the_rest_is_read(tmp_path):
    """A quote mark never closed is not guessed at: the curator sees it, the other quotations stand."""
    text = SMALL + "\nDaniel Reed said, “we never close this one.\n\nOprah Winfrey wrote, “A second one.”\n"
    seeds = tmp_path / "seeds"
    write_article(seeds, "unclosed.txt", text)
    g = build_graph(seeds, tmp_path / "out")
    quotes = {str(o) for o in g.objects(None, SDO.text)}
    assert {"Sending love.", "A second one."} <= quotes
    assert not [q for q in quotes if "never close" in q]
    done = kg("rules", "--coverage", "--seeds", seeds)
    assert done.exit_code == 0, done.stderr
    at = text.index("“we never")
    assert re.search(rf"unclosed\[{at}:\d+\] quote mark never closed: “we never close this one\.", done.stdout), done.stdout


# ------------------------------------------------------------------ bad rules

def _append(rules: Path, file: str, text: str) -> int:
    """Append rule text to a rule file; the line it starts on."""
    path = rules / file
    old = path.read_text(encoding="utf-8")
    assert old.endswith("\n")
    path.write_text(old + text, encoding="utf-8")
    return len(old.splitlines()) + 1


def _line_of(file: str, text: str) -> int:
    """The line of the shipped rule file where `text` starts a line."""
    lines = (default_rules_dir() / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


# case id -> (file, text appended, line offset of the reported line from the first appended line,
#             rule id named, what the message says)
BAD_RULES = {
    "yaml-syntax": ("names.yaml", "  - id: broken-quote\n    type: Person\n    pattern: 'Zed\\s+(?P<name>Zorro)\n", 2,
                    "broken-quote", "YAML syntax error: while scanning a quoted scalar (line {line}), found unexpected end of stream"),
    "yaml-indent": ("names.yaml", "  - id: bad-indent\n    type: Person\n   pattern: 'Zed'\n", 2,
                    "bad-indent", "YAML syntax error"),
    "unknown-key": ("names.yaml", "  - id: extra-key\n    type: Person\n    pattern: 'Zed\\s+(?P<name>Zorro)'\n    colour: red\n", 0,
                    "extra-key", "unknown key 'colour' (hint: a names rule takes: "),
    "missing-id": ("names.yaml", "  - type: Person\n    pattern: 'Zed\\s+(?P<name>Zorro)'\n", 0,
                   None, "rule has no 'id' (hint: give every rule a stable id"),
    "duplicate-id": ("names.yaml", "  - id: name-with-nickname\n    type: Person\n    pattern: 'Zed\\s+(?P<name>Zorro)'\n", 0,
                     "name-with-nickname", f"duplicate id (first defined at names.yaml:{_line_of('names.yaml', '  - id: name-with-nickname')})"),
    "invalid-regex": ("names.yaml", "  - id: open-group\n    type: Person\n    pattern: 'Zed\\s+(?P<name>Zorro'\n", 0,
                      "open-group", "invalid regex: missing ) at position 20"),
    "empty-match": ("names.yaml", "  - id: maybe-nothing\n    type: Person\n    pattern: '(?P<name>Z*)'\n", 0,
                    "maybe-nothing", "pattern can match the empty string"),
    "unknown-macro": ("names.yaml", "  - id: no-such-macro\n    type: Person\n    pattern: '{NOSUCH}\\s+(?P<name>Zorro)'\n", 0,
                      "no-such-macro", "unknown macro {NOSUCH}"),
    "unknown-type": ("names.yaml", "  - id: misspelt-type\n    type: Persn\n    pattern: 'Zed\\s+(?P<name>Zorro)'\n", 0,
                     "misspelt-type", "unknown type 'Persn' (hint: use a class of schema/ontology.ttl"),
    "foreign-type": ("gazetteer.yaml", "  - id: foaf-thing\n    type: foaf:Person\n    name: Zorro\n", 0,
                     "foaf-thing", "unknown type 'foaf:Person'"),
    "unknown-kg-property": ("events.yaml",
                            "  - id: misspelt-kg\n    kind: pregnancy-loss\n    pattern: 'Zed\\s+(?P<about>Zorro)'\n"
                            "    attributes: {kg:platfrm: about}\n", 0,
                            "misspelt-kg", "unknown property 'kg:platfrm' (hint: did you mean kg:platform?"),
    "unknown-schema-property": ("events.yaml",
                                "  - id: misspelt-schema\n    kind: pregnancy-loss\n    pattern: 'Zed\\s+(?P<about>Zorro)'\n"
                                "    attributes: {schema:locaton: about}\n", 0,
                                "misspelt-schema", "unknown property 'schema:locaton' (hint: did you mean schema:location"),
    "nul-in-name": ("gazetteer.yaml", '  - id: nul-name\n    type: Organization\n    name: "Net\\0flix"\n', 0,
                    "nul-name", "'name' holds a NUL character"),
    "unknown-event-kind": ("events.yaml", "  - id: no-such-kind\n    kind: llama-coronation\n    pattern: 'Zed\\s+(?P<about>Zorro)'\n", 0,
                           "no-such-kind", "unknown event kind 'llama-coronation'"),
}


@pytest.mark.parametrize("case", sorted(BAD_RULES))
def test_bad_rule_stops_the_build_before_anything_is_written(rules_copy, tmp_path, case):
    file, text, offset, rule_id, says = BAD_RULES[case]
    first = _append(rules_copy, file, text)
    line = first + offset
    seeds = tmp_path / "seeds"
    write_article(seeds, GOOD_NAME, GOOD)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old graph\n", encoding="utf-8")
    before = snapshot(out)
    done = kg("build", "--seeds", seeds, "--out", out, "--rules", rules_copy, "--no-cache")
    assert done.exit_code == 2
    msg = error_line(done)
    assert msg.startswith(f"Error: {rules_copy / file}:{line}: "), msg
    if rule_id:
        assert f" rule {rule_id!r}: " in msg, msg
    assert says.replace("{line}", str(line)) in msg, msg
    assert snapshot(out) == before
    # `kg rules` reports the very same line
    checked = kg("rules", "--rules", rules_copy)
    assert checked.exit_code == 2 and error_line(checked) == msg


def test_bad_timeout_setting_is_a_rule_error(rules_copy, tmp_path):
    quotes = rules_copy / "quotes.yaml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("regex_timeout_seconds: 2.0", "regex_timeout_seconds: soon"),
                      encoding="utf-8")
    done = kg("rules", "--rules", rules_copy)
    assert done.exit_code == 2
    assert "settings.regex_timeout_seconds must be a number of seconds above 0 and at most 600, got 'soon'" in error_line(done)


def test_catastrophic_pattern_skips_its_article_and_the_rest_is_built(rules_copy, tmp_path):
    """A pattern that backtracks without end is stopped by its matching budget on that article:
    the article is skipped with one line naming the rule, every other article is built, and
    --strict makes it an error. (A regex time-out once stopped the whole build.)"""
    quotes = rules_copy / "quotes.yaml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("regex_timeout_seconds: 2.0", "regex_timeout_seconds: 0.2"),
                      encoding="utf-8")
    line = _append(rules_copy, "names.yaml", "  - id: runaway\n    type: Person\n    pattern: '(?P<name>(?:a|a)+$)'\n")
    seeds = tmp_path / "seeds"
    write_article(seeds, GOOD_NAME, GOOD)
    write_article(seeds, "runs.txt", "Chrissy Teigen wrote " + "a" * 60 + "!\n")
    out = tmp_path / "out"
    done = kg("build", "--seeds", seeds, "--out", out, "--rules", rules_copy, "--no-cache")
    assert done.exit_code == 0, done.output
    skipped = [x for x in done.stderr.splitlines() if x.startswith("skipped:")]
    assert skipped == [skipped[0]] and skipped[0].startswith(
        f"skipped: {seeds / 'runs.txt'}: rule 'runaway' ({rules_copy / 'names.yaml'}:{line}) ran over its ")
    assert "regex_timeout_seconds" in skipped[0]
    assert (out / "graph.ttl").is_file() and "articles   1 (1 skipped)" in done.stdout

    strict = kg("build", "--seeds", seeds, "--out", tmp_path / "strict", "--rules", rules_copy, "--no-cache", "--strict")
    assert strict.exit_code == 2 and "rule 'runaway'" in error_line(strict)
    assert not (tmp_path / "strict").exists()


def test_rule_errors_cross_process_boundaries_whole():
    """A worker of the process pool or of Dask sends errors back pickled: file, line, rule id and hint survive."""
    err = pickle.loads(pickle.dumps(RuleError(Path("names.yaml"), 12, "runaway", "pattern ran over the time limit", "rewrite it")))
    assert isinstance(err, RuleError) and (err.line, err.rule_id, err.hint) == (12, "runaway", "rewrite it")
    assert str(err) == "names.yaml:12: rule 'runaway': pattern ran over the time limit (hint: rewrite it)"
    art = pickle.loads(pickle.dumps(ArticleError("a.txt:1: empty article", "remove it")))
    assert str(art) == "a.txt:1: empty article (hint: remove it)" and art.exit_code == 2


def test_bad_rule_exit_code_from_a_real_process(rules_copy, tmp_path):
    _append(rules_copy, "names.yaml", "  - id: open-group\n    type: Person\n    pattern: '(?P<name>Zorro'\n")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "graph", "build", "--seeds", SEEDS, "--out", out, "--rules", rules_copy],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("Error: ") and "rule 'open-group'" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists() and not (tmp_path / ".kg-cache").exists()


# ------------------------------------------------------------------ outputs

@pytest.fixture
def built(tmp_path) -> tuple[Path, Path, dict[str, bytes]]:
    """A folder of two small articles and a first build of it: (seeds, out, the output's bytes)."""
    seeds = tmp_path / "seeds"
    write_article(seeds, GOOD_NAME, GOOD)
    write_article(seeds, "small.txt", SMALL)
    out = tmp_path / "out"
    done = kg("build", "--seeds", seeds, "--out", out, "--no-cache", "-q")
    assert done.exit_code == 0, done.stderr
    write_article(seeds, "later.txt", SMALL.replace("Theo", "Noah"))  # the next build has more to write
    return seeds, out, snapshot(out)


class _DiskFull(str):
    """Rendered text whose writing fails as a full disk does."""

    def encode(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_failed_write_keeps_every_old_output(built, monkeypatch):
    """graph.ttl is written, then graph.html fails: neither file changes and no temporary is left."""
    seeds, out, before = built
    assert {name for name in before if "/" not in name} == {"graph.ttl", "graph.html"}  # and the store's files
    import graph.build

    real = graph.build.render_html
    monkeypatch.setattr(graph.build, "render_html", lambda *a, **k: _DiskFull(real(*a, **k)))
    done = kg("build", "--seeds", seeds, "--out", out, "--no-cache")
    assert done.exit_code == 3
    assert error_line(done) == f"Error: {out / 'graph.html'}: cannot write: No space left on device"
    assert snapshot(out) == before


def test_failed_render_keeps_every_old_output(built, monkeypatch):
    seeds, out, before = built
    import graph.build

    def broken(*args, **kwargs):
        raise RuntimeError("view failed")

    monkeypatch.setattr(graph.build, "render_html", broken)
    with pytest.raises(RuntimeError, match="view failed"):
        graph.build.build(seeds, out, cache_dir=None)
    assert snapshot(out) == before


def test_interrupted_write_keeps_every_old_output(built, monkeypatch):
    """Ctrl-C while the outputs are written: exit 130, old outputs whole, no temporary left."""
    seeds, out, before = built
    import graph.write

    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return os.fsync(fd)

    monkeypatch.setattr(graph.write.os, "fsync", fsync)
    done = kg("build", "--seeds", seeds, "--out", out, "--no-cache")
    assert done.exit_code == 130 and error_line(done) == "Error: interrupted"
    assert snapshot(out) == before


def test_out_is_a_file(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("not a folder\n", encoding="utf-8")
    done = kg("build", "--seeds", SEEDS, "--out", target, "--no-cache")
    assert done.exit_code == 3
    assert error_line(done) == f"Error: {target}: --out must be a folder, and this is a file (hint: choose a folder path)"
    assert target.read_text(encoding="utf-8") == "not a folder\n"


def test_out_under_a_file(tmp_path):
    parent = tmp_path / "notes.txt"
    parent.write_text("x\n", encoding="utf-8")
    done = kg("build", "--seeds", SEEDS, "--out", parent / "out", "--no-cache")
    assert done.exit_code == 3
    assert error_line(done) == f"Error: {parent / 'out'}: its parent {parent} is a file, not a folder (hint: choose another --out)"


def test_out_with_a_missing_parent(tmp_path):
    out = tmp_path / "no" / "such" / "out"
    done = kg("build", "--seeds", SEEDS, "--out", out, "--no-cache")
    assert done.exit_code == 3
    assert error_line(done) == (f"Error: {out}: its parent folder {out.parent} does not exist "
                                "(hint: create it first, or choose another --out)")
    assert not (tmp_path / "no").exists()


def test_out_not_writable():
    """/proc/self is a folder no one may create files in, root included."""
    if os.access("/proc/self", os.W_OK):
        pytest.skip("/proc/self is writable here")
    done = kg("build", "--seeds", SEEDS, "--out", "/proc/self", "--no-cache")
    assert done.exit_code == 3
    assert error_line(done) == ("Error: /proc/self: the output folder is not writable "
                                "(hint: choose another --out or fix its permissions)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder regardless of its mode")
def test_out_read_only_folder(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        done = kg("build", "--seeds", SEEDS, "--out", out, "--no-cache")
    finally:
        out.chmod(0o755)
    assert done.exit_code == 3 and "not writable" in error_line(done)


def test_a_damaged_given_gender_table_names_its_line(rules_copy):
    table = rules_copy / "given_genders.tsv"
    table.write_text(table.read_text(encoding="utf-8") + "kirsty\tx\n", encoding="utf-8")
    lines = table.read_text(encoding="utf-8").count("\n")
    with pytest.raises(RuleError) as err:
        load_rules(rules_copy, cache=False)
    assert f"given_genders.tsv:{lines}:" in str(err.value) and "f, m or -" in str(err.value)
