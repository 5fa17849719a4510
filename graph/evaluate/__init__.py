"""`kg eval`: score a built graph against hand-written gold annotations, article by article.

    golds = load_gold_dir(Path("tests/corpus"), seeds=Path("seeds"))
    report = evaluate(graph, golds, load_articles(golds))
    print(format_text(report)); below(report, 0.8)
"""

from graph.errors import GoldError
from graph.evaluate.gold import Gold, load_articles, load_gold_dir, load_gold_file
from graph.evaluate.report import below, format_json, format_text
from graph.evaluate.score import CATEGORIES, Report, Score, evaluate

__all__ = [
    "CATEGORIES", "Gold", "GoldError", "Report", "Score", "below", "evaluate", "format_json", "format_text",
    "load_articles", "load_gold_dir", "load_gold_file",
]
