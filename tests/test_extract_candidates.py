"""New entities the extractor makes (`Candidates`): one entity per id, ids that stay apart."""

from __future__ import annotations

from regiongraph.extract.mentions import MAX_ID, Candidates, candidate_id

LONG = "Ассоциация производителей сельскохозяйственной техники и оборудования Зеленоградской "


def test_a_name_in_other_letters_joins_the_candidate_its_id_names() -> None:
    """«Лента.ру» and «Lenta.ru» have different keys but one id: one entity, not two entities
    under the same IRI (the later one used to replace the first in the id index only)."""
    candidates = Candidates()
    first = candidates.named("org", "Organisation", "Lenta.ru")
    second = candidates.named("org", "Organisation", "Лента.ру")
    assert second is first
    assert candidates.by_id == {"x-org-lenta-ru": first}
    assert [(e.id, e.labels) for e in candidates.entities()] == [
        ("x-org-lenta-ru", (("en", "Lenta.ru"), ("ru", "Lenta.ru")))]


def test_different_names_stay_different_candidates() -> None:
    candidates = Candidates()
    candidates.named("org", "Organisation", "Альфа")
    candidates.named("org", "Organisation", "Бета")
    assert sorted(candidates.by_id) == ["x-org-alfa", "x-org-beta"]
    assert len(candidates.entities()) == 2


def test_long_ids_are_cut_with_a_digest_so_long_names_stay_apart() -> None:
    """Two long names that share their first 80 letters used to be cut to one id."""
    region = candidate_id("org", LONG + "области")
    district = candidate_id("org", LONG + "района")
    assert region == ("x-org-assotsiatsiya-proizvoditeley-selskokhozyaystvennoy-tekhniki-i-obo"
                      "-27790848")
    assert district == ("x-org-assotsiatsiya-proizvoditeley-selskokhozyaystvennoy-tekhniki-i-obo"
                        "-3233a308")
    assert len(region) == len(district) == MAX_ID
    candidates = Candidates()
    candidates.named("org", "Organisation", LONG + "области")
    candidates.named("org", "Organisation", LONG + "района")
    assert len(candidates.entities()) == 2


def test_a_short_id_is_the_transliterated_name() -> None:
    assert candidate_id("per", "Иван Петров") == "x-per-ivan-petrov"
