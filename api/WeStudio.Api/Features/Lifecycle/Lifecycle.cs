using WeStudio.Api.Features.Applications;
using WeStudio.Api.Features.Studios;

namespace WeStudio.Api.Features.Lifecycle;

/// <summary>A yearly assessment's result (年度考核): 合格 / 不合格.</summary>
public enum AssessmentResult { Pass, Fail }

/// <summary>The funding decision tied to an assessment (Maoming: "考核合格的，拨付下一年度建设经费").</summary>
public enum FundingDecision { Granted, Withheld }

/// <summary>A rectification's state: Open → Reported (the leader's report) → Closed (back to Active) or Revoked.</summary>
public enum RectificationStatus { Open, Reported, Closed, Revoked }

/// <summary>The committee's acceptance result: Passed (达标结项, Completed) or NotPassed (通报).</summary>
public enum AcceptanceResult { Passed, NotPassed }

/// <summary>
/// The committee records a build year's assessment. <c>buildYear</c> 1..the programme's cycle, already begun;
/// <c>fundingAmount</c> in yuan (≥ 0) with <c>fundingDecision</c>; a <c>Fail</c> needs <c>rectificationDeadline</c> and
/// 1–20 <c>requiredItems</c> (≤ 500 characters each) and puts the studio in Rectifying.
/// </summary>
public sealed record RecordAssessmentRequest(int? BuildYear, AssessmentResult? Result, FundingDecision? FundingDecision, decimal? FundingAmount,
    string? Reason, DateOnly? RectificationDeadline, string[]? RequiredItems);

/// <summary>The committee orders a rectification outside a yearly assessment (a failed evaluation): deadline, items, reason.</summary>
public sealed record OpenRectificationRequest(DateOnly? Deadline, string[]? RequiredItems, string? Reason);

/// <summary>The leader's rectification report (≤ 5,000 characters) with up to 9 https links.</summary>
public sealed record RectificationReportRequest(string? Report, string[]? Links);

/// <summary>The leader's acceptance materials: final summary report and achievements compilation (≤ 20,000 characters each), up to 9 https links.</summary>
public sealed record AcceptanceRequest(string? SummaryReport, string? AchievementsCompilation, string[]? Links);

/// <summary>The committee's acceptance decision; <c>reason</c> required when not passed (通报).</summary>
public sealed record AcceptanceDecisionRequest(AcceptanceResult? Result, string? Reason);

/// <summary>The leader asks to hand the studio to <c>successorId</c>, an active member, with a reason (Gansu 六(一)).</summary>
public sealed record LeaderChangeRequest(Guid? SuccessorId, string? Reason);

/// <summary>The committee approves or rejects the pending leader change, with a reason (required when rejecting).</summary>
public sealed record LeaderChangeDecisionRequest(bool? Approve, string? Reason);

/// <summary>One yearly assessment. <c>ledgerEvidence</c>: the studio ledgers of the calendar years the build year spans, as recorded.</summary>
public sealed record AssessmentDto
{
    public Guid Id { get; init; }
    public int BuildYear { get; init; }
    public AssessmentResult Result { get; init; }
    public FundingDecision? FundingDecision { get; init; }
    public decimal? FundingAmount { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public System.Text.Json.JsonElement LedgerEvidence { get; init; }
}

/// <summary>One rectification: deadline (a date), required items, the leader's report and the committee's outcome.</summary>
public sealed record RectificationDto
{
    public Guid Id { get; init; }
    public Guid? AssessmentId { get; init; }
    public DateOnly Deadline { get; init; }
    public string[] RequiredItems { get; init; } = [];
    public RectificationStatus Status { get; init; }
    public string? Report { get; init; }
    public string[] ReportLinks { get; init; } = [];
    public DateTimeOffset? ReportedAt { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecisionReason { get; init; }
}

/// <summary>The studio's acceptance materials and result.</summary>
public sealed record AcceptanceDto
{
    public required string SummaryReport { get; init; }
    public required string AchievementsCompilation { get; init; }
    public string[] Links { get; init; } = [];
    public DateTimeOffset SubmittedAt { get; init; }
    public AcceptanceResult? Result { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
}

/// <summary>A leader change request and its decision.</summary>
public sealed record LeaderChangeDto
{
    public Guid Id { get; init; }
    public Guid FromMemberId { get; init; }
    public Guid ToMemberId { get; init; }
    public required string Reason { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecisionReason { get; init; }
}

/// <summary>
/// A studio's stage: status, licence date (Asia/Shanghai) and current build year, its assessments, rectifications
/// (newest first), acceptance, leader changes and the audited history of every transition.
/// </summary>
public sealed record StudioStageDto
{
    public Guid StudioId { get; init; }
    public StudioStatus Status { get; init; }
    public DateOnly LicensedOn { get; init; }
    public int CycleYears { get; init; }
    public int BuildYear { get; init; }
    public AssessmentDto[] Assessments { get; init; } = [];
    public RectificationDto[] Rectifications { get; init; } = [];
    public AcceptanceDto? Acceptance { get; init; }
    public LeaderChangeDto[] LeaderChanges { get; init; } = [];
    public StageTransitionDto[] History { get; init; } = [];
}
