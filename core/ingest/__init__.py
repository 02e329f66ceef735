"""Reading a source (folder or URL): the raw titles CSVs, the ratings, the quality report of a clean-up."""
