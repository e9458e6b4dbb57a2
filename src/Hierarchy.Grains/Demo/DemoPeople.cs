using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Demo;

/// <summary>Plausible admitted people: mostly young, many youth-union members, dates clustered around the party's days.</summary>
internal static class DemoPeople
{
    // Admissions cluster around 3 February, 19 May and 2 September.
    private static readonly int[] PeakDays = [34, 139, 245];

    public static AdmissionReport Create(Random random, string branchId, int year, int sequence, DateOnly latest)
    {
        var dayOfYear = random.NextDouble() < 0.55
            ? Math.Clamp(PeakDays[random.Next(PeakDays.Length)] + random.Next(-12, 13), 1, 365)
            : random.Next(1, 366);
        var admittedOn = new DateOnly(year, 1, 1).AddDays(dayOfYear - 1);
        if (admittedOn > latest)
        {
            admittedOn = new DateOnly(year, 1, 1).AddDays(random.Next(Math.Max(1, latest.DayOfYear)));
        }

        var age = random.NextDouble() switch
        {
            < 0.70 => random.Next(18, 31),
            < 0.85 => random.Next(31, 36),
            < 0.93 => random.Next(36, 41),
            _ => random.Next(41, 61),
        };
        var birthDate = admittedOn.AddYears(-age).AddDays(-random.Next(0, 360));
        return new AdmissionReport(
            $"demo-{branchId}-{year}-{sequence}",
            admittedOn,
            random.NextDouble() < 0.45 ? Gender.Female : Gender.Male,
            birthDate,
            YouthUnion: age <= 30 && random.NextDouble() < 0.8,
            EthnicMinority: random.NextDouble() < 0.12,
            Religious: random.NextDouble() < 0.05,
            PrivateBusinessOwner: random.NextDouble() < 0.03,
            Education: (Education)Weighted(random, [0.05, 0.35, 0.2, 0.35, 0.05]),
            Occupation: (Occupation)Weighted(random, [0.15, 0.2, 0.2, 0.2, 0.1, 0.05, 0.1]));
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
