using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// Renders a template's fields and cuts each value to its WeChat type's limit (WECHAT.md "Subscribe message"; template
/// messages since 2023-05-04: every field ≤ 20 characters): <c>thing</c> ≤ 20, <c>phrase</c> ≤ 5 Chinese characters only,
/// <c>name</c> ≤ 10 Chinese characters or ≤ 20 letters, <c>number</c>/<c>letter</c>/<c>character_string</c> ≤ 32,
/// <c>symbol</c> ≤ 5, <c>phone_number</c> ≤ 17, <c>car_number</c> ≤ 8, <c>amount</c> ≤ 10, <c>time</c> and <c>date</c> formatted
/// in the calendar zone (<c>2026年11月22日 15:00</c>). No line breaks anywhere. Lengths are counted in UTF-16 units, which is
/// never less than what WeChat counts, and a cut falls between text elements, so a surrogate pair (emoji) or a combining
/// sequence is never split; a cut <c>thing</c> ends with "…". An empty value would be refused (47003), so it becomes "无".
/// </summary>
public static partial class TemplateFields
{
    public const string Ellipsis = "…";

    /// <summary>The WeChat type of a field key: the key without its index (<c>thing12</c> → <c>thing</c>, <c>character_string3</c> → <c>character_string</c>).</summary>
    public static string TypeOf(string key) => key.TrimEnd("0123456789".ToCharArray());

    /// <summary>WeChat's <c>data</c> object: each configured key → <c>{value}</c>, placeholders filled from <paramref name="values"/> (strings, <see cref="DateTimeOffset"/> or <see cref="DateOnly"/>).</summary>
    public static Dictionary<string, FieldValue> Render(TemplateConfig template, IReadOnlyDictionary<string, object?> values, TimeZoneInfo zone)
    {
        var data = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (key, pattern) in template.Fields)
        {
            var type = TypeOf(key);
            var text = Placeholder().Replace(pattern, m => Format(values.GetValueOrDefault(m.Groups[1].Value), type, zone));
            data[key] = new FieldValue(Fit(type, text));
        }
        return data;
    }

    private static string Format(object? value, string type, TimeZoneInfo zone) => value switch
    {
        null => "",
        DateTimeOffset at when type is "time" or "date" => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset at => TimeZoneInfo.ConvertTime(at, zone).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Cleans <paramref name="text"/> (no line breaks or control characters, runs of spaces collapsed) and cuts it to the limit of <paramref name="type"/>.</summary>
    public static string Fit(string type, string text)
    {
        var clean = OneLine(text);
        var fitted = type switch
        {
            "thing" => Cut(clean, 20, Ellipsis),
            "phrase" => Cut(string.Concat(Han().Matches(clean).Select(m => m.Value)), 5),
            "name" => Cut(clean, clean.All(c => c < 128) ? 20 : 10),
            "number" or "letter" or "character_string" => Cut(clean, 32),
            "symbol" => Cut(clean, 5),
            "phone_number" => Cut(clean, 17),
            "car_number" => Cut(clean, 8),
            "amount" => Cut(clean, 10),
            _ => clean, // time, date: formatted above; unknown types are left as they are
        };
        return fitted.Length > 0 ? fitted : "无";
    }

    /// <summary>Control, line and paragraph separators become spaces; whitespace runs become one space; trimmed.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            var blank = char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (blank)
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, cut between text elements; <paramref name="mark"/> (counted) ends a cut text.</summary>
    public static string Cut(string text, int max, string mark = "")
    {
        if (text.Length <= max) return text;
        var room = max - mark.Length;
        var builder = new StringBuilder(max);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (builder.Length + element.Length > room) break;
            builder.Append(element);
        }
        return builder.ToString().TrimEnd() + mark;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")]
    private static partial Regex Han();
}

/// <summary>One field of WeChat's <c>data</c>: <c>{"value": "…"}</c>.</summary>
public sealed record FieldValue(string Value);
