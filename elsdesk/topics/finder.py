"""TopicFinder: cluster a set of tickets into recurring problems, with readable Swedish labels.

Tickets are compared by their stemmed words and word pairs (TF-IDF, cosine), joined by character
n-grams and an LSA projection (:mod:`elsdesk.topics.vectors`). Clustering runs inside each module
(a problem belongs to one part of Cosmic) with average-linkage clustering cut at a fixed cosine
distance, so small weeks and big weeks are treated alike; groups of different modules whose texts
are nearly the same are then one topic (an unsure model put one report under two modules). Two
tickets of different kinds (a how-to question, a fault report) count :data:`KIND_PENALTY` less alike. A very large module group is
clustered block by block (:mod:`elsdesk.topics.linkage`). Groups smaller than ``min_size`` stay out: a
one-off ticket is not a topic. Labels use the cluster's key terms in the form people wrote them,
not their stems, and never a reporter's name from a sign-off ("Tack, Karin"): the quote rules of
:mod:`elsdesk.sign_offs` tell which words of the typical tickets a sign-off holds. Names and keywords
are spelled as most colleagues spell them, and no two proposals of a week share a name
(:mod:`elsdesk.topics.names`).
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import numpy as np
from threadpoolctl import ThreadpoolController

from elsdesk.ml.synonyms import read_as
from elsdesk.ml.text import fold, stem, stop_words, ticket_text
from elsdesk.masking import PLACEHOLDER_RE
from elsdesk.sign_offs import quotable, quoted_as
from elsdesk.taxonomy import load_taxonomy
from elsdesk.topics.linkage import cluster
from elsdesk.topics.names import DESCRIPTIONS_TRIED, Spelling, distinct_labels, label_from_keywords, provisional_name, week_spelling
from elsdesk.topics.vectors import (
    WORD_RE, CellMeans, ReferenceModel, TicketVectors, analyse, build_vectors, reference_model, terms_of_clean, topic_text,
)

DISTANCE_THRESHOLD = 0.9
CHAR_WEIGHT = 0.5
LSA_WEIGHT = 0.5
KIND_PENALTY = 0.08
SURFACE_SAMPLE = 300
EXAMPLES = 3            # tickets quoted per topic
EXAMPLES_SCAN = 30      # of its most typical tickets
NEAR_SAME_WORDING = 0.6  # cosine of two tickets' words above which a second quote says nothing new
NEAR_SAME_LETTERS = 0.8  # share of two descriptions' letter triples above which they are one text with a slip
COMMON_WORD_SHARE = 0.04  # of the reference texts holding a word that says nothing of a problem ("skicka": 6.8%)
SIGN_OFF_SAMPLE = 3  # descriptions quoted to tell whether a keyword is a reporter's name from a sign-off
SIGN_OFF_SCAN = 30  # of the most typical descriptions
# groups of different modules whose tickets are this alike on average (cosine of the joined vectors) are
# one topic: nearly the same text, labelled differently by the model (at 0.2 and below, different
# problems began to join on the held-out regions; at 0.35 and 0.5 their figures are unchanged)
ACROSS_MODULES_SIMILARITY = 0.5
# a group of a module (two tickets or more) takes in what is this alike of another module: people and the model
# spread one fault over three modules, and a lab label fault was a topic of four, one of three and three reports in
# no topic (a training lead's region). Two tickets alone in their modules still pair only at the bar above (at 0.2
# they made pairs of different problems), and groups of two kinds stay apart. On the 17 held-out regions with the
# model's labels, 7 weeks changed, each for the better (sjohagen: 3+2 and 3+4 reports of two problems joined); with
# the labels as written, 1 week, a one-off more in a topic; the region's three weeks: splits 9 -> 7, trends 26 -> 29
# of 32 right
ACROSS_MODULES_GROUP_SIMILARITY = 0.2
__all__ = ["DISTANCE_THRESHOLD", "FoundTopic", "Ticketish", "TopicFinder", "analyse", "label_from_keywords",
           "provisional_name"]


@dataclass
class Ticketish:
    """What the finder needs of a ticket."""

    key: str
    title: str
    description: str
    module: str | None
    kind: str | None
    unit: str | None = None
    kind_certainty: float = 1.0  # a person's kind 1; the model's, its confidence (how much a differing kind counts)


@dataclass
class FoundTopic:
    module: str | None
    members: list[int]
    keywords: list[str]
    stems: dict[str, float]
    kind_mix: dict[str, int] = field(default_factory=dict)
    module_mix: dict[str, int] = field(default_factory=dict)
    examples: list[int] = field(default_factory=list)
    name: str | None = None  # a provisional name from the group's clearest title

    @property
    def label(self) -> str:
        return self.name or label_from_keywords(self.keywords)


@lru_cache(maxsize=60_000)
def _char_text(text: str) -> str:
    return fold(topic_text(text))


@lru_cache(maxsize=200_000)
def _stems_and_forms(written: str) -> tuple[tuple[str, str], ...]:
    """(stem, word) of each non-stop word a written word stands for (an English word: its Swedish counterparts;
    a variant: its common word, :mod:`elsdesk.ml.synonyms`)."""
    stops = stop_words()
    return tuple((stem(word), word) for word in read_as(written) if word not in stops)


def _surface_forms(cleaned: list[str], stems: set[str]) -> dict[str, Counter]:
    """How each of *stems* was written in the (cleaned) texts (an English word by its Swedish counterpart).
    The written words are counted first and each distinct one is read once (a group's few hundred texts
    repeat the same few hundred words): in the order each first occurs, so every form is counted in the
    order it first occurs, as word by word, and the commonest of forms written equally often is the same."""
    forms: dict[str, Counter] = defaultdict(Counter)
    # one scan of the texts on lines of their own: no word holds a line break, so the words and their order are the
    # texts' one after another
    written_counts = Counter(WORD_RE.findall("\n".join(cleaned)))
    for written, times in written_counts.items():
        for stemmed, word in _stems_and_forms(written):
            if stemmed in stems:
                forms[stemmed][word] += times
    return forms


# words that say when something happened: an outage's reports share them ("sedan strax efter åtta") and
# they name no problem, so they are no keyword (they still group the reports)
WHEN_WORDS = frozenset((
    "strax", "sedan", "efter", "före", "innan", "kl", "klockan", "idag", "igår", "imorse", "morse", "morgon",
    "morgonen", "förmiddag", "förmiddagen", "eftermiddag", "eftermiddagen", "kväll", "kvällen", "natt", "natten",
    "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "halv", "kvart",
    "minuter", "minut", "timme", "timmar", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"))


# the words that announce an identifier the masking took out ("pnr [personnummer]", "patientnamn: [namn]"): what is
# left of the identifier names no problem, so a keyword holding one is none ("kvar pnr" from "ligger kvar, pnr …",
# a new user's finding)
IDENTIFIER_LABELS = frozenset(("pnr", "personnr", "persnr", "personnummer", "personnumret", "patientnamn"))


# little words the stop list leaves for the classifier (whose, none, instead: "inga etiketter" tells it something) that
# name nothing as a keyword: a tester's exports read "vår", "inga" and "istället sjuksköterska" as a topic's keywords
KEYWORD_FILLERS = frozenset((
    "vår", "våra", "vårt", "inga", "inget", "istället", "ändå", "redan", "dom", "nån", "nåt", "sån", "dessa", "varje",
    "vilket", "kanske", "väldigt", "lite", "jätte", "fortfarande", "igen"))


# that an error message came names no problem ("får felmeddelande", "an error about"): no keyword says it.
# The words still count for likeness (as stop words they changed the reference's LSA basis, and a Fjällmark
# problem was no longer found over the whole period); a pasted message itself is out of the text already.
_ERROR_WORDS = ("felmeddelande", "felmeddelandet", "felmeddelanden", "felkod", "felkoden", "error", "exception")


@lru_cache(maxsize=1)
def _error_stems() -> frozenset[str]:
    return frozenset(term for term in terms_of_clean(" ".join(_ERROR_WORDS)) if "_" not in term)


def _keywords(candidates: list[list[str]], forms: dict[str, Counter], spelling: Spelling,
              signed: "_SignOffWords") -> list[str]:
    """Up to four keywords from the *candidates* (each a term's stems, best first): each stem in the form
    the members wrote most, spelled as most colleagues spell it ("skrvier": "skriver"); a term none of
    whose stems another keyword has said already, and no reporter's name from a sign-off."""
    keywords, used = [], set()
    for parts in candidates:
        if any(p in used for p in parts):
            continue
        written = [forms[p].most_common(1)[0][0] if forms.get(p) else p for p in parts]
        words = [spelling.kept_as_written(word) for word in written]
        spelled = {stem(word) for word in words}
        if spelled & used:
            continue  # a slip of a word another keyword holds ("teleofner" beside "telefoner")
        if signed.any_of(written):
            continue  # a reporter's name from a sign-off ("Tack, Karin") names no problem
        if all(word.casefold() in WHEN_WORDS for word in words):
            continue  # "strax åtta" from "sedan strax efter åtta": when it began, not what it is
        if any(word.casefold() in IDENTIFIER_LABELS for word in words):
            continue  # "kvar pnr": the label of an identifier the masking took out
        if any(word.casefold() in KEYWORD_FILLERS for word in words):
            continue  # "vår", "istället sjuksköterska": a little word says nothing of the problem
        keywords.append(" ".join(words))
        used.update(parts)
        used.update(spelled)
        if len(keywords) == 4:
            break
    return keywords


def _term_means(block) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean weight, share of rows holding it, column) of each term the rows of *block* (CSR) hold, columns in
    order. Over the group's own terms, a few hundred, not the week's vocabulary (tens of thousands of terms at 20,000
    tickets, where arrays that long took about 2 s of a profiled 21 s); the mean is
    ``block.mean(axis=0)`` to the last bit: each weight scaled by 1/rows in the matrix's type, then added up in
    row order in that type."""
    used, column = np.unique(block.indices, return_inverse=True)
    sums = np.zeros(len(used), dtype=block.dtype)
    np.add.at(sums, column, block.data * block.dtype.type(1.0 / block.shape[0]))
    holding = np.bincount(column[block.data > 0], minlength=len(used))
    return sums, holding / block.shape[0], used


@lru_cache(maxsize=4096)
def _letter_triples(text: str | None) -> frozenset[str]:
    folded = " ".join(fold(text or "").split())
    return frozenset(folded[i:i + 3] for i in range(len(folded) - 2))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two sets (0 when both are empty)."""
    if not (a or b):
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)  # the union's size, without building it


def _joined_across_modules(vectors: TicketVectors, groups: list[list[int]], tickets: list[Ticketish],
                           similarity: float | None = None) -> list[list[int]]:
    """*groups* (each inside one module) with those of different modules that are as good as the same
    text joined: the model labelled one recurring report now this module, now that one ("SITHS strular
    på avd 4 igen": 393 tickets under one module, 42 under another), and the agenda showed it twice.
    Two groups of two or more of different modules and the same kind, or a ticket alone in its module and the group
    of such it is most alike, join at the lower bar :data:`ACROSS_MODULES_GROUP_SIMILARITY` (one lone ticket joins
    one group, not two groups through it; a question and a fault report stay apart, as inside a module)."""
    similarity = ACROSS_MODULES_SIMILARITY if similarity is None else similarity
    if len(groups) < 2:
        return groups
    means = CellMeans.of(vectors, [np.asarray(g, dtype=np.int64) for g in groups]).similarity()
    np.fill_diagonal(means, 0.0)
    joins = means >= similarity
    grouped = np.array([len(g) > 1 for g in groups])
    modules = _codes([_main_module(tickets, group) for group in groups])
    kinds = _codes([_main_kind(tickets, group) for group in groups])
    near = ((means >= ACROSS_MODULES_GROUP_SIMILARITY) & (modules[:, None] != modules[None, :])
            & ((kinds[:, None] == kinds[None, :]) | (kinds[:, None] < 0) | (kinds[None, :] < 0)))
    joins |= near & np.logical_and.outer(grouped, grouped)
    # each lone ticket and the group it is most alike, among those near enough (the first of equals, as argmax takes)
    to_group = np.where(near & grouped[None, :], means, -np.inf)
    alone = np.flatnonzero(~grouped & np.isfinite(to_group.max(axis=1)))
    best = to_group[alone].argmax(axis=1)
    joins[alone, best] = joins[best, alone] = True
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(*np.nonzero(np.triu(joins))):
        parent[root(int(a))] = root(int(b))
    joined: dict[int, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        joined[root(i)].extend(group)
    return [sorted(members) for members in joined.values()]


def says_little(description: str | None) -> bool:
    """Whether a masked description is mostly what the masking left ("Gäller pat [personnummer], mejla svar till
    [e-post]"): fewer than three words besides each placeholder. A training lead's export quoted two such reports
    among twelve examples; they tell a trainer nothing."""
    text = description or ""
    placeholders = len(PLACEHOLDER_RE.findall(text))
    return bool(placeholders) and len(WORD_RE.findall(PLACEHOLDER_RE.sub(" ", text))) < 3 * placeholders


def _varied_examples(typical: list[int], tickets: list[Ticketish], vectors: TicketVectors) -> list[int]:
    """Three of a topic's tickets (positions, most typical first) to quote: each text once, those with a
    description before those with only a title, and not two worded nearly alike while others say it
    differently, and those that say little besides what the masking left (:func:`says_little`) last (a tester's
    "Vidimera provsvar" quoted one title twice and none of its reports in
    other words, "gula svar i inkorgen"; a lab tester's quoted one description twice under two titles, once
    with a slip: "Fnins den någonstans?")."""
    described = [m for m in typical if (tickets[m].description or "").strip()]
    described.sort(key=lambda m: says_little(tickets[m].description))  # stable: most typical first within each
    # each quoted once (two tickets of one text are quoted alike, and so is one report under another title, or
    # with a greeting and a signature: an export showed two examples of three); a ticket's quote is worked out
    # only when it is considered
    quoted: set[tuple[str, str]] = set()

    def new_quote(m: int) -> bool:
        key = quoted_as(tickets[m].title, tickets[m].description)
        if key in quoted:
            return False
        quoted.add(key)
        return True

    words: dict[int, dict[int, float]] = {}
    letters: dict[int, frozenset[str]] = {}

    def words_of(m: int) -> dict[int, float]:  # a row's terms read once (slicing the matrix costs more than the product)
        if m not in words:
            start, end = vectors.words.indptr[m], vectors.words.indptr[m + 1]
            words[m] = dict(zip(vectors.words.indices[start:end].tolist(), vectors.words.data[start:end].tolist()))
        return words[m]

    def letters_of(m: int) -> frozenset[str]:
        if m not in letters:
            letters[m] = _letter_triples(tickets[m].description)
        return letters[m]

    def says_new(m: int, chosen: list[int]) -> bool:
        if not chosen:
            return True
        mine = words_of(m)
        for c in chosen:
            theirs = words_of(c)
            if sum(weight * theirs[term] for term, weight in mine.items() if term in theirs) >= NEAR_SAME_WORDING:
                return False
        return all(_overlap(letters_of(m), letters_of(c)) < NEAR_SAME_LETTERS for c in chosen)

    chosen: list[int] = []
    for m in described:
        if len(chosen) == EXAMPLES:
            return chosen
        if says_new(m, chosen) and new_quote(m):
            chosen.append(m)
    for m in described + typical:
        if len(chosen) == EXAMPLES:
            break
        if m not in chosen and new_quote(m):
            chosen.append(m)
    return chosen


def share_more_than_their_module(tickets: list[Ticketish], reference: ReferenceModel | None = None) -> bool:
    """Whether a group of three or more *tickets* has two that share a word that is neither their module's
    name (:func:`_names_module`) nor common in every kind of ticket (in :data:`COMMON_WORD_SHARE` or more of
    the *reference* texts: "skicka", "saknas", "tid"): in a module of few tickets its name ("Nova",
    "remiss") and such words weigh as much as what is asked, and four questions about different
    referrals, or three about different things in Nova, are no problem. A pair is left to the finder's
    cut (two reports of one thing in a small week: "Diktat i fel kö", "Mina diktat skrivs inte ut")."""
    if len(tickets) < 3:
        return True
    tells = _telling({ticket.module for ticket in tickets}, reference)
    once: set[str] = set()
    twice: set[str] = set()
    for ticket in tickets:  # a term is judged when a second ticket holds it; the first that tells is enough
        for term in {term for term in analyse(ticket_text(ticket.title, ticket.description)) if "_" not in term}:
            if term not in once:
                once.add(term)
            elif term not in twice:
                twice.add(term)
                if tells(term):
                    return True
    return False


def telling_terms(terms: list[str], modules: set[str | None], reference: ReferenceModel | None) -> list[str]:
    """Those of *terms* that say more than the *modules* they were written in: neither a module's name
    (:func:`_names_module`) nor common in every kind of ticket (in :data:`COMMON_WORD_SHARE` or more of the
    *reference* texts: "skicka", "saknas", "tid")."""
    tells = _telling(modules, reference)
    return [term for term in terms if tells(term)]


def _telling(modules: set[str | None], reference: ReferenceModel | None):
    """Whether a term says more than the *modules* (:func:`telling_terms`), the modules' name stems gathered once."""
    naming = set().union(*(_module_words(module) for module in modules))
    common = reference.word_df if reference is not None and reference.size else {}
    limit = COMMON_WORD_SHARE * (reference.size if reference is not None else 0)
    by_start = _by_start(naming)
    return lambda term: not _names_module(term, naming, by_start) and common.get(term, 0) <= limit


def _names_module(term: str, naming: set[str], by_start: dict[str, list[str]] | None = None) -> bool:
    """Whether *term* is one of a module's name stems *naming*, or another form of one: the two share
    their first five letters or more, and neither goes on more than five letters after that ("ordiner" of
    "Ordination", "dokumenter" of "Dokumentation", "beställ" of "Beställningar"; a compound such as
    "läkemedelslistan" says more than "Läkemedel"). *by_start* (:func:`_by_start` of *naming*), when given,
    spares comparing *term* with the words that do not start as it does."""
    if term in naming:
        return True
    words = naming if by_start is None else by_start.get(term[:OTHER_FORM_SHARED], ())
    return any(_other_form(term, word) for word in words)


OTHER_FORM_SHARED = 5  # letters two forms of one word share from their start (:func:`_other_form`)


def _by_start(naming: set[str]) -> dict[str, list[str]]:
    """The words of *naming* long enough to be another form of a word (:func:`_other_form`), by their first
    :data:`OTHER_FORM_SHARED` letters: only a word that starts as a term does can be its other form, and a week
    asks of every term its groups share (comparing each with every name stem was a twentieth of a week's time)."""
    by_start: dict[str, list[str]] = defaultdict(list)
    for word in naming:
        if len(word) >= OTHER_FORM_SHARED:
            by_start[word[:OTHER_FORM_SHARED]].append(word)
    return by_start


def _other_form(a: str, b: str) -> bool:
    shared = len(os.path.commonprefix([a, b]))
    return shared >= OTHER_FORM_SHARED and len(a) - shared <= 5 and len(b) - shared <= 5


@lru_cache(maxsize=64)
def _module_words(module: str | None) -> frozenset[str]:
    """The stems of a module's names (Swedish, English and its synonyms)."""
    label = next((m for m in load_taxonomy().modules if m.id == module), None)
    if label is None:
        return frozenset()
    return frozenset(term for text in (label.sv, label.en, *label.synonyms) for term in analyse(text) if "_" not in term)


def _main_module(tickets: list[Ticketish], members: list[int]) -> str | None:
    """The module most of *members* have (the first one's when they are even)."""
    counts = Counter(tickets[m].module for m in members)
    return max(counts, key=lambda module: (counts[module], module == tickets[members[0]].module))


def _codes(values: list[str | None]) -> np.ndarray:
    """A number for each of *values*, the same for the same value; -1 for None."""
    numbers: dict[str, int] = {}
    return np.array([-1 if value is None else numbers.setdefault(value, len(numbers)) for value in values],
                    dtype=np.int64)


def _main_kind(tickets: list[Ticketish], members: list[int]) -> str | None:
    """The kind most of *members* have (None when none has one)."""
    kinds = Counter(tickets[m].kind for m in members if tickets[m].kind)
    return kinds.most_common(1)[0][0] if kinds else None


def _place_stems(units) -> set[str]:
    """The stems of the words of the members' unit names ("Avd 4 Njurmedicin": njurmedicin), which
    keywords leave out as names leave out units and places."""
    return {term for unit in set(units) if unit for term in analyse(unit) if "_" not in term}


class _SignOffWords:
    """Whether a keyword's words came from the members' sign-offs: a word is a sign-off's when the
    quotes (:func:`elsdesk.sign_offs.quotable`) of most of the (up to :data:`SIGN_OFF_SAMPLE`) most
    typical descriptions that hold it leave it out. Only the :data:`SIGN_OFF_SCAN` most typical
    descriptions are read (a name that became a keyword is in a quarter of the members), and one is
    quoted only when a keyword is looked up in it, and once."""

    def __init__(self, descriptions: list[str]):
        self.descriptions = [d or "" for d in descriptions[:SIGN_OFF_SCAN]]  # most typical first
        self._folded: dict[int, str] = {}
        self._words: dict[int, set[str]] = {}
        self._dropped: dict[int, set[str]] = {}

    def any_of(self, words: list[str]) -> bool:
        return any(self._from_sign_off(word.casefold()) for word in words)

    def _from_sign_off(self, word: str) -> bool:
        holding = list(islice((i for i in range(len(self.descriptions)) if self._holds(i, word)), SIGN_OFF_SAMPLE))
        majority = len(holding) // 2 + 1
        dropped = kept = 0
        for i in holding:  # quoted one by one until the majority is clear either way
            if word in self._dropped_of(i):
                dropped += 1
            else:
                kept += 1
            if dropped >= majority or kept > len(holding) - majority:
                break
        return bool(holding) and dropped >= majority

    def _holds(self, i: int, word: str) -> bool:
        if i not in self._folded:
            self._folded[i] = self.descriptions[i].casefold()
        return word in self._folded[i] and word in self._words_of(i)  # the cheap test first

    def _words_of(self, i: int) -> set[str]:
        if i not in self._words:
            self._words[i] = _casefolded_words(self.descriptions[i])
        return self._words[i]

    def _dropped_of(self, i: int) -> set[str]:
        if i not in self._dropped:
            self._dropped[i] = self._words_of(i) - _casefolded_words(quotable(self.descriptions[i]))
        return self._dropped[i]


def _casefolded_words(text: str | None) -> set[str]:
    """The words of *text* (as the finder's surface forms are cut), case-folded."""
    return {word.casefold() for word in WORD_RE.findall(text or "")}


@lru_cache(maxsize=1)
def _blas_controller() -> ThreadpoolController:
    return ThreadpoolController()  # finding the BLAS libraries takes milliseconds: once per process


class TopicFinder:
    """Finds topics in a list of tickets; stateless apart from its settings."""

    def __init__(self, distance_threshold: float = DISTANCE_THRESHOLD, min_size: int | None = None, random_state: int = 0,
                 reference_texts: list[str] | None = None, char_weight: float = CHAR_WEIGHT, lsa_weight: float = LSA_WEIGHT,
                 kind_penalty: float = KIND_PENALTY):
        self.distance_threshold = distance_threshold
        self.min_size = min_size
        self.random_state = random_state
        self.reference_texts = reference_texts or []
        self.char_weight = char_weight
        self.lsa_weight = lsa_weight
        self.kind_penalty = kind_penalty
        self.vocabulary: np.ndarray | None = None
        self._spelling: tuple[frozenset[str], Spelling] | None = None  # the last texts counted, their spelling
        self._reference: ReferenceModel | None = None

    def reference(self) -> ReferenceModel:
        """The reference texts' counts and LSA basis (:func:`reference_model`), looked up once per finder:
        the look-up hashes every reference text, and a week asks for it once per name it checks."""
        if self._reference is None:
            self._reference = reference_model(self.reference_texts, self.random_state)
        return self._reference

    def minimum_size(self, n: int) -> int:
        if self.min_size is not None:
            return self.min_size
        return 2 if n < 400 else 3 if n < 4000 else 4

    def vectors(self, texts: list[str], compare: bool = True) -> TicketVectors:
        """The vectors of *texts*; IDF also learns from the reference texts (the seed corpus). Without
        *compare*, only the word part (what labels and typical tickets need)."""
        reference = self.reference()
        vectors = build_vectors(texts, reference, self.char_weight if compare else 0.0,
                                self.lsa_weight if compare else 0.0, self.random_state)
        self.vocabulary = vectors.vocabulary
        return vectors

    def find(self, tickets: list[Ticketish], is_cancelled=None) -> list[FoundTopic]:
        if len(tickets) < 2:
            return []
        texts = [ticket_text(t.title, t.description) for t in tickets]
        with _blas_controller().limit(limits=1, user_api="blas"):  # small products: a second BLAS thread only waits on a busy machine
            return self._find(tickets, texts, is_cancelled)

    def _find(self, tickets: list[Ticketish], texts: list[str], is_cancelled) -> list[FoundTopic]:
        vectors = self.vectors(texts)
        groups: dict[str | None, list[int]] = defaultdict(list)
        for index, ticket in enumerate(tickets):
            groups[ticket.module].append(index)
        minimum = self.minimum_size(len(tickets))
        found: list[list[int]] = []
        for module, indices in groups.items():
            if is_cancelled and is_cancelled():
                break
            kinds = [tickets[i].kind for i in indices]
            found.extend([indices[m] for m in members]
                         for members in cluster(vectors, np.array(indices), self.distance_threshold, self.random_state,
                                                kinds=kinds, kind_penalty=self.kind_penalty,
                                                kind_certainty=[tickets[i].kind_certainty for i in indices]))
        spelling = self.spelling(texts)
        reference = self.reference()
        topics = [self._describe(_main_module(tickets, members), members, vectors, tickets, texts, spelling)
                  for members in _joined_across_modules(vectors, found, tickets)
                  if len(members) >= minimum and share_more_than_their_module([tickets[m] for m in members], reference)]
        topics.sort(key=lambda t: (-len(t.members), t.label))
        distinct_labels(topics)
        return topics

    def telling_terms(self, text: str, module: str | None) -> list[str]:
        """The terms of *text* (a name) that say more than *module* (:func:`telling_terms`)."""
        terms = [term for term in analyse(text) if "_" not in term]
        return telling_terms(terms, {module}, self.reference())

    def learn_spelling(self, tickets: list[Ticketish]) -> Spelling:
        """Count how the week's *tickets* spell their words once, before its groups are found and
        described (:meth:`spelling` then serves every group of them); that spelling."""
        return self.spelling([ticket_text(t.title, t.description) for t in tickets])

    def spelling(self, texts: list[str]) -> Spelling:
        """How the words of *texts* and of the reference texts are spelled (names and keywords are
        spelled as most colleagues spell them, :mod:`elsdesk.topics.names`). Counted once a week: texts
        that are all among the last texts counted (the tickets under no known problem, after the whole
        week's) are spelled as those were, which is the week's own majority."""
        if self._spelling is None or not self._spelling[0].issuperset(texts):
            self._spelling = (frozenset(texts), week_spelling(texts, self.reference_texts))
        return self._spelling[1]

    def describe_groups(self, tickets: list[Ticketish], groups: list[list[int]]) -> list[FoundTopic]:
        """Describe groups that people (or the problem matcher) made: keywords, mixes, typical tickets."""
        if not groups:
            return []
        texts = [ticket_text(t.title, t.description) for t in tickets]
        vectors = self.vectors(texts, compare=False)
        spelling = self.spelling(texts)
        described = []
        for members in groups:
            modules = Counter(tickets[m].module for m in members if tickets[m].module)
            module = modules.most_common(1)[0][0] if modules else None
            described.append(self._describe(module, members, vectors, tickets, texts, spelling))
        return described

    def _describe(self, module, members: list[int], vectors: TicketVectors, tickets: list[Ticketish],
                  texts: list[str], spelling: Spelling) -> FoundTopic:
        block = vectors.words[members]
        block.sort_indices()  # the similarity below sums each row in column order (which decides the typical members)
        centroid, coverage, used = _term_means(block)
        score = centroid * (0.5 + coverage)
        vocabulary = vectors.vocabulary[used]
        order = np.argsort(-score, kind="stable")  # terms as alike in order of the vocabulary
        stems = {vocabulary[i]: float(centroid[i]) for i in order[:40] if centroid[i] > 0}
        whole_centroid = np.zeros(block.shape[1], dtype=centroid.dtype)
        whole_centroid[used] = centroid
        similarity = np.asarray(block @ whole_centroid).ravel()
        typical = np.argsort(-similarity)
        places = _place_stems(tickets[m].unit for m in members)
        unnamed = places | _error_stems()  # a ward that reports a lot, or that an error message came, names no topic
        candidates = [i for i in order[:30] if score[i] > 0 and coverage[i] >= 0.25
                      and not unnamed.intersection(vocabulary[i].split("_"))]
        # how the most typical members wrote each candidate's stems (a thousand members say it no better than a few hundred)
        forms = _surface_forms([vectors.cleaned[members[i]] for i in typical[:SURFACE_SAMPLE]],
                               {part for i in candidates for part in vocabulary[i].split("_")})
        keywords = _keywords([vocabulary[i].split("_") for i in candidates], forms, spelling,
                             _SignOffWords([tickets[members[i]].description for i in typical[:SIGN_OFF_SCAN]]))
        examples = _varied_examples([members[i] for i in typical[:EXAMPLES_SCAN]], tickets, vectors)
        name = provisional_name([tickets[members[i]].title for i in typical], [tickets[m].unit or "" for m in members],
                                spelling, [tickets[members[i]].description for i in typical[:DESCRIPTIONS_TRIED]])
        return FoundTopic(
            module=module, members=members, keywords=keywords, stems=stems,
            kind_mix=dict(Counter(tickets[m].kind or "" for m in members)),
            module_mix=dict(Counter(tickets[m].module or "" for m in members)),
            examples=examples, name=name,
        )
