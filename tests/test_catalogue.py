"""The closed sets of graph/rules/catalogue.py are the one source: the code that applies them and the
rule loader agree with them, so a member cannot be accepted by one and ignored by the other."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

from graph.match import dates
from graph.rules.catalogue import CODE_RULES, DATE_RESOLVERS, DATE_VALUES, EVENT_ROLES, REFERS
from graph.rules.ruleset import load_rules
from graph.errors import RuleError


def test_every_date_value_has_a_resolver_method_and_no_method_is_unlisted():
    handled = set(dates._HANDLERS) | {"named-day"}  # named-day is read as the month-day it names
    assert handled == set(DATE_VALUES)
    for method in dates._HANDLERS.values():
        assert callable(getattr(dates.DateResolver, method))


def test_every_resolver_the_code_names_is_in_the_catalogue_and_back():
    source = inspect.getsource(dates)
    named = set(re.findall(r'"(\w+(?:-\w+)+)"\)', source)) - set(DATE_VALUES)
    assert named == set(DATE_RESOLVERS)


@pytest.mark.parametrize("rule", sorted(CODE_RULES))
def test_each_rule_in_code_is_applied_in_the_module_the_graph_names(rule):
    code = CODE_RULES[rule]
    module = importlib.import_module(code.module)
    assert rule in inspect.getsource(module), f"{rule} is not in {code.defined_in}"


def test_years_later_is_refused_since_nothing_resolves_it(rules_copy):
    # it was once accepted by the loader and resolved by nobody: a rule that silently never dated anything
    path = rules_copy / "dates.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: weeks-after", "value: years-later", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="value must be one of .*got 'years-later'"):
        load_rules(rules_copy)


def test_event_roles_and_references_are_what_the_loader_accepts(rules_copy):
    path = rules_copy / "events.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("key: attendee", "key: guest", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="key must be one of " + ", ".join(sorted(EVENT_ROLES))):
        load_rules(rules_copy)
    assert "none" in REFERS and "protagonist" in REFERS
