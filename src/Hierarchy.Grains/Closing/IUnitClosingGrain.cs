using Orleans;
using Orleans.Concurrency;

namespace Hierarchy.Grains.Closing;

/// <summary>
/// The closing of periods at a unit, a face of the same unit grain as <see cref="Units.IUnitGrain"/>. Closing goes
/// bottom-up: a branch closes by itself, a unit above only once every child has closed, which it asks its children.
/// Reopening goes top-down, through <see cref="ClosingService.ReopenAsync"/>: a unit reopens alone only while the unit
/// above stays open, and takes every closed unit below it along.
/// </summary>
public interface IUnitClosingGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<PeriodClosing?> GetClosingAsync(ClosingPeriod period);

    /// <summary>Every period closed at this unit, oldest period first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PeriodClosing>> GetClosingsAsync();

    /// <summary>Closes the period here once it has ended and, above a branch, once every child has closed it; closing again changes nothing.</summary>
    [Idempotent]
    Task<ClosingResult> CloseAsync(ClosingPeriod period, string by);

    /// <summary>Reopens a child's subtree for the period, unless this unit is closed for it (then the child is refused, naming this closing).</summary>
    Task<ClosingResult> ReopenChildAsync(string childId, ClosingPeriod period, string by);

    /// <summary>
    /// Reopens this unit and every unit below it that is closed for the period, each with its journal entry. The caller
    /// has made sure the unit above is open: use <see cref="ClosingService.ReopenAsync"/>.
    /// </summary>
    Task<ClosingResult> ReopenSubtreeAsync(ClosingPeriod period, string by);
}
