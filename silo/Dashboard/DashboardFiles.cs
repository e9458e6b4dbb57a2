using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Hierarchy.Silo.Dashboard;

/// <summary>
/// Serves the dashboard's static files from <c>dashboard/</c> beside the program (copied there by the build). Links in
/// the dashboard are relative, so it works under any PathBase a reverse proxy puts in front.
/// </summary>
public static class DashboardFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "dashboard");

    public static WebApplication UseDashboard(this WebApplication app)
    {
        var folder = Folder;
        if (Directory.Exists(folder) && File.Exists(Path.Combine(folder, "index.html")))
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,

                // The dashboard changes with the silo; revalidate rather than serve a stale copy after an upgrade.
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
            });
        }
        else
        {
            app.MapGet("/", () => Results.Content(Placeholder, "text/html; charset=utf-8")).ExcludeFromDescription();
        }

        return app;
    }

    private const string Placeholder = """
        <!doctype html>
        <html lang="vi">
        <head><meta charset="utf-8"><title>Hierarchy</title></head>
        <body>
        <h1>Hierarchy</h1>
        <p>The silo is running; the dashboard is not installed in this build.</p>
        <ul>
        <li><a href="openapi/v1.json">OpenAPI document</a></li>
        <li><a href="api/units">Units</a></li>
        <li><a href="health/ready">Readiness</a></li>
        </ul>
        </body>
        </html>
        """;
}
