"""What admins and subscribers read about the catalogue: refresh results, /status, news."""

from __future__ import annotations

from bot.text.i18n import N_, _, date, decimal, months, ngettext, number
from bot.text.markup import clip, esc
from bot.text.render import platform_name, titles_count

OUTCOMES = {
    "updated": N_("updated"),
    "unchanged": N_("unchanged"),
    "refused": N_("refused"),
    "failed": N_("failed"),
    "busy": N_("busy"),
}


def catalogue_date(latest: dict) -> str:
    """ "Catalogues as of September – November 2021": the months of the platforms' latest
    additions (``core.catalogue.as_of.latest_added``, platform -> date); "" without any."""
    if not latest:
        return ""
    # TRANSLATORS: {months} is "November 2021" or "September – November 2021".
    return _("Catalogues as of {months}.").format(months=months(min(latest.values()), max(latest.values())))


def latest_additions(latest: dict) -> str:
    """ "Latest additions: Prime Video October 10, 2021 · Disney+ November 26, 2021 · …"."""
    added = " · ".join(f"{platform_name(p)} {date(day)}" for p, day in latest.items())
    return _("Latest additions: {dates}").format(dates=esc(added)) if latest else ""


def when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else _("never")


def refresh_problem(attempt) -> str:
    template = (
        _("⚠️ The catalogue refresh was refused: {detail}\nStill serving catalogue <code>{version}</code>.")
        if attempt.outcome == "refused"
        else _("⚠️ The catalogue refresh failed: {detail}\nStill serving catalogue <code>{version}</code>.")
    )
    return template.format(detail=esc(attempt.detail), version=esc(attempt.version))


def refresh_result(attempt) -> str:
    version, detail = esc(attempt.version), esc(attempt.detail)
    if attempt.outcome == "updated":
        added = sum(len(titles) for titles in attempt.added.values())
        if not added:
            return _("✅ Now serving catalogue <code>{version}</code> ({detail}).").format(
                version=version, detail=detail
            )
        news = ngettext("{n} new title", "{n} new titles", added).format(n=number(added))
        return _("✅ Now serving catalogue <code>{version}</code> ({detail}, {news}).").format(
            version=version, detail=detail, news=news
        )
    if attempt.outcome == "unchanged":
        return _("Nothing new: {detail}. Still serving <code>{version}</code>.").format(
            detail=detail, version=version
        )
    if attempt.outcome == "busy":
        return _(
            "⏳ Another refresh is already running; admins hear how it ends. Still serving <code>{version}</code>."
        ).format(version=version)
    return refresh_problem(attempt)


def new_titles(news: dict[str, list[dict]], shown: int) -> str:
    lines = [_("🆕 <b>New titles</b>")]
    for platform, titles in news.items():
        names = ", ".join(f"{esc(t['display_title'])} ({t['release_year']})" for t in titles[:shown])
        if len(titles) > shown:
            names = _("{names} and {n} more").format(names=names, n=number(len(titles) - shown))
        lines.append(f"<b>{esc(platform_name(platform))}</b>: {names}")
    lines.append(_("Ask me <code>/where</code> or <code>/recommend</code> about any of them."))
    return clip("\n".join(lines))


def status(
    quality: dict,
    last,
    next_run,
    *,
    latest: dict | None = None,
    details: dict | None = None,
    jobs_elsewhere: bool = False,
) -> str:
    """``latest``: each platform's latest date added (``core.catalogue.as_of.latest_added``);
    ``details`` (admins only) maps already translated names to values; ``jobs_elsewhere``: another
    replica runs the refresh (``bot.jobs.replicas``)."""
    counts = quality.get("titles_per_platform", {})
    per_platform = " · ".join(f"{platform_name(p)} {number(n)}" for p, n in counts.items())
    built = quality.get("built_at") or _("unknown")
    built = built.replace("T", " ").replace("+00:00", " UTC")
    if last:
        last_refresh = _("Last refresh: {when}, {outcome} ({seconds} s)").format(
            when=when(last.started_at),
            outcome=_(OUTCOMES.get(last.outcome, last.outcome)),
            seconds=decimal(last.seconds, 1),
        )
    else:
        last_refresh = _("Last refresh: none since start-up")
    lines = [
        _("<b>Catalogue</b> <code>{version}</code>, built {built}").format(
            version=esc(quality.get("version", "?")), built=esc(built)
        ),
        f"{per_platform} ({titles_count(sum(counts.values()))})",
        *[line for line in (catalogue_date(latest or {}), latest_additions(latest or {})) if line],
        last_refresh,
        next_refresh(next_run, jobs_elsewhere),
    ]
    if details is not None:
        if last is not None:
            lines.append(_("Last result: {detail}").format(detail=esc(last.detail)))
        lines += [f"{esc(name)}: {esc(value)}" for name, value in details.items()]
    return clip("\n".join(lines))


def next_refresh(moment, elsewhere: bool) -> str:
    if moment:
        return _("Next refresh: {when}").format(when=when(moment))
    if elsewhere:
        return _("Next refresh: on the replica that runs the jobs")
    return _("Next refresh: not scheduled (STREAMBOT_REFRESH_MINUTES=0)")


def replica_line(replica: str, holder: str | None) -> str:
    """/status's detail for admins of several replicas: this one, and which runs the jobs."""
    if holder == replica:
        return _("{replica}, which runs the jobs").format(replica=replica)
    if holder is None:
        return _("{replica}; no replica runs the jobs this moment").format(replica=replica)
    return _("{replica}; the jobs run on {holder}").format(replica=replica, holder=holder)


def asked_the_jobs_replica(holder: str | None) -> str:
    """/reload or /model retrain on a replica that does not run the jobs: the one that does was asked."""
    if holder is None:
        return _(
            "⏳ Asked for it. No replica runs the jobs this moment; the one taking them over (within a "
            "minute) does it and sends you the result here."
        )
    return _(
        "⏳ Asked replica <code>{holder}</code>, which runs the jobs: it sends you the result here "
        "when it is done."
    ).format(holder=esc(holder))


def jobs_elsewhere(replica: str, holder: str | None) -> str:
    """/reload or /model retrain on a replica that does not run the jobs (``bot.jobs.replicas``)."""
    if holder is None:
        return _(
            "⏳ No replica runs the jobs this moment (the one that did has stopped); another takes them "
            "over within a minute. Try again then."
        )
    return _(
        "This replica (<code>{replica}</code>) does not run the catalogue refresh or the retraining: "
        "replica <code>{holder}</code> does, and what it publishes is served here within seconds. "
        "Send the command again: it may reach that replica."
    ).format(replica=esc(replica), holder=esc(holder))
