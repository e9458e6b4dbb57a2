using Hierarchy.Grains.Units;
using Hierarchy.Storage;

namespace Hierarchy.Grains.Candidates;

/// <summary>Reads every branch's candidates straight from storage, as the branches rebuild them on activation.</summary>
public static class CandidateReader
{
    public static async Task<Dictionary<string, Dictionary<string, Candidate>>> ReadAsync(IJournalStorage journal, CancellationToken cancellationToken = default)
    {
        var byBranch = new Dictionary<string, Dictionary<string, Candidate>>(StringComparer.Ordinal);
        await foreach (var (grainId, entry) in journal.ReadAllJournalAsync(UnitGrain.GrainTypeName, null, cancellationToken))
        {
            if (!CandidateJournal.Holds(entry))
            {
                continue;
            }

            var branch = grainId.Key.ToString()!;
            if (!byBranch.TryGetValue(branch, out var candidates))
            {
                candidates = byBranch[branch] = new Dictionary<string, Candidate>(StringComparer.Ordinal);
            }

            CandidateJournal.Apply(entry, candidates);
        }

        return byBranch;
    }
}
