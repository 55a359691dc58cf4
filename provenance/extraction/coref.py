"""Within-document coreference: which earlier speaker a short reference points to.

References are resolved by salience: the most recent compatible entity mentioned as a
speaker or as the subject of a sentence. ``he``/``she`` take the last person,
``it`` the last organisation, ``they`` the last group or organisation, a surname or
first name the person whose name contains it, and a definite title (``the
minister``) the last person whose role contains that title.
"""

from dataclasses import dataclass, field

from provenance.extraction.lexicon.documents import DOCUMENT_DETERMINERS, DOCUMENT_HEADS
from provenance.extraction.lexicon.function import (
    ARTICLES,
    DEFINITE_REFERENCES,
    HEAD_COMPLEMENTS,
    INDEFINITE_ARTICLES,
    INDEFINITE_OPENERS,
    OBJECT_PRONOUN_SUBJECTS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    REFERENCE_DETERMINERS,
)
from provenance.extraction.lexicon.people import (
    CORPORATE_HEADS,
    CORPORATE_MARKS,
    DEMONYM_ENDINGS,
    GROUP_HEADS,
    HONORIFICS,
    INITIALISM_SKIPPED,
    MINISTRY_HEADS,
    ORG_HEADS,
    OUTLET_HEADS,
    OUTLET_NAME_WORDS,
    PLACE_LINKS,
    PUBLIC_BODY_HEADS,
    SPOKESPERSON_TITLES,
    TITLE_ARTICLES,
    TITLES,
)
from provenance.extraction.speakers import (
    Phrase,
    canonical,
    heading_word,
)
from provenance.extraction.text import Word

_MAX_ALIASES = 50
_SALIENCE = 60
"""How many recent entities a reference may look back over."""


@dataclass(eq=False)
class Entity:
    """A speaker as this document presents it: each one is itself, compared by identity
    (comparing every field made each salience update cost a scan of tuples)."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)
    """Lower-cased words of the personal name (for surname and first-name references)."""
    titles: set[str] = field(default_factory=set)
    """Lower-cased title words (for ``the minister``)."""
    heads: set[str] = field(default_factory=set)
    """Lower-cased group head nouns (for ``the locals``)."""
    channel: str | None = None
    """The channel of the scene the entity last spoke in (set by attribution)."""
    gender: str | None = None
    """``he`` or ``she`` once a pronoun has referred to the entity."""
    statements: int = 0

    def add_alias(self, text: str) -> None:
        """Record another way the document refers to the entity."""
        if (
            text
            and text != self.name
            and len(self.aliases) < _MAX_ALIASES
            and text not in self.aliases
        ):
            self.aliases.append(text)

    def add_role(self, role: str | None) -> None:
        """Record a title or affiliation."""
        if role and role not in self.roles:
            self.roles.append(role)
            self.titles |= _title_words(role)


def _title_words(text: str) -> set[str]:
    return {_fold_title(w) for w in text.lower().replace("’s", " ").split() if w in TITLES}


def _fold_title(word: str) -> str:
    """``spokesman``, ``spokeswoman`` and ``spokesperson`` are one title."""
    return "spokes" if word.startswith("spokes") else word


class Resolver:
    """Entities of one document, in order of salience."""

    def __init__(self, names: list[tuple[int, str]] | None = None) -> None:
        self.entities: list[Entity] = []
        self._recent: list[Entity] = []
        self._by_name: dict[str, Entity] = {}
        self._surnames: dict[str, list[tuple[int, str]]] = {}
        self.addressee: Entity | None = None
        """Who ``you`` is (the interviewee, in a transcript's questions)."""
        for start, full in names or []:
            self._surnames.setdefault(full.split()[-1], []).append((start, full))

    def touch(self, entity: Entity) -> Entity:
        """Make ``entity`` the most salient."""
        if entity in self._recent:
            self._recent.remove(entity)
        self._recent.append(entity)
        if len(self._recent) > _SALIENCE:
            self._recent.pop(0)
        return entity

    def demote(self, entity: Entity, speakers: list[Entity]) -> None:
        """Rank an entity mentioned inside what ``speakers`` say just below them: it stays
        known (``the company``) but is not what ``it`` or ``he`` refers to next."""
        if entity in speakers or entity not in self._recent:
            return
        ranks = [self._recent.index(s) for s in speakers if s in self._recent]
        if not ranks:
            return
        self._recent.remove(entity)
        self._recent.insert(min(ranks), entity)

    def recent(self, kinds: tuple[str, ...]) -> Entity | None:
        """The most salient entity of one of ``kinds``."""
        for entity in reversed(self._recent):
            if entity.kind in kinds:
                return entity
        return None

    def last_speaker(self) -> Entity | None:
        """The most salient entity that has said something."""
        for entity in reversed(self._recent):
            if entity.statements:
                return entity
        return None

    def resolve(
        self, phrase: Phrase, words: list[Word], channel_of: dict[str, str]
    ) -> Entity | None:
        """The entity ``phrase`` refers to, creating one for a new name."""
        if phrase.kind == "pronoun":
            return self._pronoun(phrase.text.lower())
        parts = phrase.text.lower().split()
        head = parts[-1]
        bare = (
            parts[0] in {*REFERENCE_DETERMINERS, head}
            and all(p.islower() or _demonym(p) for p in phrase.text.split()[1:-1])
            and (len(parts) == 1 or phrase.text.split()[-1].islower())
        )
        if head in DOCUMENT_HEADS and phrase.kind != "group" and _unauthored(phrase.text):
            owner = POSSESSIVE_PRONOUNS.get(parts[0])
            author = (
                self._pronoun(owner)  # "her statement": hers
                if owner is not None and len(parts) > 1
                else self._described_author(parts[1:-1]) or self._document(head, channel_of)
            )
            if author is not None:
                return author  # else the document stands for an author not yet known
        if head in OUTLET_HEADS and parts[0] in DEFINITE_REFERENCES and _described(phrase.text):
            outlet = self._outlet()
            if outlet is not None:
                outlet.add_alias(phrase.text)
                return self.touch(outlet)
        if bare and head in ORG_HEADS and parts[0] in {*DEFINITE_REFERENCES, head}:
            named = self._named_org(head)
            if named is not None:
                named.add_alias(phrase.text)
                return self.touch(named)
        if _abbreviation(phrase.text):
            return self._abbreviated(phrase)
        if len(parts) == 1 and heading_word(phrase.text) and not _is_head_noun(parts[0]):
            return self._by_name.get(parts[0])  # "Reaction": a heading, not a speaker
        spoken_for = self._spokesperson(phrase, words, channel_of)
        if spoken_for is not None:
            return spoken_for
        name, role = canonical(phrase, words)
        entity = self._find(phrase, name, role)
        if entity is None and phrase.kind == "organization":
            entity = self._same_ministry(name)
        if entity is None:
            entity = Entity(name=name, kind=_entity_kind(phrase))
            if entity.kind == "person" and role != name:
                entity.tokens = {t.lower() for t in name.replace(".", " ").split()}
            entity.heads = _group_key(phrase.text)
            self.entities.append(entity)
        entity.add_alias(phrase.text)
        entity.add_role(role)
        entity.add_role(phrase.role)
        self._by_name.setdefault(name.lower(), entity)
        self._by_name.setdefault(phrase.text.lower(), entity)
        entity.titles |= _title_words(phrase.text)
        return self.touch(entity)

    def _spokesperson(
        self, phrase: Phrase, words: list[Word], channel_of: dict[str, str]
    ) -> Entity | None:
        """``a ministry spokesperson``, ``a Foreign Office spokesman``: an unnamed
        spokesperson speaks as the organisation, which keeps the reference as an alias
        and the title as a role."""
        parts = phrase.text.split()
        if len(parts) < 2 or parts[-1].lower() not in SPOKESPERSON_TITLES:
            return None
        own = [w for w in words if w.text.lower() not in INDEFINITE_OPENERS][:-1]
        while own and own[0].text.islower() and own[0].text.lower() not in ORG_HEADS:
            own.pop(0)  # "a senior State Department official"
        if not own or own[-1].text.lower().removesuffix("’s").removesuffix("'s") not in ORG_HEADS:
            return None
        org = Phrase(" ".join(w.text for w in own), own[0].start, own[-1].end, "organization")
        if all(w.text.islower() for w in own):
            entity = self._named_org(own[-1].text.lower())
            if entity is not None and entity.name.lower() == own[-1].text.lower():
                return None  # "Police said": the noun alone names no organisation
        else:
            entity = self.resolve(org, own, channel_of)
        if entity is None:
            return None
        entity.add_alias(phrase.text)
        entity.add_role(parts[-1].lower())
        return self.touch(entity)

    def _same_ministry(self, name: str) -> Entity | None:
        """``the Foreign Ministry`` after ``Westland's Foreign Office``: one body under its
        names (a ministry, office or department with the same qualifiers)."""
        key = _ministry_key(name)
        if key is None:
            return None
        for entity in reversed(self._recent):
            if entity.kind == "organization" and any(
                _ministry_key(text) == key for text in (entity.name, *entity.aliases)
            ):
                return entity
        return None

    def _named_org(self, head: str) -> Entity | None:
        """``the bank``: the last organisation named with that head noun (``Central Bank
        of Westland``); ``the company``: the last business named."""
        for entity in reversed(self._recent):
            if entity.kind != "organization" or not entity.name[:1].isupper():
                continue
            if any(_headed_by(text, head) for text in (entity.name, *entity.aliases)):
                return entity
            if head in MINISTRY_HEADS and _ministry_key(entity.name) is not None:
                return entity  # "the ministry" after "the Foreign Office"
        if head not in CORPORATE_HEADS:
            return None
        businesses = [e for e in reversed(self._recent) if _business(e)]
        ranked = sorted(
            businesses,
            key=lambda e: (not e.statements, not _incorporated(e), e.kind != "organization"),
        )
        if not ranked:
            return None
        ranked[0].kind = "organization"
        return ranked[0]

    def _outlet(self) -> Entity | None:
        """``the newspaper``, ``the paper``: the last organisation named as an outlet
        (``the Corvane business daily``) or with a newspaper's title (``The Herald``)."""
        for entity in reversed(self._recent):
            if entity.kind == "organization" and _outlet_named(entity):
                return entity
        return None

    def _abbreviated(self, phrase: Phrase) -> Entity | None:
        """An all-capitals abbreviation (``CFA``, ``the outgoing CM``): the entity whose
        name, alias or role it abbreviates; a bare one unmatched is an organisation's own
        name; one after a lower-case description (``the outgoing CM``) is a title no one
        introduced, so it names no speaker."""
        parts = phrase.text.split()
        short = parts[-1].rstrip("’'s") if parts[-1].endswith(("’s", "'s")) else parts[-1]
        for entity in reversed(self._recent):  # bounded: linear in the document
            if any(
                _initials_match(short, text)
                for text in (entity.name, *entity.aliases, *entity.roles)
            ):
                entity.add_alias(phrase.text)
                return self.touch(entity)
        described = [p for p in parts[:-1] if p.lower() not in ARTICLES]
        if described and not any(p in ORG_HEADS for p in described):
            return None  # "the outgoing CM": a title no one introduced in full
        entity = self._by_name.get(short.lower())
        if entity is None:
            entity = Entity(name=short, kind="organization")
            self.entities.append(entity)
            self._by_name[short.lower()] = entity
        entity.add_alias(phrase.text)
        return self.touch(entity)

    def _pronoun(self, pronoun: str) -> Entity | None:
        pronoun = OBJECT_PRONOUN_SUBJECTS.get(pronoun, pronoun)
        if pronoun in PERSON_PRONOUNS:
            for entity in reversed(self._recent):
                if entity.kind != "person" and _bare_name_speaker(entity):
                    entity.kind = "person"  # "Zelko said ... He said": a one-word name
                if entity.kind == "person" and entity.gender in (None, pronoun):
                    entity.gender = pronoun
                    return entity
            return None
        if pronoun.startswith("you"):
            return self.addressee
        if pronoun == "it":
            return self.recent(("organization",))
        if pronoun == "they":
            return self.recent(("group", "organization"))
        return None

    def _described_author(self, modifiers: list[str]) -> Entity | None:
        """``the opposition statement``, ``the ministry report``: the last one named
        with that word (``the leading opposition groups``, ``Foreign Ministry``)."""
        wanted = {m for m in modifiers if m not in DOCUMENT_DETERMINERS}
        if not wanted:
            return None
        for entity in reversed(self._recent):
            said = " ".join([entity.name, *entity.aliases]).lower().split()
            if entity.statements and wanted & {
                w.removesuffix("’s").removesuffix("'s") for w in said
            }:
                return entity
        return None

    def _document(self, head: str, channel_of: dict[str, str]) -> Entity | None:
        """``the statement said``: whoever last spoke through that kind of document."""
        wanted = channel_of.get(head)
        for entity in reversed(self._recent):
            if entity.statements and (wanted is None or entity.channel == wanted):
                return entity
        return self.last_speaker()

    def _find(self, phrase: Phrase, name: str, role: str | None) -> Entity | None:
        words = [w for w in name.replace(".", " ").split() if w.lower() not in HONORIFICS]
        lowered = {w.lower() for w in words}
        if phrase.kind in ("person", "organization") and words and words[0][:1].isupper():
            for entity in reversed(self._recent):
                if entity.kind != "person" or not entity.tokens:
                    continue
                if not (entity.titles or entity.statements or len(lowered) > 1):
                    continue  # a bare capitalised pair is weak evidence of a person
                if lowered <= entity.tokens or entity.tokens <= lowered:
                    return self._grow(entity, name)
        if len(words) == 1 and words[0][:1].isupper():
            full = self._registered(words[0], phrase.start)
            if full is not None:
                return full
        if phrase.kind == "person" and role == name:
            return self._titled(phrase)
        if phrase.kind == "group":
            key = _group_key(phrase.text)
            for entity in reversed(self._recent):
                if entity.kind == "group" and entity.heads and _same_group(key, entity.heads):
                    if _placed(phrase.text) and not _placed(entity.name) and key - entity.heads:
                        continue  # "residents of X" are not the residents met before
                    return entity
        return self._by_name.get(name.lower())

    def _registered(self, word: str, before: int) -> Entity | None:
        """A new person for a surname or first name met earlier in a fuller name."""
        earlier = [full for start, full in self._surnames.get(word, []) if start < before]
        if not earlier:
            return None
        full = earlier[-1]
        entity = Entity(name=full, kind="person", tokens={p.lower() for p in full.split()})
        self.entities.append(entity)
        return entity

    def _grow(self, entity: Entity, name: str) -> Entity:
        """Prefer the fullest form of a personal name as the canonical one."""
        if len(name.split()) > len(entity.name.split()) and name[:1].isupper():
            entity.add_alias(entity.name)
            entity.name = name
            entity.tokens |= {t.lower() for t in name.replace(".", " ").split()}
        return entity

    def _titled(self, phrase: Phrase) -> Entity | None:
        """``the Minister``: the last person whose role has that title."""
        first = phrase.text.split()[0].lower()
        if first in INDEFINITE_ARTICLES:
            return None
        titles = [w for w in phrase.text.lower().split() if w in TITLES]
        if not titles:
            return None
        wanted = {_fold_title(titles[-1])}
        places = {w for w in phrase.text.split()[1:] if w[:1].isupper() and w.lower() not in TITLES}
        for entity in reversed(self._recent):
            if entity.kind != "person" or not (wanted & entity.titles):
                continue
            known = " ".join([entity.name, *entity.aliases, *entity.roles])
            if all(p.rstrip("’'s") in known for p in places):
                return entity
        return None


def _unauthored(text: str) -> bool:
    """A document phrase without its author's name: ``a statement``, ``the written
    statement``, ``her latest tweet`` (the author is whoever issued it)."""
    parts = text.split()
    first = parts[0].lower()
    return (len(parts) == 1 or first in DOCUMENT_DETERMINERS) and all(
        p.islower() for p in parts[1:]
    )


def _ministry_key(name: str) -> frozenset[str] | None:
    """The qualifiers of a ministry's name, without its country (``Westland's``)."""
    parts = [p for p in name.split() if not p.endswith(("’s", "'s")) and p.lower() != "the"]
    if len(parts) < 2 or parts[-1].lower() not in MINISTRY_HEADS:
        return None
    if not all(p[:1].isupper() for p in parts):
        return None
    return frozenset(p.lower() for p in parts[:-1])


def _described(text: str) -> bool:
    """Whether the words between a determiner and a head only describe (``the U.S.
    business daily``, ``the Paris-based newspaper``, ``the British paper``): no name."""
    middle = text.split()[1:-1]
    return all(
        p.islower() or _demonym(p) or p.endswith(".") or p.lower().endswith("-based")
        for p in middle
    )


def _bare_name_speaker(entity: Entity) -> bool:
    """A speaker known only by one capitalised word that is no abbreviation, no
    organisation or outlet noun and was never introduced with a determiner (``Zelko
    said``): the subject that ``he`` or ``she`` next refers back to."""
    name = entity.name
    return (
        entity.kind == "organization"
        and entity.statements > 0
        and " " not in name
        and name[:1].isupper()
        and name[1:].islower()
        and name.isalpha()
        and not _is_head_noun(name)
        and not _outlet_named(entity)
        and not _demonym(name)
        and all(" " not in alias for alias in entity.aliases)
    )


def _business(entity: Entity) -> bool:
    """Whether an entity is a named organisation that is neither a public body nor an
    outlet: what ``the company`` or ``the Japanese conglomerate`` may refer to."""
    if not entity.name[:1].isupper() or not (entity.kind == "organization" or _weak_person(entity)):
        return False
    lows = {w.lower() for w in entity.name.split()}
    return not lows & (PUBLIC_BODY_HEADS | DOCUMENT_HEADS) and not _outlet_named(entity)


def _incorporated(entity: Entity) -> bool:
    """Whether an organisation is named as a company (``Acme Ltd``)."""
    names = " ".join([entity.name, *entity.aliases]).lower().replace(".", " ").split()
    return any(w in CORPORATE_MARKS for w in names)


def _weak_person(entity: Entity) -> bool:
    """A capitalised pair taken for a person with nothing else to show it (``Brandt
    Foods plans to ...``): no title, no statement, no pronoun has referred to it."""
    return (
        entity.kind == "person"
        and "." not in entity.name
        and not entity.titles
        and not entity.statements
        and entity.gender is None
        and not entity.roles
    )


def _demonym(word: str) -> bool:
    """A capitalised nationality adjective (``Japanese``, ``Canadian``, ``British``)."""
    return word[:1].isupper() and word[1:].islower() and word.lower().endswith(DEMONYM_ENDINGS)


def _outlet_named(entity: Entity) -> bool:
    """Whether an organisation was named as a news outlet."""
    said = " ".join([entity.name, *entity.aliases, *entity.roles]).lower().split()
    if entity.name.split()[0].lower() in TITLE_ARTICLES and " " in entity.name:
        return True  # "Le Figaro", "Der Spiegel"
    return any(w in OUTLET_HEADS or w in OUTLET_NAME_WORDS for w in said)


def _group_key(text: str) -> set[str]:
    """The last group noun of a phrase and its capitalised modifiers (``Indian``)."""
    parts = text.split()
    heads = [w.lower() for w in parts if w.lower() in GROUP_HEADS]
    capitals = {w.lower() for w in parts[1:] if w[:1].isupper()}
    return {f"head:{heads[-1]}"} | capitals if heads else set()


def _same_group(key: set[str], other: set[str]) -> bool:
    heads = {k for k in key if k.startswith("head:")}
    if not heads or heads != {k for k in other if k.startswith("head:")}:
        return False
    mine, theirs = key - heads, {k for k in other if not k.startswith("head:")}
    return not mine or not theirs or bool(mine & theirs)


def _placed(text: str) -> bool:
    """Whether a group phrase says where its members are from (``residents of X``)."""
    parts = text.lower().split()
    return any(
        parts[k] in GROUP_HEADS and parts[k + 1] in PLACE_LINKS for k in range(len(parts) - 1)
    )


def _headed_by(text: str, head: str) -> bool:
    """Whether a name has ``head`` as its head noun: last, or before ``of``/``for``
    (``Westland State Government``, ``Central Bank of Westland``, ``the news agency NPA``)."""
    parts = [p.lower().rstrip("s") for p in text.split()]
    stem = head.rstrip("s")
    for k, part in enumerate(parts):
        if part != stem:
            continue
        rest = parts[k + 1 :]
        if (
            not rest
            or rest[0] in HEAD_COMPLEMENTS
            or (len(rest) == 1 and text.split()[-1].isupper())
        ):
            return True
    return False


def _is_head_noun(word: str) -> bool:
    low = word.lower()
    return low in GROUP_HEADS or low in ORG_HEADS or low in TITLES


def _abbreviation(text: str) -> bool:
    """Whether a phrase ends in an all-capitals abbreviation and has no other name word."""
    parts = text.split()
    last = parts[-1].removesuffix("’s").removesuffix("'s")
    return (
        2 <= len(last) <= 8
        and last.isupper()
        and last.isalpha()
        and all(p.islower() or p.lower() == "the" for p in parts[:-1])
    )


def _initials_match(short: str, text: str) -> bool:
    """Whether ``short`` is the initials of a run of capitalised words in ``text``
    (``CM`` in ``Outgoing Chief Minister``, ``NDRRMC`` in ``National Disaster Risk
    Reduction and Management Council``)."""
    runs: list[str] = [""]
    for word in text.replace(",", " ").split():
        if word.lower() in INITIALISM_SKIPPED:
            continue
        if word[:1].isupper():
            runs[-1] += word[0]
        elif runs[-1]:
            runs.append("")
    return any(short in run for run in runs)


def _entity_kind(phrase: Phrase) -> str:
    return "person" if phrase.kind == "pronoun" else phrase.kind
