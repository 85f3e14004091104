"""The sentences of comparison reports: what moved over time, and what a mixed set mixes."""

from __future__ import annotations

from mlops_maturity.history.model import Comparison, Difference, Movement
from mlops_maturity.render.compare_text import mark_text, percent_change, signed
from mlops_maturity.render.text import fmt_score


def summary(c: Comparison, numbered: bool) -> tuple[str, ...]:
    """The few sentences a comparison opens with."""
    out = list(_overall(c, numbered))
    out += [_move_sentence(c, "gain", m) for m in c.gains[:1]]
    out += [_move_sentence(c, "regression", m) for m in c.regressions[:1]]
    if c.steps:
        step = c.steps[-1]
        out.append(
            f"Since {c.periods[step.before].label}, {_count(len(step.closed), 'recommendation')} "
            f"closed and {len(step.new)} new."
        )
    whole = next((p for p in c.progress if p.id == ""), None)
    if whole is not None:
        out.append(
            f"Progress to target since {c.periods[0].label}: {percent_change(whole.progress)} of "
            f"the gap then has closed ({round(whole.current * 100)}% of the way to target now)."
        )
    if c.versions:
        out.append(
            "The questionnaire changed along the way; numbers it affects are marked †, and "
            "“Questionnaire versions” lists the changes."
        )
    return tuple(out)


def _overall(c: Comparison, numbered: bool) -> tuple[str, ...]:
    """The overall score and level, first period to last."""
    first, last = c.overall.cells[0], c.overall.cells[-1]
    if first is None or last is None:
        return ()
    p0, pn = c.periods[0], c.periods[-1]
    since = f"; {_signed(last.change_previous)} since {c.periods[-2].label}"
    before, after = mark_text(first.level, numbered), mark_text(last.level, numbered)
    return (
        f"The overall score went from {fmt_score(first.score)} in {p0.label} to "
        f"{fmt_score(last.score)} in {pn.label} ({_signed(last.change_first)}"
        + (f"{since})." if len(c.periods) > 2 else ")."),
        f"The overall level stayed at {after}."
        if before == after
        else f"The overall level went from {before} to {after}.",
    )


def _signed(delta: float | None) -> str:
    return "—" if delta is None else signed(delta)


def _move_sentence(c: Comparison, kind: str, m: Movement) -> str:
    step = f"{c.periods[m.period - 1].label} to {c.periods[m.period].label}"
    what = "The biggest gain" if kind == "gain" else "The biggest regression"
    area = f" ({m.area})" if m.area and m.area != m.title else ""
    return f"{what}: {m.title}{area}, {signed(m.change)} from {step}."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


MIXED = {
    "subject": "These results are of different subjects, compared anyway ({pairs}).",
    "organization": "These teams belong to different organisations ({pairs}).",
    "questionnaire": (
        "These results come from different questionnaires ({pairs}); only groups and questions "
        "with the same id are compared."
    ),
    "same_period": "{both} are both for {first}; both are kept, in date order.",
    "same_latest": (
        "{both} are both a team's latest result ({first}); the later one, {last}, is used."
    ),
    "order": "{last} is dated before {source} but its period comes later; ordered by period.",
}


def differences(found: tuple[Difference, ...]) -> tuple[str, ...]:
    """Each way a mixed set mixes (kept because --allow-mixed was given), in a sentence."""
    return tuple(
        MIXED[d.kind].format(
            pairs="; ".join(
                f"{s}: {v or '(none)'}" for s, v in zip(d.sources, d.values, strict=False)
            ),
            both=" and ".join(d.sources),
            first=d.values[0] if d.values else "",
            source=d.sources[0],
            last=d.sources[-1],
        )
        for d in found
    )
