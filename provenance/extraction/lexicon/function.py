"""Function words and other closed classes: pronouns, determiners, clause openers,
relative pronouns, and the endings that tell adjectives and abstract nouns."""

from provenance.extraction.lexicon import wordset

#: Subject pronouns and what they refer to; ``you`` refers to someone only where an addressee
#: is known (the interviewee of a transcript's questions).
PRONOUNS = {
    "he": "person",
    "she": "person",
    "it": "organization",
    "they": "group",
    "we": "group",
    "you": "person",
    "you’ve": "person",
    "you've": "person",
}

#: Determiners and numerals that open a noun phrase rather than a name.
DETERMINERS = wordset(
    "the a an another this these those its his her their our my your one two three four five six "
    "seven eight nine ten several some many both all each"
)

#: Capitalised words that open a clause rather than a name.
CLAUSE_OPENERS = wordset(
    "while when as after before although though if since because however but and meanwhile "
    "earlier later also in on at during for from to with by despite regarding talking "
    "addressing speaking replying asked answering responding according then still yet so thus "
    "instead moreover furthermore nevertheless nonetheless besides otherwise indeed today "
    "yesterday tomorrow last this that there here what who which where why how it its his her "
    "their our we i you he she they said says is are was were has have had will would "
    "mentioning noting like unlike whether once perhaps maybe only even just not no yes "
    "please thanks every"
)

#: Function words that never modify a noun inside a speaker's description.
NOT_MODIFIERS = wordset(
    "with in on at by from to for of about into over under between among through during after "
    "before against without within across along near like per "
    "said says told and or but that which who whom whose was were is are be been has have had "
    "will would can could may might must should not also then when where while as if than "
    "because so very more most much many some any all no"
)

#: Endings of adjectives (``decisive``, ``Japanese``), which modify a group noun.
ADJECTIVE_ENDINGS = ("ive", "less", "ful", "ous", "al", "ic", "ian", "ese", "ish", "ent", "ant")

#: Endings of plural abstract nouns (``relations``, ``politics``), which never speak.
ABSTRACT_NOUN_ENDINGS = ("tions", "sions", "ments", "ships", "ities", "ics", "nesses")

#: Relative pronouns that end a name at its last word (``the minister who``).
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})

#: Words after a head noun that start its post-modifier (``the head of``, ``residents along``).
POST_MODIFIER_LINKS = frozenset({"of", "from", "at", "in", "along", "with", "who", "on"})
