using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// RFC 9457 ProblemDetails with a stable machine-readable <c>code</c> extension, the one shape of every refusal.
/// The mini-program shows a message per <c>code</c>; <c>errors</c> maps a field (camelCase JSON path) to its messages.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }

    /// <summary>A refusal from the catalogue (<see cref="ProblemCodes"/>) with its usual status.</summary>
    public static ProblemHttpResult Of(ProblemCode code, string title, string? detail = null, IDictionary<string, string[]>? errors = null) =>
        Of(code.Status, code.Code, title, detail, errors);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        Of(ProblemCodes.ValidationFailed, "One or more fields are invalid.", errors: errors);

    public static ProblemHttpResult Field(string field, string message, string? code = null) =>
        Of(StatusCodes.Status400BadRequest, code ?? ProblemCodes.ValidationFailed, message, errors: new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string what) =>
        Of(ProblemCodes.NotFound, $"{what} was not found.");

    /// <summary>404 for an id in the request body that names nothing: the field says which.</summary>
    public static ProblemHttpResult UnknownReference(string field, string what) =>
        Of(ProblemCodes.NotFound, $"{what} was not found.", errors: new Dictionary<string, string[]> { [field] = [$"No {what.ToLowerInvariant()} has this id."] });

    public static ProblemHttpResult Forbidden(string detail) =>
        Of(ProblemCodes.Forbidden, "You may not do this.", detail);

    public static ProblemHttpResult Conflict(string code, string title, string? detail = null) =>
        Of(StatusCodes.Status409Conflict, code, title, detail);

    public static ProblemHttpResult Unavailable(string code, string title) =>
        Of(StatusCodes.Status503ServiceUnavailable, code, title);
}
