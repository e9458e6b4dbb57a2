using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Bench;

/// <summary>Valid admission reports for load: dated within the year so far, ages 18 to 60.</summary>
public static class BenchReports
{
    public static AdmissionReport Create(int sequence, DateOnly today, Random random)
    {
        var admittedOn = new DateOnly(today.Year, 1, 1).AddDays(random.Next(today.DayOfYear));
        var age = random.Next(18, 61);
        return new AdmissionReport(
            $"bench-{sequence}",
            admittedOn,
            random.Next(2) == 0 ? Gender.Female : Gender.Male,
            admittedOn.AddYears(-age).AddDays(-random.Next(1, 300)),
            YouthUnion: age <= 30 && random.Next(3) > 0,
            EthnicMinority: random.Next(10) == 0,
            Religious: random.Next(20) == 0,
            PrivateBusinessOwner: random.Next(30) == 0,
            Education: (Education)random.Next(5),
            Occupation: (Occupation)random.Next(7));
    }

    /// <summary>The report as the HTTP API takes it (POST …/admissions).</summary>
    public static object Body(AdmissionReport report) => new
    {
        idempotencyKey = report.IdempotencyKey,
        admittedOn = report.AdmittedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        gender = JsonNames.Of(report.Gender),
        birthDate = report.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        youthUnion = report.YouthUnion,
        ethnicMinority = report.EthnicMinority,
        religious = report.Religious,
        privateBusinessOwner = report.PrivateBusinessOwner,
        education = JsonNames.Of(report.Education),
        occupation = JsonNames.Of(report.Occupation),
    };
}
