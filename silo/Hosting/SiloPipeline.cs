using System.Diagnostics;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Hierarchy.Silo.Hosting;

public static class SiloPipeline
{
    /// <summary>The request pipeline: base path, the caller's language, errors as problem details, the Orleans dashboard for admins, the dashboard, the API, health and OpenAPI.</summary>
    public static WebApplication UseSilo(this WebApplication app)
    {
        if (app.Configuration["PathBase"] is { Length: > 0 } pathBase && pathBase != "/")
        {
            app.UsePathBase("/" + pathBase.Trim('/'));
        }

        // First, so that every answer after it, errors included, speaks the caller's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.Use(NameRequestActivity);
        app.UseOrleansDashboard();
        app.UseDashboard();

        var api = app.MapGroup("/api").WithTags("api");
        api.MapUnitEndpoints()
            .MapAdmissionEndpoints()
            .MapAdmissionUploadEndpoints()
            .MapCandidateEndpoints()
            .MapQuotaEndpoints()
            .MapClosingEndpoints()
            .MapIndicatorEndpoints()
            .MapIndicatorUploadEndpoints()
            .MapScenarioEndpoints()
            .MapStreamEndpoints()
            .MapReportEndpoints()
            .MapExportEndpoints()
            .MapAuditEndpoints()
            .MapMeEndpoints()
            .MapCalendarEndpoints()
            .MapSystemEndpoints();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        return app;
    }

    /// <summary>Names the request's span after its route ("POST /api/units/{id}/admissions"), as HTTP semantic conventions ask.</summary>
    private static Task NameRequestActivity(HttpContext context, Func<Task> next)
    {
        if (Activity.Current is { } activity && context.GetEndpoint() is RouteEndpoint endpoint)
        {
            var route = endpoint.RoutePattern.RawText ?? context.Request.Path.Value;
            activity.DisplayName = $"{context.Request.Method} {route}";
            activity.SetTag("http.route", route);
        }

        return next();
    }
}
