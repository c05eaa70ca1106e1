using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.Activities;

/// <summary>Activity kinds of the notices (DESIGN.md glossary).</summary>
public enum ActivityKind
{
    /// <summary>党建专题研讨, one a month (Liuzhou).</summary>
    MonthlySeminar,
    /// <summary>学期专题研讨会, one a semester (Liuzhou).</summary>
    SemesterSeminar,
    /// <summary>培训讲座, at least two a year (Liuzhou).</summary>
    TrainingLecture,
    /// <summary>志愿服务, counted in hours.</summary>
    VolunteerService,
    /// <summary>结对帮扶 visit to a paired school.</summary>
    PairingVisit,
    /// <summary>主题党日.</summary>
    ThemedPartyDay,
    /// <summary>三会一课.</summary>
    ThreeMeetingsOneLesson,
    /// <summary>教研/课题研讨.</summary>
    ResearchSession,
    Other,
}

/// <summary>
/// The sub-kind of a <c>ThreeMeetingsOneLesson</c> activity (三会一课, 《中国共产党支部工作条例（试行）》第十九条): required
/// for that kind, refused for every other. <c>BranchGeneralMeeting</c> 支部党员大会, <c>BranchCommitteeMeeting</c> 支委会,
/// <c>PartyGroupMeeting</c> 党小组会, <c>PartyLecture</c> 党课.
/// </summary>
public enum ActivitySubKind
{
    /// <summary>支部党员大会 (条例: 一般每季度召开1次).</summary>
    BranchGeneralMeeting,
    /// <summary>支委会, the branch committee's meeting (条例: 一般每月召开1次).</summary>
    BranchCommitteeMeeting,
    /// <summary>党小组会 (条例: 一般每月召开1次).</summary>
    PartyGroupMeeting,
    /// <summary>党课 (条例: 一般每季度1次).</summary>
    PartyLecture,
}

/// <summary>Scheduled, or Cancelled (kept, never counted).</summary>
public enum ActivityStatus { Scheduled, Cancelled }

/// <summary>
/// An activity of a studio. Times are UTC. Optional geofence: <c>latitude</c>/<c>longitude</c> (GCJ-02 degrees, as the
/// mini-program's map picker gives) and <c>radiusMeters</c>. Check-in is open from <c>checkInOpensMinutesBefore</c> minutes
/// before <c>startsAt</c> until <c>checkInClosesMinutesAfter</c> minutes after <c>endsAt</c>.
/// </summary>
public sealed record ActivityDto
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public string StudioName { get; init; } = "";
    public ActivityKind Kind { get; init; }
    /// <summary>ThreeMeetingsOneLesson only: 支部党员大会, 支委会, 党小组会 or 党课; null for other kinds (and for 三会一课 recorded before sub-kinds existed).</summary>
    public ActivitySubKind? SubKind { get; init; }
    public required string Title { get; init; }
    public string? Theme { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string? VenueName { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? RadiusMeters { get; init; }
    public int CheckInOpensMinutesBefore { get; init; }
    public int CheckInClosesMinutesAfter { get; init; }
    /// <summary>True when members check out and their duration counts as volunteer hours: every <c>VolunteerService</c>, and any activity created with <c>tracksDuration</c>.</summary>
    public bool TracksDuration { get; init; }
    public ActivityStatus Status { get; init; }
    public string? CancelledReason { get; init; }
    /// <summary>PairingVisit only: the visited school as a unit of the org tree, or by name when it is not in the tree.</summary>
    public Guid? PairedSchoolOrgUnitId { get; init; }
    public string? PairedSchoolName { get; init; }
    /// <summary>PairingVisit only: the school that helps (帮扶方), one of the core members' schools; the host unit by default.</summary>
    public Guid? HelpingSchoolOrgUnitId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// Create or replace an activity. <c>kind</c>, <c>title</c> (≤ 100 characters), <c>startsAt</c> and <c>endsAt</c>
/// (ISO-8601 with offset; end after start, at most 7 days long) are required. <c>theme</c> ≤ 500, <c>venueName</c> ≤ 100.
/// <c>latitude</c>/<c>longitude</c> come together; <c>radiusMeters</c> 10–5000 needs them (default 200 when a position is given).
/// Check-in window minutes: 0–1440 each, default 30. <c>tracksDuration</c> (default false) adds check-out and volunteer
/// hours to an activity of another kind; a <c>VolunteerService</c> always tracks duration. PairingVisit only:
/// <c>pairedSchoolOrgUnitId</c> (an org unit) or <c>pairedSchoolName</c> (≤ 100, when the school is not in the org tree)
/// names the school visited; <c>helpingSchoolOrgUnitId</c> names the helping school, which must be the school of one of
/// the studio's core members (leader or team member) or its host unit (the default): 422 helping_school_not_core_school.
/// Other kinds refuse all three. <c>subKind</c>: required for ThreeMeetingsOneLesson (400 sub_kind_required), refused
/// for other kinds (400 sub_kind_not_allowed).
/// </summary>
public sealed record ActivityRequest(
    [Required] ActivityKind? Kind, [Required, MaxLength(100)] string? Title, [MaxLength(500)] string? Theme, [Required] DateTimeOffset? StartsAt, [Required] DateTimeOffset? EndsAt, [MaxLength(100)] string? VenueName,
    [Range(-90, 90)] double? Latitude, [Range(-180, 180)] double? Longitude, [Range(10, 5000)] int? RadiusMeters, [Range(0, 1440)] int? CheckInOpensMinutesBefore, [Range(0, 1440)] int? CheckInClosesMinutesAfter,
    bool? TracksDuration = null, Guid? PairedSchoolOrgUnitId = null, [MaxLength(100)] string? PairedSchoolName = null,
    ActivitySubKind? SubKind = null, Guid? HelpingSchoolOrgUnitId = null);

/// <summary>An <see cref="ActivityRequest"/> that passed validation, defaults applied; times UTC.</summary>
public sealed record ValidActivity(
    ActivityKind Kind, string Title, string? Theme, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? VenueName,
    double? Latitude, double? Longitude, int? RadiusMeters, int OpensBefore, int ClosesAfter, bool TracksDuration,
    Guid? PairedSchoolOrgUnitId, string? PairedSchoolName, ActivitySubKind? SubKind = null, Guid? HelpingSchoolOrgUnitId = null);

/// <summary>Why the activity is cancelled: required, ≤ 200 characters.</summary>
public sealed record CancelActivityRequest([Required, MaxLength(200)] string? Reason);

/// <summary>One page of activities: upcoming first (soonest first), then past ones (latest first).</summary>
public sealed record ActivityPage(ActivityDto[] Items, int Page, int PageSize, int Total);
