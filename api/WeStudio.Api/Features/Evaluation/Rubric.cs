namespace WeStudio.Api.Features.Evaluation;

/// <summary>The kinds of evaluation round in the notices: 中期评估 (Liuzhou 000 二), 年度考核 (Maoming 001), 验收/考核评价 at the end (all).</summary>
public enum EvaluationKind { MidTerm, YearlyAssessment, Final }

/// <summary>Who scores an item: WeStudio from the ledger (<c>Data</c>), the evaluator (<c>Evaluator</c>), or the evaluator with the data shown as evidence (<c>Mixed</c>).</summary>
public enum ItemSource { Data, Evaluator, Mixed }

/// <summary>
/// How an item counts: <c>Points</c> (a band A/B and points inside its range, or points computed from data); <c>Gate</c>
/// (必备项: failing it fails the sheet whatever the total); <c>Bonus</c> (加分: fixed points when it applies, capped per rubric);
/// <c>Check</c> (a checklist line, 达标/未达标 with feedback, no points); <c>PassFail</c> (合格/不合格 with a reason).
/// </summary>
public enum ItemScoring { Points, Gate, Bonus, Check, PassFail }

/// <summary>A band of an item (A/B), with the point range the notice gives it (inclusive) and its text.</summary>
public sealed record RubricBand(string Name, decimal Min, decimal Max, string Text);

/// <summary>
/// One line of a rubric, quoting its clause. <c>dataKey</c>: what WeStudio computes for Data/Mixed items.
/// <c>deductionPerCount</c>: points taken per irregularity the evaluator counts (Wenzhou "抽查发现不规范的每次扣0.5分").
/// <c>countMax</c>/<c>gateMinCount</c>: a gate passed by counting (Wenzhou "6项行动，完成其中4项则合格").
/// <c>bandAMinTrainees</c>: band A also needs this many trainees (Wenzhou "工作室学员满20人").
/// </summary>
public sealed record RubricItem
{
    public required string Code { get; init; }
    public required string Section { get; init; }
    public required string Title { get; init; }
    public required string Clause { get; init; }
    public ItemSource Source { get; init; }
    public ItemScoring Scoring { get; init; }
    public decimal MaxPoints { get; init; }
    public RubricBand[] Bands { get; init; } = [];
    public string? DataKey { get; init; }
    public decimal? DeductionPerCount { get; init; }
    public int? CountMax { get; init; }
    public int? GateMinCount { get; init; }
    public int? BandAMinTrainees { get; init; }
    public string? Note { get; init; }
}

/// <summary>A material the leader submits for a round, with its length limit in characters.</summary>
public sealed record MaterialSpec(string Code, string Title, int MaxChars);

/// <summary>
/// A rubric: its items, the cap on bonus points (null: no bonus), whether it has points at all, the materials it asks
/// for by default, and the notice it comes from.
/// </summary>
public sealed record Rubric
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public bool Scored { get; init; }
    public decimal? BonusCap { get; init; }
    public MaterialSpec[] Materials { get; init; } = [];
    public RubricItem[] Items { get; init; } = [];
}
