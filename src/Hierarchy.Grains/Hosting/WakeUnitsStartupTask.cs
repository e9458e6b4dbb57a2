using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>Wakes, when the silo starts, every unit with unfinished rollup work (see <see cref="UnitWaker"/>).</summary>
internal sealed class WakeUnitsStartupTask(UnitWaker waker, ILogger<WakeUnitsStartupTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var woken = await waker.WakeMarkedAsync(cancellationToken);
        if (woken > 0)
        {
            logger.LogInformation("Waking {Count} units with unfinished rollup work", woken);
        }
    }
}
