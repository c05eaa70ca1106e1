namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Collects field errors of one request; <see cref="Problem"/> is null when the request is valid.
/// Field names are the camelCase JSON names the client sent.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>Required text, trimmed, 1..<paramref name="max"/> characters (counted as UTF-16 units, so a rare character such as 𠮷 counts twice; a MySQL VARCHAR(n) counts code points, so any value that passes fits a column of at least <paramref name="max"/>).</summary>
    public string? Text(string field, string? value, int max, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) Add(field, $"'{field}' is required.");
            return null;
        }
        if (trimmed.Length > max) Add(field, $"'{field}' must be at most {max} characters.");
        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')) Add(field, $"'{field}' contains control characters.");
        return trimmed;
    }

    public T? Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Add(field, $"'{field}' is required.");
        return value;
    }

    public int? Range(string field, int? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, $"'{field}' is required.");
            return null;
        }
        if (value < min || value > max) Add(field, $"'{field}' must be between {min} and {max}.");
        return value;
    }

    /// <summary>Page numbers (1–10,000) and sizes (1–<paramref name="maxPageSize"/>) of every paged list.</summary>
    public Validation Paging(int page, int pageSize, int maxPageSize = 100)
    {
        Range("page", page, 1, 10_000);
        Range("pageSize", pageSize, 1, maxPageSize);
        return this;
    }

    public double? Range(string field, double? value, double min, double max)
    {
        if (value is null) return null;
        if (double.IsNaN(value.Value) || value < min || value > max) Add(field, $"'{field}' must be between {min} and {max}.");
        return value;
    }

    public TEnum? Enum<TEnum>(string field, string? value, bool required = true) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"'{field}' is required.");
            return null;
        }
        // Only the exact names are accepted: numbers and other spellings are refused.
        if (System.Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal)) return System.Enum.Parse<TEnum>(value);
        Add(field, $"'{field}' must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem =>
        IsValid ? null : Problems.Validation(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
