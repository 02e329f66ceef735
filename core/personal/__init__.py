"""Personal picks from ratings: the taste profile, the learned re-ranker, its training and model registry."""
