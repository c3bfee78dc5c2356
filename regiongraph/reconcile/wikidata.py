"""Proposals from the Wikidata API, through a client that caches every answer on disk.

Inputs: the Subjects that lack a Wikidata link and are of a class the ontology aligns with
Wikidata classes (rg:wikidataClass, which gives the allowed P31 values), and the API at an
http(s) URL. Outputs: Wikidata items as Proposals, kept only when an instance (P31) of an
allowed class and, where we know it, in our country (P17); the client counts the requests sent
and the answers read from the cache. The only module here that touches the network: a failure
is a NetworkError, and a second run with the same data sends nothing.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from .. import __version__
from ..errors import RegiongraphError, UsageError
from ..outputs import write_atomically
from .names import UNKNOWN_COUNTRY, Candidate, Match, choose, norm, our_names
from .offline import Subject
from .review import Proposal

DEFAULT_API = "https://www.wikidata.org/w/api.php"
TIMEOUT = 20.0
USER_AGENT = (f"regiongraph/{__version__} (https://w3id.org/regiongraph/; link proposals "
              "for human review) Python-urllib")

class NetworkError(RegiongraphError):
    """The Wikidata API could not be reached or answered with an error: exit code 1, and no
    review file is written (responses received so far stay in the cache)."""


class WikidataClient:
    """GET requests to the Wikidata API, each answer cached as one JSON file named by the hash
    of its URL: a second run with the same data sends nothing."""

    def __init__(self, api: str, cache_dir: Path, timeout: float = TIMEOUT) -> None:
        if urllib.parse.urlsplit(api).scheme not in ("http", "https"):
            raise UsageError(f"--api '{api}' is not an http(s) URL")
        self.api, self.cache_dir, self.timeout = api, cache_dir, timeout
        self.requests = self.cached = 0

    def get(self, params: list[tuple[str, str]]) -> dict:
        url = f"{self.api}?{urllib.parse.urlencode(params)}"
        path = self.cache_dir / f"{hashlib.sha256(url.encode()).hexdigest()}.json"
        if path.exists():
            try:
                answer = json.loads(path.read_text(encoding="utf-8"))["response"]
            except (ValueError, KeyError, TypeError):
                answer = None  # a damaged cache file: ask again and overwrite it
            if answer is not None:
                self.cached += 1
                return answer
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                       "Accept": "application/json"})
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                body = answer.read()
        except urllib.error.HTTPError as exc:
            raise NetworkError(f"the Wikidata API at {self.api} answered HTTP {exc.code} "
                               f"{exc.reason}; try again later or check --api") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            raise NetworkError(f"cannot reach the Wikidata API at {self.api} ({reason}); check "
                               "the network or --api, or run without --online") from None
        try:
            data = json.loads(body)
        except ValueError:
            raise NetworkError(f"the Wikidata API at {self.api} did not answer JSON; "
                               "check --api") from None
        if isinstance(data, dict) and "error" in data:
            error = data["error"]
            raise NetworkError(f"the Wikidata API at {self.api} answered error "
                               f"'{error.get('code')}': {error.get('info')}")
        text = json.dumps({"url": url, "response": data}, ensure_ascii=False, sort_keys=True,
                          indent=1)
        write_atomically(self.cache_dir, {path.name: text.encode("utf-8")})
        return data

    def search(self, text: str, language: str) -> list[dict]:
        return self.get([("action", "wbsearchentities"), ("search", text),
                         ("language", language), ("uselang", language), ("type", "item"),
                         ("format", "json"), ("limit", "10")]).get("search", [])

    def entities(self, ids: Iterable[str]) -> dict[str, dict]:
        result: dict[str, dict] = {}
        ordered = sorted(set(ids), key=lambda q: int(q[1:]))
        for start in range(0, len(ordered), 50):
            answer = self.get([("action", "wbgetentities"), ("ids", "|".join(ordered[start:
                               start + 50])), ("props", "claims|labels"),
                               ("languages", "ru|en"), ("format", "json")])
            result.update(answer.get("entities", {}))
        return result


def _claims(item: dict, prop: str) -> set[str]:
    values = set()
    for claim in item.get("claims", {}).get(prop, []):
        snak = claim.get("mainsnak", {})
        if claim.get("rank") != "deprecated" and snak.get("snaktype") == "value":
            values.add(snak["datavalue"]["value"]["id"])
    return values


def propose_wikidata(subjects_: list[Subject], client: WikidataClient) -> list[Proposal]:
    """Wikidata items found by searching our Russian and English labels, kept only if an
    instance (P31) of a class allowed for ours and, where we know it, in our country (P17)."""
    wanted = [s for s in subjects_ if "wikidata" in s.missing and s.wikidata_types]
    searches: dict[str, list[tuple[int, dict, str, str]]] = {}
    for subject in wanted:
        hits = []
        for language in ("ru", "en"):
            label = subject.entity.label(language)
            for rank, hit in enumerate(client.search(label, language)):
                hits.append((rank + (0 if language == "ru" else 100), hit, language, label))
        searches[subject.entity.id] = hits
    items = client.entities({hit["id"] for hits in searches.values() for _, hit, _, _ in hits})
    result = []
    for subject in wanted:
        allowed = subject.wikidata_types or set()
        found: dict[str, Candidate] = {}
        for rank, hit, language, label in searches[subject.entity.id]:
            qid, item = hit["id"], items.get(hit["id"], {})
            types = _claims(item, "P31")
            if "missing" in item or not types & allowed:
                continue
            labels = {lang: v["value"] for lang, v in item.get("labels", {}).items()}
            cand = found.setdefault(qid, Candidate(
                qid, f"{qid} «{labels.get('en') or labels.get('ru', '')}», instance of "
                f"{', '.join(sorted(types & allowed))}", order=(rank,)))
            for how, name in our_names(subject.entity):
                theirs = labels.get("en" if how == "en-label" else "ru")
                if theirs and norm(theirs) == norm(name):
                    cand.matches.append(Match(how, name, f"{'en' if how == 'en-label' else 'ru'}"
                                              f" label «{theirs}»"))
            match = hit.get("match", {})
            if match.get("type") == "alias" and norm(match.get("text", "")) == norm(label):
                cand.matches.append(Match("wd-alias", label, f"{language} alias", language))
        kept = []
        for cand in found.values():
            if not cand.matches:
                continue
            if subject.is_a("Country") or subject.is_a("Person"):
                kept.append(cand)
                continue
            countries = _claims(items[cand.id], "P17")
            if subject.country_qid and countries and subject.country_qid not in countries:
                continue
            if subject.country_qid and countries:
                cand.notes.append(f"P17 {subject.country_qid} as our country")
            else:
                cand.penalty += UNKNOWN_COUNTRY
                cand.notes.append("country not confirmed")
            kept.append(cand)
        chosen = choose(kept)
        if chosen:
            best, score, evidence = chosen
            result.append(Proposal(subject.entity.id, "wikidata", best.id,
                                   f"the Wikidata API {client.api}", evidence, score))
    return result
