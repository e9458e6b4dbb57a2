using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Hierarchy.Silo.Dashboard;

/// <summary>
/// The Orleans dashboard for IT staff (silos, activations per grain type, calls and errors per method) under
/// <c>/orleans</c>, behind <see cref="AdminAccess"/>. The committee's own dashboard stays at <c>/</c>.
/// </summary>
public static class OrleansDashboard
{
    public const string RoutePrefix = "/orleans";
    public const string Section = "Orleans:Dashboard";

    /// <summary>On unless <c>Orleans:Dashboard:Enabled=false</c>; off, the silo runs without the profiling filter and <c>/orleans</c> is 404.</summary>
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue($"{Section}:Enabled", true);

    /// <summary>
    /// Registers the dashboard in every host, not only the server, so that <c>bench</c> measures the silo as it
    /// serves; a sub-command that never starts its host pays nothing for it.
    /// </summary>
    public static ISiloBuilder AddHierarchyDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (Enabled(configuration))
        {
            silo.AddDashboard(options => configuration.GetSection(Section).Bind(options));
            silo.Services.Configure<GrainProfilerOptions>(configuration.GetSection($"{Section}:Profiler"));
        }

        return silo;
    }

    /// <summary>
    /// Guards everything under <c>/orleans</c>, mapped or not, before any endpoint runs; then maps the dashboard. Its
    /// routes stay out of the OpenAPI document, which describes the Hierarchy API only.
    /// </summary>
    public static WebApplication UseOrleansDashboard(this WebApplication app)
    {
        app.Use(GuardAsync);
        if (Enabled(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: RoutePrefix).ExcludeFromDescription();
        }

        return app;
    }

    private static async Task GuardAsync(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments(RoutePrefix, out var rest))
        {
            await next();
            return;
        }

        var denied = await context.RequestServices.GetRequiredService<AdminAccess>().CheckAsync(context);

        // The grain-state browser activates any grain and shows its stored state: members' figures and boards'
        // draft plans. An admin token reads no unit data, so that one page stays shut.
        if (denied is null && rest.StartsWithSegments("/GrainState"))
        {
            denied = Problems.Forbidden(Messages.GrainStateOff.Format());
        }

        if (denied is not null)
        {
            await denied.ExecuteAsync(context);
            return;
        }

        // Counters and traces are live figures; a shared proxy must not keep a copy of what only an admin may see.
        context.Response.Headers.CacheControl = "no-store";
        await next();
    }
}
