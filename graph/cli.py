"""The command line: `kg COMMAND`. Library errors become one `Error: ...` line and an exit code.

Exit codes: 0 success; 1 a negative answer (graph does not conform, ASK is false,
conflicts found with --check); 2 bad input (article, rule, query, option);
3 an output could not be written.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from graph.errors import KgError
from graph.rdf.formats import EXPORT_FORMATS, GRAPH_FORMATS, QUERY_FORMATS, SELECT_FORMATS

DEFAULT_GRAPH = Path("output/graph.ttl")
graph_option = click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
                            show_default=True, help="The built graph (Turtle) to read.")


verbose_option = click.option("-v", "--verbose", is_flag=True,
                              help="Say on stderr whether the build's store answered (store: fresh) or graph.ttl was read.")


def open_graph(graph_path: Path, verbose: bool = False):
    """The graph as a Store: the build's on-disk store when fresh; else, with one line on stderr
    saying why (missing, stale, damaged), graph.ttl loaded. Either way the same answers."""
    from graph.sparql.store import Store

    return Store.open(graph_path, notice=_store_notice(verbose))


def _store_notice(verbose: bool):
    def tell(line: str) -> None:
        if verbose or not line.startswith("fresh"):
            click.echo(f"store: {line}", err=True)

    return tell


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
@click.option("--jobs", type=int, default=None,
              help="Processes for extraction, or Dask workers for a LocalCluster (default: all cores for large corpora).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this machine, or a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address (tcp://HOST:PORT); default: a LocalCluster.")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
              help="Folder keeping each article's extraction between builds (default: .kg-cache beside --out).")
@click.option("--no-cache", is_flag=True, help="Extract every article afresh and keep nothing.")
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
@clean_errors
def build(seeds, out, rules_dir, strict, jobs, engine, scheduler, cache_dir, no_cache, quiet):
    """Build the graph from a folder of articles.

    Reads every .txt file of --seeds, applies the rules, and writes graph.ttl and
    graph.html to --out (each atomically: a failed build leaves the old ones).
    Bad articles are skipped with a one-line reason unless --strict. Extraction of
    an unchanged article is reused from the cache; the output is the same as a
    clean build's.

    \b
    Examples:
      kg build --seeds seeds --out output
      kg build --seeds corpus --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from graph.build import build as run_build
    from graph.load import discover

    paths, _ = discover(seeds)
    bar = None
    if len(paths) >= 100 and not quiet:
        bar = click.progressbar(length=len(paths), label="extracting", file=sys.stderr)
        bar.__enter__()
    progress = (lambda done, total: bar.update(1)) if bar is not None else None

    try:
        from graph.runtime.cache import default_cache_dir

        cache = None if no_cache else (cache_dir or default_cache_dir(out))
        report = run_build(seeds, out, rules_dir=rules_dir, strict=strict, jobs=jobs, progress=progress,
                           engine=engine, scheduler=scheduler, cache_dir=cache)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for path, why in report.skipped:
        click.echo(f"skipped: {why}" if why.startswith(path) else f"skipped: {path}: {why}", err=True)
    for why in report.cache.rejected if report.cache else ():
        click.echo(f"cache: {why}", err=True)
    if report.store is not None and report.store.notice:
        click.echo(f"store: {report.store.notice}", err=True)
    if not quiet:
        click.echo(report.summary())


@main.command(name="eval")
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path), required=True,
              help="Folder of NAME.gold.yaml files (searched recursively), each beside its NAME.txt or under --seeds.")
@click.option("--seeds", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True,
              help="Folder where articles without a NAME.txt beside their gold file are found (as kg build).")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=None,
              help="Score this built graph instead of building the gold files' articles afresh.")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=None,
              help="Folder of rule files to build with (default: the shipped rules).")
@click.option("--split", type=click.Choice(["all", "tune", "holdout"]), default="all", show_default=True,
              help="Only the articles held out in the gold folder's splits.yaml, or only the others.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None,
              help="Exit 1 when a category's overall F1 falls below this floor.")
@clean_errors
def eval_(gold_dir, seeds, graph_path, rules_dir, split, fmt, min_f1):
    """Score the rules against hand-annotated articles: precision, recall and F1 per category.

    Builds every article a gold file annotates (together, in a temporary folder;
    never into output/) and compares the graph with the gold: people, one node
    per person, family ties, quotations with the right speaker, dated events,
    organisations and places; per article and overall, then each missing,
    spurious or wrong fact with its sentence and the rule that made it, and a
    table of each rule's precision. The gold format is in tests/corpus/README.md.

    \b
    Examples:
      kg eval --gold tests/corpus --seeds seeds
      kg eval --gold tests/corpus --split holdout --format json
      kg eval --gold tests/corpus --seeds seeds --min-f1 0.8   # exit 1 under the floor
    """
    from graph.evaluate import below, format_json, format_text
    from graph.evaluate.run import run_eval

    report, built = run_eval(gold_dir, seeds, graph_path, rules_dir, split)
    if fmt == "json":
        click.echo(format_json(report))
    else:
        if built is not None and built.rules is not None:
            from graph.build import shown_path

            click.echo(f"built {built.articles} articles with the rules in {shown_path(built.rules.source_dir)}\n")
        click.echo(format_text(report))
    if min_f1 is not None:
        low = below(report, min_f1)
        if low:
            click.echo(f"under the floor of F1 {min_f1}: {', '.join(low)}", err=True)
            sys.exit(1)


@main.command()
@graph_option
@click.option("--shapes", type=click.Path(path_type=Path), default=None, help="SHACL shapes (default: schema/shapes.ttl).")
@clean_errors
def validate(graph_path, shapes):
    """Check the graph against the SHACL shapes: exit 0 conforms, 1 does not, 2 error.

    \b
    Examples:
      kg validate
      kg validate --graph out/graph.ttl --shapes my-shapes.ttl
    """
    from graph.analyse.validate import validate as run

    result = run(graph_path, shapes, notice=_store_notice(False))
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
@verbose_option
@clean_errors
def explain(name, graph_path, fmt, verbose):
    """Every fact about NAME (a name, alias or IRI) with article, offsets, sentence and rule.

    \b
    Example:
      kg explain "Pepper"
    """
    from graph.analyse.explain import evidence_rows_in, find_nodes_in
    from graph.analyse.network import find_in_index

    store = open_graph(graph_path, verbose)
    nodes = find_in_index(store, name) or find_nodes_in(store, name)
    if not nodes:
        raise KgError(f"no node is named {name!r} in {graph_path}", "try a full name, an alias, or an IRI")
    rows = [r for n in nodes for r in evidence_rows_in(store, n)]
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
@click.option("--top", type=int, default=10, show_default=True, help="How many of the most connected people to list.")
@verbose_option
@clean_errors
def stats(graph_path, fmt, top, verbose):
    """Counts by type, the most connected people, connected components, articles per person.

    Links are relations between story nodes, articles left out (an article links
    to everything it prints). A person's articles are those stating any fact about them.

    \b
    Example:
      kg stats --format json
    """
    from graph.analyse.network import format_stats, stats_in

    result = stats_in(open_graph(graph_path, verbose), top=top)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if fmt == "json" else format_stats(result))


@main.command()
@click.argument("a")
@click.argument("b")
@graph_option
@click.option("--max", "limit", type=int, default=5, show_default=True, help="Most chains to show.")
@click.option("--via-articles", is_flag=True, help="Let a chain pass through an article (it links to all it prints).")
@verbose_option
@clean_errors
def path(a, b, graph_path, limit, via_articles, verbose):
    """The shortest chains of facts linking two names, each fact with its evidence.

    A and B are names, aliases or IRIs (any case). Each step shows the fact, the
    article it comes from and the exact words quoted. Exit 1 when nothing links
    them, 2 when a name is unknown (with the names that come close).

    \b
    Examples:
      kg path "Kris Jenner" Jack
      kg path Chrissy Pepper --max 1
    """
    from graph.analyse.network import Story, chains, format_chains, resolve_name

    story = Story.for_reading(open_graph(graph_path, verbose), whole=False)
    start, end = resolve_name(story, a), resolve_name(story, b)
    found = chains(story, start, end, limit=limit, with_articles=via_articles)
    click.echo(format_chains(story, start, end, found))
    if not found:
        sys.exit(1)


@main.command()
@click.argument("name")
@graph_option
@click.option("--depth", type=click.IntRange(1, 3), default=1, show_default=True, help="Links away from NAME to show.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="HTML file to write (default: view-NAME.html beside --graph).")
@click.option("--open/--no-open", "open_browser", default=True, help="Open the page in the web browser.")
@clean_errors
def view(name, graph_path, depth, output, open_browser):
    """Write an HTML view of NAME's neighbourhood only, and open it.

    The same page as graph.html (offline, self-contained) holding the nodes at
    most --depth links from NAME, opened with NAME selected and its depth control
    at --depth. `kg serve` answers the same page at /view/NAME?depth=N.

    \b
    Examples:
      kg view Jack --depth 2
      kg view "Chrissy Teigen" -o chrissy.html --no-open
    """
    import webbrowser

    from graph.analyse.network import Story, focused_html, resolve_name
    from graph.rdf.vocab import slug
    from graph.write import write_atomic

    story = Story.for_reading(open_graph(graph_path))
    node = resolve_name(story, name)
    output = output or graph_path.parent / f"view-{slug(story.label(node))}.html"
    write_atomic(output, focused_html(story, node, depth))
    click.echo(f"wrote {output}")
    if open_browser:
        webbrowser.open(output.resolve().as_uri())


@main.command()
@graph_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--check", is_flag=True, help="Exit 1 when there is any conflict.")
@verbose_option
@clean_errors
def conflicts(graph_path, fmt, check, verbose):
    """List where the sources disagree, each value with its article and sentence.

    Runs the shipped query conflicts.rq over the graph.

    \b
    Examples:
      kg conflicts
      kg conflicts --check --format json   # exit 1 when the sources disagree anywhere
    """
    from graph.analyse.explain import conflicts_in

    rows = conflicts_in(open_graph(graph_path, verbose))
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
@click.option("--format", "fmt", default=None, metavar="NAME",
              help=f"{', '.join(list(EXPORT_FORMATS)[:-1])} or {list(EXPORT_FORMATS)[-1]} "
                   "(default: from -o's suffix, else turtle).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="File to write, atomically (default: standard output).")
@graph_option
@click.option("--article", default=None, metavar="ID", help="Only what this article says (its schema:identifier).")
@clean_errors
def export(fmt, output, graph_path, article):
    """Write the graph as Turtle, N-Triples, JSON-LD, TriG, N-Quads, GraphML or GEXF.

    The format is --format, else the suffix of -o (.ttl .nt .jsonld .trig .nq
    .graphml .gexf). Every export is sorted: the same graph gives the same bytes.
    TriG and N-Quads hold one named graph per article (the article's IRI) with its
    provenance records and the facts only it tells; the rest is the default graph.
    GraphML and GEXF hold the story (people, events, quotations, articles,
    organisations, works, places) as a property graph for Gephi.

    \b
    Examples:
      kg export -o graph.trig
      kg export --format nt > graph.nt
      kg export -o story.graphml --article 000_9d37828a95a29d67
    """
    from graph.rdf.export import choose_format
    from graph.rdf.export import export as run_export
    from graph.analyse.validate import load_graph
    from graph.write import write_atomic

    chosen = choose_format(fmt, output)  # before reading the graph: a bad name fails at once
    result = run_export(load_graph(graph_path), chosen, article)
    if output is None:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
        return
    write_atomic(output, result.data)
    click.echo(f"wrote {output} ({chosen.name}: {result.summary})")


@main.command()
@click.option("--coverage", is_flag=True, help="Hits per rule, rules that never fired, and sentences no rule used.")
@click.option("--seeds", type=click.Path(path_type=Path), default=Path("seeds"), show_default=True)
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), default=None)
@clean_errors
def rules(coverage, seeds, rules_dir):
    """Check the rule files; with --coverage, show what they find in --seeds.

    Without --coverage it only loads and validates every rule file (exit 2 on the
    first error, naming file, line and rule id) and says which folder it read.

    \b
    Examples:
      kg rules                                 # the shipped rules
      kg rules --rules my-rules --coverage --seeds articles
    """
    from graph.rules.coverage import coverage_report
    from graph.rules.ruleset import load_rules

    ruleset = load_rules(rules_dir)
    if not coverage:
        kinds = {}
        for r in ruleset.all():
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        where = f"{ruleset.source_dir}" + (" (shipped)" if ruleset.shipped else "")
        click.echo(f"rules ok in {where}: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
        return
    click.echo(coverage_report(seeds, ruleset))


@main.command()
@graph_option
@click.option("--endpoint", required=True,
              help="The store's Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store).")
@click.option("--graph-iri", "--into", "graph_iri", default="https://w3id.org/kg-news/id/graph/story", show_default=True,
              help="Named graph to load into (replaced, not added to).")
@click.option("--per-article", is_flag=True, help="Each article's provenance and the facts only it tells in a named graph of its own (as the TriG export).")
@click.option("--user", default=None, help="User for HTTP authentication (Basic or Digest).")
@click.option("--password", default=None, envvar="KG_PUSH_PASSWORD", help="Password (or set KG_PUSH_PASSWORD).")
@click.option("--batch", type=int, default=50_000, show_default=True, help="Triples per request.")
@click.option("--query-url", default=None,
              help="The store's SPARQL query endpoint (Oxigraph: http://HOST:PORT/query): counts the pushed "
                   "graphs, finds stale article graphs. Without it, each graph is read back with a GET.")
@click.option("--update-url", default=None,
              help="The store's SPARQL Update endpoint (Oxigraph: http://HOST:PORT/update): load into temporary "
                   "graphs, then switch them in with one atomic MOVE.")
@click.option("--retry-seconds", default=60.0, show_default=True, type=click.FloatRange(0),
              help="How long to retry one request through transient failures (doubling pause up to 16 s).")
@clean_errors
def push(graph_path, endpoint, graph_iri, per_article, user, password, batch, query_url, update_url, retry_seconds):
    """Load the built graph into a SPARQL 1.1 store over the Graph Store HTTP Protocol.

    Sends N-Triples in batches (the first a PUT, the rest POSTs), retrying
    transient errors for up to --retry-seconds, then counts what the store holds
    and reports it. With --update-url the graphs go into temporary graphs first
    and are switched in by one SPARQL Update (atomic). --per-article (which needs
    --query-url) also removes the graphs of articles no longer in the corpus.
    Exit 3 when the store cannot be reached, refuses the data, or holds other
    counts than were sent.

    \b
    Example:
      oxigraph serve --location /tmp/store --bind 127.0.0.1:7878 &
      kg push --endpoint http://127.0.0.1:7878/store --query-url http://127.0.0.1:7878/query \\
              --update-url http://127.0.0.1:7878/update
    """
    from graph.sparql.push import push as run_push

    if per_article and not query_url:
        raise KgError("--per-article needs --query-url: the graphs of articles no longer in the corpus are "
                      "found by a query (the Graph Store Protocol cannot list graphs)",
                      "pass the store's SPARQL query endpoint, e.g. --query-url http://127.0.0.1:7878/query")
    report = run_push(graph_path, endpoint, graph_iri=graph_iri, per_article=per_article, user=user,
                      password=password, batch=batch, query_url=query_url, update_url=update_url,
                      retry_seconds=retry_seconds, must_verify=True)
    click.echo(report.summary())


@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), default=None, help="Read the query from FILE.")
@graph_option
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True,
              help=f"SELECT/ASK: {', '.join(SELECT_FORMATS)} (W3C results formats). "
                   f"CONSTRUCT/DESCRIBE: turtle (also for table), {', '.join(GRAPH_FORMATS[1:])}.")
@click.option("--bind", "binds", multiple=True, metavar='NAME=VALUE',
              help="Bind a variable to one RDF term, never pasted into the query: name=Luna, "
                   "'name=\"Luna\"@en', 'person=<IRI>', n=3. Repeatable.")
@click.option("--endpoint", default=None, help="Query this SPARQL 1.1 endpoint instead of the built graph.")
@click.option("--user", default=None, help="User for --endpoint (HTTP basic auth).")
@click.option("--password", default=None, help="Password for --endpoint.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated queries fetch remote URLs).")
@click.option("--limit", type=click.IntRange(0), default=None, help="Print at most N rows: one page (the query must have no LIMIT of its own).")
@click.option("--offset", type=click.IntRange(0), default=None, help="Skip the first M rows: with --limit, the page after them.")
@verbose_option
@clean_errors
def query(query, query_file, graph_path, fmt, binds, endpoint, user, password, allow_service, limit, offset, verbose):
    """Run a SPARQL query over the graph (or --endpoint) and print the answer.

    QUERY is the query text or a .rq file (the shipped ones are in schema/queries/).
    SELECT prints a table (or --format); CONSTRUCT/DESCRIBE print Turtle. ASK prints
    true/false and exits 0/1. A syntax error shows the line and a caret (exit 2).
    Updates are refused (the graph is read-only); so is SERVICE without --allow-service.
    --limit/--offset print one page, added to the query as its own LIMIT/OFFSET
    (and as LIMIT offset+limit after a `# kg:page-limit` comment, where a listing
    picks its page: README, Querying).
    The graph is read from the build's query store beside it (.store/) when that is
    fresh, else from graph.ttl, with one line on stderr saying why.

    \b
    Examples:
      kg query schema/queries/family-tree.rq --bind name="Luna"
      kg query schema/queries/provenance.rq --bind 'property=<https://schema.org/parent>'
      kg query 'SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }' --format csv
      kg query -f my.rq --graph other/graph.ttl --format json
      kg query people.rq --limit 20 --offset 40     # the third page of 20 rows
    """
    from graph.sparql.store import check_query, open_store, page, parse_binding, read_query, serialize

    text = read_query(query, query_file)
    if limit is not None or offset is not None:
        check_query(text, allow_service or bool(endpoint))  # refusals first, as for any query: then the paging
        text = page(text, limit, offset)
    bindings = dict(parse_binding(b) for b in binds)
    store = open_store(graph_path, endpoint, user, password, notice=_store_notice(verbose))
    result = store.query(text, bindings, allow_service=allow_service)
    if result.kind == "graph" and fmt == "table":
        fmt = "turtle"
    data = serialize(result, fmt)
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:  # `kg query ... | head`: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if result.kind == "ask" and not result.boolean:
        sys.exit(1)


@main.command()
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, type=int, help="Port to listen on (0: any free port).")
@click.option("--timeout", default=10.0, show_default=True, type=float,
              help="Seconds of CPU time a query may use; a query asleep that long on the clock is stopped too.")
@click.option("--max-rows", default=100_000, show_default=True, type=int, help="Largest result a query may return.")
@click.option("--max-bytes", default=50_000_000, show_default=True, type=click.IntRange(1),
              help="Largest answer in bytes; a larger one is refused whole (400), never sent in part.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated queries fetch remote URLs).")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="Query processes, each holding the graph (default: 4).")
@click.option("--spares", default=1, show_default=True, type=click.IntRange(0, 8),
              help="Loaded query processes kept waiting to replace one ended over --timeout at once.")
@click.option("--queue", "queue_size", default=32, show_default=True, type=click.IntRange(0, 10_000),
              help="Queries that may wait for a busy query process; one more gets 503 at once.")
@click.option("--read-timeout", default=30.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a client may take to send its whole request; then its connection is closed.")
@verbose_option
@clean_errors
def serve(graph_path, host, port, timeout, max_rows, max_bytes, allow_service, workers, spares, queue_size,
          read_timeout, verbose):
    """Serve the graph: a read-only SPARQL 1.1 Protocol endpoint at /sparql.

    Also / (the HTML view, graph.html next to the graph) and /graph.ttl.
    GET and POST (form or application/sparql-query), content negotiation, CORS.
    Updates get 403 and SERVICE 403 (unless --allow-service); a query over
    --timeout gets 503, one over --max-rows or --max-bytes 400, one nested over
    100 deep 400 (before parsing), a body over 1 MB 413. A query that finds
    every process busy waits its turn; one over --queue waiting, or waiting
    60 s, gets 503 with Retry-After. A client that has not sent its whole
    request within --read-timeout (one trickling it a byte at a time) is cut off.
    Prints one line once it answers; Ctrl-C or SIGTERM stops it. The query processes
    open the build's query store beside the graph (.store/) when it is fresh.

    \b
    Example:
      kg serve --port 7878 &
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql
    """
    import signal

    from graph.sparql.persist import open_fresh, store_dir
    from graph.sparql.serve import WORKERS, make_server

    if graph_path.is_file():  # each query process opens the store itself: say here which it will read
        fresh, why = open_fresh(graph_path)
        del fresh
        _store_notice(verbose)(f"{why} ({store_dir(graph_path)})" if why == "fresh"
                               else f"{why}; reading {graph_path} instead (kg build writes a fresh store)")
    server = make_server(graph_path, host, port, timeout=timeout, max_rows=max_rows, allow_service=allow_service,
                         workers=workers or WORKERS, max_bytes=max_bytes, spares=spares, queue_size=queue_size,
                         read_seconds=read_timeout)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a service manager's stop: end the query processes too
    click.echo(f"serving {graph_path} at http://{server.server_address[0]}:{server.server_address[1]}/sparql (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        # a second Ctrl-C or SIGTERM while the query processes are stopped must not cut the stop short
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        server.server_close()
    # Every query process is ended and the socket closed: leave now, not through the interpreter's
    # shutdown, which would wait on request threads still blocked on a client and on the
    # multiprocessing exit hook (a stop that hung or ended in status 1 under load).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
