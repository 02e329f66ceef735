"""One module per feature; each exposes ``HANDLERS`` (and commands for the menu)."""
