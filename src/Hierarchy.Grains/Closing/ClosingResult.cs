using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Closing;

/// <summary>
/// What became of a closing or a reopening. <see cref="Closing"/> is the unit's closing (made, found, or just lifted),
/// or the parent's that refused a reopening; <see cref="Units"/> the children still open, or every unit reopened,
/// parents before children.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ClosingResult(ClosingOutcome Outcome, PeriodClosing? Closing, IReadOnlyList<UnitLink> Units, ValidationError? Error)
{
    public static ClosingResult Fail(ClosingOutcome outcome, ValidationError? error = null, PeriodClosing? closing = null, IReadOnlyList<UnitLink>? units = null) =>
        new(outcome, closing, units ?? [], error);
}
