"""Function words and other closed classes: pronouns, determiners, clause openers,
relative pronouns, and the endings that tell adjectives and abstract nouns."""

from provenance.extraction.lexicon import wordset
from provenance.extraction.lexicon.time import TIME_WORDS

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
    "please thanks every per"
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

#: Words that open an adjunct of place or time (``in``, ``amid``, ``yesterday``).
ADJUNCT_WORDS = wordset(
    "in on at during while after before through via to from with about over amid following "
    "last this yesterday today earlier later"
)

#: Modals and particles before a bare verb (``would say``, ``to say``).
MODALS = wordset("will would can could may might must should also to")

#: Words that tie a nominal cue to its content (``claims that``, ``reports of``).
CONTENT_LINKS = frozenset({"that", "regarding", "about", "of", "over", "for", "on"})

#: Forms of ``be``: before a participle they make it passive.
BE_FORMS = wordset("been be being was were is are")

#: Prepositions after a passive pointing cue and its agent (``accused by X of``).
PASSIVE_COMPLEMENTS = wordset("of for over")

#: Conjunctions of contrast that end a nominal content (``but``, ``whereas``).
CONTRASTS = wordset("but while whereas although though")

#: Conjunctions after a comma that open a new clause (``, but``, ``, because``).
CLAUSE_LINKS = wordset("but while although though whereas because since so yet")

#: Participles after a comma that add the reporter's comment to a content (``, citing``, ``,
#: prompting``).
TRAILING_PARTICIPLES = wordset(
    "citing asking requesting speaking keeping prompting sparking triggering referring "
    "pointing quoting echoing drawing"
)

#: Irregular past forms of common verbs (``took``, ``held``): a finite verb ahead.
IRREGULAR_PAST_FORMS = wordset(
    "withdrew took gave made went left sent held began set put kept told said met won lost "
    "brought sought spoke wrote ran rose fell"
)

#: Words that open a relative clause after a comma (``, which``, ``, where``).
RELATIVE_OPENERS = wordset("where which who whose when")

#: Objects that are never content (``accused him``, ``said so``).
OBJECT_ONLY_WORDS = wordset("them him so")

#: Prepositions after a pointing cue's object that introduce the content (``accused him of``).
POINTING_COMPLEMENTS = wordset("of for over as")

#: Finite verbs and auxiliaries that make a clause (``is``, ``remains``).
FINITE_VERBS = wordset(
    "is was were are has have had will would could can should may might must did does do "
    "remains remained needs needed"
)

#: Pronouns and determiners that can open a content clause as its subject.
CLAUSE_SUBJECTS = wordset("it he she they we i there such those these this its their his her")

#: Negations.
NEGATIONS = frozenset({"not", "never"})

#: Conjunctions that open a condition or time clause (``when asked``, ``if``).
CONDITIONS = wordset("when if after before while once")

#: Articles.
ARTICLES = frozenset({"the", "a", "an"})

#: Object pronouns.
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})

#: Words before an -ing cue that make it a verb in its own clause (``was saying``, ``heard
#: saying``).
PROGRESSIVE_AUXILIARIES = wordset("is are was were been be being heard seen")

#: Words and marks that join sibling clauses (``, and``, ``but also``).
SIBLING_LINKS = frozenset({",", "and", "but", "or", "while", "also", "then"})

#: Relatives that open a free content (``which``, ``what``).
CONTENT_RELATIVES = frozenset({"which", "what"})

#: Object pronouns by their subject forms (``according to him``: ``he``).
OBJECT_PRONOUN_SUBJECTS = {"him": "he", "her": "she", "them": "they"}

#: Words that open an adjunct after a content rather than more of it (``in``, ``on Monday``,
#: ``from``, ``again``).
ADJUNCT_OPENERS = ADJUNCT_WORDS | TIME_WORDS | wordset("from for by as when then too again")

#: Possessive pronouns by their subject forms (``his`` refers as ``he`` does).
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}

#: Words that open an indefinite or numbered mention (``a``, ``one``, ``another``).
INDEFINITE_OPENERS = frozenset({"a", "an", "the", "one", "another"})

#: Quantifiers that are never a speaker on their own (``both said``, ``each said``).
QUANTIFIERS = frozenset({"both", "each", "neither", "either", "all", "none", "every"})

#: Words that open an introductory phrase before a sentence's subject (``Speaking on``,
#: ``According to``).
INTRODUCTORY_WORDS = wordset(
    "asked in on at during after before while when as since although though however meanwhile "
    "earlier later addressing speaking talking replying responding regarding despite "
    "following amid according to for with by from"
)

#: First-person possessives (``my``, ``our``).
FIRST_PERSON_POSSESSIVES = frozenset({"my", "our"})

#: Words that put a cue in the perfect or the past of an earlier occasion (``has said``,
#: ``previously said``).
PERFECT_MARKERS = frozenset({"has", "have", "had", "previously", "earlier", "once"})

#: Verbs and function words that end a description before a name.
NOT_DESCRIPTION_WORDS = wordset(
    "said says told added who which that was were is are has have had will would and but"
)

#: Common words and date words: what a headline shares with any other, so not evidence that two
#: match.
COMMON_WORDS = wordset(
    "the a an in on at of for to and but or as by with from this that these those he she it "
    "they we i you his her its their our there here what who when where why how after before "
    "during while since until if so yet not no yes mr mrs ms dr new more most many some all "
    "one two three first last said says according however meanwhile also january february "
    "march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday"
)

#: Words that end with a period without ending the sentence (``Mr.``, ``Jan.``).
ABBREVIATIONS = wordset(
    "mr mrs ms dr prof st gen lt col sgt capt maj cmdr adm rep sen gov jr sr no nos vol inc "
    "ltd co corp vs etc jan feb mar apr jun jul aug sep sept oct nov dec dy rev hon pres fig "
    "approx est dept univ assn bros mt ft"
)

#: Conjunctions before a subject that open a new clause (``, and Jo Roe said``).
CLAUSE_CONJUNCTIONS = wordset("and but as while when that because")

#: Pronouns and determiners by which an object points at what was said (``denied this``,
#: ``dismissed it``, ``rejected such claims``).
POINTING_PRONOUNS = wordset("these those this such it them him that")

#: Definite determiners before a noun (``the``, ``its``).
DEFINITE_DETERMINERS = wordset("the his her their its")

#: Objects of a cue that are the addressee, not the content (``told us``, ``told reporters``).
ADDRESSEE_OBJECTS = wordset("us me him her them reporters")

#: Words by which a speaker speaks of themselves: an unquoted answer under a heading has them.
FIRST_PERSON_WORDS = frozenset(
    {
        "i",
        "i'm",
        "i’m",
        "i've",
        "i’ve",
        "i'd",
        "i’d",
        "i'll",
        "i’ll",
        "me",
        "my",
        "mine",
        "we",
        "we're",
        "we’re",
        "we've",
        "we’ve",
        "we'd",
        "we’d",
        "we'll",
        "we’ll",
        "us",
        "our",
        "ours",
        "myself",
        "ourselves",
    }
)

#: Subjects that name no one (``Nobody can tell us``, ``People say``): inside a quotation they
#: report nobody's statement.
INDEFINITE_SUBJECTS = frozenset(
    {
        "nobody",
        "no",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "people",
        "many",
        "some",
        "others",
        "few",
        "most",
        "one",
    }
)

#: Determiners that make a phrase a description, not a proper name (``The list``).
NAME_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its"})

#: Words that cannot be part of a lower-case role before a name (``harbour master Jo Roe``).
NOT_ROLE_WORDS = frozenset(
    {
        "in",
        "of",
        "at",
        "for",
        "from",
        "on",
        "with",
        "by",
        "to",
        "and",
        "or",
        "but",
        "as",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "then",
        "also",
        "when",
        "while",
    }
)

#: Words of a question put to the interviewee.
ADDRESSED_WORDS = frozenset({"you", "your", "you're", "you’re", "you've", "you’ve", "yourself"})

#: Words after which ``reports``, ``claims`` are nouns (``comment on reports that``).
NOUN_CONTEXT_WORDS = wordset("on about over amid despite following after")

#: Prepositions spelt like -ing verbs.
NOT_GERUNDS = wordset("during including according notwithstanding regarding concerning")

#: Words that open an adverbial phrase at the start of a content clause (``said that despite the
#: delay, the crew had ...``): the subject after its comma is the content's own.
CONTENT_OPENERS = wordset(
    "despite although though while when after before because since if unless once until "
    "amid following"
)

#: A date in a relative clause (``Jo Roe, who took office in March, said``) describes the
#: speaker, not the saying.
DESCRIBING_RELATIVES = frozenset({"who", "whom", "whose", "which"})

#: Negations in the two words before a cue (``did not say``, ``didn't say``).
NEGATION_WORDS = wordset("not n't never")

#: ``said to have`` / ``said to be``: hearsay with no speaker of its own.
HEARSAY_INFINITIVES = wordset("have be")

#: Prepositions before a noun-or-verb cue that make it a noun (``the claim by``).
NOMINAL_CUE_PREPOSITIONS = wordset("of by for with from")

#: Subordinators that open a sentence before its subject (``After the vote, she said``).
OPENING_SUBORDINATORS = wordset("after before when while since although though because once")

#: Relative pronouns that stop a search for a cue's subject (``the man who said``).
SUBJECT_RELATIVES = wordset("that who which")

#: Conjunctions joining a second verb to the same subject (``... and said``).
VERB_COORDINATORS = wordset("and but")

#: Conjunctions that may open ``(but) it (later) emerged``.
EMERGED_CONJUNCTIONS = wordset("but and yet")

#: Words after a cue that end a short adjunct without opening a clause.
ADJUNCT_STOPS = wordset("as so and but or it he she")

#: Subject pronouns that may open the clause after a cue.
CLAUSE_PRONOUNS = wordset("it he she")

#: Words inside a manner adjunct after which no clause starts.
MANNER_STOPS = wordset("to by in on at as with and of")

#: Prepositions that open a manner adjunct (``with a smile``).
MANNER_PREPOSITIONS = wordset("with without")

#: First and second words of a reciprocal (``each other``, ``one another``).
RECIPROCAL_FIRSTS = wordset("each one")
RECIPROCAL_SECONDS = wordset("other another")

#: Coordinating conjunctions before a cue.
COORDINATORS = wordset("and or but")

#: Relatives of a non-restrictive clause after a comma (``, which said``).
COMMA_RELATIVES = wordset("which who")

#: Relatives that describe a person (``the woman who`` / ``whose``).
PERSON_RELATIVES = wordset("who whose")

#: Relatives whose antecedent is a thing (``the report that`` / ``which``).
THING_RELATIVES = wordset("that which")

#: A pair subject (``both countries``, ``the two sides``); group 1 is its head.
BOTH_PATTERN = r"(?:both|the\s+two)\s+(?:the\s+)?(\w+)"

#: The indefinite articles (``a statement``, ``an interview``).
INDEFINITE_ARTICLES = wordset("a an")

#: ``one of his lawyers``: one member of a group.
ONE_OF = ("one", "of")

#: Words that end a backward search for a quotation's verb before a passive ``by`` (a
#: reporting or copular verb belongs to another clause).
VERB_SEARCH_STOPS = wordset("said says is was are were")

#: Determiners of a bare back reference (``the ministry``, ``this company``, ``its board``).
REFERENCE_DETERMINERS = wordset("the this that its")

#: Definite determiners of a back reference to an outlet or organisation (``the paper``).
DEFINITE_REFERENCES = wordset("the this that")

#: The pronouns that point at a person (``he``, ``she``).
PERSON_PRONOUNS = wordset("he she")

#: Words after a head noun that keep it the head (``Central Bank of Westland``).
HEAD_COMPLEMENTS = wordset("of for")

#: Conjunctions that may follow a name in apposition (``spokesman, Jo Roe and ...``).
APPOSITION_CONJUNCTIONS = wordset("and or")

#: Quantifiers of a group that a description may follow (``some residents who ...``).
GROUP_QUANTIFIERS = wordset("some many")

#: Auxiliaries of the perfect before a cue (``has warned``, ``had said``, ``they've said``).
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'ve", "’ve"})

#: Auxiliaries of the present perfect (``has called``): it takes no past date.
PRESENT_PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve", "’ve"})

#: ``is pleased to`` right before a cue: announcing now.
ANNOUNCING_NOW_PATTERN = (
    r"\b(?:is|are|am)\s+(?:\w+\s+)?(?:pleased|delighted|happy|proud|glad)\s+to\s+$"
)
