"""The command line: `kg COMMAND`. Library errors become one `Error: ...` line and an exit code.

Exit codes: 0 success; 1 a negative answer (graph does not conform, ASK is false,
conflicts found with --check); 2 bad input (article, rule, query, option);
3 an output could not be written.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from graph.errors import KgError

DEFAULT_GRAPH = Path("output/graph.ttl")
graph_option = click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
                            show_default=True, help="The built graph (Turtle) to read.")


def clean_errors(fn):
    """Turn a KgError into `Error: message` on stderr and its exit code; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg-news")
def main():
    """Build a knowledge graph of people, events and quotations from news articles.

    \b
    Typical use:
      kg build                      # seeds/ -> output/graph.ttl, output/graph.html
      kg explain "Chrissy Teigen"   # every fact about a node, with its evidence
      kg conflicts                  # where the sources disagree
      kg validate                   # SHACL check of the built graph
    """


@main.command()
@click.option("--seeds", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True,
              help="Folder of .txt articles.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Folder for graph.ttl and graph.html.")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=None,
              help="Folder of rule files (default: schema/rules).")
@click.option("--strict", is_flag=True, help="Stop at the first bad article instead of skipping it.")
@click.option("--jobs", type=int, default=None, help="Processes for extraction (default: all cores for large corpora).")
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
@clean_errors
def build(seeds, out, rules_dir, strict, jobs, quiet):
    """Build the graph from a folder of articles.

    Reads every .txt file of --seeds, applies the rules, and writes graph.ttl and
    graph.html to --out (each atomically: a failed build leaves the old ones).
    Bad articles are skipped with a one-line reason unless --strict.

    \b
    Example:
      kg build --seeds seeds --out output
    """
    from graph.build import build as run_build
    from graph.load import discover

    paths, _ = discover(seeds)
    bar = None
    progress = None
    if len(paths) >= 100 and not quiet:
        bar = click.progressbar(length=len(paths), label="extracting", file=sys.stderr)
        bar.__enter__()

        def progress(done, total):
            bar.update(1)

    try:
        report = run_build(seeds, out, rules_dir=rules_dir, strict=strict, jobs=jobs, progress=progress)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for path, why in report.skipped:
        click.echo(f"skipped: {why}" if why.startswith(path) else f"skipped: {path}: {why}", err=True)
    if not quiet:
        click.echo(report.summary())


@main.command()
@graph_option
@click.option("--shapes", type=click.Path(path_type=Path), default=None, help="SHACL shapes (default: schema/shapes.ttl).")
@clean_errors
def validate(graph_path, shapes):
    """Check the graph against the SHACL shapes: exit 0 conforms, 1 does not, 2 error."""
    from graph.validate import validate as run

    result = run(graph_path, shapes)
    if result.conforms:
        click.echo(f"{graph_path}: conforms")
        return
    for line in result.violations:
        click.echo(line)
    click.echo(f"{graph_path}: does not conform ({len(result.violations)} violations)")
    sys.exit(1)


@main.command()
@click.argument("name")
@graph_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@clean_errors
def explain(name, graph_path, fmt):
    """Every fact about NAME (a name, alias or IRI) with article, offsets, sentence and rule.

    \b
    Example:
      kg explain "Pepper"
    """
    from graph.explain import evidence_rows, find_nodes
    from graph.validate import load_graph

    g = load_graph(graph_path)
    nodes = find_nodes(g, name)
    if not nodes:
        raise KgError(f"no node is named {name!r} in {graph_path}", "try a full name, an alias, or an IRI")
    rows = [r for n in nodes for r in evidence_rows(g, n)]
    if fmt == "json":
        click.echo(json.dumps([r.__dict__ for r in rows], indent=2, ensure_ascii=False))
        return
    for n in nodes:
        click.echo(f"# {n}")
    for r in rows:
        res = f" (date resolved by {r.resolution})" if r.resolution else ""
        click.echo(f"{r.subject} {r.predicate} {r.object}")
        click.echo(f"    {r.article}[{r.start}:{r.end}] {r.exact!r}  rule {r.rule}{res}")
        if r.sentence and r.sentence != r.exact:
            click.echo(f"    in: {r.sentence}")


@main.command()
@graph_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--check", is_flag=True, help="Exit 1 when there is any conflict.")
@clean_errors
def conflicts(graph_path, fmt, check):
    """List where the sources disagree, each value with its article and sentence.

    Runs schema/queries/conflicts.rq over the graph.
    """
    from graph.explain import conflicts as run
    from graph.validate import load_graph

    rows = run(load_graph(graph_path))
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        current = None
        for r in rows:
            if r["event"] != current:
                current = r["event"]
                click.echo(f"{r['label']}  <{r['event']}>")
            click.echo(f"    {r['value']:<12} {r['article']}  {r['exact']!r}  rule {r['rule']}")
            if r["sentence"]:
                click.echo(f"        {r['sentence']}")
        events = len({r['event'] for r in rows})
        click.echo(f"{events} conflicting fact(s)" if events else "no conflicts")
    if check and rows:
        sys.exit(1)


@main.command()
@click.option("--coverage", is_flag=True, help="Hits per rule, rules that never fired, and sentences no rule used.")
@click.option("--seeds", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True)
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=None)
@clean_errors
def rules(coverage, seeds, rules_dir):
    """Check the rule files; with --coverage, show what they find in --seeds.

    Without --coverage it only loads and validates every rule file (exit 2 on the
    first error, naming file, line and rule id).
    """
    from graph.coverage import coverage_report
    from graph.rules import load_rules

    ruleset = load_rules(rules_dir)
    if not coverage:
        kinds = {}
        for r in ruleset.all():
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        click.echo("rules ok: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
        return
    click.echo(coverage_report(seeds, ruleset))


if __name__ == "__main__":
    main()
