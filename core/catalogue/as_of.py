"""Which date the catalogues describe. The data sets are 2021 copies of the four catalogues
and record no date of their own (``source.json`` keeps the files' sizes and times on this
machine, ``quality.json`` when the snapshot was built), so the honest date is the latest
``date_added`` each platform wrote: nothing newer than that can be in its catalogue."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def latest_added(catalogue: pd.DataFrame) -> dict[str, dt.date]:
    """Each platform's latest ``date_added``, in the catalogue's platform order; a platform
    that dates no title is left out."""
    dates = pd.to_datetime(catalogue["date_added"], format="%Y-%m-%d", errors="coerce")
    latest = dates.groupby(catalogue["platform"], sort=False).max().dropna()
    return {platform: moment.date() for platform, moment in latest.items()}
