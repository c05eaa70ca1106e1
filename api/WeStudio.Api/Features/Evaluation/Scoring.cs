namespace WeStudio.Api.Features.Evaluation;

/// <summary>
/// Scores a sheet from a rubric, the data WeStudio computed and the evaluator's entries. Pure: the store and the API call it
/// both for live sheets and for frozen ones.
/// </summary>
public static class Scoring
{
    /// <summary>A refusal of one entry: the HTTP status, its code, the field and the message.</summary>
    public sealed record EntryError(int Status, string Code, string Field, string Message);

    /// <summary>Checks one entry against its item (and the data, for band conditions); null when it is acceptable.</summary>
    public static EntryError? Check(Rubric rubric, ScoreEntry entry, int k, IReadOnlyDictionary<string, DataValue> data)
    {
        string F(string name) => $"items[{k}].{name}";
        EntryError Bad(string field, string message) => new(StatusCodes.Status400BadRequest, "validation_failed", F(field), message);
        var item = rubric.Items.FirstOrDefault(i => i.Code == entry.Code);
        if (item is null) return Bad("code", $"'{entry.Code}' is not an item of {rubric.Code}.");
        if (item.Source == ItemSource.Data) return Bad("code", $"'{item.Code}' is scored by WeStudio from data.");
        if (entry.Comment is { Length: > 1000 }) return Bad("comment", "'comment' is at most 1000 characters.");
        switch (item.Scoring)
        {
            case ItemScoring.Points:
                var band = item.Bands.FirstOrDefault(b => b.Name == entry.Band);
                if (band is null) return Bad("band", $"'band' is one of {string.Join(", ", item.Bands.Select(b => b.Name))}.");
                if (entry.Points is not { } p) return Bad("points", "'points' is required.");
                if (p < band.Min || p > band.Max || p % 0.5m != 0)
                    return new(StatusCodes.Status422UnprocessableEntity, "score_out_of_band", F("points"),
                        $"Band {band.Name} of '{item.Code}' gives {band.Min:0.#}–{band.Max:0.#} points (in steps of 0.5); {p:0.##} is outside it.");
                if (band.Name == "A" && item.BandAMinTrainees is { } min && data.GetValueOrDefault(item.DataKey ?? "")?.Value is { } trainees && trainees < min)
                    return new(StatusCodes.Status422UnprocessableEntity, "band_condition_unmet", F("band"),
                        $"Band A of '{item.Code}' needs 学员满{min}人; the studio has {trainees:0} trainees.");
                if (entry.Count is { } c && (item.DeductionPerCount is null || c < 0 || c > 100))
                    return Bad("count", item.DeductionPerCount is null ? $"'{item.Code}' has no deduction." : "'count' is 0–100 irregularities.");
                return null;
            case ItemScoring.Gate when item.CountMax is { } max:
                if (entry.Count is not { } n || n < 0 || n > max) return Bad("count", $"'count' is the number of actions done, 0–{max}.");
                return null;
            case ItemScoring.PassFail when entry.Passed == false && string.IsNullOrWhiteSpace(entry.Comment):
                return Bad("comment", "不合格 needs the reason in 'comment'.");
            default:
                if (entry.Passed is null) return Bad("passed", "'passed' is required.");
                return null;
        }
    }

    /// <summary>The sheet's items, total, bonus, failed gates, completeness and result.</summary>
    public static (SheetItemDto[] Items, decimal? Total, decimal Bonus, string[] FailedGates, bool Complete, string? Result) Score(
        Rubric rubric, IReadOnlyDictionary<string, DataValue> data, IReadOnlyDictionary<string, ScoreEntry> entries)
    {
        var items = new List<SheetItemDto>();
        foreach (var item in rubric.Items)
        {
            var d = item.DataKey is null ? null : data.GetValueOrDefault(item.DataKey);
            var e = entries.GetValueOrDefault(item.Code);
            decimal? points = null;
            bool? passed = null;
            if (item.Source == ItemSource.Data)
            {
                switch (item.Scoring)
                {
                    case ItemScoring.Points: points = d?.Points ?? 0; break;
                    case ItemScoring.Gate: passed = (d?.Value ?? 0) >= item.GateMinCount; break;
                    case ItemScoring.Bonus:
                        passed = (d?.Value ?? 0) >= item.GateMinCount;
                        points = passed == true ? item.MaxPoints : 0;
                        break;
                }
            }
            else if (e is not null)
            {
                switch (item.Scoring)
                {
                    case ItemScoring.Points:
                        points = Math.Max(0, e.Points!.Value - (e.Count ?? 0) * (item.DeductionPerCount ?? 0));
                        break;
                    case ItemScoring.Gate:
                        passed = item.CountMax is null ? e.Passed : e.Count >= item.GateMinCount;
                        break;
                    case ItemScoring.Bonus:
                        passed = e.Passed;
                        points = passed == true ? item.MaxPoints : 0;
                        break;
                    default: passed = e.Passed; break;
                }
            }
            items.Add(new SheetItemDto { Item = item, Data = d, Entry = e, Points = points, Passed = passed, Complete = item.Source == ItemSource.Data || e is not null });
        }
        var complete = items.All(i => i.Complete);
        var bonus = Math.Min(rubric.BonusCap ?? 0, items.Where(i => i.Item.Scoring == ItemScoring.Bonus).Sum(i => i.Points ?? 0));
        decimal? total = rubric.Scored ? items.Where(i => i.Item.Scoring == ItemScoring.Points).Sum(i => i.Points ?? 0) + bonus : null;
        var failedGates = items.Where(i => i.Passed == false && i.Item.Scoring is ItemScoring.Gate or ItemScoring.Check or ItemScoring.PassFail)
            .Select(i => i.Item.Code).ToArray();
        string? result = !complete ? (failedGates.Length > 0 && rubric.Scored ? "Fail" : null) : failedGates.Length > 0 ? "Fail" : "Pass";
        return (items.ToArray(), total, bonus, failedGates, complete, result);
    }
}
