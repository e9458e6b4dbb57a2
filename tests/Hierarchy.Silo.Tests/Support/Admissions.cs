namespace Hierarchy.Silo.Tests.Support;

/// <summary>Admission request bodies for tests: valid unless a test changes a field.</summary>
public static class Admissions
{
    public static Dictionary<string, object?> Valid(string? key = null, string gender = "female") => new()
    {
        ["idempotencyKey"] = key ?? "test-" + Guid.NewGuid().ToString("N"),
        ["admittedOn"] = DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd"),
        ["gender"] = gender,
        ["birthDate"] = DateTime.Today.AddYears(-25).ToString("yyyy-MM-dd"),
        ["youthUnion"] = true,
        ["ethnicMinority"] = false,
        ["religious"] = false,
        ["privateBusinessOwner"] = false,
        ["education"] = "university",
        ["occupation"] = "student",
        ["name"] = "Nguyễn Thị Bí Mật",
    };

    public static Dictionary<string, object?> With(string field, object? value)
    {
        var body = Valid();
        body[field] = value;
        return body;
    }
}
