"""Per-platform statistics chart for the bot's ``/stats`` command, rendered to PNG bytes.

Matplotlib is used through ``Figure`` + ``FigureCanvasAgg`` directly, never ``pyplot``: no global
backend switch, no figure registry, so rendering is thread-safe and leaks nothing. A catalogue's
:class:`Charts` (``Snapshot.charts``, built when the snapshot loads) holds its summaries and keeps
each chart it drew, per platform and language, for as long as that snapshot is served.

Core knows no translations: the words and the way of writing numbers come in a ``Labels``,
built by the caller in the reader's language (the bot's ``/stats``); ``english_labels`` is the
default.
"""

from __future__ import annotations

import copy
import io
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from core.catalogue import arguments, genres, platforms
from core.catalogue.title_types import TitleType
from core.snapshot.memory import release_freed_memory

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# matplotlib (a third of a second to import) is imported by the first chart drawn, not at start-up.

DISPLAY_NAMES = platforms.NAMES
ALL = "all"
ENGLISH = "en"
TYPES = tuple(TitleType)
FIRST_YEAR = 1980  # earlier releases are counted in the summary but left off the year panel
TOP_GENRES = 10
WIDTH_PX, HEIGHT_PX, DPI = 1000, 1100, 125
COLOURS = {TitleType.MOVIE: "#2b6cb0", TitleType.SHOW: "#ed8936", "genre": "#4a5568"}
KEYS = (ALL, *DISPLAY_NAMES)  # every chart there is: one per platform and one of them all


@dataclass(frozen=True)
class Labels:
    """The chart's words for one summary, already in the reader's language."""

    language: str  # genre names (``genres.name``) and the cache key: one language, one wording
    heading: str  # "Netflix — 8,807 titles\n(6,131 movies, 2,676 shows)"
    movies: str  # the legend's names of the two types
    shows: str
    per_year: str  # the year panel's title
    earlier: str  # "1,234 released before 1980 not shown"; "" when none were left off
    top_genres: str  # the genre panel's title: "Top 10 genres"
    number: Callable[[int], str]  # 1,030 / 1.030


def english_labels(summary: dict) -> Labels:
    """The default wording, for callers without translations of their own."""
    counts, earlier = summary["counts"], summary["earlier"]
    return Labels(
        language=ENGLISH,
        heading=f"{summary['name']} — {summary['total']:,} titles\n"
        f"({counts['movie']:,} movies, {counts['tv show']:,} shows)",
        movies="Movies",
        shows="Shows",
        per_year="Titles per release year",
        earlier=f"{earlier:,} released before {summary['first_year']} not shown" if earlier else "",
        top_genres=f"Top {len(summary['top_genres'])} genres",
        number="{:,}".format,
    )


def _platform_key(platform) -> str:
    """``None``/"all" mean every platform; anything else goes through ``arguments.platform``."""
    if platform is None or str(platform).strip().lower() == ALL:
        return ALL
    return arguments.platform(platform)


def platform_stats_summary(catalogue: pd.DataFrame, platform) -> dict:
    """The numbers the chart shows, as plain Python values.

    Keys: ``platform`` (canonical key or "all"), ``name`` (display name), ``total``,
    ``counts`` ({type: n} for each ``TitleType``), ``per_year`` ({type: {year: n}}, every year),
    ``first_year`` (first year drawn), ``earlier`` (titles released before ``first_year``, not drawn)
    and ``top_genres`` ([(canonical genre id, n)], most common first, ties by id: each genre once,
    however many platform labels name it).
    """
    key = _platform_key(platform)
    rows = catalogue if key == ALL else catalogue[catalogue["platform"] == key]
    counts = rows["type"].value_counts()
    years = rows.dropna(subset=["release_year"])
    per_year = {
        kind: {
            int(y): int(n)
            for y, n in years.loc[years["type"] == kind, "release_year"].value_counts().sort_index().items()
        }
        for kind in TYPES
    }
    first_year = FIRST_YEAR
    if len(years):
        first_year = max(FIRST_YEAR, int(years["release_year"].min()))
    per_genre = Counter(g for value in rows["genres"] for g in genres.split_genres(value))
    top = sorted(per_genre.items(), key=lambda item: (-item[1], item[0]))[:TOP_GENRES]
    return {
        "platform": key,
        "name": "All platforms" if key == ALL else DISPLAY_NAMES[key],
        "total": len(rows),
        "counts": {kind: int(counts.get(kind, 0)) for kind in TYPES},
        "per_year": per_year,
        "first_year": first_year,
        "earlier": int((years["release_year"] < first_year).sum()),
        "top_genres": [(genre, int(n)) for genre, n in top],
    }


def platform_stats_png(catalogue: pd.DataFrame, platform, labels: Labels | None = None) -> bytes:
    """The ``/stats`` chart as PNG bytes (1000x1100 px), drawn now (tens of milliseconds).

    ``labels`` words the chart: built from this catalogue's ``platform_stats_summary`` for
    ``platform`` (the caller has it for its own text), in any language; English if None.
    The bot asks its snapshot's :class:`Charts`, which draws each chart once."""
    return render_png(platform_stats_summary(catalogue, platform), labels)


def render_png(summary: dict, labels: Labels | None = None) -> bytes:
    png = _png(figure(summary, labels or english_labels(summary)))
    release_freed_memory()  # drawing leaves ~7 MiB of freed buffers the process would keep
    return png


class Charts:
    """The ``/stats`` charts of one catalogue: each summary computed on first ask (tens of
    milliseconds each, which a start need not wait for) and each PNG drawn on first ask, both
    kept, per platform and language (at most ``len(KEYS)`` x the languages spoken: a few
    hundred KB). Concurrent first asks may both draw; all callers get the same bytes."""

    def __init__(self, catalogue: pd.DataFrame):
        self._catalogue = catalogue
        self._summaries: dict[str, dict] = {}
        self._drawn: dict[tuple[str, str], bytes] = {}
        self._lock = threading.Lock()

    def summary(self, platform) -> dict:
        """``platform_stats_summary`` of this catalogue (a copy the caller may change)."""
        return copy.deepcopy(self._summary(_platform_key(platform)))

    def _summary(self, key: str) -> dict:
        with self._lock:
            found = self._summaries.get(key)
        if found is None:
            found = platform_stats_summary(self._catalogue, key)
            with self._lock:
                found = self._summaries.setdefault(key, found)
        return found

    def png(self, platform, labels: Labels | None = None) -> bytes:
        """The chart of ``platform`` worded by ``labels`` (English if None), drawn once."""
        key = (_platform_key(platform), labels.language if labels else ENGLISH)
        with self._lock:
            found = self._drawn.get(key)
        if found is not None:
            return found
        png = render_png(self._summary(key[0]), labels)
        with self._lock:
            return self._drawn.setdefault(key, png)


def figure(summary: dict, labels: Labels) -> Figure:
    """The chart of ``summary`` worded by ``labels``, not yet rendered."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.get_layout_engine().set(h_pad=0.12, hspace=0.06)
    fig.suptitle(labels.heading, fontsize=19, fontweight="bold")
    years_ax, genres_ax = fig.subplots(2, 1, height_ratios=[1, 1.1])
    _draw_years(years_ax, summary, labels)
    _draw_genres(genres_ax, summary, labels)
    return fig


def texts(fig: Figure) -> list[str]:
    """Every non-empty text drawn on ``fig`` (titles, legend, tick and bar labels), in the
    order matplotlib lays them out; tick labels are only filled in once the figure is drawn."""
    from matplotlib.text import Text

    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _draw_years(ax, summary: dict, labels: Labels) -> None:
    first = summary["first_year"]
    years = sorted({y for per in summary["per_year"].values() for y in per if y >= first})
    bottom = [0] * len(years)
    for kind, label in zip(TYPES, (labels.movies, labels.shows), strict=True):
        heights = [summary["per_year"][kind].get(y, 0) for y in years]
        ax.bar(years, heights, bottom=bottom, width=0.85, color=COLOURS[kind], label=label)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_title(labels.per_year, fontsize=15, loc="left")
    if labels.earlier:
        ax.set_title(labels.earlier, fontsize=12, loc="right", color="#555555")
    if years:
        ax.set_xlim(years[0] - 0.8, years[-1] + 0.8)
    ax.tick_params(labelsize=13)
    # Ticks may fall between whole numbers; a count is written whole, the reader's way.
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: labels.number(round(y))))
    ax.yaxis.grid(True, alpha=0.3)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=13, frameon=False, loc="upper left")


def _draw_genres(ax, summary: dict, labels: Labels) -> None:
    top = summary["top_genres"][::-1]  # barh draws bottom-up: put the most common genre on top
    names = [genres.name(genre, labels.language) for genre, _ in top]
    values = [n for _, n in top]
    bars = ax.barh(names, values, color=COLOURS["genre"], height=0.7)
    ax.bar_label(bars, labels=[labels.number(n) for n in values], padding=4, fontsize=12)
    ax.set_title(labels.top_genres, fontsize=15, loc="left")
    ax.tick_params(axis="y", labelsize=13, length=0)
    ax.set_xticks([])  # the bar labels carry the numbers
    if values:
        ax.set_xlim(0, max(values) * 1.15)
    ax.spines[["top", "right", "bottom"]].set_visible(False)
