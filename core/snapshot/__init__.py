"""A catalogue version on disk and in memory: files, building and publishing, the child process, loading, swapping, refreshing."""
