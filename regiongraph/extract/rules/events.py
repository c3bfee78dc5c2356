"""Events: meetings (who met whom), visits (who went where) and statements (who said
what).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..mentions import Mention
from ..nlp import Token, every_reading
from .base import (
    LOC,
    ORG,
    PERSON,
    Arg,
    Found,
    Scope,
    clause_verb,
    distinct,
    genitives_of,
    named_elsewhere,
    nearest_before,
    place_of,
    subjects,
    widest,
    with_preposition,
)
from .occupation import is_plural, is_post


def meeting(scope: Scope) -> Iterator[Found]:
    """A meeting, talks or a call: who met whom («X встретился с Y», «X и Y провели
    переговоры», «встреча X с Y», «переговоры между X и Y», «переговоры с участием X и Y»,
    «X принял Y», «в ходе встречи с Y X заявил»), not a match or a show («встреча» of teams,
    «на одной сцене»). The hosts are the subject, the genitive, the sides «между» and those «с
    участием»; the guests the «с» phrase, who do not meet each other when no host is found
    (`meeting_host`). Each guest of a plural «встречи» meets the host apart; the guests of a
    noun with no singular («переговоры») meet together. A call («телефонный разговор») stays
    below the threshold (`REMOTE_MEETING`), as does a meeting of fewer than two people
    (`NO_PEOPLE_MEETING`). A fact whose participants another fact of the sentence includes
    is dropped: it would only split the scorer's credit for that meeting."""
    lex = scope.lex
    if any(t.lemma in lex.meeting_contest for t in scope.tokens):
        return
    found: list[Found] = []
    earlier: list[Mention] = []
    for token in scope.tokens:
        parties = meeting_parties(scope, token)
        if parties is None:
            continue
        hosts, guests = parties
        guest = event_actors(scope, guests)
        host, confidence = meeting_host(scope, hosts, guest, earlier)
        guest = [m for m in guest if all(m.entity != h.entity for h in host)]
        if not host:  # the guests of an unnamed host do not meet each other
            continue
        earlier = host
        groups = [host + guest]
        if len(host) == 1 and len(guest) > 1 and token.feats.get("Number") == "Plur" and \
                not plural_only(token):
            groups = [[*host, m] for m in guest]
        groups = [people_first(group) for group in groups if len(group) >= 2]
        if not groups:  # before the date parser, which is not cheap
            continue
        if is_remote(scope, token.index):
            confidence = REMOTE_MEETING
        extras = [a for a in (place_of(scope, token.index), scope.when_of(token.index))
                  if a is not None] or visit_frame(scope)
        modality = event_modality(scope, token.index)
        found += [Found("meeting", [scope.arg("participant", m) for m in group] + extras,
                        confidence if people else min(confidence, NO_PEOPLE_MEETING),
                        "meeting", scope.number, modality) for group, people in groups]
    yield from widest(found)


def meeting_host(scope: Scope, words: list[int], guest: list[Mention],
                 earlier: list[Mention]) -> tuple[list[Mention], float]:
    """The hosts of a meeting and the confidence they give it, or no host. With no host word
    but «он», a post in the singular whose holder the sentence does not name («украинский
    лидер заявил после встречи с X») or a thing the parser took for the subject («какие
    вопросы хочет обсудить с X»), the host is the one of an earlier meeting word of the
    sentence («переговоры X с Y, а потом беседа с Z»), else the article's protagonist.

    Confidences are the precision measured on the factRuEval devset and validation documents
    (the scorer's credit over the facts with people): 0.97 (18.4 of 19) with the host named
    at the meeting word; 0.81 (6.5 of 8) with the host found elsewhere, the misses being a
    president the benchmark does not mark as meeting his deputy and a daughter the parser
    made the subject of the wrong verb."""
    host = event_actors(scope, words)
    if host:
        return host, 0.97
    if not guest or not all(is_unnamed_host(scope, scope.tokens[w]) for w in words):
        return [], 0.0
    for candidate in (earlier, [scope.protagonist] if scope.protagonist else []):
        if candidate and all(m.entity != h.entity for m in guest for h in candidate):
            return candidate, 0.81
    return [], 0.0


def is_unnamed_host(scope: Scope, token: Token) -> bool:
    """Whether a host word names no one the sentence says: «он», a post in the singular with
    no holder named, a thing (no host at all, the parser's error)."""
    return token.lemma in scope.lex.personal_pronouns or token.feats.get("Animacy") == "Inan" \
        or (is_post(scope, token) and not is_plural(token))


def plural_only(token: Token) -> bool:
    """Whether a noun has no singular («переговоры»): its plural names one meeting, not one
    with each guest."""
    return every_reading(token.lemma, "Pltm")


def is_remote(scope: Scope, index: int) -> bool:
    """Whether a meeting word is a call: «телефонный разговор», «поговорить по телефону»."""
    return any(scope.tokens[k].lemma in scope.lex.meeting_remote
               for k in scope.children(index, "amod", "nmod", "obl"))


#: The confidence of a call («телефонные переговоры»): the benchmark marks meetings in person;
#: of the six calls with people the rule finds on the factRuEval devset and validation
#: documents, one earns half a meeting's credit.
REMOTE_MEETING = 0.08
#: The confidence of a meeting of fewer than two people: countries or companies «ведут
#: переговоры» far more often in news than their people are said to meet; none of the nine
#: such facts on the factRuEval devset and validation documents was a meeting the benchmark
#: marks. Kept at 0.3, not 0: below the threshold either way, and talks between countries are
#: real events the graph may want with `--min-confidence`.
NO_PEOPLE_MEETING = 0.3


def people_first(group: list[Mention]) -> tuple[list[Mention], bool]:
    """A meeting's participants, and whether people met: with two or more people, only the
    people (a country beside them is whom they speak for: «встретился с Марко Росси и
    делегацией Грузии»); otherwise all of them."""
    people = [m for m in group if m.type == PERSON]
    return (people, True) if len(people) >= 2 else (group, False)


def meeting_parties(scope: Scope, token: Token) -> tuple[list[int], list[int]] | None:
    """The words naming the hosts and the guests of a meeting word, or None if the word does
    not name a meeting here."""
    lex = scope.lex
    if token.lemma in lex.meeting_reception and token.pos == "VERB":
        return reception(scope, token)
    if token.lemma not in lex.meeting:
        return None
    if token.pos == "VERB":
        hosts = clause_subjects(scope, token.index) or nearest_before(scope, token.index)
        return hosts, with_preposition(scope, token.index, *lex.with_prepositions)
    if token.pos not in ("NOUN", "PROPN"):
        return None
    # the genitives, the sides «между X и Y» and those «с участием X»
    hosts = genitives_of(scope, token.index)
    hosts += with_preposition(scope, token.index, *lex.between_prepositions)
    hosts += [g for k in scope.children(token.index, "nmod")
              if scope.tokens[k].lemma in lex.meeting_participation
              for g in genitives_of(scope, k)]
    guests = [k for k in scope.children(token.index, "nmod", "obl")
              if scope.case_of(k) in lex.with_prepositions
              and scope.tokens[k].lemma not in lex.meeting_participation]
    verb, rel = clause_verb(scope, token.index)
    if verb is None:
        return hosts, guests
    if rel.startswith("nsubj") or scope.tokens[verb].lemma in lex.meeting_light:
        # «встреча с Y состоялась у X», «встречи запланированы с Y», «X провёл с Y встречу»
        guests += with_preposition(scope, verb, *lex.with_prepositions)
        hosts += with_preposition(scope, verb, *lex.meeting_host_prepositions)
    # «X провёл встречу с Y»; as an adverbial only with a counterpart or with several
    # subjects: «на встрече с Y X заявил», «по итогам переговоров X и Y подписали», not «X
    # выступил на саммите».
    if rel.startswith("nsubj") or scope.actors(hosts):
        return hosts, guests
    subject = clause_subjects(scope, verb) or detached_subject(scope, guests)
    if guests or rel == "obj" or any(len(scope.actors([k])) > 1 for k in subject):
        hosts += subject
    return hosts, guests


def clause_subjects(scope: Scope, verb: int) -> list[int]:
    """The subject of a verb; for a verb of purpose with none, the subject of the verb it
    depends on («X вылетел в Рим, чтобы провести встречу с Y»)."""
    kids = subjects(scope, verb)
    head = scope.tokens[verb].head
    if not kids and scope.tokens[verb].rel == "advcl" and head >= 0:
        return subjects(scope, head)
    return kids


def detached_subject(scope: Scope, guests: list[int]) -> list[int]:
    """A name in the nominative that the parser hung on a guest as its apposition, when the
    clause has no subject: «в ходе встречи с Иваном Петровым Сергей Смирнов заявил»."""
    tokens = scope.tokens
    return [k for g in guests if tokens[g].feats.get("Case") != "Nom"
            for k in scope.children(g, "appos") if tokens[k].feats.get("Case") == "Nom"]


def reception(scope: Scope, token: Token) -> tuple[list[int], list[int]] | None:
    """«X принял Y»: the subject receives the object, when it is a person or a delegation
    and no «в члены», «на работу» makes it an admission; not in the passive."""
    lex = scope.lex
    if token.feats.get("Voice") == "Pass" or any(
            scope.tokens[k].lemma in lex.meeting_admission
            for k in scope.children(token.index, "obl")):
        return None
    guests = [k for k in bare_objects(scope, token.index)
              if (scope.tokens[k].lemma in lex.meeting_delegates
              or any(m.type == PERSON for m in scope.actors([k])))]
    return (subjects(scope, token.index), guests) if guests else None


def bare_objects(scope: Scope, verb: int) -> list[int]:
    """The nouns with no preposition a verb governs as objects, with those the parser took
    for an adverbial after a place («принял в Риме президента») or hung on that place as an
    accusative, which no noun governs («принимает в Белом доме своего коллегу»)."""
    tokens = scope.tokens
    out = [k for k in scope.children(verb, "obj", "obl") if not scope.case_of(k)]
    for place in scope.children(verb, "obl"):
        out += [k for k in genitives_of(scope, place)
                if tokens[k].feats.get("Case") == "Acc" and k > place]
    return out


def event_actors(scope: Scope, indices: list[int]) -> list[Mention]:
    """The actors of an event's words (a meeting's, a visit's, an agreement's); a delegation
    or a body (`deal_bodies`) stands for the party named in its genitive («с делегацией
    Грузии», «правительство Грузии»: Грузия), or by a
    place adjective, as a side does («молдавская делегация», «молдавская сторона»:
    Молдова); a name the tagger missed here stands for the person of that name the article
    mentions elsewhere («Петров прибыл в Рим и встретился с …», with «Иван Петров» named
    before)."""
    lex = scope.lex
    words: list[int] = []
    found: list[Mention] = []
    for index in indices:
        for conj in scope.conjuncts(index):
            lemma = scope.tokens[conj].lemma
            if (lemma in lex.meeting_delegates or lemma in lex.deal_bodies) and \
                    scope.actor(conj) is None:
                genitives = genitives_of(scope, conj)
                words += genitives
                found += scope.actors(genitives)  # «с делегацией Грузии и Армении»
                if not genitives:
                    found += adjective_places(scope, conj)
            elif lemma in lex.adjective_parties and scope.actor(conj) is None:
                found += adjective_places(scope, conj)
            else:
                words.append(conj)
                found += scope.named(conj)
    for word in words:
        known = named_elsewhere(scope, word) if scope.actor(word) is None else None
        if known is not None and known.type == PERSON:
            found.append(known)
    return distinct(found)


def adjective_places(scope: Scope, index: int) -> list[Mention]:
    """The places the adjectives on a noun name («молдавская и российская стороны»), each
    standing at its adjective."""
    found = []
    for kid in scope.children(index, "amod"):
        for adjective in scope.conjuncts(kid):
            place = scope.adjective_place(adjective)
            if place is not None:
                found.append(scope.mention_at(place, adjective))
    return found


def event_modality(scope: Scope, index: int, own: bool = True) -> str:
    """Whether an event (a meeting, a visit, an agreement, a trade flow, an investment)
    happened: «не встречался», «отказался от встречи» (negated); «может встретиться», «готовы
    поставлять», «заинтересован в поставках» (possible); «планирует встретиться»,
    «встретится», «предстоящая встреча», «планирует закупить» (future); the lexicon's
    `event_negated`, `event_possible` and `event_future` words. Reads the event's word, its
    modifiers and the words it is an argument of; of an adverbial's head only the head word
    counts («на встрече … не сказал»), and not when the meeting is where it happened («не
    смогли договориться на переговорах»), unless that head is an adjective of a state.
    Without `own`, the event's word is not read itself: «договорились» is an agreement
    reached, though it makes a meeting it names one to come."""
    tokens, lex = scope.tokens, scope.lex
    words: set[str] = set()
    future = False
    current, hops = index, 0
    while current >= 0 and hops < 3:
        token = tokens[current]
        if own or current != index:
            words.add(token.lemma)
        for kid in scope.children(current, "advmod", "aux", "aux:pass", "amod", "det"):
            words.add(tokens[kid].lemma)
            future |= tokens[kid].lemma == "быть" and tokens[kid].feats.get("Tense") != "Past"
        future |= token.pos == "VERB" and token.feats.get("Tense") == "Fut"
        head = tokens[token.head] if token.head >= 0 else None
        if head is None or not (token.rel in ("xcomp", "obj") or (
                token.rel.startswith("nsubj") and head.lemma in lex.meeting_light) or (
                token.rel == "nmod" and head.lemma in lex.meeting_frames)):
            if head is not None and token.rel in ("obl", "nmod", "nsubj", "nsubj:pass") and \
                    (token.feats.get("Case") != "Loc" or head.pos == "ADJ") and \
                    not in_frame(scope, current):  # «договорились о встрече», «заинтересован
                words.add(head.lemma)  # в поставках», not «на встрече сказал», «в ходе»
            break
        current, hops = token.head, hops + 1
    if words & lex.event_negated:
        return "negated"
    if words & lex.event_possible:
        return "possible"
    return "future" if future or words & lex.event_future else "actual"


def visit_frame(scope: Scope) -> list[Arg]:
    """Where and when a meeting was when its sentence says neither but sets it in a visit an
    earlier sentence told («Делегация посетила Тулу 15 апреля. В рамках визита губернатор
    провел переговоры с …»: Тула, 15 April): the last visit's place and date, if the visit
    word of this sentence names no visitor or place of its own."""
    if scope.visit is None:
        return []
    for token in scope.tokens:
        framed = in_frame(scope, token.index) or (  # «в ходе визита», «в рамках визита»
            token.rel == "nmod" and token.head >= 0 and
            scope.tokens[token.head].lemma in scope.lex.meeting_frames)
        if token.lemma in scope.lex.visit and token.pos == "NOUN" and framed and \
                not scope.actors(
                    [*genitives_of(scope, token.index),
                     *with_preposition(scope, token.index, *scope.lex.place_prepositions)]):
            return [replace(a) for a in scope.visit.args
                    if a.role in ("where", "when")]
    return []


def in_frame(scope: Scope, index: int) -> bool:
    """Whether an event's word is the frame of what its head says («в ходе визита
    договорился», «по итогам встречи»: a preposition fixed with a `meeting_frames` noun): the
    head tells what happened during the event, not whether it did."""
    return any(scope.tokens[fixed].lemma in scope.lex.meeting_frames
               for case in scope.children(index, "case")
               for fixed in scope.children(case, "fixed"))


def visit(scope: Scope) -> Iterator[Found]:
    """A visit: who went where («визит делегации в Грузию», «посетил Тбилиси», «посещение
    завода»); a delegation is the party it comes from («делегация Грузии посетила»). With no
    visitor in the sentence the visitor is the person last seen as a subject («посещение ОАО
    «Альфа» стало первым этапом визита»). A visit to come says so («посетит Тулу»: future),
    as a meeting does (`event_modality`)."""
    lex = scope.lex
    for token in scope.tokens:
        if token.lemma not in lex.visit:
            continue
        who: list[int] = []
        where: list[int] = []
        if token.pos == "VERB":
            who = subjects(scope, token.index)
            where = with_preposition(scope, token.index, *lex.place_prepositions)
            if token.lemma in lex.visit_objects:
                where += scope.children(token.index, "obj")
        else:
            genitive = genitives_of(scope, token.index)
            where = with_preposition(scope, token.index, *lex.place_prepositions)
            if token.lemma in lex.visit_objects:  # «посещение X»: X is visited
                where += genitive
            else:  # «визит X»: X visits
                who = genitive
            if token.head >= 0 and not who:
                who = subjects(scope, token.head)
        visitors = event_actors(scope, who)  # «делегация Твери посетила»: Тверь
        places = [m for m in scope.actors(where) if m.type in (LOC, ORG)]
        confidence = 0.75
        if not visitors and places and scope.protagonist is not None:
            visitors, confidence = [scope.protagonist], 0.65
        if not visitors or not places:
            continue
        args = [scope.arg("who", m) for m in visitors] + [scope.arg("where", places[0])]
        args += scope.dated(token.index)
        yield Found("visit", args, confidence, "visit", scope.number,
                    event_modality(scope, token.index))


#: How a participle hangs on the noun it describes («подписанное соглашение»).
PARTICIPLES = ("acl", "acl:relcl", "amod")
#: The confidence of an agreement: not measured on a benchmark (factRuEval has no
#: agreements), the figure of the other unmeasured rules.
AGREEMENT_CONFIDENCE = 0.6


def agreement(scope: Scope) -> Iterator[Found]:
    """An agreement between parties: a verb of agreeing («X и Y договорились о встрече», «X
    договорился с Y расширить поставки») or an agreement's noun signed or reached («X и Y
    подписали соглашение о сотрудничестве», «X заключил договор с Y», «между X и Y достигнута
    договорённость»). The parties are the subject (a delegation for its party; «стороны», the
    sides of the last meeting, visit or agreement of an earlier sentence), the «с» and
    «между» phrases, two or more; the topic an organisation's name in its «о»
    phrase («соглашение о строительстве завода «Альфа»»; a place there is where, not what:
    «о прекращении огня на Украине»). An agreement to buy, invest or lend is a deal (`deal`),
    not one of these. Planned or denied agreements say so (`event_modality`)."""
    lex, tokens = scope.lex, scope.tokens
    for token in tokens:
        if token.lemma in lex.agreement_verbs and token.pos == "VERB":
            noun, verb = None, token.index
        elif token.lemma in lex.agreement_nouns and token.pos == "NOUN":
            # signed: the verb it is an argument of, or a participle on it («договор,
            # заключённый между X и Y», «подписанное соглашение»)
            made = [k for k in (token.head, *scope.children(token.index, *PARTICIPLES))
                    if k >= 0 and tokens[k].lemma in lex.agreement_light]
            if not made:
                continue
            noun, verb = token.index, made[0]
        else:
            continue
        word = verb if noun is None else noun
        about = with_preposition(scope, word, *lex.topic_prepositions)
        if any(lex.deal_type(tokens[k].lemma) for k in about):
            continue  # «соглашение о покупке»: a deal
        words = [k for k in subjects(scope, verb) if k != noun] if \
            tokens[verb].pos == "VERB" else genitives_of(scope, verb)
        for head in dict.fromkeys((verb, word)):
            words += with_preposition(scope, head, *lex.with_prepositions,
                                      *lex.between_prepositions)
        parties = [m for m in event_actors(scope, words) if m.type in (PERSON, ORG, LOC)]
        if not parties and any(tokens[k].lemma in lex.party_nouns and
                               tokens[k].feats.get("Number") == "Plur" for k in words):
            parties = scope.parties  # «стороны»: the sides of the event before (`sides`)
        if len(parties) < 2:
            continue
        args = [scope.arg("participant", m) for m in parties]
        topic = next((scope.arg("topic", m) for k in about for m in scope.actors([k], depth=2)
                      if m.type == ORG and all(m.entity != p.entity for p in parties)), None)
        args += [a for a in (topic, scope.when_of(word)) if a is not None]
        # a passive's noun is its subject, a participle describes it: the verb says whether
        # it happened («не заключён»)
        modal = verb if noun is not None and (tokens[noun].rel.startswith("nsubj") or
                                              tokens[verb].head == noun) else word
        yield Found("agreement", args, AGREEMENT_CONFIDENCE, "agreement", scope.number,
                    event_modality(scope, modal, own=noun is not None))


def statement(scope: Scope) -> Iterator[Found]:
    """Who said what: a verb of saying and its subject; the quote is the sentence, from where
    its quotation opened when that was in an earlier sentence («Молдова — наш партнер. Мы
    видим потенциал», — отметил X: both sentences)."""
    for token in scope.tokens:
        if token.lemma not in scope.lex.statement or token.pos != "VERB":
            continue
        speakers = scope.actors(subjects(scope, token.index))
        if not speakers:
            continue
        text = scope.sentence
        start = quotation_start(scope)
        args = [scope.arg("speaker", speakers[0]),
                Arg("quote", text.text, text.start if start is None else start, text.stop)]
        yield Found("statement", args, 0.7, "statement", scope.number)
        return


#: How far back a quotation closed in a sentence may have opened: sentences.
QUOTATION_SENTENCES = 8
#: Quotation marks that pair: the opening one of each closing one.
QUOTATION_PAIRS = {"»": "«", "”": "“"}


def quotation_start(scope: Scope) -> int | None:
    """Where the quotation opened that this sentence closes without opening it (its mark's
    offset), in an earlier sentence of the article; None when the sentence closes none."""
    need: list[str] = []
    opened: list[str] = []
    for char in scope.sentence.text:
        if char in QUOTATION_PAIRS.values():
            opened.append(char)
        elif char in QUOTATION_PAIRS:
            if opened and opened[-1] == QUOTATION_PAIRS[char]:
                opened.pop()
            elif not opened:
                need.append(QUOTATION_PAIRS[char])
    if not need:
        return None
    first = max(0, scope.number - QUOTATION_SENTENCES)
    for sentence in reversed(scope.context.sentences[first:scope.number]):
        for offset in range(len(sentence.text) - 1, -1, -1):
            char = sentence.text[offset]
            if char in QUOTATION_PAIRS:
                need.append(QUOTATION_PAIRS[char])
            elif char in QUOTATION_PAIRS.values() and need and need[-1] == char:
                need.pop()
                if not need:
                    return sentence.start + offset
    return None
