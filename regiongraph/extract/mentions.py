"""Mentions of people, organisations and places, and their resolution to entities.

A mention starts as a Natasha NER span. Resolution, in order (each step is named in the
mention's `how`, so a wrong link can be traced):
1. `registry`: its lemmatised form is a lemmatised alias of a registry entity
   («в Томской области» → the entity whose alias is «Томская область»), also under another
   reading of its words («в «Альфе»» → «Альфа», not «Альф»); the registry's class wins over
   the NER's type, which corrects a region tagged as a person;
2. `surname`: a one-word person mention takes the full name met in the same article
   («Петров» after «Иван Петров»);
3. `candidate`: otherwise a new candidate entity, shared by all mentions of the same lemmatised
   name across the run, never a copy of a registry entity. An organisation or place inflected
   takes the name the article writes in the nominative, if one of its readings is that name's
   («Альфа» … «в «Альфе»»: one entity, not a second «Альф»).
NER spans made only of title words («Чрезвычайный»), or of a title word and lower-case words
(«Совладелец компаний «»), are dropped unless the registry knows them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from ..model import Entity
from .lexicon import lexicon
from .nlp import (
    CLOSING_QUOTES,
    NerSpan,
    Sentence,
    Token,
    analyser,
    first_reading_has,
    quote_openers,
)
from .text import cyrillic_twins

NER_CLASSES = {"PER": "Person", "ORG": "Organisation", "LOC": "Territory"}
LEGAL_FORMS = frozenset({"оао", "ооо", "пао", "зао", "ао", "нао", "ип", "гуп", "фгуп", "муп",
                         "оджсц", "jsc", "llc", "ltd", "inc"})
WORD = re.compile(r"[\w-]+")
LATIN_WORD = re.compile(r"[A-Za-z]+")
#: Dictionary tags of a proper noun: a place, a first name, a surname, a patronymic, an
#: organisation, an abbreviation, a trademark.
PROPER_TAGS = ("Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Trad")


@dataclass
class Mention:
    """A name in the text: its span, type, nominative form and the entity it resolves to."""

    type: str  # PER | ORG | LOC
    start: int
    stop: int
    text: str
    normal: str
    sentence: int
    tokens: list[int]  # token indices in the sentence
    entity: str = ""
    cls: str = ""
    how: str = ""
    name: str = ""  # the fullest name of the entity met in the article

    @property
    def head(self) -> int:
        return self.tokens[0]


#: The lemmas of the words met so far. A build fills it from its cache before it starts
#: (`cache.recall_lemmas`), so that a rebuild whose extractions are all cached lemmatises the
#: registry's aliases without loading pymorphy2 (0.2 to 0.3 s, a tenth of such a rebuild).
LEMMAS: dict[str, str] = {}


def word_lemma(word: str) -> str:
    """A context-free lemma: the same on registry aliases and on mentions, so that both sides
    of the match agree."""
    lemma = LEMMAS.get(word)
    if lemma is None:
        parses = analyser().parse(word)
        lemma = (parses[0].normal_form if parses else word.lower()).replace("ё", "е")
        LEMMAS[word] = lemma
    return lemma


def key_of(text: str, drop_legal: bool = False) -> str:
    """The lemmatised key of a name: lower case, ё as е, quotes and punctuation dropped."""
    return " ".join(word_lemma(w) for w in name_words(text, drop_legal))


def name_words(text: str, drop_legal: bool = False) -> list[str]:
    """The words of a name that its key is made of, in lower case, with Latin look-alike
    letters made Cyrillic in a word that has Cyrillic ones («АКМ-BP» is «АКМ-ВР»: the text's
    mending leaves the Latin part of a hyphenated word, which may be a name of its own)."""
    words = [cyrillic_twins(w).lower() for w in WORD.findall(text) if w != "-"]
    if drop_legal:
        words = [w for w in words if w not in LEGAL_FORMS] or words
    return words


@cache
def readings(word: str) -> tuple[str, ...]:
    """Every lemma a word can have, the context-free one (`word_lemma`) first: an unknown
    word inflected is often two words' form («Альфе»: «Альф» or «Альфа»)."""
    lemmas = [word_lemma(word)]
    for parse in analyser().parse(word):
        lemma = parse.normal_form.replace("ё", "е")
        if lemma not in lemmas:
            lemmas.append(lemma)
    return tuple(lemmas)


#: The most readings of a name tried: the readings of its words multiply.
MAX_READINGS = 16


def reading_keys(text: str, drop_legal: bool = False) -> list[str]:
    """The keys of a name under every reading of its words (`readings`), `key_of`'s first, at
    most `MAX_READINGS` of them."""
    keys = [""]
    for word in name_words(text, drop_legal):
        keys = [f"{key} {lemma}".lstrip() for key in keys for lemma in readings(word)]
        keys = keys[:MAX_READINGS]
    return keys


@dataclass
class Registry:
    """Lemmatised aliases of the registry's entities, for resolution."""

    entities: dict[str, Entity] = field(default_factory=dict)
    index: dict[str, str] = field(default_factory=dict)
    #: The keys of names written with a capital, proper names: what is looked for in the
    #: text beyond the NER's spans («тверскую делегацию», a group of one article, is not).
    proper: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, entities: dict[str, Entity]) -> Registry:
        registry = cls(dict(entities))
        for entity in sorted(entities.values(), key=lambda e: e.id):
            for name in entity_names(entity):
                for key in {key_of(name), key_of(name, drop_legal=True)}:
                    if key:
                        registry.index.setdefault(key, entity.id)
                        if is_proper(name):
                            registry.proper.add(key)
        return registry

    @cached_property
    def areas(self) -> dict[str, str]:
        """The registry's areas of cooperation (class CooperationArea) by their names' keys:
        words, not names, so the NER never tags them («в сферах образования, культуры»)."""
        return {key: entity for key, entity in self.index.items()
                if self.entities[entity].cls == "CooperationArea"}

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every proper name's key: where a name the NER missed may
        start."""
        return frozenset(key.split()[0] for key in self.proper)

    @cached_property
    def names(self) -> dict[str, tuple[str, ...]]:
        """Every entity's labels and aliases by its id: the names an article may not use
        («Молдавия» where it writes «Молдова»), which words derived from a name match."""
        return {entity.id: tuple(dict.fromkeys(entity_names(entity)))
                for entity in self.entities.values()}

    def find(self, text: str) -> str | None:
        """The entity a name is an alias of: by its key, else by the key of another reading of
        its words («в «Альфе»» for the alias «Альфа», whose key the first reading misses)."""
        found = self.index.get(key_of(text)) or self.index.get(key_of(text, drop_legal=True))
        if found is None and self.index:
            found = next((self.index[k] for legal in (False, True)
                          for k in reading_keys(text, legal)[1:] if k in self.index), None)
        return found

    def find_person(self, name: str) -> str | None:
        """The registry's person a full name names when its key does not: without its
        patronymic and in either order («Сергей Евгеньевич Петров», «Петров Сергей
        Евгеньевич», «Петров Сергей» for «Сергей Петров»), as official texts write names."""
        words = [w for w in name_words(name) if not first_reading_has(w, "Patr")]
        if len(words) != 2:
            return None
        for order in (words, words[::-1]):
            found = self.index.get(" ".join(word_lemma(w) for w in order))
            if found is not None and self.entities[found].cls == "Person":
                return found
        return None


def entity_names(entity: Entity) -> list[str]:
    """An entity's labels and aliases, labels first."""
    return [label for _, label in entity.labels] + list(entity.aliases)


@dataclass
class Candidate:
    """A new entity met by the extractor: class, name and the surface forms seen."""

    id: str
    cls: str
    name: str
    aliases: set[str] = field(default_factory=set)

    def entity(self) -> Entity:
        return Entity(id=self.id, cls=self.cls,
                      labels=(("en", transliterate(self.name)), ("ru", self.name)),
                      aliases=tuple(sorted(self.aliases - {self.name})),
                      note="A candidate entity found by the extractor; review before use.",
                      graph="extracted")


@dataclass
class Candidates:
    """New entities met by the extractor, shared across the articles of one run, keyed by
    their lemmatised name so that each is made once."""

    by_key: dict[str, Candidate] = field(default_factory=dict)
    by_id: dict[str, Candidate] = field(default_factory=dict)

    def get(self, mention: Mention) -> Candidate:
        name = mention.name or mention.normal
        found = self.named(mention.type.lower(), NER_CLASSES[mention.type], name)
        found.aliases.add(mention.text)
        return found

    def named(self, kind: str, cls: str, name: str) -> Candidate:
        """The candidate of this kind and name, made on first use. A new name whose id is
        taken is the taken one written in other letters («Lenta.ru» and «Лента.ру»,
        «Коммерсантъ» and «Коммерсант»): ids are transliterations, and one id is one entity,
        so the name joins that candidate."""
        key = f"{kind}:{key_of(name, drop_legal=True)}"
        found = self.by_key.get(key)
        if found is None:
            ident = candidate_id(kind, name)
            found = self.by_id.get(ident) or Candidate(ident, cls, name)
            self.by_key[key] = self.by_id[ident] = found
        return found

    def entities(self) -> list[Entity]:
        return [c.entity() for c in sorted(self.by_id.values(), key=lambda c: c.id)]


TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True))


def transliterate(text: str) -> str:
    """Russian letters in Latin (a simplified BGN/PCGN), for English labels and ids."""
    out = []
    for char in text:
        low = char.lower()
        latin = TRANSLIT.get(low, char)
        out.append(latin.capitalize() if char != low and latin else latin)
    return "".join(out)


#: The longest candidate id; a longer one is cut and ends in a digest of the whole.
MAX_ID = 80


def candidate_id(kind: str, name: str) -> str:
    """`x-<kind>-<transliterated name>`: readable, stable, and apart from registry ids. A long
    one is cut with a digest of the whole, so that two long names sharing a beginning stay two
    entities."""
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(name).lower()).strip("-") or "x"
    ident = f"x-{kind}-{slug}"
    if len(ident) <= MAX_ID:
        return ident
    digest = hashlib.sha1(ident.encode("utf-8")).hexdigest()[:8]
    return f"{ident[:MAX_ID - len(digest) - 1].rstrip('-')}-{digest}"


@cache
def title_words() -> frozenset[str]:
    """Words that are no name on their own: titles, posts and owners (made once, not per
    span)."""
    return lexicon().not_names | lexicon().titles


def is_title_only(span: NerSpan) -> bool:
    """A span of title words only («Чрезвычайный и Полномочный»), or of title words and words
    in lower case («Совладелец компаний «», cut before the name in quotes): known NER errors."""
    words = [t for t in span.tokens if t.pos not in ("PUNCT", "CCONJ")]
    return bool(words) and any(t.lemma in title_words() for t in words) and all(
        t.lemma in title_words() or t.text.islower() for t in words)


class People:
    """The people named in full so far in an article, indexed by each word of their name, so
    that finding whom a later mention names again costs one lookup, not a pass over all."""

    def __init__(self) -> None:
        self.by_word: dict[str, list[tuple[list[str], Mention]]] = {}

    def add(self, mention: Mention) -> None:
        words = key_of(mention.normal).split()
        for word in dict.fromkeys(words):
            self.by_word.setdefault(word, []).append((words, mention))

    def same(self, mention: Mention) -> Mention | None:
        """The person met first whom a mention names again: same surname (the last word),
        and the same first initial when both give a first name («Иван Сергеевич Петров» …
        «Иван Петров» … «Петров»)."""
        words = key_of(mention.normal).split()
        if not words:
            return None
        for known, person in self.by_word.get(words[-1], ()):
            same = words[-1] == known[-1] or len(words) == 1
            if same and (len(words) == 1 or words[0][:1] == known[0][:1]):
                return person
        return None


def find_mentions(sentences: list[Sentence], registry: Registry) -> list[list[Mention]]:
    """The mentions of each sentence, resolved; see the module's docstring for the order."""
    out: list[list[Mention]] = []
    people = People()  # full names met so far, for surnames
    for number, sentence in enumerate(sentences):
        mentions = []
        for span in sentence.spans:
            known = registry.find(span.text) or registry.find(span.normal) or (
                registry.find_person(span.normal) if span.type == "PER" else None)
            if known is None and is_title_only(span):
                continue
            mention = Mention(span.type, span.start, span.stop, span.text, span.normal, number,
                              [t.index for t in span.tokens], name=span.normal)
            if known is not None:
                mention.entity, mention.how = known, "registry"
                mention.cls = registry.entities[known].cls
                mention.type = type_of_class(mention.cls, mention.type)
            elif span.type == "PER":
                full = people.same(mention)
                if full is not None:
                    mention.name, mention.how = full.name, "surname"
                    mention.entity = full.entity
                elif len(mention.normal.split()) >= 2:
                    people.add(mention)
            mentions.append(mention)
        longer = registry_names(sentence, number, registry, mentions)
        mentions = [m for m in mentions if not any(
            n.start <= m.start and m.stop <= n.stop for n in longer)] + longer
        out.append(sorted(mentions, key=lambda m: m.start))
    new_names = [m for group in out for m in group if m.type in ("ORG", "LOC") and not m.how]
    names_as_written(new_names)
    full_organisation_names([m for m in new_names if m.type == "ORG"])
    # A surname met before its full name («Петров … Иван Петров»): resolve backwards too.
    for mentions in out:
        for mention in mentions:
            if mention.type == "PER" and not mention.how and len(mention.normal.split()) == 1:
                full = people.same(mention)
                if full is not None:
                    mention.name, mention.how, mention.entity = full.name, "surname", full.entity
    return out


#: The most words of a registry name looked for in the text.
MAX_NAME_WORDS = 6


def registry_names(sentence: Sentence, number: int, registry: Registry,
                   found: list[Mention]) -> list[Mention]:
    """Names of registry people, organisations and places that the NER did not tag («30
    самосвалов Альфамаш», «правительство Тверской области»), or tagged only a part of
    («угольными предприятиями Твери», a registry group, where the NER saw «Твери»): the
    registry is the user's own list of what matters, so a name it knows is not left to the
    tagger's guess. The caller drops the NER's mentions inside them. See `registry_name_at` for what
    counts as such a name."""
    if not registry.proper:
        return []
    tokens = sentence.tokens
    openers = quote_openers(tokens)
    out: list[Mention] = []
    first = 0
    while first < len(tokens):
        match = registry_name_at(sentence, registry, openers, found, first)
        if match is None:
            first += 1
            continue
        last, entity = match
        if last + 1 < len(tokens) and openers[last] >= first and \
                tokens[last + 1].text in CLOSING_QUOTES:
            last += 1  # «Агентство «Север медиа»»: the name's quote closes in it
        known = registry.entities[entity]
        text = sentence.text[tokens[first].start - sentence.start:
                             tokens[last].stop - sentence.start]
        # the registry's own name: the words in the text may be inflected
        out.append(Mention(type_of_class(known.cls, "ORG"), tokens[first].start,
                           tokens[last].stop, text, known.label(), number,
                           list(range(first, last + 1)), entity, known.cls, "registry",
                           known.label()))
        first = last + 1
    return out


def registry_name_at(sentence: Sentence, registry: Registry, openers: list[int],
                     found: list[Mention], first: int) -> tuple[int, str] | None:
    """The longest registry name from word `first` (its last word and its entity): words,
    one of them capitalised, whose key is the key of a registry person's, organisation's or
    place's name written with a capital (`Registry.proper`), that can stand alone
    (`is_whole_name`), and that hold whole any NER mention they touch, a shorter one and not
    a person («угольными предприятиями Твери» holds «Твери»). A capital that only
    starts the sentence does not count (`is_capital`); a name that is all a quotation holds
    is an organisation's, never a place («автомобиль «Волга»»)."""
    tokens = sentence.tokens
    words = name_words(tokens[first].text)
    if not words or word_lemma(words[0]) not in registry.first_words:
        return None
    for last in range(min(first + MAX_NAME_WORDS, len(tokens)) - 1, first - 1, -1):
        run = tokens[first:last + 1]
        start, stop = run[0].start, run[-1].stop
        touched = [m for m in found if m.start < stop and start < m.stop]
        if any(m.start < start or m.stop > stop or m.type == "PER" or
               (m.start, m.stop) == (start, stop) for m in touched) or \
                not any(is_capital(tokens, t.index) for t in run) or \
                not is_whole_name(tokens, openers, first, last):
            continue
        text = sentence.text[start - sentence.start:stop - sentence.start]
        key = next((k for k in (key_of(text), key_of(text, drop_legal=True))
                    if k in registry.proper), None)
        entity = registry.index[key] if key else None
        kind = type_of_class(registry.entities[entity].cls, "ORG") if entity else ""
        # in quote marks a name is an organisation's («автомобиль «Волга»»: a brand)
        if kind == "ORG" or (kind in ("PER", "LOC") and openers[first] < 0):
            return last, entity
    return None


def is_proper(name: str) -> bool:
    """Whether a name has a word written with a capital («Правительство Тверской области»,
    «администрация правительства Твери»; not «тверскую делегацию»)."""
    return any(word[:1].isupper() for word in WORD.findall(name))


def is_capital(tokens: list[Token], index: int) -> bool:
    """Whether a word is written with a capital that makes it a name: not only for starting
    the sentence («Угледобывающие компании региона …»), unless it is a name of itself."""
    word = tokens[index].text
    if not word[:1].isupper():
        return False
    starts = not any(t.text[:1].isalnum() for t in tokens[:index])
    return not starts or is_name_word(word)


@cache
def is_name_word(word: str) -> bool:
    """Whether a word is a name whatever its place: a proper noun of the dictionary
    («Тверь», «Петров»), a word it does not know («Зелдепо»), or one with more capitals
    or in Latin letters («АльфаМаш», «Regnum»)."""
    if any(c.isupper() for c in word[1:]) or LATIN_WORD.fullmatch(word):
        return True
    if not analyser().word_is_known(word.lower()):
        return True
    return any(tag in parse.tag for parse in analyser().parse(word) for tag in PROPER_TAGS)


def is_whole_name(tokens: list[Token], openers: list[int], first: int, last: int) -> bool:
    """Whether words `first`..`last` can be a name on their own (see `registry_names`): it
    ends on a noun, is not a part of quoted words or of a foreign name, and the name does
    not go on in a capitalised noun after it («Правительство республики Коми»)."""
    if tokens[last].pos not in ("NOUN", "PROPN", "X"):
        return False
    opener = openers[first]
    if opener >= 0 and (opener != first - 1 or last + 1 >= len(tokens) or
                        openers[last + 1] == opener):
        return False  # inside quotes that hold more than the name
    if last + 1 < len(tokens) and tokens[last + 1].pos == "PROPN" and \
            tokens[last + 1].text[:1].isupper():
        return False
    return not any(0 <= k < len(tokens) and LATIN_WORD.fullmatch(tokens[k].text)
                   for k in (first - 1, last + 1))


def names_as_written(mentions: list[Mention]) -> None:
    """An inflected name whose nominative the NER guessed wrong is a nominative the article
    vouches for: «в «Альфе»» is «Альфа» (not «Альф») when «Альфа» is written. The article
    vouches for a name it writes in the nominative (the NER's normal form is the text) or
    that two different forms put in the nominative agree on («Северного театра», «Северном
    театре»). The wrong guess is matched to it by another reading of its words, or as the
    name with a case ending (`inflects`: «Зальцгофе», which the dictionary cannot read)."""
    forms: dict[tuple[str, str], set[str]] = {}
    for mention in mentions:
        forms.setdefault((mention.type, mention.normal), set()).add(mention.text)
    trusted = {(kind, normal) for (kind, normal), texts in forms.items()
               if normal in texts or len(texts) > 1}
    vouched = {(kind, key_of(normal)): normal for kind, normal in sorted(trusted)}
    by_start: dict[tuple[str, str], list[str]] = {}  # a name and its inflections share these
    for (kind, _), normal in vouched.items():
        by_start.setdefault((kind, normal[:3]), []).append(normal)
    for mention in mentions:
        if (mention.type, mention.normal) in trusted:
            continue
        keys = [key_of(mention.normal), *reading_keys(mention.text)]
        same = next((vouched[mention.type, k] for k in keys if (mention.type, k) in vouched),
                    None) or \
            next((normal for normal in by_start.get((mention.type, mention.text[:3]), ())
                  if inflects(mention.text, normal)), None)
        if same is not None:
            mention.normal = mention.name = same


#: Case endings of Russian nouns, for names the dictionary cannot inflect.
CASE_ENDINGS = ("а", "я", "у", "ю", "е", "ы", "и", "ом", "ем", "ой", "ей", "ою", "ею", "ам",
                "ям", "ах", "ях", "ами", "ями", "ов", "ев")


def inflects(text: str, name: str) -> bool:
    """Whether a one-word name's text is the name with a case ending: the ending added
    («Зальцгоф» → «Зальцгофе») or put in place of a final «а», «я», «й», «ь» («Альфа» →
    «Альфе»); not of «о» («Зеленино» is no «Зеленин» in «улица Зеленина»). The names must be
    four letters or more: short ones are too often other words."""
    if " " in text or " " in name or len(name) < 4 or text == name:
        return False
    stems = [name] + ([name[:-1]] if name[-1] in "аяйь" else [])
    return any(text.startswith(stem) and text[len(stem):] in CASE_ENDINGS for stem in stems)


def full_organisation_names(orgs: list[Mention]) -> None:
    """An organisation named short and in full («Alpha» … «Alpha Systems») is one entity,
    under its fullest name. Works on the distinct names, grouped by first word, so a name
    repeated a thousand times costs one comparison."""
    names: dict[tuple[str, ...], str] = {}
    for mention in orgs:  # the longest written form of each key, the first met on a tie
        key = tuple(key_of(mention.normal, drop_legal=True).split())
        if key and len(mention.normal) > len(names.get(key, "")):
            names[key] = mention.normal
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in names:
        by_first.setdefault(key[0], []).append(key)
    fullest: dict[tuple[str, ...], str] = {}
    for key in names:
        longer = [k for k in by_first[key[0]] if len(k) > len(key) and k[:len(key)] == key
                  and not names[k].endswith(")")]  # «Альфа (АБВ)» adds no word to the name
        if longer:
            fullest[key] = names[max(longer, key=lambda k: (len(names[k]), names[k]))]
    for mention in orgs:
        key = tuple(key_of(mention.normal, drop_legal=True).split())
        if key in fullest:
            mention.name = fullest[key]


def type_of_class(cls: str, ner_type: str) -> str:
    """The NER type that fits a registry class (a region tagged PER becomes LOC)."""
    if cls in ("Person",):
        return "PER"
    if cls in ("Country", "Region", "City", "Settlement", "Place", "NaturalArea"):
        return "LOC"
    if cls in ("Post", "CooperationArea", "Product", "ProductCategory", "Project", "Facility"):
        return "OTHER"
    return "ORG" if ner_type == "PER" else ner_type


def resolve(mentions: list[list[Mention]], candidates: Candidates) -> None:
    """Give every mention not in the registry its candidate entity."""
    for group in mentions:
        for mention in group:
            if not mention.entity and mention.type in NER_CLASSES:
                entity = candidates.get(mention)
                mention.entity, mention.cls = entity.id, entity.cls
                mention.how = mention.how or "candidate"
