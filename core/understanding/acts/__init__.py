"""The second reader: a trained classifier of what a message does, beside the rules.

The rules (``core.understanding.understand``) read the messages people were seen to write and
stop at those: on phrasing nobody wrote down they read about three messages in four. So the
message is read again the other way: titles spotted anywhere in it from the catalogue's own
vocabulary (``spotting.spot``), everything the scanner knows masked (``masking.masked``), and
the act (``ACTS``: where, title, credits, similar, list, count, more, chat …) told by a
classifier trained on the ``corpus_*.tsv`` files beside this one, messages written for it by
four writers, apart from every evaluation set. ``core.understanding.second_reading`` decides
when its reading counts: where the rules read weakly, or over them when it is surer (``OVERRULE``).

``Acts.cached`` trains it on a catalogue (its titles are masked in the corpus as they will be in
messages), once per vocabulary in a process. The catalogue build trains it and ``save``s it
beside the snapshot; a serving process ``load``s it (no scikit-learn, no training) and trains it
itself only for a snapshot without one. ``Acts.read`` reads one message.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.snapshot.arrays import pack_strings, unpack_strings
from core.snapshot.atomic import write_atomically, write_json
from core.understanding.acts import masking
from core.understanding.acts.classifier import ACTS, CORPUS, Act, ActClassifier, load_corpus
from core.understanding.acts.spotting import Span, spot
from core.understanding.question import Intent

__all__ = [
    "ACTS",
    "ACT_INTENTS",
    "OVERRULE",
    "SURE",
    "TITLE_ACTS",
    "Act",
    "Acts",
    "ActReading",
    "load_corpus",
]

# The acts about one title, and the question each asks of it.
ACT_INTENTS = {
    "where": Intent.WHERE,
    "title": Intent.TITLE,
    "credits": Intent.CREDITS,
    "similar": Intent.RECOMMEND,
}
TITLE_ACTS = frozenset(ACT_INTENTS)
# Acts whose messages name no title: their words are everyday words, never a one-word title.
TITLE_FREE = frozenset(
    ["count", "list", "refine", "more", "chat", "unknown", "top_person", "longest", "shortest"]
)
SURE = 0.5  # the probability an act needs before a second reading follows it
OVERRULE = 0.6  # ... and before it overrules a reading the rules are sure of
COMMON_IN = 2  # lines of the corpus a word must be in to count as an everyday word
# Small talk and requests the bot cannot serve name titles too ("i cried like a baby at coco"):
# their words are everyday words, but not words a title is never made of.
CHATTY = frozenset(["chat", "unknown"])


ARRAYS_FILE = "acts.npz"  # beside a snapshot's catalogue
META_FILE = "acts.json"
FORMAT = 1  # bump when masking or the classifier's terms change: saved classifiers are retrained
KEPT = 2  # classifiers kept per process: the one served and the one a refresh builds
_BUILT: OrderedDict = OrderedDict()
_LOCK = threading.Lock()


def _signature(corpus: Path) -> tuple:
    files = sorted(corpus.glob("corpus_*.tsv")) if corpus.is_dir() else [corpus]
    return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def corpus_digest(corpus: Path = CORPUS) -> str:
    """The corpus's content, as a saved classifier records it: an edited corpus retrains."""
    files = sorted(corpus.glob("corpus_*.tsv")) if corpus.is_dir() else [corpus]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ActReading:
    act: Act
    titles: tuple[Span, ...] = ()  # item spans of the titles spotted
    text: str = ""  # what the classifier read


class Acts:
    def __init__(self, classifier: ActClassifier, common: frozenset[str], everyday: frozenset[str]):
        self.classifier = classifier
        self.common = common  # words of requests: never a title of one word (``spotting``)
        self.everyday = everyday  # ... and of small talk: words people use about anything

    @classmethod
    def cached(cls, message_of, vocabulary: int, corpus: Path = CORPUS) -> Acts:
        """``build``, or the classifier built last in this process for the same ``vocabulary``
        (a fingerprint of everything ``message_of`` reads with) and corpus: a snapshot loaded
        again, or another of the same catalogue, trains nothing (tests load dozens)."""
        key = (vocabulary, _signature(corpus))
        with _LOCK:
            found = _BUILT.get(key)
        if found is None:
            found = cls.build(message_of, corpus)
            with _LOCK:
                _BUILT[key] = found
                while len(_BUILT) > KEPT:
                    _BUILT.popitem(last=False)
        return found

    @classmethod
    def build(cls, message_of, corpus: Path = CORPUS) -> Acts:
        """``message_of(text)`` is the understanding layer's reading of a text into a
        ``Message`` (``Understanding._message``): the corpus is read as messages will be."""
        acts, texts, labels = cls.unfitted(message_of, corpus)
        acts.classifier.fit(texts, labels)
        return acts

    @classmethod
    def unfitted(cls, message_of, corpus: Path = CORPUS) -> tuple[Acts, list[str], list[str]]:
        """The classifier still to train, and the corpus masked as it will read it, with its acts."""
        examples = load_corpus(corpus)
        messages = [message_of(e.text) for e in examples]

        def words_of(chosen) -> frozenset[str]:
            seen = Counter(
                word for e, m in zip(examples, messages, strict=True) if e.act in chosen
                for word in {t.word for t in m.toks}
            )  # fmt: skip
            return frozenset(word for word, lines in seen.items() if lines >= COMMON_IN)

        acts = cls(ActClassifier(), words_of(TITLE_FREE - CHATTY), words_of(TITLE_FREE))
        return acts, [acts.masked(m)[1] for m in messages], [e.act for e in examples]

    @classmethod
    def untrained(cls) -> Acts:
        """No second reading: every message is left to the rules (a first start's snapshot
        serves with it until the build's trained classifier arrives)."""
        return cls(ActClassifier(), frozenset(), frozenset())

    def save(self, directory, version: str) -> None:
        """Keep the trained classifier beside the snapshot of catalogue ``version``."""
        directory = Path(directory)
        arrays = {
            **self.classifier.arrays(),
            "common": pack_strings(sorted(self.common)),
            "everyday": pack_strings(sorted(self.everyday)),
        }

        def write_npz(path):
            with open(path, "wb") as handle:  # a file object: np.savez would append ".npz" to a name
                np.savez(handle, **arrays)

        write_atomically(directory / ARRAYS_FILE, write_npz)
        write_json(directory / META_FILE, {"format": FORMAT, "version": version, "corpus": corpus_digest()})

    @classmethod
    def load(cls, directory, version: str) -> Acts | None:
        """The classifier saved beside the snapshot of catalogue ``version``, or None when
        there is none, or it is damaged, or was trained for another version or corpus."""
        directory = Path(directory)
        try:
            meta = json.loads((directory / META_FILE).read_text())
            if meta != {"format": FORMAT, "version": version, "corpus": corpus_digest()}:
                return None
            with np.load(directory / ARRAYS_FILE, allow_pickle=False) as arrays:
                classifier = ActClassifier.load(arrays)
                common, everyday = unpack_strings(arrays["common"]), unpack_strings(arrays["everyday"])
        except (OSError, ValueError, KeyError):
            return None
        return cls(classifier, frozenset(common), frozenset(everyday))

    def read(self, message) -> ActReading:
        """``message``: a ``core.understanding.message.Message``."""
        titles, text = self.masked(message)
        return ActReading(self.classifier.predict(text), tuple(titles), text)

    def masked(self, message) -> tuple[list[Span], str]:
        """The titles spotted in ``message`` and the text the classifier reads."""
        titles = spot(message, self.common)
        return titles, masking.masked(message.items, titles)
