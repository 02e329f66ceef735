"""Scheduled work: catalogue refreshes with their announcements, and model retraining."""
