using System.Data.Common;
using System.Net.Sockets;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;

namespace Hierarchy.Silo.Hosting;

/// <summary>
/// Answers 503 with Retry-After when the database cannot be reached or a call timed out: the request did not
/// complete, nothing was acknowledged, and the same request (same idempotency key) may be sent again. The same holds
/// when the silo that held the unit died during the call: the unit answers again from another silo moments later.
/// </summary>
public sealed class StorageUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || context.Response.HasStarted)
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = (IsSiloLoss(exception) ? Messages.SiloUnavailableTitle : Messages.DatabaseUnavailableTitle).Format(),
                Detail = Messages.DatabaseUnavailable.Format(),
            },
        });
    }

    private static bool IsSiloLoss(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException
        || (exception.InnerException is { } inner && IsSiloLoss(inner));

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        DbException or SocketException or TimeoutException => true,
        SiloUnavailableException or OrleansMessageRejectionException => true,

        // A write from an activation holding older state than the store (two activations for a moment while the
        // cluster changed): nothing of it was applied, and the activation is gone, so a retry reaches the current one.
        Orleans.Storage.InconsistentStateException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
