using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Api;

/// <summary>A silo whose calendar configuration adds a provincial holiday on Monday 9 March 2026 and a worked Saturday on 14 March 2026.</summary>
public sealed class CalendarSiloFixture : IAsyncLifetime
{
    public static readonly string[] Settings =
    [
        "--Calendar:Holidays:0:Date=2026-03-09",
        "--Calendar:Holidays:0:Name=Ngày hội của tỉnh",
        "--Calendar:WorkingDays:0:Date=2026-03-14",
        "--Calendar:WorkingDays:0:Name=Làm bù theo quyết định của tỉnh",
    ];

    private TestSilo? silo;
    private TestHierarchy? hierarchy;

    public TestSilo Silo => silo ?? throw new InvalidOperationException("The silo has not started.");

    public TestHierarchy Hierarchy => hierarchy ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync()
    {
        silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), Settings);
        hierarchy = await TestHierarchy.CreateAsync(silo);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
