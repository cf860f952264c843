"""Extraction stage: numbers, dates, durations, mentions and events read from article text."""
