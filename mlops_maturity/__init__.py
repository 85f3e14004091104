"""Assess how mature a team's MLOps practice is."""

__version__ = "0.1.0"
