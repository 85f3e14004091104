"""The JSON result: stable keys for dashboards and scripts (see docs/result-format.md)."""

from __future__ import annotations

from mlops_maturity.scoring.result import Result


def render_json(result: Result) -> str:
    """The result as indented JSON, keys in a stable order."""
    return result.model_dump_json(indent=2) + "\n"
