"""How well the act classifier tells what a message does, on messages it did not learn from.

    python -m benchmarks.eval_acts [--corpus core/understanding/acts] [--folds 5 | --by-writer]
                                   [--snapshot data/processed] [--errors]

The corpus is split into ``--folds`` parts (every act in every part, in proportion), or with
``--by-writer`` into its files, one per writer: each part is read by a classifier trained on
the others, masked as the bot masks messages (with the served catalogue's titles; the everyday
words that stop one-word titles being spotted are taken from the whole corpus). A writer's
lines read by a model that learnt only the other writers' are the nearest thing to phrasing
nobody wrote down. Prints accuracy, accuracy of the readings at or above the probability the
bot acts on (``core.understanding.acts.SURE``) and how many reach it, the recall of every act,
and the pairs most confused.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold

from core.understanding.acts import CORPUS, SURE, Acts, load_corpus
from core.understanding.acts.classifier import ActClassifier


def cross_validated(
    understanding, corpus: Path, folds: int, by_writer: bool = False
) -> list[tuple[str, str, float, str]]:
    """(act labelled, act read, probability, text) for every line, read by a model that did not see it."""
    _, texts, labels = Acts.unfitted(understanding._message, corpus)
    examples = load_corpus(corpus)
    results: list = [None] * len(examples)
    if by_writer:
        sources = [e.source for e in examples]
        splits = LeaveOneGroupOut().split(texts, labels, groups=sources)
    else:
        splits = StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, labels)
    for train, test in splits:
        model = ActClassifier().fit([texts[k] for k in train], [labels[k] for k in train])
        for k in test:
            act = model.predict(texts[k])
            results[k] = (labels[k], act.name, act.p, examples[k].text)
    return results


def report(results: list[tuple[str, str, float, str]], errors: bool) -> None:
    right = sum(want == got for want, got, _, _ in results)
    sure = [(want, got) for want, got, p, _ in results if p >= SURE]
    print(f"{len(results)} messages: {right / len(results):.1%} read right")
    print(
        f"at p >= {SURE}: {len(sure) / len(results):.1%} of messages, "
        f"{sum(w == g for w, g in sure) / max(1, len(sure)):.1%} of them right"
    )
    by_act = Counter(want for want, _, _, _ in results)
    hits = Counter(want for want, got, _, _ in results if want == got)
    print("recall: " + ", ".join(f"{act} {hits[act] / n:.0%}" for act, n in sorted(by_act.items())))
    confused = Counter((want, got) for want, got, _, _ in results if want != got)
    print("most confused: " + ", ".join(f"{w}->{g} {n}" for (w, g), n in confused.most_common(8)))
    if errors:
        for want, got, p, text in results:
            if want != got:
                print(f"  want {want:10} got {got:10} {p:.2f}  {text}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--by-writer", action="store_true", help="hold out one corpus file at a time")
    parser.add_argument("--snapshot", type=Path, default=Path("data/processed"))
    parser.add_argument("--errors", action="store_true", help="list every message read wrong")
    args = parser.parse_args(argv)
    from core.snapshot.store import load_snapshot

    understanding = load_snapshot(args.snapshot).understanding
    report(cross_validated(understanding, args.corpus, args.folds, args.by_writer), args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
