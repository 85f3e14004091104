"""Workshops: merging respondents' answers, and importing form exports (pure)."""
