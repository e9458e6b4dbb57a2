namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// Shares a whole number out in proportion to weights so the shares add up to it exactly (Hamilton's method): each
/// gets the whole part of its exact share, and what is left goes one each to the largest remainders. Equal
/// remainders go to the larger weight first, then to the one listed first. Exact integer arithmetic throughout, so
/// the same inputs always give the same shares.
/// </summary>
public static class LargestRemainder
{
    public static void Allocate(long total, ReadOnlySpan<long> weights, Span<int> shares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (shares.Length != weights.Length)
        {
            throw new ArgumentException("There must be one share per weight.", nameof(shares));
        }

        Int128 sum = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            sum += weight;
        }

        if (sum == 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        var remainders = new Int128[weights.Length];
        var given = 0L;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * (Int128)weights[i];
            shares[i] = (int)(exact / sum);
            remainders[i] = exact % sum;
            given += shares[i];
        }

        var left = (int)(total - given);
        if (left == 0)
        {
            return;
        }

        var order = new int[weights.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var weightArray = weights.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byRemainder = remainders[b].CompareTo(remainders[a]);
            if (byRemainder != 0)
            {
                return byRemainder;
            }

            var byWeight = weightArray[b].CompareTo(weightArray[a]);
            return byWeight != 0 ? byWeight : a.CompareTo(b);
        });
        for (var i = 0; i < left; i++)
        {
            shares[order[i]]++;
        }
    }
}
