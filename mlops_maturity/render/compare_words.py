"""The sentences of comparison reports: what moved over time, and what a mixed set mixes."""

from __future__ import annotations

from mlops_maturity.history.model import Comparison, Difference, Movement
from mlops_maturity.render.compare_text import mark_text, percent_change, signed
from mlops_maturity.render.text import fmt_score


def summary(c: Comparison, numbered: bool) -> tuple[str, ...]:
    """The few sentences a comparison opens with."""
    first, last = c.overall.cells[0], c.overall.cells[-1]
    p0, pn = c.periods[0], c.periods[-1]
    out = []
    if first is not None and last is not None:
        since = f"; {_signed(last.change_previous)} since {c.periods[-2].label}"
        out.append(
            f"The overall score went from {fmt_score(first.score)} in {p0.label} to "
            f"{fmt_score(last.score)} in {pn.label} ({_signed(last.change_first)}"
            + (f"{since})." if len(c.periods) > 2 else ").")
        )
        before, after = mark_text(first.level, numbered), mark_text(last.level, numbered)
        out.append(
            f"The overall level stayed at {after}."
            if before == after
            else f"The overall level went from {before} to {after}."
        )
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
            f"Progress to target since {p0.label}: {percent_change(whole.progress)} of the gap "
            f"then has closed ({round(whole.current * 100)}% of the way to target now)."
        )
    if c.versions:
        out.append(
            "The questionnaire changed along the way; numbers it affects are marked †, and "
            "“Questionnaire versions” lists the changes."
        )
    return tuple(out)


def _signed(delta: float | None) -> str:
    return "—" if delta is None else signed(delta)


def _move_sentence(c: Comparison, kind: str, m: Movement) -> str:
    step = f"{c.periods[m.period - 1].label} to {c.periods[m.period].label}"
    what = "The biggest gain" if kind == "gain" else "The biggest regression"
    area = f" ({m.area})" if m.area and m.area != m.title else ""
    return f"{what}: {m.title}{area}, {signed(m.change)} from {step}."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def differences(found: tuple[Difference, ...]) -> tuple[str, ...]:
    """Each way a mixed set mixes (kept because --allow-mixed was given), in a sentence."""
    out = []
    for d in found:
        pairs = "; ".join(
            f"{s}: {v or '(none)'}" for s, v in zip(d.sources, d.values, strict=False)
        )
        if d.kind == "subject":
            out.append(f"These results are of different subjects, compared anyway ({pairs}).")
        elif d.kind == "organization":
            out.append(f"These teams belong to different organisations ({pairs}).")
        elif d.kind == "questionnaire":
            out.append(
                f"These results come from different questionnaires ({pairs}); only groups and "
                "questions with the same id are compared."
            )
        elif d.kind == "same_period":
            out.append(
                f"{' and '.join(d.sources)} are both for {d.values[0]}; both are kept, in date "
                "order."
            )
        elif d.kind == "same_latest":
            out.append(
                f"{' and '.join(d.sources)} are both a team's latest result ({d.values[0]}); "
                f"the later one, {d.sources[-1]}, is used."
            )
        else:
            out.append(
                f"{d.sources[1]} ({d.values[1]}) is dated before {d.sources[0]} ({d.values[0]}); "
                "they are ordered by period."
            )
    return tuple(out)
