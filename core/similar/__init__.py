"""Content similarity between titles: features and each title's nearest neighbours."""
