using Hierarchy.Grains.Candidates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Hosting;

public static class SiloCalendarServiceCollectionExtensions
{
    /// <summary>
    /// The configured holidays and working days as the domain's <see cref="CalendarOptions"/>. They are read while the
    /// host is built, so that a bad one stops every command before it touches storage; a change takes a restart.
    /// </summary>
    public static IServiceCollection AddSiloCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = CalendarSettings.FromConfiguration(configuration);
        services.AddOptions<CalendarOptions>().Configure(options =>
        {
            foreach (var holiday in configured.Holidays)
            {
                options.Holidays.Add(holiday);
            }

            foreach (var day in configured.WorkingDays)
            {
                options.WorkingDays.Add(day);
            }
        });
        return services;
    }
}
