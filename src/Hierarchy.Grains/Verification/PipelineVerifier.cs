using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;
using Hierarchy.Storage;

namespace Hierarchy.Grains.Verification;

/// <summary>
/// The candidate sources' side of verify: every unit's candidate counts must equal the sum over its subtree's branch
/// journals, by the same invariant as admissions.
/// </summary>
internal sealed class PipelineVerifier(WorkingCalendar calendar)
{
    public async Task<List<Difference>> CompareAsync(IJournalStorage journal, IReadOnlyList<UnitInfo> units, IReadOnlyList<UnitSummary> summaries, CancellationToken cancellationToken)
    {
        var candidates = await CandidateReader.ReadAsync(journal, cancellationToken);
        var expected = new Dictionary<string, PipelineSums>(StringComparer.Ordinal);
        foreach (var unit in TreeOrder.DeepestFirst(units, u => u.Id, u => u.ParentId))
        {
            var sums = expected.TryGetValue(unit.Id, out var s) ? s : expected[unit.Id] = new PipelineSums();
            if (unit.Level == UnitLevel.Branch && candidates.TryGetValue(unit.Id, out var own))
            {
                sums.Add(PipelineFigures.From(own.Values, calendar), +1);
            }

            if (unit.ParentId is not null)
            {
                var parent = expected.TryGetValue(unit.ParentId, out var p) ? p : expected[unit.ParentId] = new PipelineSums();
                parent.Add(sums.ToFigures(), +1);
            }
        }

        var differences = new List<Difference>();
        foreach (var summary in summaries)
        {
            var want = expected.TryGetValue(summary.Id, out var sums) ? sums.ToFigures() : null;
            if (!PipelineFigures.SameCounts(want, summary.Pipeline))
            {
                differences.Add(new Difference(summary.Id, 0, Open(want), Open(summary.Pipeline), "candidate counts differ"));
            }
        }

        return differences;
    }

    private static int Open(PipelineFigures? figures) =>
        figures is null ? 0 : Enum.GetValues<CandidateStage>().Sum(figures.At);
}
