"""Match the rules against one article: a pure function of its text and the rules.

`extract(article, rules)` returns an `Extraction` of frozen records (mentions,
family relations, events with dates, quotations with speakers) and nothing else:
no shared state, no I/O, so a process pool or a Dask cluster runs it unchanged.

Steps, one module each, in the order they run:
  context        -> paragraphs, quotations and sentences (text.py); where and how every rule runs
  names          -> person/organisation/work/place mentions (gazetteer + name rules)
  date_mentions  -> date expressions, resolved against the article's date or anchors (dates.py)
  relations      -> family ties
  events         -> events with participants, places and dates
  quotes         -> quotations with their speakers
  coverage       -> sentences that gave no fact, for the curator
Relations, events and quotes name people through `references`: the role rules resolve
pronouns and descriptions ("she", "the model", "Legend's wife") to people.
"""

from __future__ import annotations

from graph.load import Article
from graph.match.context import Context
from graph.match.coverage import uncovered
from graph.match.date_mentions import find_dates
from graph.match.events import find_events
from graph.match.names import find_names
from graph.match.quotes import find_quotes
from graph.match.relations import find_relations
from graph.records import Extraction
from graph.rules.ruleset import RuleSet


def extract(article: Article, rules: RuleSet) -> Extraction:
    """Every record the rules find in one article."""
    ctx = Context.of(article, rules.active(article.body))  # a story's pack runs on its articles only
    names = find_names(ctx)
    dates = find_dates(ctx)
    relations = find_relations(ctx, names)
    events = find_events(ctx, names, dates)
    quotes = find_quotes(ctx, names, events, relations)
    ctx.unmatched.extend(uncovered(ctx, relations, events, quotes))
    return Extraction(
        article=article.meta,
        mentions=tuple(sorted(set(names.mentions) | set(names.credits))),
        relations=tuple(relations),
        events=tuple(events),
        quotes=tuple(quotes),
        hits=tuple(sorted(ctx.hits.items())),
        unmatched=tuple(ctx.unmatched),
        sentences=tuple(sorted(ctx.sentences)),
    )
