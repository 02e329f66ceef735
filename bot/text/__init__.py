"""Every word a user reads: HTML rendering, markup helpers, explanations, status texts, translations."""
