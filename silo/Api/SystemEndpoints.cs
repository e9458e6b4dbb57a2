using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Storage;
using Hierarchy.Silo.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

public static class SystemEndpoints
{
    public static RouteGroupBuilder MapSystemEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/system", GetAsync)
            .WithName("GetSystem")
            .WithSummary("Activations, calls per second, call and storage latency, admissions per second, stream clients; measured only while asked.")
            .Produces<SystemResponse>();
        return api;
    }

    public static async Task<IResult> GetAsync(HttpContext context, AccessControl access, SystemMonitor monitor, StorageTarget storage)
    {
        // Silo-wide figures with no unit in them: what an admin is for.
        var (caller, denied) = await access.IdentifyAsync(context, allowAnonymous: true, allowAdmin: true);
        if (denied is not null)
        {
            return denied;
        }

        // Where the database lives is for IT staff; everyone else learns only which kind it is.
        var snapshot = await monitor.SnapshotAsync();
        return TypedResults.Ok(caller?.IsAdmin == true ? snapshot : snapshot with { Storage = storage.ProviderName });
    }
}
