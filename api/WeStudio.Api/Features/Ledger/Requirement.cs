using System.ComponentModel.DataAnnotations;
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
    /// <summary>
    /// Held activities with a theme (主题: the activity's or its published brief's, not blank), a notice sent beforehand
    /// and a published brief (Wenzhou "有主题、有通知、有简讯").
    /// </summary>
    ActivitiesWithNoticeAndBrief,
    /// <summary>
    /// Liuzhou "党建名师工作室核心成员所在学校每年至少结对帮扶一所学校" (seeds/000 三(二)4(3)), per core member's school: the
    /// cell's <c>target</c> is the number of distinct schools of the core members (leader and team members, not trainees)
    /// in the studio at the period's end (or now while it runs), each core member with no school recorded counting as one
    /// more school not yet paired; <c>actual</c> is how many of them helped at least <c>targetMin</c> distinct schools by
    /// held PairingVisit activities naming them as the helping school. Evidence lists every school with its visits and
    /// every core member with no school. Met when every school has paired.
    /// </summary>
    PairedSchoolsPerCoreSchool,
    /// <summary>
    /// Distinct people (members or trainees) marked as backbone teachers trained by the studio, dated in the period. A mark
    /// carries a calendar year; it is dated the day it was made, or the nearest day of its year when made outside it.
    /// </summary>
    BackboneTeachers,
    /// <summary>
    /// Achievements (成果) of the given forms (and research subtypes) dated in the period. An achievement carries a calendar
    /// year; it is dated the day it was recorded, or the nearest day of its year when recorded outside it.
    /// </summary>
    Achievements,
    /// <summary>The annual progress report of the calendar year, first submitted before the period ends and not returned.</summary>
    ProgressReport,
    /// <summary>
    /// Check-ins divided by people expected over held activities, as a fraction. With no <c>targetRate</c> the figure is
    /// shown as evidence for the evaluator (status EvaluatorChecked), never judged by WeStudio.
    /// </summary>
    AttendanceRate,
    /// <summary>Active team members (role Member: the leader and trainees not counted) at the end of the period, or now while it runs.</summary>
    TeamSize,
    /// <summary>Not countable from data (venue "六有", for instance): listed for the evaluator, never computed.</summary>
    EvaluatorChecked,
    /// <summary>
    /// Marks the committee made for this requirement and period (a report received, a contact visit, a ledger checkpoint
    /// such as Guyuan's 年初建账/年中查账/年底交账), each with its date: <c>PUT /api/v1/studios/{id}/ledger/marks/…</c>.
    /// </summary>
    CommitteeMarked,
    /// <summary>
    /// The share (0–1) of the studio's people (leader, members and trainees) in it at the period's end, or now while it runs,
    /// who checked in at a held activity of the given kinds in the period (Guyuan's 党员轮训率).
    /// </summary>
    TrainingShare,
}

/// <summary>
/// The period a requirement is counted over, in Asia/Shanghai. A notice's "每年…" (a yearly target) is owed per
/// <see cref="BuildYear"/>; an explicit calendar deadline ("每年12月底前") is a <see cref="CalendarYear"/>.
/// </summary>
public enum RequirementPeriod
{
    /// <summary>Calendar month.</summary>
    Month,
    /// <summary>School semester: autumn 1 Sep – 31 Jan, spring 1 Feb – 31 Aug by default (<c>Ledger:AutumnSemesterStarts</c>, <c>Ledger:SpringSemesterStarts</c>).</summary>
    Semester,
    /// <summary>
    /// Build year n (建设年度) of the programme: from <c>startsOn</c> + (n − 1) years to <c>startsOn</c> + n years, n = 1 …
    /// <c>cycleYears</c> (Liuzhou from 2023-10-01: year 1 runs to 2024-09-30).
    /// </summary>
    BuildYear,
    /// <summary>
    /// Calendar year (1 Jan – 31 Dec), for explicit calendar deadlines; only years whose end falls inside the cycle are
    /// owed (none after acceptance).
    /// </summary>
    CalendarYear,
    /// <summary>The programme's whole cycle, from <c>startsOn</c> for <c>cycleYears</c>.</summary>
    Cycle,
    /// <summary>Calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).</summary>
    Quarter,
    /// <summary>Calendar half year (Jan–Jun, Jul–Dec).</summary>
    HalfYear,
}

/// <summary>
/// One requirement of a programme. <c>period</c>: what it is counted over (<see cref="RequirementPeriod"/>);
/// <c>targetMin</c>: at least this many; <c>targetMax</c>: the notice's upper figure, shown but never enforced;
/// <c>targetRate</c>: for AttendanceRate, a fraction 0–1 (null: the figure is shown, the evaluator judges).
/// Scored items (<c>pointsAtTarget</c> set): the count earns <c>pointsAtTarget</c> at <c>targetMin</c>, plus or minus
/// <c>pointsPerUnit</c> per unit above or below it, between 0 and <c>pointsMax</c> (Wenzhou: 16 activities = 16 points,
/// ±1 each, at most 20). <c>clause</c> quotes the notice in Chinese; <c>source</c> names the notice (seeds/README.md);
/// <c>note</c> says how WeStudio reads the clause when that is a choice.
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
    /// <summary>Counted activities must have one of these sub-kinds (三会一课: 支部党员大会, 支委会, 党小组会, 党课); empty: any.</summary>
    public ActivitySubKind[] ActivitySubKinds { get; init; } = [];
    public AchievementForm[] AchievementForms { get; init; } = [];
    public ResearchSubtype[] ResearchSubtypes { get; init; } = [];
    public int TargetMin { get; init; }
    public int? TargetMax { get; init; }
    public decimal? TargetRate { get; init; }
    public decimal? PointsAtTarget { get; init; }
    public decimal? PointsPerUnit { get; init; }
    public decimal? PointsMax { get; init; }
    public required string Clause { get; init; }
    public required string Source { get; init; }
    public string? Note { get; init; }
    /// <summary>
    /// <c>GET /api/v1/programmes/{id}/requirements</c> only (null elsewhere): the values the programme was created with,
    /// from its notice (or, for Guyuan's 三会一课 sub-kinds, the regulation the note names).
    /// </summary>
    public RequirementTargetDto? NoticeDefault { get; init; }
    /// <summary><c>GET …/requirements</c> only: whether the committee changed the target or points of this programme (null elsewhere).</summary>
    public bool? Changed { get; init; }
    /// <summary><c>GET …/requirements</c> only: the latest change, null when never changed.</summary>
    public RequirementChangeDto? LastChange { get; init; }
}

/// <summary>A requirement's target (<c>targetMin</c>, or <c>targetRate</c> 0–1 for rates) and points (scored items only).</summary>
public sealed record RequirementTargetDto(int TargetMin, decimal? TargetRate, decimal? PointsAtTarget, decimal? PointsPerUnit, decimal? PointsMax);

/// <summary>One change of a programme's requirement: who (admin id and name), when (UTC), old → new, and why.</summary>
public sealed record RequirementChangeDto(Guid ChangedBy, string ChangedByName, DateTimeOffset ChangedAt, RequirementTargetDto Old, RequirementTargetDto New, string Reason);

/// <summary>Points of a scored requirement: <c>atTarget</c> at the target, ± <c>perUnit</c> per unit, between 0 and <c>max</c> (≥ atTarget); each 0–100.</summary>
public sealed record RequirementPointsRequest([Required, Range(0, 100)] decimal? AtTarget, [Required, Range(0, 100)] decimal? PerUnit, [Required, Range(0, 100)] decimal? Max);

/// <summary>
/// A committee's value for one requirement of its programme. <c>target</c>: for a count, a whole number 0–1000 (0: the
/// count is shown and the evaluator judges it); for a rate (AttendanceRate, TrainingShare) a fraction 0–1 with at most
/// three decimals (0: measured only). Never above the notice's upper figure (<c>targetMax</c>). <c>points</c>: only for a
/// scored requirement (Wenzhou's activities). <c>reason</c>: 1–500 characters, kept in the audit.
/// </summary>
public sealed record UpdateRequirementTargetRequest([Required, Range(0, 1000)] decimal? Target, RequirementPointsRequest? Points, [Required, MaxLength(500)] string? Reason);

/// <summary>
/// The requirement sets WeStudio ships (Features/Ledger/RuleSets.cs). Liuzhou: 党建名师工作室 (seeds/000 三(二));
/// LiuzhouBranchSecretary: 名师党支部书记工作室 (seeds/000 三(一)); Maoming (001); Wenzhou (002); Gansu "双优" (003);
/// Guyuan "四强化六提升" (004, a branch model). None: a programme without requirements.
/// </summary>
public enum RuleSet { None, Liuzhou, Maoming, Wenzhou, LiuzhouBranchSecretary, Gansu, Guyuan }

/// <summary>
/// Status of one requirement in one period. Met: the target is reached. OnTrack: not yet reached, the period has not
/// started or less than half of it is gone and at least 10 days are left. AtRisk: not reached, more than half of the
/// period gone or fewer than 10 days left. Missed: the period ended without the target. NotApplicable: the period ended
/// before the studio was licensed (or before the programme started), or began after the cycle ended.
/// EvaluatorChecked: an item the evaluator scores on site; never judged by WeStudio (a measured figure may be shown).
/// Deducted: a scored item (points) whose period ended below the target: it earned fewer points, it did not fail.
/// </summary>
public enum LedgerStatus { Met, OnTrack, AtRisk, Missed, NotApplicable, EvaluatorChecked, Deducted }
