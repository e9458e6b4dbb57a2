namespace Hierarchy.Grains;

/// <summary>
/// Orders units by their depth among themselves, whatever the depth of the tree: work that must reach parents before
/// children (definitions) takes the groups in order, work that must reach children first (rollups, sums) in reverse.
/// </summary>
public static class TreeOrder
{
    /// <summary>The units grouped by depth, shallowest first; a unit whose parent is not among them is at depth 0.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> ByDepth<T>(IReadOnlyCollection<T> units, Func<T, string> idOf, Func<T, string?> parentOf)
    {
        var parents = new Dictionary<string, string?>(units.Count, StringComparer.Ordinal);
        foreach (var unit in units)
        {
            parents[idOf(unit)] = parentOf(unit);
        }

        var depths = new Dictionary<string, int>(units.Count, StringComparer.Ordinal);
        var chain = new List<string>();
        foreach (var start in parents.Keys)
        {
            chain.Clear();
            var at = start;
            var depth = 0;
            while (!depths.TryGetValue(at, out depth))
            {
                if (chain.Count > parents.Count)
                {
                    throw new InvalidOperationException($"Unit '{start}' is its own ancestor.");
                }

                chain.Add(at);
                if (parents[at] is not { } parent || !parents.ContainsKey(parent))
                {
                    depth = -1;
                    break;
                }

                at = parent;
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                depths[chain[i]] = ++depth;
            }
        }

        return units.GroupBy(u => depths[idOf(u)]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<T>)g.ToList()).ToList();
    }

    /// <summary>The units with every child before its parent.</summary>
    public static IEnumerable<T> DeepestFirst<T>(IReadOnlyCollection<T> units, Func<T, string> idOf, Func<T, string?> parentOf) =>
        ByDepth(units, idOf, parentOf).Reverse().SelectMany(g => g);
}
