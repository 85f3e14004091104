"""Everything the report templates need, assembled from the view and the wording."""

from __future__ import annotations

from mlops_maturity.render.text import levels_are_steps, subject_line
from mlops_maturity.render.view import (
    has_targets,
    heatmap,
    next_steps,
    percent_to_target,
    radar,
    roadmap,
    sections,
)
from mlops_maturity.render.wording import appendix, blockers, draft_line, draft_note, summary
from mlops_maturity.scoring.result import Result


def document(result: Result) -> dict[str, object]:
    """Everything the report templates need, by name."""
    axes, rings = radar(result)
    phases, rows = roadmap(result), heatmap(result)
    return {
        "result": result,
        "subject": subject_line(result),
        "summary": summary(result),
        "draft": draft_line(result),
        "draft_note": draft_note(result),
        "sections": sections(result),
        "heatmap": rows,
        # NOTE: scores that map to labels give a heat map with nothing in it; show scores then.
        "by_level": any(
            r.section.group.level and r.section.group.level.value is not None for r in rows
        ),
        "axes": axes,
        "rings": rings,
        "roadmap": phases,
        "next_steps": next_steps(result, phases),
        "blockers": blockers(result),
        "has_targets": has_targets(result),
        "to_target": percent_to_target(result.groups, result.levels),
        "numbered": levels_are_steps(result),
        "appendix": appendix(result),
    }
