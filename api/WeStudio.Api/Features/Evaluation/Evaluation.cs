using System.ComponentModel.DataAnnotations;

namespace WeStudio.Api.Features.Evaluation;

/// <summary>
/// Open a round: <c>kind</c>, <c>rubric</c> (a code of <c>GET /api/v1/rubrics</c>), <c>title</c> (≤ 200), the window
/// <c>opensAt</c>–<c>closesAt</c> (UTC instants), and the <c>materials</c> the leader submits (defaults: the rubric's, e.g. the
/// Liuzhou mid-term 3,000-character summary; each ≤ 20,000 characters).
/// </summary>
public sealed record CreateRoundRequest([Required] EvaluationKind? Kind, [Required] string? Rubric, [Required] string? Title, [Required] DateTimeOffset? OpensAt, [Required] DateTimeOffset? ClosesAt, MaterialSpec[]? Materials);

/// <summary>An evaluation round of a programme. <c>status</c>: Open or Closed.</summary>
public sealed record RoundDto
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public EvaluationKind Kind { get; init; }
    public required string Rubric { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public MaterialSpec[] Materials { get; init; } = [];
    public required string Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public Guid[] EvaluatorIds { get; init; } = [];
}

/// <summary>Appoint a WeChat user (考核评估组专家) as an evaluator of the round.</summary>
public sealed record AppointEvaluatorRequest(Guid? MemberId);

/// <summary>A studio as the round lists it: name, stage, how many sheets are submitted of how many started.</summary>
public sealed record RoundStudioDto(Guid StudioId, string Name, string Status, int SheetsSubmitted, int SheetsStarted);

/// <summary>
/// One entry of an evaluator: <c>band</c> (A/B) and <c>points</c> for a Points item; <c>count</c> of actions done (a counted gate)
/// or of irregularities (a deduction); <c>passed</c> for a gate, bonus, checklist line or 合格/不合格 (with <c>comment</c> as reason
/// when not passed); <c>comment</c> ≤ 1000.
/// </summary>
public sealed record ScoreEntry(string Code, string? Band = null, decimal? Points = null, bool? Passed = null, int? Count = null, string? Comment = null);

/// <summary>Save entries on a Draft sheet; entries replace earlier ones of the same item.</summary>
public sealed record SaveSheetRequest([Required] ScoreEntry[]? Items);

/// <summary>What WeStudio computed for a Data or Mixed item: the measured value, the points it earns (Data Points items), and the evidence as text.</summary>
public sealed record DataValue(decimal? Value, decimal? Points, string Text, string[] Evidence);

/// <summary>One item of a sheet: the rubric line, its data, the evaluator's entry, and the points/pass it comes to (null until entered).</summary>
public sealed record SheetItemDto
{
    public required RubricItem Item { get; init; }
    public DataValue? Data { get; init; }
    public ScoreEntry? Entry { get; init; }
    public decimal? Points { get; init; }
    public bool? Passed { get; init; }
    public bool Complete { get; init; }
}

/// <summary>
/// A score sheet of one evaluator for one studio in one round. Data items are computed live while <c>Draft</c> and frozen with
/// their evidence at submission. <c>total</c>: points items plus bonus (capped); <c>failedGates</c>: 必备项 not met (the sheet
/// fails whatever the total); <c>result</c>: Pass/Fail once complete, else null.
/// </summary>
public sealed record ScoreSheetDto
{
    public Guid Id { get; init; }
    public Guid RoundId { get; init; }
    public Guid StudioId { get; init; }
    public Guid EvaluatorId { get; init; }
    public required string Status { get; init; }
    public required string Rubric { get; init; }
    public SheetItemDto[] Items { get; init; } = [];
    public decimal? Total { get; init; }
    public decimal Bonus { get; init; }
    public string[] FailedGates { get; init; } = [];
    public bool Complete { get; init; }
    public string? Result { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
}

/// <summary>A studio's standing in a round: each submitted sheet, the mean total, pass/fail, rank (by mean, passed studios first).</summary>
public sealed record StudioResultDto
{
    public Guid StudioId { get; init; }
    public required string StudioName { get; init; }
    public ScoreSheetDto[] Sheets { get; init; } = [];
    public decimal? MeanTotal { get; init; }
    public bool? Passed { get; init; }
    public string[] FailedGates { get; init; } = [];
    public int? Rank { get; init; }
    public string? Lifecycle { get; init; }
    /// <summary>优秀 confirmed by the committee after a closed Final round (Wenzhou "评选出优秀…进行表彰"), with its reason; null otherwise.</summary>
    public string? Excellent { get; init; }
}

/// <summary>The committee confirms 优秀 for a studio: <c>reason</c> (≤ 500).</summary>
public sealed record ExcellentRequest(string? Reason);

/// <summary>Close the round: failed MidTerm/YearlyAssessment studios go to Rectifying with this <c>rectificationDeadline</c> (a local date after today).</summary>
public sealed record CloseRoundRequest(DateOnly? RectificationDeadline);

/// <summary>Submit (or replace) a material: <c>body</c> up to the round's limit for it.</summary>
public sealed record MaterialRequest(string? Body);

/// <summary>A submitted material.</summary>
public sealed record MaterialDto(string Code, string Body, int Chars, Guid SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>The committee's 反馈意见 (≤ 5000).</summary>
public sealed record FeedbackRequest(string? Body);

/// <summary>反馈意见 of one studio in one round, and when the leader acknowledged it.</summary>
public sealed record FeedbackDto(Guid RoundId, Guid StudioId, string Body, DateTimeOffset WrittenAt, Guid? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);
