"""The errors the package raises; the CLI turns each into one line and an exit code.

Exit codes (documented in the README):
  0  success (a graph conforms, an ASK is true)
  1  a negative answer (does not conform, ASK false, conflicts found with --check)
  2  bad input: an article, a rule file, a query, an option
  3  an output could not be written
"""


def _rebuild(cls, args, state):
    err = Exception.__new__(cls)
    Exception.__init__(err, *args)
    err.__dict__.update(state)
    return err


class KgError(Exception):
    """Base class: a message meant for a person, and the exit code to use."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} (hint: {self.hint})"

    def __reduce__(self):
        # pickled whole, hint and fields included: a process pool or a Dask worker sends
        # errors back this way, and subclasses take other arguments than (message,)
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class ArticleError(KgError):
    """An article cannot be read: names the file and, where known, the line."""


class ArticleTooSlow(ArticleError):
    """A rule ran out of its matching time on one article: that article is skipped (or, with
    --strict, the build stops), and every other article is built."""


class RuleError(KgError):
    """A rule file is invalid: names the file, the line and the rule id."""

    def __init__(self, path, line, rule_id, message, hint=None):
        where = f"{path}:{line}" if line else str(path)
        rid = f" rule {rule_id!r}:" if rule_id else ""
        super().__init__(f"{where}:{rid} {message}", hint)
        self.path, self.line, self.rule_id = path, line, rule_id


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be run."""


class RefusedQuery(QueryError):
    """A request the store will not run however well formed: an update, or SERVICE when not allowed."""


class PushError(KgError):
    """The store refused the data or could not be reached."""

    exit_code = 3


class OutputError(KgError):
    """An output cannot be written where asked."""

    exit_code = 3


class EngineError(KgError):
    """An extraction engine cannot run: Dask missing, or its scheduler unreachable."""


class GoldError(KgError):
    """A gold annotation file is invalid: one line naming the file, the line and what was expected."""

    def __init__(self, path, line, message, hint=None):
        where = f"{path}:{line}" if line else str(path)
        # one line whatever the YAML or the value carried
        super().__init__(" ".join(f"{where}: {message}".split()), hint)
        self.path, self.line = path, line


class CorruptEntry(ValueError):
    """A build-cache entry that is not what the cache wrote for this article (never shown as an
    error: the article is extracted afresh and the build says so in one line)."""
