using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>
/// The requests in progress along one call path, outermost first, as carried in <see cref="RequestContext"/> by
/// <see cref="CallChainFilter"/>. Immutable: every call gets its own, so concurrent calls never see each other's.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed class CallChain(CallChainLink[] links)
{
    /// <summary>The <see cref="RequestContext"/> key the chain travels under.</summary>
    public const string Key = "hierarchy.call-chain";

    [Id(0)]
    public CallChainLink[] Links { get; } = links;

    public CallChainLink? Last => Links.Length == 0 ? null : Links[^1];

    public int IndexOf(GrainId grain)
    {
        for (var i = Links.Length - 1; i >= 0; i--)
        {
            if (Links[i].Grain == grain)
            {
                return i;
            }
        }

        return -1;
    }

    public CallChain Append(CallChainLink link)
    {
        var links = new CallChainLink[Links.Length + 1];
        Links.CopyTo(links, 0);
        links[^1] = link;
        return new CallChain(links);
    }
}
