using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Hierarchy.Grains.Admissions;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>
/// A unit's live view as Server-Sent Events: the view at once, again after every change (at most about four a
/// second), and a comment every 15 seconds so that proxies keep an idle stream open. A client that reconnects (as
/// the browser's EventSource does when its silo dies, through the proxy to another one) sends the last event id it
/// saw; it then gets the view only if it changed meanwhile.
/// </summary>
public static class StreamEndpoints
{
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    /// <summary>How soon a browser reconnects after losing the stream (its own default is about three seconds).</summary>
    public static readonly TimeSpan ReconnectionInterval = TimeSpan.FromSeconds(1);

    public static RouteGroupBuilder MapStreamEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{id}/stream", StreamAsync)
            .WithName("StreamUnit")
            .WithSummary("text/event-stream of the unit's view (same JSON as GET /api/units/{id}); the event id is the unit's version.")
            .Produces<UnitResponse>(contentType: "text/event-stream");
        return api;
    }

    public static async Task<IResult> StreamAsync(string id, string? year, HttpContext context, AccessControl access, UnitStreamRegistry registry, TimeProvider time)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var errors = new List<ValidationError>();
        var y = QueryValues.Year(year, time.Today().Year, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var subscription = await registry.JoinAsync(id, y, context.RequestAborted);

        // Reverse proxies such as nginx buffer responses unless told not to; a buffered stream is not live.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var lastSeen = long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var seen) ? seen : -1;
        return TypedResults.ServerSentEvents(EventsAsync(subscription, lastSeen, context.Response, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(StreamSubscription subscription, long lastSeen, HttpResponse response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var _ = subscription;
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = await NextAsync(subscription, cancellationToken);
            if (next is null)
            {
                // Idle: a comment line keeps the connection open without an event for the client to handle.
                // The formatter flushes after each item and awaits this enumerator in between, so nothing interleaves.
                await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                continue;
            }

            if (next.Version < 0)
            {
                yield break;
            }

            if (first && next.Version == lastSeen)
            {
                // The view the client already holds; its next change comes as usual.
                first = false;
                continue;
            }

            yield return new SseItem<string>(next.Json)
            {
                EventId = next.Version.ToString(CultureInfo.InvariantCulture),
                ReconnectionInterval = first ? ReconnectionInterval : null,
            };
            first = false;
        }
    }

    /// <summary>The next view, null after a quiet keep-alive interval, or a negative version when the stream closed.</summary>
    private static async Task<StreamEvent?> NextAsync(StreamSubscription subscription, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(KeepAliveInterval);
        try
        {
            if (!await subscription.Reader.WaitToReadAsync(idle.Token))
            {
                return new StreamEvent(-1, "");
            }

            return subscription.Reader.TryRead(out var item) ? item : await NextAsync(subscription, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
