using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Demo;

/// <summary>
/// A few candidate sources at some branches, spread over the stages up to the higher committee's decision (and some
/// dropped), so the demo shows the pipeline and its forecast. None reaches the ceremony: the demo's admissions stay
/// the ones it reports itself.
/// </summary>
internal static class DemoCandidates
{
    /// <summary>Share of branches with candidates; the rest have none, as many branches do.</summary>
    private const double BranchShare = 0.25;

    private static readonly CandidateStage[] Path = [CandidateStage.Course, CandidateStage.Verified, CandidateStage.Resolution, CandidateStage.Decision];

    private static readonly string[] DropReasons = ["Chuyển nơi cư trú", "Chưa đủ tiêu chuẩn sau thẩm tra lý lịch", "Xin rút khỏi danh sách"];

    /// <summary>Adds the branch's demo candidates through its grain and returns how many were recorded.</summary>
    public static async Task<int> AddAsync(IUnitGrain branch, string branchId, Random random, DateOnly today, string by)
    {
        if (random.NextDouble() >= BranchShare)
        {
            return 0;
        }

        var added = 0;
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            // How far along the case is: most are early, fewer past the resolution, a few dropped.
            var reached = Weighted(random, [0.25, 0.22, 0.18, 0.17, 0.1]);
            var dropped = random.NextDouble() < 0.08;
            var steps = new List<DateOnly>();
            var introducedOn = today.AddDays(-random.Next(20, 40) * (reached + 1) - random.Next(0, 60));
            var on = introducedOn;
            for (var s = 0; s < reached + (dropped ? 1 : 0); s++)
            {
                on = on.AddDays(random.Next(12, 40));
                steps.Add(on > today ? today : on);
            }

            var age = random.NextDouble() < 0.75 ? random.Next(18, 31) : random.Next(31, 45);
            var proposal = new CandidateProposal(
                $"demo-candidate-{branchId}-{i}",
                (Introducer)Weighted(random, [0.5, 0.2, 0.3]),
                introducedOn,
                random.NextDouble() < 0.5 ? Gender.Female : Gender.Male,
                introducedOn.AddYears(-age).AddDays(-random.Next(0, 360)),
                YouthUnion: age <= 30 && random.NextDouble() < 0.8,
                EthnicMinority: random.NextDouble() < 0.12,
                Religious: random.NextDouble() < 0.05,
                PrivateBusinessOwner: random.NextDouble() < 0.03,
                Education: (Education)Weighted(random, [0.05, 0.35, 0.2, 0.35, 0.05]),
                Occupation: (Occupation)Weighted(random, [0.15, 0.2, 0.2, 0.2, 0.1, 0.05, 0.1]));
            var result = await branch.AddCandidateAsync(proposal, by);
            if (result.Candidate is not { } candidate)
            {
                continue;
            }

            added += result.Outcome == CandidateOutcome.Created ? 1 : 0;
            for (var s = 0; s < steps.Count; s++)
            {
                var stage = dropped && s == steps.Count - 1 ? CandidateStage.Dropped : Path[s];
                var reason = stage == CandidateStage.Dropped ? DropReasons[random.Next(DropReasons.Length)] : null;
                await branch.MoveCandidateAsync(candidate.Id, stage, steps[s], reason, by);
            }
        }

        return added;
    }

    private static int Weighted(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
