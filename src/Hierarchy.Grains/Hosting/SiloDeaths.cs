using System.Runtime.CompilerServices;
using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

public static class SiloDeaths
{
    /// <summary>The silos declared dead in each change of the cluster's membership from now on (changes with none are skipped).</summary>
    public static async IAsyncEnumerable<IReadOnlyList<SiloAddress>> SiloDeathsAsync(
        this IClusterMembershipService membership,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var previous = membership.CurrentSnapshot;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellationToken))
        {
            var lost = snapshot.CreateUpdate(previous).Changes.Where(member => member.Status == SiloStatus.Dead).Select(member => member.SiloAddress).ToList();
            previous = snapshot;
            if (lost.Count > 0)
            {
                yield return lost;
            }
        }
    }
}
