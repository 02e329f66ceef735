"""The catalogue's vocabulary: platforms, canonical genres, copies of one work, argument values, chart data."""
