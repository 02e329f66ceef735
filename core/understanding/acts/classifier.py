"""A text classifier of acts: which of ``ACTS`` a message performs, with its probability.

Word n-grams carry the question words ("who directed", "de qué va"), character n-grams their
misspellings ("wher", "reccomend", "kiero"); both are TF-IDF weighted and read by one
multinomial logistic regression. A message's arguments and titles are masked before it is read
(``core.understanding.acts.masking``), so "is it on _platform_" is one shape whatever platform
it names, and the classifier learns the act, not the catalogue.

Trained by the catalogue build, beside the snapshot it reads (``core.understanding.acts.Acts.save``):
the fit 0.25 s of about 1 s with the corpus read, on the full data, 2026-12-07. ``save`` and
``load`` keep only arrays (terms, idf, weights), so the serving process reads messages with
``core.understanding.acts.ngrams`` and never imports scikit-learn;
``predict`` does by hand what scikit-learn's ``predict_proba`` does, for one text, because the
library's input checks cost more than the arithmetic (0.07 ms against 0.84 ms a message,
measured with ``timeit`` on the full data, 2026-12-07).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.snapshot.arrays import pack_strings, unpack_strings
from core.understanding.acts.ngrams import char_terms, word_terms

# The corpus: every ``corpus_*.tsv`` beside this file, one per writer (each says who in its header).
CORPUS = Path(__file__).parent
ACTS = (
    "where", "title", "credits", "similar", "count", "list", "longest", "shortest", "top_person",
    "person", "more", "refine", "chat", "unknown",
)  # fmt: skip


@dataclass(frozen=True)
class Act:
    name: str
    p: float  # the classifier's probability of it


@dataclass(frozen=True)
class Example:
    act: str
    language: str
    text: str
    line: int = 0
    source: str = ""  # the file it is in: its writer


def load_corpus(path: Path = CORPUS) -> list[Example]:
    """``<act>\\t<language>\\t<text>`` lines of a file, or of every ``corpus_*.tsv`` of a folder;
    ``#`` starts a comment. A wrong act is an error that names its file and line, so a typo in
    the corpus cannot quietly teach nothing."""
    if path.is_dir():
        return [e for file in sorted(path.glob("corpus_*.tsv")) for e in load_corpus(file)]
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].strip() not in ACTS or not parts[2].strip():
            raise ValueError(f"{path.name}:{number}: expected <act>\\t<language>\\t<text>, got {line!r}")
        examples.append(Example(parts[0].strip(), parts[1].strip(), parts[2].strip(), number, path.name))
    return examples


class ActClassifier:
    """``fit`` (scikit-learn, imported then) or ``load``; then ``predict``."""

    def __init__(self, c: float = 8.0):
        self.c = c
        self.classes: list[str] = []
        self._analyzers: list[tuple] = []  # (terms of a text, term -> column, idf) per vectorizer
        self._weights = self._bias = np.zeros(0)
        self.fitted: tuple | None = None  # (word vectorizer, char vectorizer, model) after ``fit``

    def fit(self, texts: list[str], acts: list[str]) -> ActClassifier:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        # The terms are ngrams' (scikit-learn's own word and char_wb analyzers, made without it).
        words = TfidfVectorizer(analyzer=word_terms, sublinear_tf=True, min_df=1)
        chars = TfidfVectorizer(analyzer=char_terms, sublinear_tf=True, min_df=2)
        # newton-cg to 1e-3 fits the corpus in a sixth of lbfgs's time (0.25 s against 1.55 s)
        # and reads held-out writers as well (95.0% against 95.0% of lines, leave-one-writer-out, 2026-12-07)
        model = LogisticRegression(C=self.c, max_iter=3000, solver="newton-cg", tol=1e-3)
        features = hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr()
        model.fit(features, acts)
        self.classes = [str(name) for name in model.classes_]
        self._analyzers = [
            (terms, v.vocabulary_, v.idf_) for terms, v in ((word_terms, words), (char_terms, chars))
        ]
        self._weights = model.coef_.T.astype(np.float64)  # features x classes
        self._bias = model.intercept_.astype(np.float64)
        self.fitted = (words, chars, model)  # the library's own, to check ``predict`` against
        return self

    def arrays(self) -> dict[str, np.ndarray]:
        """The fitted classifier as plain arrays (``load`` reads them back)."""
        saved = {"classes": pack_strings(self.classes), "weights": self._weights, "bias": self._bias}
        for name, (_, vocabulary, idf) in zip(("words", "chars"), self._analyzers, strict=True):
            by_column = sorted(vocabulary, key=vocabulary.get)
            saved[f"{name}_terms"], saved[f"{name}_idf"] = pack_strings(by_column), np.asarray(idf)
        return saved

    @classmethod
    def load(cls, arrays) -> ActClassifier:
        """A classifier from ``arrays()``'s arrays (a mapping such as an open ``.npz``)."""
        classifier = cls()
        classifier.classes = unpack_strings(arrays["classes"])
        classifier._weights, classifier._bias = arrays["weights"], arrays["bias"]
        classifier._analyzers = [
            (
                terms,
                {t: i for i, t in enumerate(unpack_strings(arrays[f"{name}_terms"]))},
                arrays[f"{name}_idf"],
            )
            for name, terms in (("words", word_terms), ("chars", char_terms))
        ]
        if classifier._weights.shape != (
            sum(len(a[1]) for a in classifier._analyzers),
            len(classifier.classes),
        ):
            raise ValueError("the act classifier's weights do not match its terms")
        return classifier

    def probabilities(self, text: str) -> dict[str, float]:
        if not self.classes:
            return {}
        scores = self._bias.copy()
        offset = 0
        for analyzer, vocabulary, idf in self._analyzers:
            columns, values = _tf_idf(analyzer(text), vocabulary, idf)
            if columns:
                scores += values @ self._weights[np.asarray(columns) + offset]
            offset += len(vocabulary)
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return dict(zip(self.classes, scores.ravel().tolist(), strict=True))

    def predict(self, text: str) -> Act:
        probabilities = self.probabilities(text)
        if not probabilities:  # untrained (``Acts.untrained``): no reading at all
            return Act("unknown", 0.0)
        best = max(probabilities, key=probabilities.get)
        return Act(best, probabilities[best])


def _tf_idf(terms, vocabulary: dict, idf: np.ndarray) -> tuple[list[int], np.ndarray]:
    """The columns and values a fitted ``TfidfVectorizer.transform`` gives one text's ``terms``:
    counted, sublinear tf times idf, then L2-normalised."""
    counts: dict[int, int] = {}
    for term in terms:
        column = vocabulary.get(term)
        if column is not None:
            counts[column] = counts.get(column, 0) + 1
    columns = list(counts)
    values = (1.0 + np.log(np.fromiter(counts.values(), float, len(counts)))) * idf[columns]
    norm = np.sqrt(values @ values)
    return columns, values / norm if norm else values
