using Hierarchy.Grains;
using Microsoft.Extensions.Configuration;

namespace Hierarchy.Silo.Hosting;

/// <summary>The business day's time zone from <c>Silo:TimeZone</c> (an IANA id such as <c>Asia/Ho_Chi_Minh</c>, the default).</summary>
public static class BusinessTimeZone
{
    public const string Setting = "Silo:TimeZone";

    public static TimeZoneInfo FromConfiguration(IConfiguration configuration)
    {
        var id = configuration[Setting] is { Length: > 0 } configured ? configured.Trim() : BusinessTimeProvider.DefaultZoneId;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SiloConfigurationException($"{Setting} must be a time zone such as {BusinessTimeProvider.DefaultZoneId}, not '{id}'.");
        }
    }
}
