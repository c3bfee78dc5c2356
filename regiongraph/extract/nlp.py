"""Natasha, loaded once per process, and its analysis turned into plain tokens and spans.

Why our own driver and not `natasha.Doc` as is: Natasha's syntax parser is quadratic in the
length of a sentence (a 22,000-token list parsed as one sentence took 20 s and 7 GB), so
sentences are cut into pieces of at most `MAX_TOKENS` tokens before morphology, syntax and NER
run; and NER runs per piece, so memory stays bounded on a 5 MB article. Everything downstream
sees `Sentence`s of `Token`s with character offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

#: The longest token sequence handed to the taggers and the parser. News sentences rarely
#: exceed 60 tokens; a longer "sentence" is a list or page debris, and is cut into pieces.
MAX_TOKENS = 80

#: Batch size for the taggers: large enough to amortise the model call, small enough to bound
#: memory on huge articles.
BATCH = 64


@dataclass
class Token:
    """One token of a sentence: its text and offsets, morphology, syntax head (index in the
    sentence, -1 for the root) and lemma."""

    index: int
    text: str
    start: int
    stop: int
    pos: str = ""
    feats: dict[str, str] = field(default_factory=dict)
    head: int = -1
    rel: str = ""
    lemma: str = ""


@dataclass
class NerSpan:
    """A PER, ORG or LOC span found by Natasha's NER, with its nominative form."""

    type: str
    start: int
    stop: int
    text: str
    normal: str
    tokens: list[Token]


@dataclass
class Sentence:
    """A sentence (or a piece of a too long one), its tokens and NER spans."""

    start: int
    stop: int
    text: str
    tokens: list[Token]
    spans: list[NerSpan] = field(default_factory=list)


class Models:
    """Natasha's segmenter, morphology, syntax, NER and lemmatiser; load with `models()`."""

    def __init__(self) -> None:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.vocab = MorphVocab()
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)
        # pymorphy's own analyser for inflection (Natasha's MorphVocab speaks only UD tags).
        self.analyser = analyser()
        self.lemmas: dict[tuple[str, str, tuple], str] = {}
        self.nominatives: dict[tuple[str, str | None, bool, str | None, str], str | None] = {}

    def lemma(self, text: str, pos: str, feats: dict[str, str]) -> str:
        """The dictionary form, lower case, ё as е; cached because news repeat their words.

        The cache is keyed by the word in lower case with ё as е, because that is all Natasha's
        lemmatiser looks at (its `normal_word`): «Москве» and «москве» share one entry. On a
        cold cache lemmas are a large part of the pipeline's time (a pymorphy2 parse per new
        word)."""
        word = text.lower().replace("ё", "е")
        if pos not in ("NOUN", "PROPN", "ADJ", "VERB", "DET", "PRON", "NUM", "AUX"):
            return word
        key = (word, pos, tuple(sorted(feats.items())))
        found = self.lemmas.get(key)
        if found is None:
            found = self.vocab.lemmatize(word, pos, feats).lower().replace("ё", "е")
            self.lemmas[key] = found
        return found


@cache
def analyser():
    """pymorphy2's analyser alone (about 0.2 s): lemmatising registry aliases needs no more,
    so a build whose extractions are all cached never loads Natasha's models. Natasha is
    imported first (0.1 s, no models): pymorphy2 0.9 calls `inspect.getargspec`, gone in
    Python 3.11, and works only once Natasha's import has run."""
    import natasha  # noqa: F401
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


@cache
def every_reading(word: str, grammeme: str) -> bool:
    """Whether every dictionary reading of a word has a grammeme («переговоры»: Pltm, all
    plural); asked per post and meeting word, so remembered per word."""
    parses = analyser().parse(word)
    return bool(parses) and all(grammeme in p.tag for p in parses)


@cache
def models() -> Models:
    """The models, loaded on first use and kept for the life of the process (about 1.5 s).

    BLAS is held to one thread: the models multiply small matrices, and OpenBLAS's threads
    fighting over two cores made Natasha 8x slower here (2.2 against 19 articles/s); `--jobs`
    is the way to use more cores."""
    from threadpoolctl import threadpool_limits

    loaded = Models()
    threadpool_limits(1)  # after loading: it acts on the BLAS libraries loaded so far
    return loaded


def pieces(tokens: list, limit: int = MAX_TOKENS) -> list[list]:
    """Cut a sentence's tokens into pieces of at most `limit`, preferring to cut after a
    punctuation mark in the second half of a piece, so that phrases stay whole."""
    out = []
    while len(tokens) > limit:
        cut = limit
        for at in range(limit - 1, limit // 2, -1):
            if tokens[at].text in {",", ";", ":", "—", "–", "-", ")", "»"}:
                cut = at + 1
                break
        out.append(tokens[:cut])
        tokens = tokens[cut:]
    if tokens:
        out.append(tokens)
    return out


def analyse(text: str) -> list[Sentence]:
    """Segment, tag, parse and NER-tag `text`; offsets refer to `text` itself."""
    m = models()
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):  # a line break always ends a sentence: titles, lists
        if line.strip():
            sentences.extend(segment_line(m, text, line, offset))
        offset += len(line) + 1
    # Tagged shortest first: the taggers pad every chunk of 8 sentences to its longest one, so
    # neighbours of similar length waste less work (about 15% of the taggers' time on the
    # devset). A sentence's tags do not depend on its neighbours: padding embeds as zeros and
    # is masked, so only float rounding (~1e-6) differs, as it did with the text's order.
    ordered = sorted(sentences, key=lambda sentence: len(sentence.tokens))
    for batch_start in range(0, len(ordered), BATCH):
        tag_batch(m, ordered[batch_start:batch_start + BATCH])
    return sentences


def segment_line(m: Models, text: str, line: str, offset: int) -> list[Sentence]:
    """The sentences of one line, cut into pieces of at most MAX_TOKENS tokens."""
    raw_tokens = list(m.segmenter.tokenize(line))
    out = []
    index = 0
    for sent in m.segmenter.sentenize(line):
        group = []
        while index < len(raw_tokens) and raw_tokens[index].start < sent.stop:
            if raw_tokens[index].start >= sent.start:
                group.append(raw_tokens[index])
            index += 1
        for piece in pieces(group):
            start, stop = offset + piece[0].start, offset + piece[-1].stop
            tokens = [Token(i, t.text, offset + t.start, offset + t.stop)
                      for i, t in enumerate(piece)]
            out.append(Sentence(start, stop, text[start:stop], tokens))
    return out


def tag_batch(m: Models, batch: list[Sentence]) -> None:
    words = [[t.text for t in s.tokens] for s in batch]
    for sentence, markup in zip(batch, m.morph.map(words), strict=True):
        for token, tagged in zip(sentence.tokens, markup.tokens, strict=True):
            token.pos, token.feats = tagged.pos, dict(tagged.feats)
            token.lemma = m.lemma(token.text, token.pos, token.feats)
    for sentence, markup in zip(batch, m.syntax.map(words), strict=True):
        ids = {tagged.id: i for i, tagged in enumerate(markup.tokens)}
        for token, tagged in zip(sentence.tokens, markup.tokens, strict=True):
            token.head = ids.get(tagged.head_id, -1)
            token.rel = tagged.rel
        untangle(sentence.tokens)
        adjectives_on_their_noun(sentence.tokens)
        second_subject_is_object(sentence.tokens)
    for sentence, markup in zip(batch, m.ner.map([s.text for s in batch]), strict=True):
        for ner_type, first_char, last_char in joined_names(m, sentence, markup.spans):
            start, stop = sentence.start + first_char, sentence.start + last_char
            inside = [t for t in sentence.tokens if t.start >= start and t.stop <= stop]
            while inside and inside[-1].rel in ("nummod", "nummod:gov") and \
                    inside[-1].head not in {t.index for t in inside}:
                inside.pop()  # «передал НМГ 30% акций»: the number counts what follows
            if not inside:
                continue
            following = inside[-1].index + 1
            if sum(t.text == "«" for t in inside) > sum(t.text == "»" for t in inside) and \
                    following < len(sentence.tokens) and sentence.tokens[following].text == "»":
                inside.append(sentence.tokens[following])  # «Завод «Северные сплавы»
            for kind, part in split_person(ner_type, inside):
                first, last = part[0].start, part[-1].stop
                text = sentence.text[first - sentence.start:last - sentence.start]
                sentence.spans.append(NerSpan(kind, first, last, text,
                                              normalise(m, part, kind == "PER"), part))


def joined_names(m: Models, sentence: Sentence, spans: list) -> list[tuple[str, int, int]]:
    """The NER's spans as (type, start, stop) in the sentence, a surname and a first name it
    split into two people made one («Петров Иван», as lists and official texts write names):
    two one-word PER spans with nothing but white space between, in the same case, one of them
    a first name and the other not."""
    out: list[tuple[str, int, int]] = []
    for span in spans:
        if out and out[-1][0] == span.type == "PER" and \
                not sentence.text[out[-1][2]:span.start].strip():
            words = [t for t in sentence.tokens if sentence.start + out[-1][1] <= t.start
                     and t.stop <= sentence.start + span.stop]
            if len(words) == 2 and words[0].feats.get("Case") == words[1].feats.get("Case") \
                    and first_reading_has(words[0].text, "Name") != \
                    first_reading_has(words[1].text, "Name"):
                out[-1] = ("PER", out[-1][1], span.stop)
                continue
        out.append((span.type, span.start, span.stop))
    return out


@cache
def first_reading_has(word: str, grammeme: str) -> bool:
    """Whether a word's first dictionary reading has a grammeme: a first name («Иван»:
    Name, not «Петров»), a patronymic («Евгеньевич»: Patr); remembered per word."""
    parses = analyser().parse(word)
    return bool(parses) and grammeme in parses[0].tag


def untangle(tokens: list[Token]) -> None:
    """Make the parse a tree. The parser picks each word's head on its own, and about one
    sentence in nine of the benchmark's comes back with a cycle (120 in 2,922 with a word
    hung on itself): every walk up the heads would then run forever. A word the parser calls
    the root hangs on nothing; a word of a cycle, the first of it in the sentence, hangs on
    the root (or becomes it, when there is none); a modifier on the noun after it that it
    describes, as Russian puts them."""
    for token in tokens:
        if token.rel == "root":
            token.head = -1
    root = next((t.index for t in tokens if t.head < 0), -1)
    for token in tokens:
        path: list[int] = []
        current = token.index
        while current >= 0 and current not in path:
            path.append(current)
            current = tokens[current].head
        if current >= 0:  # a cycle, from `current` round to it again
            cycle = path[path.index(current):]
            cut = tokens[min(cycle)]
            cut.head = described(tokens, cut) if cut.rel in MODIFIERS else -1
            if cut.head < 0:
                cut.head = root if root not in cycle else -1
            if cut.head < 0:
                root, cut.rel = cut.index, "root"


def adjectives_on_their_noun(tokens: list[Token]) -> None:
    """Hang adjectives joined by «и» on the noun after them. The parser joins the noun to
    the first adjective instead («с Чрезвычайным и Полномочным Послом»: «Послом» a conjunct of
    «Чрезвычайным», which takes the place of the noun in the sentence), and rules asking for
    the noun with its preposition found an adjective without one. The noun takes the first
    adjective's place and its prepositions; the first adjective describes the noun, the
    others stay joined to it. Only with an adjective between: a noun the tagger took for an
    adjective («36 интернет-площадок и фирм») is joined to the noun after it as it should be."""
    for noun in tokens:
        if noun.rel != "conj" or noun.pos not in ("NOUN", "PROPN") or noun.head < 0:
            continue
        first = tokens[noun.head]
        between = tokens[first.index + 1:noun.index]
        if first.pos != "ADJ" or first.index > noun.index or \
                not any(t.pos == "ADJ" for t in between) or \
                first.feats.get("Case") != noun.feats.get("Case") or not all(
                (t.pos == "ADJ" and t.rel == "conj" and t.head == first.index) or
                (t.pos == "CCONJ" or t.text == ",") for t in between):
            continue
        noun.head, noun.rel = first.head, first.rel
        first.head, first.rel = noun.index, "amod"
        for kid in tokens:
            if kid.head == first.index and kid.rel == "case":
                kid.head = noun.index


#: A word that does not decline: an abbreviation in capitals, or a word in Latin letters.
UNDECLINED = re.compile(r"[А-ЯЁ]{2,}|[A-Za-z][A-Za-z0-9&.-]*")
#: Quote marks that open and that close a name («Альфа», "Альфа", „Альфа“), and both.
OPENING_QUOTES = frozenset({"«", '"', "„", "“"})
CLOSING_QUOTES = frozenset({"»", '"', "“", "”"})
QUOTES = OPENING_QUOTES | CLOSING_QUOTES


def quote_openers(tokens: list[Token]) -> list[int]:
    """For each word inside quote marks, the index of the innermost mark that opened them;
    -1 for a word outside quotes and for the marks. Marks nest; one that may open or close
    («"», «“») closes the mark it pairs with when that is the innermost open, and opens
    otherwise."""
    openers = [-1] * len(tokens)
    opened: list[Token] = []  # the marks open, innermost last
    for token in tokens:
        mark = token.text
        if mark not in QUOTES:
            if opened:
                openers[token.index] = opened[-1].index
        elif mark in CLOSING_QUOTES and opened and (
                mark not in OPENING_QUOTES or opened[-1].text in (mark, "„")):
            opened.pop()  # «»; „“ and “” close on their «“»/«”», a straight one on its own
        elif mark in OPENING_QUOTES:
            opened.append(token)
    return openers


def second_subject_is_object(tokens: list[Token]) -> None:
    """Make the second of two subjects of a verb, the one after it, its object, when it is a
    word that does not decline: an abbreviation or a Latin name («ОАО», «Regnum») reads as
    nominative as well as accusative, and the parser then gives «Делегация посетила ОАО
    «Альфа»» two subjects. A verb has one, and the one before it is its subject. A word that
    declines keeps its reading: word order is free («Зал покинул президент»: the subject
    after the verb). A passive or a copula keeps its words («X является Y»)."""
    subjects: dict[int, list[Token]] = {}
    for token in tokens:
        if token.rel == "nsubj" and token.head >= 0:
            subjects.setdefault(token.head, []).append(token)
    for verb, words in subjects.items():
        if len(words) != 2 or tokens[verb].pos != "VERB":
            continue
        before, after = words
        other_clause = any(t.pos in ("PUNCT", "SCONJ", "CCONJ")
                           for t in tokens[verb + 1:after.index])
        has_object = any(t.head == verb and t.rel in ("obj", "cop", "aux:pass") for t in tokens)
        if before.index < verb < after.index and UNDECLINED.fullmatch(after.text) and \
                not other_clause and not has_object:
            after.rel = "obj"
            if after.feats.get("Case") == "Nom":  # tagged so for being a subject
                after.feats = {**after.feats, "Case": "Acc"}


#: Relations of words that describe a noun after them («на принадлежащем X канале»).
MODIFIERS = ("amod", "acl", "det")


def described(tokens: list[Token], word: Token) -> int:
    """The noun a modifier hung on itself describes: the first after it that is not below it,
    or -1."""
    for token in tokens[word.index + 1:]:
        if token.pos != "NOUN":
            continue
        seen, current = set(), token.index
        while current >= 0 and current not in seen and current != word.index:
            seen.add(current)
            current = tokens[current].head
        if current != word.index:
            return token.index
    return -1


def split_person(kind: str, tokens: list[Token]) -> list[tuple[str, list[Token]]]:
    """An organisation or place span that swallowed the name of a person after it
    («Динамо Тбилиси Георгий Абашидзе»): the NER's span cut where an animate proper name with its
    surname (`flat:name`) starts, so each part gets its own type. A span that ran on into a
    name's other form in parentheses («Иван Петров (Ivan Petrov)», «Альфа (АФ)») ends
    before it."""
    cut = next((i for i, t in enumerate(tokens) if t.text == "(" and i), len(tokens))
    tokens = tokens[:cut]
    if kind in ("ORG", "LOC"):
        for i in range(1, len(tokens) - 1):
            name, surname = tokens[i], tokens[i + 1]
            if name.pos in ("PROPN", "X") and name.text[:1].isupper() and \
                    name.feats.get("Animacy") != "Inan" and surname.pos == "PROPN" and \
                    surname.feats.get("Animacy") == "Anim" and surname.rel == "flat:name":
                head = [t for t in tokens[:i] if t.pos != "PUNCT" or t.text in "»\""]
                if head and any(t.pos != "PUNCT" for t in head):
                    return [(kind, head), ("PER", tokens[i:])]
    return [(kind, tokens)]


#: Universal Dependencies case names and pymorphy's.
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
         "Loc": "loct", "Voc": "voct", "Par": "gent"}
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def normalise(m: Models, tokens: list[Token], person: bool = False) -> str:
    """The span in the nominative: its head word and the words that agree with it (adjectives,
    the parts of a name) are put in the nominative; dependents in the genitive stay as they
    are («Министерства иностранных дел» → «Министерство иностранных дел»). Every word of a
    person's name agrees, however the parser hung it («Сергеем Петровым»), and is read as a
    name where the dictionary can («Юлией Карабаковой»: the surname «Карабакова», not the
    adjective «карабаковая»), of the gender its words agree on (`name_gender`: «Марине
    Сидоровой» is «Марина», not «Марин»)."""
    inside = {t.index for t in tokens}
    # The first word hanging outside the span is its head; a later one is a dependent the
    # parser hung elsewhere («союза молодых учёных»), and keeps its case.
    agreeing = set(inside) if person else {
        next((t.index for t in tokens if t.head not in inside), tokens[0].index)}
    nouns = {} if person else agreeing_words(tokens, agreeing)
    words = []
    gender = name_gender(tokens) if person else None
    for t in tokens:
        word = t.text
        abbreviation = len(t.text) <= 3 and t.text.islower()  # «им.», «г.»: keep as written
        noun = nouns.get(t.index)
        # an adjective the tagger left without a case («Северо-Зеленском»: no features for
        # a hyphenated word) is in its noun's
        case = t.feats.get("Case") or (noun.feats.get("Case") if noun else None)
        if t.index in agreeing and case not in (None, "Nom") and not abbreviation:
            if person:
                role = "first" if t is tokens[0] else "surname"
                word = nominative(m, t, None, role, gender) or word
            else:
                word = nominative(m, t, noun) or word
        words.append(word)
    out = []
    for i, (t, word) in enumerate(zip(tokens, words, strict=True)):
        if i:
            out.append(" " * (t.start - tokens[i - 1].stop))
        out.append(word)
    return "".join(out)


def agreeing_words(tokens: list[Token], agreeing: set[int]) -> dict[int, Token]:
    """Add to `agreeing` the words of an organisation's or place's name that agree with its
    head, and give each adjective among them the noun whose gender, number and case it takes:
    the noun it describes (`amod`); for an adjective joined to another («продовольственной и
    лесной организации»), that one's noun; for an adjective the parser made the head of the
    noun after it in its case («Соединённых Провинций», the noun hung on it as `nmod`), that
    noun, which agrees too («Соединённые Провинции», not «Соединённые Провинций»)."""
    nouns: dict[int, Token] = {}
    changed = True
    while changed:
        changed = False
        for t in tokens:
            if t.index in agreeing or t.head not in agreeing:
                continue
            head = tokens_by(tokens, t.head)
            if t.rel == "amod":
                nouns[t.index] = head
            elif t.rel == "conj" and t.pos == head.pos == "ADJ":
                if head.index in nouns:
                    nouns[t.index] = nouns[head.index]
            elif t.rel == "nmod" and t.index == head.index + 1 and t.pos in ("NOUN", "PROPN") \
                    and t.feats.get("Case") == head.feats.get("Case") and head.pos != "NOUN" \
                    and adjective_only(head.text.lower()):
                nouns[head.index] = t
            elif not (t.rel in ("flat:name", "flat", "det", "nummod") or (
                    t.rel == "appos" and t.feats.get("Case") == head.feats.get("Case"))):
                continue
            agreeing.add(t.index)
            changed = True
    return nouns


@cache
def adjective_only(word: str) -> bool:
    """Whether every dictionary reading of a word is an adjective or a participle
    («соединённых»), so that it cannot be the noun of a name; remembered per word."""
    parses = analyser().parse(word)
    return bool(parses) and all("ADJF" in parse.tag or "PRTF" in parse.tag for parse in parses)


def tokens_by(tokens: list[Token], index: int) -> Token:
    return next(t for t in tokens if t.index == index)


def nominative(m: Models, token: Token, noun: Token | None = None, name: str = "",
               gender: str | None = None) -> str | None:
    """The word in the nominative, keeping its number and the shape of the original (capitals,
    hyphens), or None when the dictionary knows no matching form. An adjective takes the
    gender and number of its `noun` («Транспортного комитета» → «Транспортный комитет», not
    «-ое»), and its case when the tagger gave it none. A word of a person's name (`name`:
    "first" for its first word, "surname" for a later one) is read as a name first, of the
    name's `gender` if known (`name_gender`)."""
    case = CASES.get(token.feats.get("Case") or (noun.feats.get("Case", "") if noun else ""))
    plural = (noun or token).feats.get("Number", token.feats.get("Number")) == "Plur"
    if noun is not None and not plural:
        gender = GENDERS.get(noun.feats.get("Gender", ""))
    # Cached: the same names come back in every article («Италии», «Москвы»), and a pymorphy2
    # parse and inflection cost about a millisecond each.
    key = (token.text, case, plural, gender, name)
    if key not in m.nominatives:
        m.nominatives[key] = inflect_nominative(m, token.text, case, plural, gender, name)
    return m.nominatives[key]


#: pymorphy2's grammemes of the words of a person's name, in the order a first word and a
#: later word («Винсенте ван Гоге»: the surname «Гог», not the first name «Гога») are read.
NAME_READINGS = {"first": ("Name", "Patr", "Surn"), "surname": ("Surn", "Patr", "Name")}

#: Last letters of a woman's surname that does not decline («Ирины Зольде», «Ирине Зольде»).
INDECLINABLE_ENDINGS = frozenset("еэоиую")

#: A man's name the dictionary cannot read, in the nominative from its case: the case's
#: endings, and what each stands for after a vowel and after a consonant («Калзаем» →
#: «Калзай», «Игорем» → «Игорь», «Штроком» → «Штрок»).
MASCULINE_ENDINGS = {"ablt": (("ом", "", ""), ("ем", "й", "ь")),
                     "gent": (("а", "", ""), ("я", "й", "ь")),
                     "accs": (("а", "", ""), ("я", "й", "ь")),
                     "datv": (("у", "", ""), ("ю", "й", "ь")),
                     "loct": (("е", "й", ""),)}
VOWELS = frozenset("аеёиоуыэюя")


def inflect_nominative(m: Models, text: str, case: str | None, plural: bool,
                       gender: str | None, name: str = "") -> str | None:
    """`nominative` without the cache: the first parse in `case` and number that inflects;
    for a word of a name, its readings of the name's gender and as a name go first. A word
    of a name the dictionary has no reading of in its case is a man's name with a Russian
    case ending, or a woman's surname that does not decline."""
    grams = {"nomn", "plur"} if plural else {"nomn"}
    parses = m.analyser.parse(text)
    if name:
        order = NAME_READINGS[name]

        def rank(parse: Any) -> tuple[bool, bool, int]:
            kind = next((i for i, g in enumerate(order) if g in parse.tag), len(order))
            # An indeclinable reading last when the name's words tell its gender («Анне
            # Сетраковой» is «Анна» in the dative before it is «Анне»), first when they do
            # not: «Жози», a name of either gender as it stands, is no case of «Жозь».
            return (gender is not None and gender not in parse.tag), \
                ("Fixd" in parse.tag) == (gender is not None), kind

        parses = sorted(parses, key=rank)
        if name == "surname" and gender == "masc" and not plural and \
                not any(in_case(p, case) and "Surn" in p.tag for p in parses):
            stem = possessive_surname(text, case)
            if stem is not None:
                return stem  # «Карасиным» is «Карасин», not the adjective «Карасиный»
        if name == "surname" and gender == "femn" and \
                text[-1:].lower() in INDECLINABLE_ENDINGS and \
                not any(in_case(p, case) and "femn" in p.tag and "Surn" in p.tag for p in parses):
            return text  # «Зольде» is no case of «Зольда»: it reads as no woman's surname
    elif gender:
        grams.add(gender)
    for parse in parses:
        if in_case(parse, case) and (("plur" in parse.tag) == plural or "Sgtm" in parse.tag):
            form = parse.inflect(grams) or parse.inflect(grams - set(GENDERS.values()))
            if form is not None:
                return shape_like(form.word, text)
    if name and gender == "masc" and not plural:
        return masculine_nominative(text, case)
    return None


#: pymorphy2's second cases, which the tagger's features call by the first: «в аэропорту»
#: (loc2) is Loc, «стакан чаю» (gen2) Gen.
SECOND_CASES = {"loct": "loc2", "gent": "gen2", "accs": "acc2"}


def in_case(parse: Any, case: str | None) -> bool:
    """Whether a pymorphy2 parse is in the tagger's case, its second case included."""
    second = SECOND_CASES.get(case or "")
    return case in parse.tag or (second is not None and second in parse.tag)


#: A Russian man's surname of the possessive kind: its stem's ending, and the case endings it
#: takes («Карасин», «Карасина», «Карасину», «Карасиным», «Карасине»).
POSSESSIVE_SURNAME = (("ин", "ын", "ов", "ев", "ёв"),
                      {"gent": "а", "accs": "а", "datv": "у", "ablt": "ым", "loct": "е"})


def possessive_surname(text: str, case: str | None) -> str | None:
    """A man's surname in «-ин»/«-ов» the dictionary does not know as one, in the nominative:
    its case ending taken off («Карасиным» → «Карасин»), or None when it is not of that
    shape."""
    stems, endings = POSSESSIVE_SURNAME
    ending = endings.get(case or "")
    if ending is None or not text.lower().endswith(ending):
        return None
    stem = text[:-len(ending)]
    return stem if len(stem) >= 4 and stem.lower().endswith(stems) else None


def masculine_nominative(text: str, case: str | None) -> str | None:
    """A man's name the dictionary cannot read, in the nominative: its case ending taken off
    and, for a soft one, «й» or «ь» put back (`MASCULINE_ENDINGS`), or None when it has none
    of its case's endings."""
    for ending, after_vowel, after_consonant in MASCULINE_ENDINGS.get(case or "", ()):
        stem = text[:-len(ending)]
        if text.lower().endswith(ending) and len(stem) >= 2:
            return stem + (after_vowel if stem[-1].lower() in VOWELS else after_consonant)
    return None


def name_gender(tokens: list[Token]) -> str | None:
    """The gender a person's name is of: the one every word read as a name in its case can be
    («Марине Сидоровой»: «Марине» is «Марина» or «Марин», «Сидоровой» only a woman's), or None
    when the words leave it open or disagree. The tagger's gender is no guide: it often gives a
    name the gender of the word it hangs on."""
    common: frozenset[str] | None = None
    for token in tokens:
        genders = name_genders(token.text, CASES.get(token.feats.get("Case", "")))
        if genders:
            common = genders if common is None else common & genders
    return next(iter(common)) if common is not None and len(common) == 1 else None


@cache
def name_genders(word: str, case: str | None) -> frozenset[str]:
    """The genders a word can be of, read as a name in `case` (a name of common gender, «ms-f»,
    is either: «Жози»); remembered per word and case, as the same names come back in every
    article."""
    return frozenset(gender for parse in analyser().parse(word)
                     if any(g in parse.tag for g in NAME_READINGS["first"])
                     and (case is None or case in parse.tag)
                     for gender in ("masc", "femn")
                     if gender in parse.tag or "ms-f" in parse.tag)


def shape_like(word: str, original: str) -> str:
    """Copy the original's capitalisation onto the inflected word, part by part of a
    hyphenated one («Северо-Зеленском» → «Северо-Зеленский», «Пресс-службы» →
    «Пресс-служба»), and its е where the dictionary writes ё."""
    if "ё" not in original.lower():
        word = word.replace("ё", "е")
    capitals = len(original) - len(original.lstrip("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"))
    if capitals > 1:  # an acronym, inflected or not: «МИДа» → «МИД»
        return word[:capitals].upper() + word[capitals:]
    parts, shapes = word.split("-"), original.split("-")
    if len(parts) != len(shapes):
        shapes = [original] * len(parts)
    return "-".join(part[:1].upper() + part[1:] if shape[:1].isupper() else part
                    for part, shape in zip(parts, shapes, strict=True))
