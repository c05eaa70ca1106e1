using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MySqlConnector;
using StackExchange.Redis;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Turns what escapes a handler into ProblemDetails with a <c>code</c>: malformed JSON and bad parameters are 400s,
/// an unreachable MySQL or Redis is a 503 (<c>database_unavailable</c>, <c>cache_unavailable</c>), a deadlock or lock
/// wait timeout still failing after <see cref="Database.RetryAsync{T}"/> is a 503 <c>database_busy</c> (the transaction
/// was rolled back), anything else a 500 whose body says nothing of the cause.
/// Expected refusals never come here: handlers return them as results.
/// </summary>
public sealed class ErrorHandler(IProblemDetailsService problemDetails, ILogger<ErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, code, title, errors) = Classify(exception);
        if (status >= 500) logger.LogError(exception, "Unhandled {Code} on {Path}", code, context.Request.Path);
        else logger.LogInformation("Refused {Code} on {Path}: {Message}", code, context.Request.Path, exception.Message);

        var problem = new ProblemDetails { Status = status, Title = title };
        problem.Extensions["code"] = code;
        if (errors is not null) problem.Extensions["errors"] = errors;
        context.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    internal static (int Status, string Code, string Title, Dictionary<string, string[]>? Errors) Classify(Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { InnerException: JsonException json }:
                var field = JsonField(json.Path);
                return (400, ProblemCodes.MalformedJson, "The request body is not valid JSON for this endpoint.",
                    new() { [field] = [json.Path is null ? "The body could not be read as JSON." : $"'{field}' has a value of the wrong type or an unknown value."] });
            // No body, or the JSON literal null, where the endpoint needs an object: a field error, not the framework's text.
            case BadHttpRequestException { StatusCode: 400 } missing when IsMissingBody(missing):
                return (400, "validation_failed", "One or more fields are invalid.",
                    new() { ["$body"] = ["A JSON object is required as the request body."] });
            case BadHttpRequestException bad:
                return (bad.StatusCode, bad.StatusCode == 413 ? ProblemCodes.TooLarge : ProblemCodes.BadRequest, bad.Message, null);
            // Before the transient case: MySqlConnector counts deadlocks and lock wait timeouts as transient too.
            case MySqlException busy when Database.IsRetryable(busy):
                return (503, ProblemCodes.DatabaseBusy, "The database is busy; nothing was saved. Try again.", null);
            case MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost } or MySqlException { IsTransient: true }
                or MySqlException { InnerException: SocketException or TimeoutException or IOException }:
                return (503, ProblemCodes.DatabaseUnavailable, "The database is unavailable; nothing was saved. Try again shortly.", null);
            case StorageUnavailableException:
                return (503, ProblemCodes.StorageUnavailable, "File storage is unavailable; nothing was saved. Try again shortly.", null);
            case RedisConnectionException or RedisTimeoutException:
                return (503, ProblemCodes.CacheUnavailable, "A required service is unavailable. Try again shortly.", null);
            case OperationCanceledException:
                return (499, ProblemCodes.Cancelled, "The request was cancelled.", null);
            default:
                return (500, ProblemCodes.InternalError, "Something went wrong on our side.", null);
        }
    }

    /// <summary>
    /// The minimal-API binder's "Implicit body inferred for parameter … but no body was provided" (empty body) and
    /// "Required parameter … was not provided from body" (the body was <c>null</c>).
    /// </summary>
    private static bool IsMissingBody(BadHttpRequestException e) =>
        e.InnerException is null
        && (e.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            || (e.Message.StartsWith("Required parameter", StringComparison.Ordinal) && e.Message.EndsWith("from body.", StringComparison.Ordinal)));

    /// <summary><c>$.activity.startsAt</c> → <c>activity.startsAt</c>; the whole body when there is no path.</summary>
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}

/// <summary>A file store (the photo folder) refused a write: read-only, full or missing. Answered 503 <c>storage_unavailable</c>.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);

public static class ErrorHandlingExtensions
{
    /// <summary>ProblemDetails everywhere, each with a <c>code</c> (derived from the status when a handler set none) and the trace id.</summary>
    public static IServiceCollection AddErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
                ctx.ProblemDetails.Extensions["code"] = ProblemCodes.ForStatus(status).Code;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            ctx.HttpContext.Items[WeStudioMetrics.ProblemCodeItem] = ctx.ProblemDetails.Extensions["code"] as string;
        });
        services.AddExceptionHandler<ErrorHandler>();
        // Binding failures (malformed JSON, wrong types, unknown enum values) throw, so ErrorHandler can name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
