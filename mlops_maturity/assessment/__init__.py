"""Answers: the answer-file model, loading and checking it, writing it, blank templates."""
