using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Makes <c>miniprogram-contracts/openapi.json</c> tell the truth, from central rules rather than per-endpoint edits, so that
/// a new endpoint gets them without asking:
/// <list type="bullet">
/// <item>Required members: in outputs every member (the API writes nulls, so a nullable member is present and <c>nullable</c>);
/// in inputs (types named <c>…Request</c>) the members marked <c>[Required]</c> (not nullable, text at least 1 character),
/// with <c>[MaxLength]</c>, <c>[Range]</c> and <c>[RegularExpression]</c> as <c>maxLength</c>, <c>minimum</c>/<c>maximum</c>
/// and <c>pattern</c>. The attributes restate the handlers' <see cref="Validation"/> rules for the contract (the API does not
/// run DataAnnotations). Nullable references to other schemas are <c>allOf</c> + <c>nullable</c> (OpenAPI 3.0 drops
/// <c>nullable</c> beside a bare <c>$ref</c>).</item>
/// <item><c>[AllowedValues]</c> on a record member or a query parameter becomes an <c>enum</c> (string fields whose values are
/// fixed without a C# enum); C# enums are string enums (the API's <c>JsonStringEnumConverter</c>).</item>
/// <item>Refusals: one <c>ProblemDetails</c> schema whose <c>code</c> is the enum <c>ProblemCode</c> of <see cref="ProblemCodes.All"/>
/// (with <c>x-problem-codes</c>: statuses and the Chinese message), and per operation one <c>application/problem+json</c>
/// response per status with the codes that operation can send: those named in its summary (<c>"… 403 forbidden; 409 not_open."</c>)
/// or in <see cref="ContractEndpointExtensions.ProducesProblems{TBuilder}"/>, plus what the platform adds (401 <c>unauthorized</c>
/// unless anonymous, 403 <c>forbidden</c> under a policy, 400 <c>malformed_json</c>/<c>bad_request</c> when it takes input,
/// 500, and 503 <c>database_unavailable</c>/<c>database_busy</c>/<c>cache_unavailable</c>).</item>
/// <item><c>security: []</c> on anonymous operations; <c>servers</c>; binary schemas for non-JSON responses; the multipart
/// schema of <see cref="ContractEndpointExtensions.AcceptsFile"/>; a path parameter <c>{id}</c> named after its collection
/// (<c>/studios/{id}</c> → <c>{studioId}</c>) so one thing has one name everywhere.</item>
/// </list>
/// </summary>
public static class OpenApiContract
{
    public const string ProblemJson = "application/problem+json";

    public static void Configure(SwaggerGenOptions options)
    {
        options.NonNullableReferenceTypesAsRequired();
        options.UseAllOfToExtendReferenceSchemas();
        options.SchemaFilter<RecordSchemaFilter>();
        options.ParameterFilter<AllowedValuesParameterFilter>();
        options.OperationFilter<ContractOperationFilter>();
        options.DocumentFilter<ContractDocumentFilter>();
        options.AddServer(new OpenApiServer
        {
            Url = "http://127.0.0.1:5080",
            Description = "The demo of scripts/run.sh (WESTUDIO_API_PORT); the mini-program sets its own HTTPS base URL.",
        });
    }

    /// <summary>
    /// The refusals a summary names, as "<c>400 validation_failed, token_invalid (a note); 409 not_open</c>": each 4xx/5xx status
    /// followed by comma-separated snake_case codes (a parenthesised note after a code is skipped).
    /// </summary>
    public static IReadOnlyList<(int Status, string Code)> SummaryCodes(string? summary)
    {
        var found = new List<(int, string)>();
        if (string.IsNullOrEmpty(summary)) return found;
        foreach (Match m in SummaryStatus.Matches(summary))
        {
            var status = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            foreach (Capture c in m.Groups[2].Captures) found.Add((status, c.Value));
        }
        return found;
    }

    private static readonly Regex SummaryStatus = new(
        @"\b([45]\d\d) (?:(?<2>[a-z]+(?:_[a-z]+)*)(?: \([^)]*\))?)(?:, (?<2>[a-z]+(?:_[a-z]+)*)(?: \([^)]*\))?)*", RegexOptions.Compiled);

    internal static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
}

/// <summary>The refusal codes an endpoint sends beyond those its summary names (see <see cref="OpenApiContract"/>).</summary>
public sealed record ProblemCodesMetadata(IReadOnlyList<ProblemCode> Codes);

/// <summary>The endpoint takes one file as <c>multipart/form-data</c> in the field <see cref="Field"/>.</summary>
public sealed record FormFileMetadata(string Field);

public static class ContractEndpointExtensions
{
    /// <summary>Declares refusal codes the summary does not name; they appear in the operation's responses.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params ProblemCode[] codes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemCodesMetadata(codes));

    /// <summary>The endpoint reads one file from the multipart field <paramref name="field"/>.</summary>
    public static RouteHandlerBuilder AcceptsFile(this RouteHandlerBuilder builder, string field) =>
        builder.Accepts<IFormFile>("multipart/form-data").WithMetadata(new FormFileMetadata(field));
}

/// <summary>Required members and <c>[AllowedValues]</c> enums of records (see <see cref="OpenApiContract"/>).</summary>
internal sealed class RecordSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } properties) return;
        var type = context.Type;
        if (type is null || type == typeof(string) || type.IsPrimitive) return;
        var isInput = type.Name.EndsWith("Request", StringComparison.Ordinal);
        var ctorParameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [];
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!properties.TryGetValue(name, out var propertySchema)) continue;
            var parameter = ctorParameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            var marked = property.GetCustomAttribute<RequiredAttribute>() is not null || parameter?.GetCustomAttribute<RequiredAttribute>() is not null;
            if (marked || !isInput)
            {
                target.Required ??= new HashSet<string>(StringComparer.Ordinal);
                target.Required.Add(name);
            }
            if (propertySchema is OpenApiSchema concrete) ApplyRules(concrete, property, parameter, marked);
        }
    }

    /// <summary>The validation attributes of an input member: <c>[Required]</c> (not null, text not empty), lengths, ranges, pattern, allowed values.</summary>
    private static void ApplyRules(OpenApiSchema schema, PropertyInfo property, ParameterInfo? parameter, bool required)
    {
        T? Attribute<T>() where T : Attribute => property.GetCustomAttribute<T>() ?? parameter?.GetCustomAttribute<T>();
        var isText = property.PropertyType == typeof(string);
        if (required && schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            var rest = type & ~JsonSchemaType.Null;
            schema.Type = rest == 0 ? null : rest;
        }
        if (required && isText) schema.MinLength ??= 1;
        if (Attribute<MaxLengthAttribute>() is { } max) schema.MaxLength = max.Length;
        if (Attribute<StringLengthAttribute>() is { } length) { schema.MaxLength = length.MaximumLength; if (length.MinimumLength > 0) schema.MinLength = length.MinimumLength; }
        if (Attribute<RangeAttribute>() is { } range)
        {
            schema.Minimum = Convert.ToString(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
            schema.Maximum = Convert.ToString(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (Attribute<RegularExpressionAttribute>() is { } regex) schema.Pattern = regex.Pattern;
        if (Attribute<AllowedValuesAttribute>() is { } allowed)
        {
            // On a dictionary the values are the allowed ones (e.g. template id → accept/reject/ban/filter).
            var target = schema.AdditionalProperties as OpenApiSchema ?? schema;
            target.Enum = EnumOf(allowed);
        }
    }

    internal static List<JsonNode> EnumOf(AllowedValuesAttribute allowed) =>
        allowed.Values.Where(v => v is not null).Select(v => (JsonNode)JsonValue.Create(v!.ToString())!).ToList();
}

/// <summary><c>[AllowedValues]</c> on a handler's query parameter becomes its schema's <c>enum</c>.</summary>
internal sealed class AllowedValuesParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var allowed = context.ParameterInfo?.GetCustomAttribute<AllowedValuesAttribute>() ?? context.PropertyInfo?.GetCustomAttribute<AllowedValuesAttribute>();
        if (allowed is null || parameter is not OpenApiParameter target || target.Schema is not OpenApiSchema schema) return;
        schema.Enum = RecordSchemaFilter.EnumOf(allowed);
    }
}

/// <summary>Per operation: refusal responses, <c>security: []</c> when anonymous, binary and multipart bodies.</summary>
internal sealed class ContractOperationFilter : IOperationFilter
{
    private static readonly ProblemCode[] Always = [ProblemCodes.InternalError, ProblemCodes.DatabaseUnavailable, ProblemCodes.DatabaseBusy, ProblemCodes.CacheUnavailable];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        if (anonymous) operation.Security = new List<OpenApiSecurityRequirement>();

        if (metadata.OfType<FormFileMetadata>().LastOrDefault() is { } file)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["multipart/form-data"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Properties = new Dictionary<string, IOpenApiSchema> { [file.Field] = OpenApiContract.Binary() },
                            Required = new HashSet<string> { file.Field },
                        },
                    },
                },
            };
        }

        // Non-JSON success bodies (PNG codes, photos, the Excel export) are bytes, with the media types the endpoint declares.
        foreach (var produces in metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>())
        {
            var binaryTypes = produces.ContentTypes.Where(t => !t.Contains("json", StringComparison.OrdinalIgnoreCase)).ToList();
            if (binaryTypes.Count == 0) continue;
            operation.Responses ??= new OpenApiResponses();
            var key = produces.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
                operation.Responses[key] = response = new OpenApiResponse { Description = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(produces.StatusCode) };
            response.Content ??= new Dictionary<string, IOpenApiMediaType>();
            foreach (var type in binaryTypes) response.Content[type] = new OpenApiMediaType { Schema = OpenApiContract.Binary() };
        }
        foreach (var response in operation.Responses?.Values.ToList() ?? [])
        {
            if (response is not OpenApiResponse concrete || concrete.Content is null) continue;
            foreach (var (mediaType, media) in concrete.Content)
                if (media is OpenApiMediaType bytes && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && !mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
                    bytes.Schema = OpenApiContract.Binary();
        }

        var codes = new List<(int Status, ProblemCode Code)>();
        void Add(int status, ProblemCode code) { if (!codes.Contains((status, code))) codes.Add((status, code)); }
        foreach (var (status, name) in OpenApiContract.SummaryCodes(operation.Summary))
            if (ProblemCodes.Find(name) is { } known) Add(known.Statuses.Contains(status) ? status : known.Status, known);
        foreach (var code in metadata.OfType<ProblemCodesMetadata>().SelectMany(m => m.Codes)) Add(code.Status, code);
        var takesInput = operation.RequestBody is not null || operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Path) == true;
        if (operation.RequestBody?.Content?.Keys.Any(k => k.Contains("json", StringComparison.OrdinalIgnoreCase)) == true) Add(400, ProblemCodes.MalformedJson);
        if (takesInput) Add(400, ProblemCodes.BadRequest);
        if (!anonymous) Add(401, ProblemCodes.Unauthorized);
        if (!anonymous && metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null)) Add(403, ProblemCodes.Forbidden);
        foreach (var code in Always) Add(code.Status, code);

        operation.Responses ??= new OpenApiResponses();
        foreach (var group in codes.GroupBy(c => c.Status).OrderBy(g => g.Key))
        {
            var key = group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var names = group.Select(c => c.Code.Code).ToList();
            var phrase = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(group.Key);
            operation.Responses[key] = new OpenApiResponse
            {
                Description = $"{(phrase.Length > 0 ? phrase : "Refused")}: {string.Join(", ", names.Select(n => $"`{n}`"))}.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [OpenApiContract.ProblemJson] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            AllOf =
                            [
                                new OpenApiSchemaReference("ProblemDetails", context.Document),
                                new OpenApiSchema
                                {
                                    Type = JsonSchemaType.Object,
                                    Required = new HashSet<string> { "code" },
                                    Properties = new Dictionary<string, IOpenApiSchema>
                                    {
                                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = names.Select(n => (JsonNode)JsonValue.Create(n)!).ToList() },
                                    },
                                },
                            ],
                        },
                    },
                },
            };
        }
    }
}

/// <summary>The ProblemDetails and ProblemCode schemas, and one name per path parameter.</summary>
internal sealed class ContractDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var catalogue = new JsonArray();
        foreach (var code in ProblemCodes.All)
            catalogue.Add(new JsonObject { ["code"] = code.Code, ["statuses"] = new JsonArray(code.Statuses.Select(s => (JsonNode)s).ToArray()), ["message"] = code.Message });
        document.Components.Schemas["ProblemCode"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Every refusal code the API sends (`x-problem-codes`: its HTTP statuses and the Chinese message the app shows).",
            Enum = ProblemCodes.All.Select(c => (JsonNode)JsonValue.Create(c.Code)!).ToList(),
            Extensions = new Dictionary<string, IOpenApiExtension> { ["x-problem-codes"] = new JsonNodeExtension(catalogue) },
        };
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        document.Components.Schemas["ProblemDetails"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details, the one shape of every refusal. Show the message of `code`; `errors` maps a field (camelCase JSON path, `$body` for the whole body) to its messages.",
            Required = new HashSet<string> { "status", "title", "code", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the kind of problem (RFC 9110 section)." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short English sentence for logs; the app shows the message of `code` instead." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["code"] = new OpenApiSchemaReference("ProblemCode", document),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Present on `validation_failed` (and some field-specific codes): field → messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = text },
                },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting a problem." },
            },
        };

        // OpenAPI 3.0 wants a `type` beside `nullable`: a nullable reference (allOf + nullable) takes its target's type.
        foreach (var schema in document.Components.Schemas.Values.ToList()) TypeNullableReferences(schema, document, 0);

        var renamed = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            var segments = path.Split('/');
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i < segments.Length; i++)
            {
                if (segments[i] != "{id}") continue;
                var name = IdName(segments[i - 1]);
                if (name is null || segments.Contains("{" + name + "}")) continue;
                names["id"] = name;
                segments[i] = "{" + name + "}";
            }
            renamed[string.Join('/', segments)] = item;
            if (names.Count == 0 || item is not OpenApiPathItem concrete) continue;
            foreach (var parameter in (concrete.Parameters ?? []).Concat((concrete.Operations ?? new()).Values.SelectMany(o => o.Parameters ?? [])))
                if (parameter is OpenApiParameter p && p.In == ParameterLocation.Path && p.Name is not null && names.TryGetValue(p.Name, out var to)) p.Name = to;
        }
        document.Paths = renamed;
    }

    private static void TypeNullableReferences(IOpenApiSchema? schema, OpenApiDocument document, int depth)
    {
        if (schema is not OpenApiSchema concrete || depth > 8) return;
        if (concrete.AllOf is [OpenApiSchemaReference target] && concrete.Type is { } type && type.HasFlag(JsonSchemaType.Null)
            && document.Components?.Schemas?.TryGetValue(target.Reference.Id ?? "", out var resolved) == true && resolved.Type is { } targetType)
            concrete.Type = targetType | JsonSchemaType.Null;
        foreach (var property in concrete.Properties?.Values ?? []) TypeNullableReferences(property, document, depth + 1);
        TypeNullableReferences(concrete.Items, document, depth + 1);
        TypeNullableReferences(concrete.AdditionalProperties, document, depth + 1);
    }

    /// <summary><c>studios</c> → <c>studioId</c>, <c>activities</c> → <c>activityId</c>, <c>org-units</c> → <c>orgUnitId</c>,
    /// a singular resource <c>sync</c> → <c>syncId</c>; null for a parameter segment.</summary>
    internal static string? IdName(string collection)
    {
        if (collection.Length < 2 || collection.StartsWith('{')) return null;
        var singular = collection.EndsWith("ies", StringComparison.Ordinal) ? collection[..^3] + "y"
            : collection.EndsWith('s') ? collection[..^1] : collection;
        var words = singular.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Id";
    }
}
