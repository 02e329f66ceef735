"""A text classifier of acts: which of ``ACTS`` a message performs, with its probability.

Word n-grams carry the question words ("who directed", "de qué va"), character n-grams their
misspellings ("wher", "reccomend", "kiero"); both are TF-IDF weighted and read by one
multinomial logistic regression. A message's arguments and titles are masked before it is read
(``core.understanding.acts.masking``), so "is it on _platform_" is one shape whatever platform
it names, and the classifier learns the act, not the catalogue.

Trained when a snapshot loads (``Understanding.build``: the fit 0.25 s of about 1 s with the
corpus read, on the full data, 2026-12-07);
``predict`` does by hand what scikit-learn's ``predict_proba`` does, for one text, because the
library's input checks cost more than the arithmetic (0.07 ms against 0.84 ms a message,
measured with ``timeit`` on the full data, 2026-12-07).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

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
    def __init__(self, c: float = 8.0):
        self.words = TfidfVectorizer(
            analyzer="word", token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True, min_df=1
        )
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
        # newton-cg to 1e-3 fits the corpus in a sixth of lbfgs's time (0.25 s against 1.55 s)
        # and reads held-out writers as well (95.0% against 95.0% of lines, leave-one-writer-out, 2026-12-07)
        self.model = LogisticRegression(C=c, max_iter=3000, solver="newton-cg", tol=1e-3)

    def fit(self, texts: list[str], acts: list[str]) -> ActClassifier:
        features = hstack([self.words.fit_transform(texts), self.chars.fit_transform(texts)]).tocsr()
        self.model.fit(features, acts)
        self.classes = [str(name) for name in self.model.classes_]
        self._analyzers = [(v.build_analyzer(), v.vocabulary_, v.idf_) for v in (self.words, self.chars)]
        self._weights = self.model.coef_.T.astype(np.float64)  # features x classes
        self._bias = self.model.intercept_.astype(np.float64)
        return self

    def probabilities(self, text: str) -> dict[str, float]:
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
