"""The extraction cache: a rebuild of unchanged articles does not run the extractor, gives the
same bytes, and any change to what an extraction depends on misses the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiongraph import Paths, build
from regiongraph.extract import cache

FILES = ("graph.nq", "graph.trig", "graph.ttl", "graph.jsonld")


def extracted_items(monkeypatch) -> list:
    """Record what the extractor is asked to do from now on (and do it)."""
    asked: list = []
    real = cache.extract_files

    def recording(items, *args, **kwargs):
        asked.extend(item[0] for item in items)
        return real(items, *args, **kwargs)

    monkeypatch.setattr(cache, "extract_files", recording)
    return asked


def test_a_rebuild_reads_the_cache_and_gives_the_same_bytes(project, monkeypatch):
    out = project / "out"
    build(Paths.at(project, out))
    first = {name: (out / name).read_bytes() for name in FILES}
    assert len(list((out / ".cache" / "extract").glob("*.pickle"))) == 2
    asked = extracted_items(monkeypatch)
    build(Paths.at(project, out))
    assert asked == []
    assert {name: (out / name).read_bytes() for name in FILES} == first


def test_a_cached_rebuild_lemmatises_names_from_the_cache_without_pymorphy2(project,
                                                                             monkeypatch):
    from regiongraph.extract import mentions

    out = project / "out"
    build(Paths.at(project, out))
    first = {name: (out / name).read_bytes() for name in FILES}
    assert len(list((out / ".cache" / "extract").glob("*.lemmas"))) == 1
    saved = dict(mentions.LEMMAS)
    mentions.LEMMAS.clear()  # as in a new process

    def no_analyser():
        raise AssertionError("pymorphy2 was loaded")

    monkeypatch.setattr(mentions, "analyser", no_analyser)
    try:
        build(Paths.at(project, out))
        assert {name: (out / name).read_bytes() for name in FILES} == first
        for entry in (out / ".cache" / "extract").glob("*.lemmas"):
            entry.write_bytes(b"not a pickle")
        mentions.LEMMAS.clear()
        with pytest.raises(AssertionError, match="pymorphy2 was loaded"):
            build(Paths.at(project, out))
    finally:
        mentions.LEMMAS.update(saved)


def test_a_damaged_cache_file_is_computed_again_not_a_failed_build(project):
    from regiongraph.extract import mentions

    out = project / "out"
    build(Paths.at(project, out))
    folder = out / ".cache" / "extract"
    for entry in [*folder.glob("*.lemmas"), *folder.glob("*.pickle")]:
        data = bytearray(entry.read_bytes())
        cyrillic = data.find("а".encode())  # a flipped byte inside a Russian word
        data[cyrillic] ^= 0x40
        entry.write_bytes(bytes(data))
    saved = dict(mentions.LEMMAS)
    mentions.LEMMAS.clear()
    try:
        build(Paths.at(project, out))  # no UnicodeDecodeError from the damaged files
    finally:
        mentions.LEMMAS.update(saved)
    assert cache.recall_lemmas(folder) > 0  # written again, whole


def test_lemmas_of_another_version_are_never_read_and_go_when_new_ones_are_written(
        tmp_path, monkeypatch):
    from regiongraph.extract import mentions

    cache.store([(cache.lemma_file(tmp_path), {"кузбасса": "кузбасс"})])
    assert cache.recall_lemmas(tmp_path) == 1
    old = cache.lemma_file(tmp_path)
    monkeypatch.setattr(cache, "EXTRACTOR_VERSION", "another")
    assert cache.lemma_file(tmp_path) != old
    assert cache.recall_lemmas(tmp_path) == 0
    monkeypatch.setitem(mentions.LEMMAS, "белаза", "белаз")
    cache.store(cache.new_lemmas(tmp_path, 0))
    assert sorted(tmp_path.glob("*.lemmas")) == [cache.lemma_file(tmp_path)]
    # a file of anything but words and their lemmas is not taken
    cache.store([(cache.lemma_file(tmp_path), {"слово": 5})])
    assert cache.recall_lemmas(tmp_path) == 0


def test_the_lemma_file_is_written_again_when_a_build_meets_new_words(tmp_path, monkeypatch):
    from regiongraph.extract import mentions

    cache.store([(cache.lemma_file(tmp_path), {"кузбасса": "кузбасс"})])
    stored = cache.recall_lemmas(tmp_path)
    monkeypatch.setitem(mentions.LEMMAS, "новоевыдуманноеслово", "новоевыдуманноеслово")
    cache.store(cache.new_lemmas(tmp_path, stored))
    assert "новоевыдуманноеслово" in cache.unpickled(cache.lemma_file(tmp_path))


def test_a_changed_article_or_registry_is_extracted_again(project, monkeypatch):
    out = project / "out"
    build(Paths.at(project, out))
    asked = extracted_items(monkeypatch)
    meta = project / "data" / "articles" / "000_7bb269fab435b68d.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("date: 2025-06", "date: 2025-07"),
                    encoding="utf-8")
    build(Paths.at(project, out))
    assert asked == ["000_7bb269fab435b68d"]
    people = project / "data" / "entities" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n- id: new-person\n  class: Person\n"
                      "  label: {ru: Иван Новиков, en: Ivan Novikov}\n", encoding="utf-8")
    build(Paths.at(project, out))
    assert asked == ["000_7bb269fab435b68d", "000_7bb269fab435b68d", "003_5f773bcd8c98d1a8"]


def test_an_unreadable_entry_is_extracted_again(project, monkeypatch):
    out = project / "out"
    build(Paths.at(project, out))
    for entry in (out / ".cache" / "extract").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    asked = extracted_items(monkeypatch)
    build(Paths.at(project, out))
    assert sorted(asked) == ["000_7bb269fab435b68d", "003_5f773bcd8c98d1a8"]


def test_the_cache_is_not_an_output(built: Path):
    assert (built / ".cache" / "extract").is_dir()
    assert not any(p.suffix == ".pickle" for p in built.iterdir())


def test_a_failed_build_writes_no_cache_entry(project):
    from regiongraph.errors import ValidationError

    out = project / "out"
    shapes = project / "ontology" / "shapes.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8") + """
<urn:x:AlwaysFails> a <http://www.w3.org/ns/shacl#NodeShape> ;
    <http://www.w3.org/ns/shacl#targetClass> <https://w3id.org/regiongraph/ontology#Person> ;
    <http://www.w3.org/ns/shacl#property> [
        <http://www.w3.org/ns/shacl#path> <http://www.w3.org/2000/01/rdf-schema#label> ;
        <http://www.w3.org/ns/shacl#maxCount> 0 ] .
""", encoding="utf-8")
    with pytest.raises(ValidationError):
        build(Paths.at(project, out))
    assert not out.exists()
