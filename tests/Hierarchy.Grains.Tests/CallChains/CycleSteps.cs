namespace Hierarchy.Grains.Tests.CallChains;

/// <summary>What both test grains do: call the next hop of a path and put their own key in front of its answer.</summary>
internal sealed class CycleSteps(Grain grain, IGrainFactory grains)
{
    public string? LastOneWay { get; private set; }

    private string Key => grain.GetPrimaryKeyString();

    public async Task<string> FollowAsync(Hop[] path)
    {
        if (path.Length == 0)
        {
            return Key;
        }

        var (next, rest) = (path[0], path[1..]);
        var target = grains.GetGrain<ICycleGrain>(GrainId.Create(next.Type, next.Key));
        var answer = next.Kind switch
        {
            HopKind.Call => await target.CallAsync(rest),
            HopKind.Read => await target.ReadAsync(rest),
            HopKind.Interleave => await target.InterleaveAsync(rest),
            _ => await SendAsync(target, next.Key, rest),
        };
        return $"{Key} → {answer}";
    }

    public async Task FollowLaterAsync(Hop[] path)
    {
        try
        {
            LastOneWay = await FollowAsync(path);
        }
        catch (Exception exception)
        {
            LastOneWay = $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    public async Task<string[]> EachAsync(Hop[][] paths)
    {
        var answers = new List<string>();
        foreach (var path in paths)
        {
            answers.Add(await FollowAsync(path));
        }

        return [.. answers];
    }

    private static async Task<string> SendAsync(ICycleGrain target, string key, Hop[] rest)
    {
        await target.OneWayAsync(rest);
        return $"({key})";
    }
}
