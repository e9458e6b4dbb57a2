namespace Hierarchy.Silo.Api;

public static class ClockExtensions
{
    /// <summary>Today where the silo runs, as the domain reckons it (a report dated today is not "in the future").</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
