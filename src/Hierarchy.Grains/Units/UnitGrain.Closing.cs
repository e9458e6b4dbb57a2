using System.Globalization;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Closing;

namespace Hierarchy.Grains.Units;

/// <summary>
/// Closed periods: a unit's closings live in its state, each close and reopen is a journaled change, and the closings
/// travel up with the summary. At a branch every admission and correction passes <see cref="RefuseIfClosed"/> first.
/// </summary>
public sealed partial class UnitGrain : IUnitClosingGrain
{
    /// <summary>The journal kind of closings and reopenings, as the audit log shows them.</summary>
    public const string ClosingKind = "closing";

    public Task<PeriodClosing?> GetClosingAsync(ClosingPeriod period) =>
        Task.FromResult(State.Closings.GetValueOrDefault(period.Key));

    public Task<IReadOnlyList<PeriodClosing>> GetClosingsAsync() => Task.FromResult(OwnClosings);

    public async Task<ClosingResult> CloseAsync(ClosingPeriod period, string by)
    {
        if (!Exists)
        {
            return ClosingResult.Fail(ClosingOutcome.UnknownUnit);
        }

        if (State.Closings.TryGetValue(period.Key, out var existing))
        {
            return new ClosingResult(ClosingOutcome.AlreadyClosed, existing, [], null);
        }

        if (State.RetiredOn is { } lastDay)
        {
            return ClosingResult.Fail(ClosingOutcome.Invalid, ValidationError.FormerUnit(Id, lastDay));
        }

        if (Today < period.ClosableFrom)
        {
            return ClosingResult.Fail(ClosingOutcome.Invalid, ValidationError.Coded(
                "period", ClosingCodes.NotEnded, "{0} ends on {1}; it can be closed from {2}.",
                period.Key, Day(period.To), Day(period.ClosableFrom)));
        }

        if (State.Level != UnitLevel.Branch)
        {
            // Asked of the children themselves, not read from their summaries, which may lag. None of them can reopen
            // before this turn ends: a child reopens alone only through ReopenChildAsync here.
            var answers = await Task.WhenAll(State.Children.Values.Select(async child =>
                (Child: child, Closing: await ClosingRef(child.Id).GetClosingAsync(period))));
            var open = answers.Where(a => a.Closing is null)
                .Select(a => new UnitLink(a.Child.Id, a.Child.Name, a.Child.Level))
                .OrderBy(u => u.Name, UnitNameOrder.Comparer)
                .ToList();
            if (open.Count > 0)
            {
                var names = string.Join(", ", open.Select(u => PartyNames.Organisation(u.Level, u.Name)));
                return ClosingResult.Fail(ClosingOutcome.ChildrenOpen, ValidationError.Coded(
                    "period", ClosingCodes.ChildrenOpen, "{0} cannot be closed at {1} yet: {2} unit(s) below have not closed it: {3}.",
                    period.Key, PartyName, open.Count, names), units: open);
            }
        }

        var closing = new PeriodClosing(period.Key, by, Now);
        State.Closings[period.Key] = closing;
        await ChangeAsync(ClosingKind, $"closed {period.Key}", by);
        return new ClosingResult(ClosingOutcome.Closed, closing, [], null);
    }

    public async Task<ClosingResult> ReopenChildAsync(string childId, ClosingPeriod period, string by)
    {
        if (!Exists || !State.Children.TryGetValue(childId, out var child))
        {
            return ClosingResult.Fail(ClosingOutcome.UnknownUnit);
        }

        if (State.Closings.TryGetValue(period.Key, out var own))
        {
            return ClosingResult.Fail(ClosingOutcome.ParentClosed, ValidationError.Coded(
                "period", ClosingCodes.ParentClosed, "{0} cannot be reopened alone: {2} is closed at the unit above, {1}, since {4} by {3}; it reopens from there.",
                PartyNames.Organisation(child.Level, child.Name), PartyName, period.Key, own.ClosedBy, Moment(own.ClosedAt)), own);
        }

        return await ClosingRef(childId).ReopenSubtreeAsync(period, by);
    }

    public async Task<ClosingResult> ReopenSubtreeAsync(ClosingPeriod period, string by)
    {
        if (!Exists)
        {
            return ClosingResult.Fail(ClosingOutcome.UnknownUnit);
        }

        if (!State.Closings.TryGetValue(period.Key, out var closing))
        {
            return ClosingResult.Fail(ClosingOutcome.NotClosed, ValidationError.Coded("period", ClosingCodes.NotClosed, "{0} is not closed at {1}.", period.Key, PartyName));
        }

        // The units below first (in name order, as the answer lists them): should a write fail half way, this unit is
        // still closed, and reopening it again reaches the ones left.
        var below = State.Level == UnitLevel.Branch
            ? []
            : await Task.WhenAll(State.Children.Values.OrderBy(c => c.Name, UnitNameOrder.Comparer).Select(c => ClosingRef(c.Id).ReopenSubtreeAsync(period, by)));
        State.Closings.Remove(period.Key);
        await ChangeAsync(ClosingKind, $"reopened {period.Key}, closed by {closing.ClosedBy} at {Moment(closing.ClosedAt)}", by);
        List<UnitLink> reopened = [new UnitLink(Id, State.Name!, State.Level), .. below.Where(r => r.Outcome == ClosingOutcome.Reopened).SelectMany(r => r.Units)];
        return new ClosingResult(ClosingOutcome.Reopened, closing, reopened, null);
    }

    /// <summary>
    /// The refusal of an admission or a correction dated <paramref name="dated"/> while a period covering that day is
    /// closed at this branch, naming every such closing; null when the day is open. Every path that records an
    /// admission or a correction calls this before it changes anything.
    /// </summary>
    private ValidationError? RefuseIfClosed(DateOnly dated, string field)
    {
        if (State.Closings.Count == 0)
        {
            return null;
        }

        var covering = State.Closings.Values.Where(c => c.ToPeriod().Contains(dated)).OrderBy(c => c.ClosedAt).ToList();
        if (covering.Count == 0)
        {
            return null;
        }

        string[] arguments = [PartyName, Day(dated), .. covering.SelectMany(c => new[] { c.Period, c.ClosedBy, Moment(c.ClosedAt) })];
        var closings = string.Join("; ", covering.Select(c => $"{c.ToPeriod().Describe()} was closed at {Moment(c.ClosedAt)} by {c.ClosedBy}"));
        return new ValidationError(field, $"Nothing dated {arguments[1]} can be recorded or corrected at {PartyName}: {closings}. Reopen the period first.", ClosingCodes.PeriodClosed, arguments);
    }

    private static ValidationError BatchRefused(string field) =>
        ValidationError.Coded(field, ClosingCodes.BatchRefused, "Not recorded: other admissions sent with it are dated in a closed period.");

    /// <summary>The unit's closings as it shows them, oldest period first.</summary>
    private IReadOnlyList<PeriodClosing> OwnClosings =>
        State.Closings.Count == 0 ? [] : State.Closings.Values.OrderBy(c => c.ToPeriod().Year).ThenBy(c => c.ToPeriod().FirstHalf ? 0 : 1).ToList();

    /// <summary>What the summary carries up: null at the many units that have closed nothing, so their pushes stay as they were.</summary>
    private IReadOnlyList<PeriodClosing>? SummaryClosings => State.Closings.Count == 0 ? null : OwnClosings;

    private string PartyName => PartyNames.Organisation(State.Level, State.Name ?? Id);

    private IUnitClosingGrain ClosingRef(string unitId) => GrainFactory.GetGrain<IUnitClosingGrain>(unitId);

    private string Moment(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
