using System.Text.Json;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Lists kept in a MySQL <c>JSON</c> column as an array of strings (requirement kinds, evidence and attachment URLs):
/// MySQL hands a JSON value to the client as text, so rows carry the text and map it with these.
/// </summary>
public static class JsonColumn
{
    /// <summary>The strings of a JSON array column; none for null or an empty text.</summary>
    public static string[] Strings(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>The JSON array text to write for <paramref name="values"/>.</summary>
    public static string Of(IEnumerable<string> values) => JsonSerializer.Serialize(values);
}
