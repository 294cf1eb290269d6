"""TopicFinder: cluster a set of tickets into recurring problems, with readable Swedish labels.

Tickets are compared by their stemmed words and word pairs (TF-IDF, cosine). Clustering runs
inside each module (a problem belongs to one part of Cosmic) with average-linkage
agglomerative clustering cut at a fixed cosine distance, so small weeks and big weeks are
treated alike; very large module groups are first condensed with k-means. Groups smaller than
``min_size`` stay out: a one-off ticket is not a topic. Labels use the cluster's key terms in
the form people wrote them, not their stems.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.cluster import AgglomerativeClustering, MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances
from sklearn.preprocessing import normalize

from elsdesk.ml.text import clean, fold, stem, stop_words, ticket_text

DISTANCE_THRESHOLD = 0.9
CHAR_WEIGHT = 0.5
LSA_WEIGHT = 0.5
LSA_COMPONENTS = 100
DIRECT_LIMIT = 2500
_WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# words that say nothing about the problem itself
_GENERIC = frozenset(fold(w) for w in (
    "cosmic", "problem", "fel", "fråga", "hjälp", "pat", "patient", "patienten", "patientens", "ssk", "usk", "läk",
    "läkare", "avd", "avdelning", "avdelningen", "går", "gör", "får", "finns", "kommer", "står", "ser", "vet",
    "hittar", "behöver", "fungerar", "funkar", "ingen", "igen", "alltid", "idag", "nu", "också", "bara", "måste",
    "försökt", "försöker", "vill", "kunna", "hur", "gång", "sätt", "del", "något", "ändå", "där", "ena", "annat",
    "tack", "hej", "mvh", "någon", "inget", "varför", "just", "efter", "innan", "lite", "mer", "ska", "kan",
    "fått", "fick", "gjort", "gjorde", "blir", "blev", "vanligt", "vanliga", "hela", "helt", "ganska", "väldigt",
    "dag", "idag", "igår", "morse", "kväll", "natt", "ibland", "ofta", "flera", "många", "andra", "annan",
    # English function words: locums write English, and "the", "how do" would join their tickets whatever the problem
    "the", "a", "an", "to", "of", "in", "on", "for", "is", "are", "was", "were", "it", "its", "this", "that", "i",
    "we", "you", "he", "she", "they", "me", "my", "our", "your", "how", "do", "does", "did", "can", "cannot", "cant",
    "not", "no", "with", "as", "at", "be", "been", "have", "has", "had", "hi", "hello", "thanks", "thank", "please",
    "there", "what", "when", "where", "why", "which", "who", "get", "got", "from", "by", "or", "and", "but", "if",
    "so", "just", "any", "all", "would", "could", "should", "will", "there", "here", "after", "before", "again",
    "still", "only", "into", "out", "up", "about", "some", "one", "also", "am", "im", "dont", "doesnt", "isnt",
))


@dataclass
class Ticketish:
    """What the finder needs of a ticket."""

    key: str
    title: str
    description: str
    module: str | None
    kind: str | None
    unit: str | None = None


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


_MAIL_PREFIX_RE = re.compile(r"^\s*((re|sv|vb|fw|fwd|ang)\s*:\s*)+", re.IGNORECASE)
_UNIT_RE = re.compile(r"\b(avd(elning)?|vc|hc|mott(agning)?|enhet)\.?\s*\d+\w*", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\b\w*\d\w*\b")
_TRAILING_RE = re.compile(r"[\s?!.:;,-]+$")
NAME_MAX = 70
_DANGLING = frozenset(("på", "i", "för", "till", "vid", "hos", "från", "med", "och", "av", "om", "in", "at", "on"))


def provisional_name(titles: list[str], units: list[str]) -> str | None:
    """A readable name for a group from its most typical titles (given most typical first): the
    first that still says something once mail prefixes, unit and place names, numbers and
    trailing punctuation are gone. None when no title does."""
    places = sorted({u.strip().casefold() for u in units if u and u.strip()}, key=len, reverse=True)
    for title in titles:
        text = _MAIL_PREFIX_RE.sub("", title or "")
        for place in places:
            text = re.sub(re.escape(place), " ", text, flags=re.IGNORECASE)
        text = _NUMBER_RE.sub(" ", _UNIT_RE.sub(" ", text))
        words = _TRAILING_RE.sub("", " ".join(text.split())).split()
        while words and words[-1].casefold().strip("?!.,:;-") in _DANGLING:  # "… på" once "avd 12" is gone
            words.pop()
        text = _TRAILING_RE.sub("", " ".join(words))
        text = re.sub(r"\s+([?!.,:;])", r"\1", text)
        if not text or len(text) > NAME_MAX or len(set(analyse(text))) < 2:
            continue  # "Cosmic", "Hjälp!", "Problem igen" say nothing; a pasted sentence is no name
        return text[:1].upper() + text[1:]
    return None


def label_from_keywords(keywords: list[str]) -> str:
    if not keywords:
        return "Övrigt"
    first, *rest = keywords
    return (first[:1].upper() + first[1:]) + ((": " + ", ".join(rest)) if rest else "")


@lru_cache(maxsize=60_000)
def analyse(text: str) -> tuple[str, ...]:
    """Stems of content words plus adjacent stem pairs (cached: the reference corpus recurs)."""
    stops = stop_words()
    words = [w for w in _WORD_RE.findall(clean(text)) if w not in stops and fold(w) not in _GENERIC]
    stems = [stem(w) for w in words]
    return tuple(stems + [f"{a}_{b}" for a, b in zip(stems, stems[1:]) if a != b])


@lru_cache(maxsize=60_000)
def _char_text(text: str) -> str:
    return fold(clean(text))


def _surface_forms(texts: list[str]) -> dict[str, Counter]:
    forms: dict[str, Counter] = defaultdict(Counter)
    stops = stop_words()
    for text in texts:
        for word in _WORD_RE.findall(clean(text)):
            if word not in stops:
                forms[stem(word)][word] += 1
    return forms


class TopicFinder:
    """Finds topics in a list of tickets; stateless apart from its settings."""

    def __init__(self, distance_threshold: float = DISTANCE_THRESHOLD, min_size: int | None = None, random_state: int = 0,
                 reference_texts: list[str] | None = None, char_weight: float = CHAR_WEIGHT, lsa_weight: float = LSA_WEIGHT):
        self.distance_threshold = distance_threshold
        self.min_size = min_size
        self.random_state = random_state
        self.reference_texts = reference_texts or []
        self.char_weight = char_weight
        self.lsa_weight = lsa_weight
        self.vectorizer: TfidfVectorizer | None = None
        self.vocabulary: np.ndarray | None = None

    def minimum_size(self, n: int) -> int:
        if self.min_size is not None:
            return self.min_size
        return 2 if n < 400 else 3 if n < 4000 else 4

    def fit_vectors(self, texts: list[str]):
        """Term vectors of *texts*; IDF also learns from the reference texts (the seed corpus)."""
        self.vectorizer = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=1, dtype=np.float32)
        self.vectorizer.fit(texts + self.reference_texts)
        self.vocabulary = self.vectorizer.get_feature_names_out()
        return self.vectorizer.transform(texts)

    def similarity_vectors(self, texts: list[str], words):
        """What clustering compares: word vectors joined by character n-grams (typos, compounds)
        and an LSA projection learnt with the reference corpus (words that go together)."""
        parts = [words]
        if self.char_weight:
            chars = TfidfVectorizer(preprocessor=_char_text, analyzer="char_wb", ngram_range=(4, 5),
                                    sublinear_tf=True, min_df=1, dtype=np.float32)
            chars.fit(texts + self.reference_texts)
            parts.append(chars.transform(texts) * self.char_weight)
        if self.lsa_weight:
            from sklearn.decomposition import TruncatedSVD

            corpus = vstack([self.vectorizer.transform(self.reference_texts), words]) if self.reference_texts else words
            components = min(LSA_COMPONENTS, corpus.shape[1] - 1, corpus.shape[0] - 1)
            if components < 2:
                return words
            svd = TruncatedSVD(n_components=components, n_iter=3, random_state=self.random_state).fit(corpus)
            dense = normalize(svd.transform(words)) * self.lsa_weight
            parts.append(csr_matrix(dense.astype(np.float32)))
        return normalize(hstack(parts).tocsr()) if len(parts) > 1 else words

    def find(self, tickets: list[Ticketish], is_cancelled=None) -> list[FoundTopic]:
        if len(tickets) < 2:
            return []
        texts = [ticket_text(t.title, t.description) for t in tickets]
        matrix = self.fit_vectors(texts)
        compare = self.similarity_vectors(texts, matrix)
        groups: dict[str | None, list[int]] = defaultdict(list)
        for index, ticket in enumerate(tickets):
            groups[ticket.module].append(index)
        minimum = self.minimum_size(len(tickets))
        topics = []
        for module, indices in groups.items():
            if is_cancelled and is_cancelled():
                break
            if len(indices) < minimum:
                continue
            for members in self._cluster(compare[indices]):
                if len(members) >= minimum:
                    topics.append(self._describe(module, [indices[m] for m in members], matrix, tickets, texts))
        topics.sort(key=lambda t: (-len(t.members), t.label))
        return topics

    def describe_groups(self, tickets: list[Ticketish], groups: list[list[int]]) -> list[FoundTopic]:
        """Describe groups that people (or the problem matcher) made: keywords, mixes, typical tickets."""
        if not groups:
            return []
        texts = [ticket_text(t.title, t.description) for t in tickets]
        matrix = self.fit_vectors(texts)
        described = []
        for members in groups:
            modules = Counter(tickets[m].module for m in members if tickets[m].module)
            module = modules.most_common(1)[0][0] if modules else None
            described.append(self._describe(module, members, matrix, tickets, texts))
        return described

    def _cluster(self, matrix) -> list[list[int]]:
        n = matrix.shape[0]
        rows_with_terms = np.asarray(matrix.getnnz(axis=1)).ravel() > 0
        if n > DIRECT_LIMIT:
            return self._cluster_large(matrix)
        labels = np.full(n, -1)
        usable = np.where(rows_with_terms)[0]
        if len(usable) >= 2:
            distances = cosine_distances(matrix[usable])
            clustering = AgglomerativeClustering(
                n_clusters=None, metric="precomputed", linkage="average", distance_threshold=self.distance_threshold)
            labels[usable] = clustering.fit_predict(distances)
        clusters: dict[int, list[int]] = defaultdict(list)
        for index, label in enumerate(labels):
            if label >= 0:
                clusters[label].append(index)
        return list(clusters.values())

    def _cluster_large(self, matrix) -> list[list[int]]:
        """Condense a big group with k-means into small cells, then join cells like tickets."""
        n = matrix.shape[0]
        cells = max(DIRECT_LIMIT // 2, n // 8)
        kmeans = MiniBatchKMeans(n_clusters=min(cells, n), random_state=self.random_state, n_init=1, batch_size=4096)
        cell_of = kmeans.fit_predict(matrix)
        centroids = normalize(csr_matrix(kmeans.cluster_centers_))
        joined = self._cluster(centroids)
        ticket_clusters = []
        members_of_cell: dict[int, list[int]] = defaultdict(list)
        for index, cell in enumerate(cell_of):
            members_of_cell[cell].append(index)
        for cell_group in joined:
            ticket_clusters.append([i for cell in cell_group for i in members_of_cell.get(cell, [])])
        return ticket_clusters

    def _describe(self, module, members: list[int], matrix, tickets: list[Ticketish], texts: list[str]) -> FoundTopic:
        block = matrix[members]
        centroid = np.asarray(block.mean(axis=0)).ravel()
        # how many members use each term: a label should name what most of them share
        coverage = np.asarray((block > 0).sum(axis=0)).ravel() / len(members)
        score = centroid * (0.5 + coverage)
        vocabulary = self.vocabulary
        order = np.argsort(-score)
        stems = {vocabulary[i]: float(centroid[i]) for i in order[:40] if centroid[i] > 0}
        forms = _surface_forms([texts[m] for m in members])
        keywords, used = [], set()
        for i in order[:30]:
            term = vocabulary[i]
            if score[i] <= 0 or coverage[i] < 0.25:
                continue
            parts = term.split("_")
            if any(p in used for p in parts):
                continue
            words = [forms[p].most_common(1)[0][0] if forms.get(p) else p for p in parts]
            keywords.append(" ".join(words))
            used.update(parts)
            if len(keywords) == 4:
                break
        similarity = np.asarray(block @ centroid).ravel()
        examples, seen_texts = [], set()
        for i in np.argsort(-similarity):  # the most typical tickets, each text once
            if texts[members[i]] not in seen_texts:
                seen_texts.add(texts[members[i]])
                examples.append(members[i])
            if len(examples) == 3:
                break
        typical = [members[i] for i in np.argsort(-similarity)]
        name = provisional_name([tickets[m].title for m in typical], [tickets[m].unit or "" for m in members])
        return FoundTopic(
            module=module, members=members, keywords=keywords, stems=stems,
            kind_mix=dict(Counter(tickets[m].kind or "" for m in members)),
            module_mix=dict(Counter(tickets[m].module or "" for m in members)),
            examples=examples, name=name,
        )


def centroid_similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two topics' term profiles (used to match topics across weeks)."""
    if not a or not b:
        return 0.0
    dot = sum(weight * b.get(term, 0.0) for term, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0
