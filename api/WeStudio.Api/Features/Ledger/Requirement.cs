using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Achievements;

namespace WeStudio.Api.Features.Ledger;

/// <summary>What a requirement counts (建设任务指标).</summary>
public enum RequirementCounts
{
    /// <summary>Held (not cancelled, already started) activities of the given kinds; no kinds means any kind.</summary>
    Activities,
    /// <summary>Held activities of the given kinds whose brief (简讯) is published.</summary>
    ActivitiesWithPublishedBrief,
    /// <summary>Held activities with a notice sent beforehand and a published brief (Wenzhou "有主题、有通知、有简讯").</summary>
    ActivitiesWithNoticeAndBrief,
    /// <summary>Distinct schools visited by held PairingVisit activities.</summary>
    PairedSchools,
    /// <summary>Members marked as backbone teachers trained by the studio in the calendar year.</summary>
    BackboneTeachers,
    /// <summary>Achievements (成果) of the given forms (and research subtypes) dated in the period's years.</summary>
    Achievements,
    /// <summary>The annual progress report of the year, first submitted before the period ends and not returned.</summary>
    ProgressReport,
    /// <summary>Check-ins divided by active members over held activities, as a fraction.</summary>
    AttendanceRate,
    /// <summary>Active members (the leader not counted) at the end of the period, or now while it runs.</summary>
    TeamSize,
    /// <summary>Not countable from data (venue "六有", for instance): listed for the evaluator, never computed.</summary>
    EvaluatorChecked,
}

/// <summary>The calendar period a requirement is counted over, in Asia/Shanghai.</summary>
public enum RequirementPeriod
{
    /// <summary>Calendar month.</summary>
    Month,
    /// <summary>School semester: autumn 1 Sep – 31 Jan, spring 1 Feb – 31 Aug by default (<c>Ledger:AutumnSemesterStarts</c>, <c>Ledger:SpringSemesterStarts</c>).</summary>
    Semester,
    /// <summary>Calendar year.</summary>
    Year,
    /// <summary>The programme's whole cycle, from <c>startsOn</c> for <c>cycleYears</c>.</summary>
    Cycle,
}

/// <summary>
/// One requirement of a programme. <c>targetMin</c>: at least this many; <c>targetMax</c>: the notice's upper figure,
/// shown but never enforced; <c>targetRate</c>: for AttendanceRate, a fraction 0–1. <c>clause</c> quotes the notice in
/// Chinese; <c>source</c> names the notice (seeds/README.md); <c>note</c> says how WeStudio reads the clause when that is a choice.
/// </summary>
public sealed record RequirementDto
{
    public Guid Id { get; init; }
    public int Position { get; init; }
    public required string Code { get; init; }
    public required string Title { get; init; }
    public RequirementCounts Counts { get; init; }
    public RequirementPeriod Period { get; init; }
    public ActivityKind[] ActivityKinds { get; init; } = [];
    public AchievementForm[] AchievementForms { get; init; } = [];
    public ResearchSubtype[] ResearchSubtypes { get; init; } = [];
    public int TargetMin { get; init; }
    public int? TargetMax { get; init; }
    public decimal? TargetRate { get; init; }
    public required string Clause { get; init; }
    public required string Source { get; init; }
    public string? Note { get; init; }
}

/// <summary>The requirement sets WeStudio ships, one per notice. None: a programme without requirements.</summary>
public enum RuleSet { None, Liuzhou, Maoming, Wenzhou }

/// <summary>
/// Status of one requirement in one period. Met: the target is reached. OnTrack: not yet reached, the period has not
/// started or less than half of it is gone and at least 10 days are left. AtRisk: not reached, more than half of the
/// period gone or fewer than 10 days left. Missed: the period ended without the target. NotApplicable: the period ended
/// before the studio was licensed (or before the programme started), or began after the cycle ended.
/// EvaluatorChecked: an item the evaluator scores on site; never computed.
/// </summary>
public enum LedgerStatus { Met, OnTrack, AtRisk, Missed, NotApplicable, EvaluatorChecked }
