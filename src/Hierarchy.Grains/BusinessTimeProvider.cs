namespace Hierarchy.Grains;

/// <summary>
/// The clock with the business day's time zone: "today", "this year", days elapsed and "the same period last year"
/// are reckoned in Vietnam whatever the host's own zone is (servers are usually kept on UTC, seven hours behind,
/// which would turn today's early-morning reports into reports from the future).
/// </summary>
public sealed class BusinessTimeProvider(TimeZoneInfo zone, TimeProvider? inner = null) : TimeProvider
{
    public const string DefaultZoneId = "Asia/Ho_Chi_Minh";

    private readonly TimeProvider clock = inner ?? System;

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        clock.CreateTimer(callback, state, dueTime, period);
}
