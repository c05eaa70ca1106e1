using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// One thing that counts toward a cell: <c>type</c> Activity, Achievement, ProgressReport, BackboneTeacher, CommitteeMark,
/// Attendance, Figure (a measured figure, id empty), School (a core member's school and whether it paired) or
/// MemberWithoutSchool (a core member with no school recorded); <c>date</c> local (Asia/Shanghai) when it has one.
/// </summary>
public sealed record LedgerEvidence([AllowedValues("Activity", "BackboneTeacher", "Achievement", "ProgressReport", "CommitteeMark", "Attendance", "Figure", "School", "MemberWithoutSchool")] string Type, Guid Id, string Title, DateOnly? Date);

/// <summary>
/// One requirement in one period. <c>starts</c>/<c>ends</c>: local dates, ends exclusive. <c>actual</c>: the count (a
/// fraction for AttendanceRate); null for an item the evaluator checks with nothing measured. <c>points</c>: for a scored
/// requirement, the points the count earns (see <see cref="RequirementDto"/>), else null. <c>reason</c> explains
/// NotApplicable, EvaluatorChecked and Deducted. <c>target</c>: the cell's own target where it depends on the studio
/// (PairedSchoolsPerCoreSchool: the number of its core members' schools, <c>actual</c> how many paired), else null.
/// </summary>
public sealed record LedgerCell(string Period, DateOnly Starts, DateOnly Ends, double? Actual, LedgerStatus Status, string? Reason, LedgerEvidence[] Evidence,
    double? Points = null, int? Target = null);

/// <summary>A requirement with its cells for the year.</summary>
public sealed record LedgerLine
{
    public Guid RequirementId { get; init; }
    public required string Code { get; init; }
    public required string Title { get; init; }
    public required string Clause { get; init; }
    public string? Note { get; init; }
    public RequirementCounts Counts { get; init; }
    public RequirementPeriod Period { get; init; }
    public int TargetMin { get; init; }
    public int? TargetMax { get; init; }
    public decimal? TargetRate { get; init; }
    public decimal? PointsAtTarget { get; init; }
    public decimal? PointsPerUnit { get; init; }
    public decimal? PointsMax { get; init; }
    public LedgerCell[] Cells { get; init; } = [];
}

/// <summary>How many cells have each status.</summary>
public sealed record LedgerStatusCounts
{
    public int Met { get; init; }
    public int OnTrack { get; init; }
    public int AtRisk { get; init; }
    public int Missed { get; init; }
    public int NotApplicable { get; init; }
    public int EvaluatorChecked { get; init; }
    public int Deducted { get; init; }

    /// <summary>How many statuses there are: the length of the count arrays indexed by <see cref="LedgerStatus"/>.</summary>
    public const int Kinds = 7;

    public static LedgerStatusCounts Of(IEnumerable<LedgerStatus> statuses)
    {
        var n = new int[Kinds];
        foreach (var s in statuses) n[(int)s]++;
        return Of(n);
    }

    /// <summary>From counts indexed by <see cref="LedgerStatus"/>.</summary>
    public static LedgerStatusCounts Of(int[] n) => new() { Met = n[0], OnTrack = n[1], AtRisk = n[2], Missed = n[3], NotApplicable = n[4], EvaluatorChecked = n[5], Deducted = n[6] };
}

/// <summary>
/// A studio's ledger (台账) for one calendar year, computed from current data at <c>computedAt</c> (UTC).
/// <c>licensedOn</c>: the local date the studio was licensed; periods that ended before it are NotApplicable.
/// </summary>
public sealed record StudioLedgerDto
{
    public Guid StudioId { get; init; }
    public required string StudioName { get; init; }
    /// <summary>The studio's stage: Active, Rectifying, Completed, Revoked… (issue 13).</summary>
    public Studios.StudioStatus Status { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string ProgrammeName { get; init; }
    public RuleSet RuleSet { get; init; }
    public int Year { get; init; }
    public DateOnly LicensedOn { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
    public LedgerStatusCounts Totals { get; init; } = new();
    public LedgerLine[] Requirements { get; init; } = [];
}

/// <summary>One requirement of one studio in the overview: the status of the period holding the reference date, and the periods missed so far in the year.</summary>
public sealed record OverviewRequirementStatus(string Code, LedgerStatus Status, int MissedPeriods);

/// <summary>One studio of the committee overview. <c>districtName</c>: the host school's parent unit.</summary>
public sealed record OverviewRow
{
    public Guid StudioId { get; init; }
    public required string StudioName { get; init; }
    public required string HostOrgUnitName { get; init; }
    /// <summary>The studio's stage (issue 13); the overview filters by it with <c>stage</c>.</summary>
    public Studios.StudioStatus Status { get; init; }
    public Guid? DistrictId { get; init; }
    public string? DistrictName { get; init; }
    public int Missed { get; init; }
    public LedgerStatusCounts Totals { get; init; } = new();
    public OverviewRequirementStatus[] Requirements { get; init; } = [];
}

/// <summary>
/// The committee overview of a programme for a period (<c>YYYY</c> or <c>YYYY-MM</c>): the ledger as of the period's end
/// (or now, if sooner), one row per studio of the admin's subtree, most missed first; paged.
/// </summary>
public sealed record LedgerOverviewDto
{
    public Guid ProgrammeId { get; init; }
    public required string ProgrammeName { get; init; }
    public required string Period { get; init; }
    public DateTimeOffset AsOf { get; init; }
    public RequirementDto[] Requirements { get; init; } = [];
    public int Page { get; init; }
    public int PageSize { get; init; }
    public int Total { get; init; }
    public OverviewRow[] Items { get; init; } = [];
    /// <summary>Guyuan programmes: the star-rating shares of the listed studios (all pages) for the year against the notice's targets; null otherwise.</summary>
    public StarShareDto[]? StarShares { get; init; }
}
