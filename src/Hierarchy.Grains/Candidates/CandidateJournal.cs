using System.Text.Json;
using Hierarchy.Storage;

namespace Hierarchy.Grains.Candidates;

/// <summary>
/// The rows a branch's journal keeps for its candidates: one when a candidate is recorded (with the personal details,
/// which stay at the branch) and one for every stage reached. The keys make a retried request append nothing twice.
/// </summary>
public static class CandidateJournal
{
    public const string Recorded = "candidate";
    public const string Step = "candidate-step";

    public static bool Holds(JournalEntry entry) => entry.Kind is Recorded or Step;

    public static JournalEntry ForCandidate(Candidate candidate) =>
        new($"{Recorded}:{candidate.Proposal.IdempotencyKey}", Recorded, JsonSerializer.Serialize(candidate with { Steps = [] }, GrainStateSerializer.Options), candidate.RecordedAt);

    public static JournalEntry ForStep(CandidateStep step, int index) =>
        new($"{Step}:{step.CandidateId}:{index}", Step, JsonSerializer.Serialize(step, GrainStateSerializer.Options), step.RecordedAt);

    /// <summary>Replays candidate rows in journal order onto the branch's candidates.</summary>
    public static void Apply(JournalEntry entry, Dictionary<string, Candidate> candidates)
    {
        if (entry.Kind == Recorded)
        {
            var candidate = JsonSerializer.Deserialize<Candidate>(entry.Payload, GrainStateSerializer.Options)!;
            candidates[candidate.Id] = candidate with { Steps = [] };
        }
        else if (entry.Kind == Step)
        {
            var step = JsonSerializer.Deserialize<CandidateStep>(entry.Payload, GrainStateSerializer.Options)!;
            if (candidates.TryGetValue(step.CandidateId, out var candidate))
            {
                candidates[step.CandidateId] = candidate.With(step);
            }
        }
    }
}
