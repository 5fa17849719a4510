"""Compiled patterns kept on disk: a later process builds them without parsing, and a damaged or
foreign store only costs time, never a wrong match."""

from __future__ import annotations

import hashlib
import marshal
import zlib

import pytest
import regex

from graph.rules import compiled as store_module

NAME = r"(?P<person>\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) (?:said|told)"
TEXT = "On Monday Dana Reyes said the council would meet; Tom Bray told reporters nothing."


def _fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_RULES_CACHE", str(tmp_path / "cache"))
    store = store_module._Store()
    monkeypatch.setattr(store_module, "_STORE", store)
    return store


def _matches(pattern):
    return [(m.span(), m.group("person")) for m in pattern.finditer(TEXT)]


def test_a_saved_pattern_is_built_by_the_engine_without_parsing(tmp_path, monkeypatch):
    first = _fresh(tmp_path, monkeypatch)
    expected = _matches(first.pattern(NAME))
    first.save()
    assert [p.name for p in (tmp_path / "cache").glob("patterns-*.bin")] != []
    second = _fresh(tmp_path, monkeypatch)
    monkeypatch.setattr(regex, "compile", lambda *a, **k: pytest.fail("the pattern was parsed again"))
    rebuilt = second.pattern(NAME)
    assert _matches(rebuilt) == expected == [((10, 25), "Dana Reyes"), ((50, 63), "Tom Bray")]
    assert rebuilt.groupindex == {"person": 1}


def _damage(path, change):
    data = bytearray(path.read_bytes())
    change(data)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["flipped byte", "truncated", "not a store", "entry of another source"])
def test_a_damaged_store_costs_a_compile_and_never_a_wrong_match(tmp_path, monkeypatch, how):
    first = _fresh(tmp_path, monkeypatch)
    expected = _matches(first.pattern(NAME))
    first.save()
    (path,) = (tmp_path / "cache").glob("patterns-*.bin")
    if how == "flipped byte":
        _damage(path, lambda d: d.__setitem__(len(d) // 2, d[len(d) // 2] ^ 0x20))
    elif how == "truncated":
        _damage(path, lambda d: d.__delitem__(slice(len(d) // 2, None)))
    elif how == "not a store":
        path.write_text("{}", encoding="utf-8")
    else:  # a checksum-valid store whose entry for this source was made from another pattern
        other = store_module._Store()
        monkeypatch.setattr(store_module, "_STORE", other)
        other.pattern(r"(?P<person>Tom) Bray")
        packed = other.entries[hashlib.sha256(rb"(?P<person>Tom) Bray").hexdigest()]
        body = marshal.dumps({hashlib.sha256(NAME.encode()).hexdigest(): packed})
        path.write_bytes(store_module._MAGIC + hashlib.sha256(body).hexdigest().encode() + body)
    second = _fresh(tmp_path, monkeypatch)
    assert _matches(second.pattern(NAME)) == expected
    second.save()  # the store is written afresh, whole
    assert _matches(_fresh(tmp_path, monkeypatch).pattern(NAME)) == expected


def test_an_entry_with_engine_arguments_of_the_wrong_type_is_compiled_afresh(tmp_path, monkeypatch):
    store = _fresh(tmp_path, monkeypatch)
    store.pattern(NAME)
    key = hashlib.sha256(NAME.encode()).hexdigest()
    args = marshal.loads(zlib.decompress(store.entries[key]))
    store.entries[key] = zlib.compress(marshal.dumps((args[0], args[1], [str(op) for op in args[2]], *args[3:])))
    assert store_module._build(store.entries[key], NAME) is None
    assert _matches(store.pattern(NAME)) == [((10, 25), "Dana Reyes"), ((50, 63), "Tom Bray")]


def test_with_the_rules_cache_off_patterns_compile_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_RULES_CACHE", "")
    store = store_module._Store()
    assert _matches(store.pattern(NAME))[0][1] == "Dana Reyes"
    store.save()
    assert list(tmp_path.iterdir()) == []


def test_a_bad_pattern_is_the_engine_s_error(tmp_path, monkeypatch):
    with pytest.raises(regex.error):
        _fresh(tmp_path, monkeypatch).pattern(r"(?P<person>unclosed")


def test_a_store_others_may_write_is_not_read(tmp_path, monkeypatch):
    first = _fresh(tmp_path, monkeypatch)
    first.pattern(NAME)
    first.save()
    (path,) = (tmp_path / "cache").glob("patterns-*.bin")
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o666)
    assert store_module._read(path) == {}
    assert _matches(_fresh(tmp_path, monkeypatch).pattern(NAME))[0][1] == "Dana Reyes"
