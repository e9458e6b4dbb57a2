using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Rollup;

/// <summary>
/// The counts of one unit's admissions for one year in a fixed layout — total, the form's breakdown rows, the sum of
/// ages and admissions per week — so that rolling up is adding arrays. Immutable: every change makes a new tally.
/// </summary>
[GenerateSerializer, Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(TallyJsonConverter))]
public sealed record Tally(ImmutableArray<int> Values)
{
    public const int Admitted = 0;
    public const int YouthUnion = 1;
    public const int Women = 2;
    public const int EthnicMinority = 3;
    public const int Religious = 4;
    public const int PrivateBusinessOwner = 5;
    public const int AgeBand = 6;
    public const int Education = AgeBand + 7;
    public const int Occupation = Education + 5;
    public const int AgeSum = Occupation + 7;
    public const int Week = AgeSum + 1;
    public const int Weeks = 53;
    public const int Length = Week + Weeks;

    public static Tally Empty { get; } = new(ImmutableArray.Create(new int[Length]));

    public int this[int index] => Values.IsDefaultOrEmpty ? 0 : Values[index];

    public int Count => this[Admitted];

    public double? AverageAge => Count == 0 ? null : (double)this[AgeSum] / Count;

    public static int WeekOf(DateOnly date) => Math.Min((date.DayOfYear - 1) / 7, Weeks - 1);

    /// <summary>Admissions up to and including the given week — "the same period" of another year.</summary>
    public int AdmittedThroughWeek(int week)
    {
        var total = 0;
        for (var i = 0; i <= Math.Min(week, Weeks - 1); i++)
        {
            total += this[Week + i];
        }

        return total;
    }

    public Tally With(AdmissionRecord record, int sign)
    {
        var values = ToArray();
        var report = record.Report;
        values[Admitted] += sign;
        values[YouthUnion] += report.YouthUnion ? sign : 0;
        values[Women] += report.Gender == Gender.Female ? sign : 0;
        values[EthnicMinority] += report.EthnicMinority ? sign : 0;
        values[Religious] += report.Religious ? sign : 0;
        values[PrivateBusinessOwner] += report.PrivateBusinessOwner ? sign : 0;
        values[AgeBand + AgeBands.IndexOf(record.Age)] += sign;
        values[Education + (int)report.Education] += sign;
        values[Occupation + (int)report.Occupation] += sign;
        values[AgeSum] += sign * record.Age;
        values[Week + WeekOf(report.AdmittedOn)] += sign;
        return new Tally(ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    public static Tally Sum(IEnumerable<Tally> tallies)
    {
        var values = new int[Length];
        foreach (var tally in tallies)
        {
            if (tally.Values.IsDefaultOrEmpty)
            {
                continue;
            }

            var source = tally.Values.AsSpan();
            for (var i = 0; i < Length; i++)
            {
                values[i] += source[i];
            }
        }

        return new Tally(ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    public bool Equals(Tally? other) => other is not null && Values.AsSpan().SequenceEqual(other.Values.AsSpan());

    public override int GetHashCode() => Count;

    private int[] ToArray() => Values.IsDefaultOrEmpty ? new int[Length] : Values.ToArray();
}
