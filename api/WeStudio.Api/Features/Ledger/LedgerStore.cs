using Dapper;
using System.Data;
using MySqlConnector;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Features.Achievements;
using WeStudio.Api.Features.Activities;

namespace WeStudio.Api.Features.Ledger;

/// <summary>A studio as the ledger sees it. <c>CreatedAt</c> is the licensing instant (studios are licensed Active when created).</summary>
public sealed class LedgerStudio
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The studio's stage (issue 13), shown by the ledger and the overview.</summary>
    public Studios.StudioStatus Status { get; init; }
    public string HostOrgUnitName { get; init; } = "";
    public Guid? DistrictId { get; init; }
    public string? DistrictName { get; init; }
    /// <summary>The host unit's ancestors, itself included (org_unit_closure, comma-separated as read).</summary>
    public string AncestorIds
    {
        init => Ancestors = Database.IdList(value);
    }
    /// <summary>The host unit's ancestors, itself included: an admin sees the studio when their unit is among them.</summary>
    public Guid[] Ancestors { get; init; } = [];
    /// <summary>The studio's ledger data version (ledger_versions, migration V0006); 0 before its first counted write.</summary>
    public long LedgerVersion { get; init; }

    /// <summary>Whether the studio's host unit is <paramref name="orgUnitId"/> or lies below it (an admin's subtree, a district).</summary>
    public bool IsUnder(Guid orgUnitId) => Ancestors.Contains(orgUnitId);
}

public sealed class ActivityFact
{
    public Guid StudioId { get; init; }
    public Guid Id { get; init; }
    public ActivityKind Kind { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    /// <summary>The paired school: its org unit id, or its lower-cased name; null when none is recorded.</summary>
    public string? SchoolKey { get; init; }
    public string? SchoolName { get; init; }
    /// <summary>ThreeMeetingsOneLesson: 支部党员大会, 支委会, 党小组会 or 党课; null otherwise (or recorded before sub-kinds).</summary>
    public ActivitySubKind? SubKind { get; init; }
    /// <summary>PairingVisit: the helping school (帮扶方), a core member's school or the host unit.</summary>
    public Guid? HelpingSchoolId { get; init; }
    public string? HelpingSchoolName { get; init; }
}

public sealed class AchievementFact
{
    public Guid StudioId { get; init; }
    public Guid Id { get; init; }
    public AchievementForm Form { get; init; }
    public ResearchSubtype? ResearchSubtype { get; init; }
    public string Title { get; init; } = "";
    public int Year { get; init; }
    /// <summary>When it was recorded (UTC): with <see cref="Year"/>, it dates the achievement for build years.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class BackboneFact
{
    public Guid StudioId { get; init; }
    public Guid MemberId { get; init; }
    public string? DisplayName { get; init; }
    public int Year { get; init; }
    /// <summary>When the mark was made (UTC): with <see cref="Year"/>, it dates the mark for build years.</summary>
    public DateTimeOffset MarkedAt { get; init; }
}

public sealed class ReportFact
{
    public Guid StudioId { get; init; }
    public Guid Id { get; init; }
    public int Year { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset FirstSubmittedAt { get; init; }
}

public sealed class MembershipFact
{
    public Guid StudioId { get; init; }
    public Guid MemberId { get; init; }
    /// <summary>Leader, Member or Trainee: the team (TeamSize) is the Members only; the core members are Leader and Members.</summary>
    public string Role { get; init; } = "";
    public string? DisplayName { get; init; }
    /// <summary>The person's school (members.school_org_unit_id, V0014); null when none is recorded.</summary>
    public Guid? SchoolId { get; init; }
    public string? SchoolName { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    public DateTimeOffset? RemovedAt { get; init; }
}

/// <summary>An activity that has both a notice sent beforehand and a published brief (Wenzhou "有通知、有简讯").</summary>
public sealed class BriefedActivityFact
{
    public Guid StudioId { get; init; }
    public Guid ActivityId { get; init; }
    public ActivityKind Kind { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
}

/// <summary>Attendance of one held activity: members present and members expected.</summary>
public sealed class AttendanceFact
{
    public Guid StudioId { get; init; }
    public Guid ActivityId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public int Present { get; init; }
    public int Expected { get; init; }
}

/// <summary>A committee's mark on a requirement and period (CommitteeMarked), with its date.</summary>
public sealed class MarkFact
{
    public Guid StudioId { get; init; }
    public Guid Id { get; init; }
    public Guid RequirementId { get; init; }
    public DateOnly PeriodStarts { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset MarkedAt { get; init; }
}

/// <summary>One person's live check-in at a held activity (TrainingShare).</summary>
public sealed class TrainedFact
{
    public Guid StudioId { get; init; }
    public Guid MemberId { get; init; }
    public ActivityKind Kind { get; init; }
    public DateTimeOffset StartsAt { get; init; }
}

/// <summary>Everything the ledger counts for a set of studios over a window of time.</summary>
public sealed class LedgerFacts
{
    public List<ActivityFact> Activities { get; init; } = [];
    public List<AchievementFact> Achievements { get; init; } = [];
    public List<BackboneFact> BackboneTeachers { get; init; } = [];
    public List<ReportFact> Reports { get; init; } = [];
    public List<MembershipFact> Memberships { get; init; } = [];
    /// <summary>Held activities whose brief is published.</summary>
    public List<BriefedActivityFact> WithPublishedBrief { get; init; } = [];
    /// <summary>Held activities announced beforehand whose brief is published.</summary>
    public List<BriefedActivityFact> WithNoticeAndBrief { get; init; } = [];
    /// <summary>Present and expected per held activity.</summary>
    public List<AttendanceFact> Attendance { get; init; } = [];
    /// <summary>The committee's marks (ledger_marks).</summary>
    public List<MarkFact> Marks { get; init; } = [];
    /// <summary>Live check-ins at held activities, per person.</summary>
    public List<TrainedFact> Trained { get; init; } = [];
}

/// <summary>
/// A connection inside one consistent snapshot (REPEATABLE READ, <c>START TRANSACTION WITH CONSISTENT SNAPSHOT</c>):
/// every read through it describes the same moment. Committed (read-only) on dispose.
/// </summary>
public sealed class LedgerSnapshot : IAsyncDisposable
{
    private readonly MySqlTransaction tx;

    private LedgerSnapshot(MySqlConnection connection, MySqlTransaction tx) => (Connection, this.tx) = (connection, tx);

    internal MySqlConnection Connection { get; }

    internal static async Task<LedgerSnapshot> OpenAsync(MySqlDataSource dataSource, CancellationToken ct)
    {
        var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            // InnoDB takes the snapshot at the first read; take it now.
            await conn.ExecuteAsync(new CommandDefinition("SELECT 1 FROM ledger_clock WHERE id = 1", transaction: tx, cancellationToken: ct));
            return new LedgerSnapshot(conn, tx);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Connection.State == ConnectionState.Open) await tx.CommitAsync();
        }
        finally
        {
            await tx.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}

/// <summary>
/// The ledger's facts: requirements, studios in scope and the facts that rules count, each loaded in bulk for many
/// studios, inside a <see cref="LedgerSnapshot"/> it opens. Reads studios, org_units/org_unit_closure, programmes,
/// activities, briefs, brief_versions, reminders, achievements, backbone_teachers, progress_reports, studio_memberships, members (schools),
/// check_ins, ledger_marks (written by <see cref="LedgerMarksStore"/>).
/// </summary>
public sealed class LedgerStore(MySqlDataSource dataSource)
{
    /// <summary>Opens a connection inside one consistent snapshot for the reads that follow.</summary>
    public Task<LedgerSnapshot> SnapshotAsync(CancellationToken ct) => LedgerSnapshot.OpenAsync(dataSource, ct);

    /// <summary>Opens a plain connection (a single read needs no snapshot).</summary>
    public Task<MySqlConnection> OpenAsync(CancellationToken ct) => dataSource.OpenConnectionAsync(ct).AsTask();

    private sealed class RequirementRow
    {
        public Guid Id { get; init; }
        public int Position { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public RequirementCounts Counts { get; init; }
        public RequirementPeriod Period { get; init; }
        public string ActivityKinds { get; init; } = "[]";
        public string? ActivitySubKinds { get; init; }
        public string AchievementForms { get; init; } = "[]";
        public string ResearchSubtypes { get; init; } = "[]";
        public int TargetMin { get; init; }
        public int? TargetMax { get; init; }
        public decimal? TargetRate { get; init; }
        public decimal? PointsAtTarget { get; init; }
        public decimal? PointsPerUnit { get; init; }
        public decimal? PointsMax { get; init; }
        public string Clause { get; init; } = "";
        public string Source { get; init; } = "";
        public string? Note { get; init; }
    }

    /// <summary>The programme's requirements in ledger order.</summary>
    public static async Task<RequirementDto[]> RequirementsAsync(MySqlConnection conn, Guid programmeId, CancellationToken ct, MySqlTransaction? tx = null)
    {
        const string Sql = """
            SELECT id, position, code, title, counts, period, activity_kinds, activity_sub_kinds, achievement_forms, research_subtypes,
                   target_min, target_max, target_rate, points_at_target, points_per_unit, points_max, clause, source, note
            FROM requirements WHERE programme_id = @programmeId ORDER BY position
            """;
        var rows = await conn.QueryAsync<RequirementRow>(new CommandDefinition(Sql, new { programmeId }, tx, cancellationToken: ct));
        return rows.Select(r => new RequirementDto
        {
            Id = r.Id, Position = r.Position, Code = r.Code, Title = r.Title, Counts = r.Counts, Period = r.Period,
            ActivityKinds = JsonColumn.Strings(r.ActivityKinds).Select(Enum.Parse<ActivityKind>).ToArray(),
            ActivitySubKinds = r.ActivitySubKinds is null ? [] : JsonColumn.Strings(r.ActivitySubKinds).Select(Enum.Parse<ActivitySubKind>).ToArray(),
            AchievementForms = JsonColumn.Strings(r.AchievementForms).Select(Enum.Parse<AchievementForm>).ToArray(),
            ResearchSubtypes = JsonColumn.Strings(r.ResearchSubtypes).Select(Enum.Parse<ResearchSubtype>).ToArray(),
            TargetMin = r.TargetMin, TargetMax = r.TargetMax, TargetRate = r.TargetRate,
            PointsAtTarget = r.PointsAtTarget, PointsPerUnit = r.PointsPerUnit, PointsMax = r.PointsMax, Clause = r.Clause, Source = r.Source, Note = r.Note,
        }).ToArray();
    }

    public sealed class ProgrammeInfo
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public RuleSet RuleSet { get; init; }
        public DateOnly StartsOn { get; init; }
        public int CycleYears { get; init; }
    }

    private const string StudioSelect = """
        SELECT s.id, s.name, s.created_at, s.status, o.name AS host_org_unit_name, d.id AS district_id, d.name AS district_name,
               (SELECT GROUP_CONCAT(c.ancestor_id) FROM org_unit_closure c WHERE c.descendant_id = o.id) AS ancestor_ids,
               COALESCE(v.version, 0) AS ledger_version
        FROM studios s
        JOIN org_units o ON o.id = s.host_org_unit_id
        LEFT JOIN org_units d ON d.id = o.parent_id AND d.parent_id IS NOT NULL
        LEFT JOIN ledger_versions v ON v.studio_id = s.id
        """;

    /// <summary>One studio and its programme, or nulls.</summary>
    public async Task<(LedgerStudio? Studio, ProgrammeInfo? Programme)> StudioAsync(MySqlConnection conn, Guid studioId, CancellationToken ct)
    {
        var studio = await conn.QuerySingleOrDefaultAsync<LedgerStudio>(new CommandDefinition(StudioSelect + " WHERE s.id = @studioId", new { studioId }, cancellationToken: ct));
        if (studio is null) return (null, null);
        const string Sql = """
            SELECT p.id, p.name, p.rule_set, p.starts_on, p.cycle_years FROM programmes p JOIN studios s ON s.programme_id = p.id WHERE s.id = @studioId
            """;
        return (studio, await conn.QuerySingleAsync<ProgrammeInfo>(new CommandDefinition(Sql, new { studioId }, cancellationToken: ct)));
    }

    /// <summary>The programme and whether the admin may see it (owned by a unit of their subtree or above their unit); null when absent.</summary>
    public async Task<(ProgrammeInfo Programme, bool Visible, Guid AdminUnitId)?> ProgrammeForAdminAsync(MySqlConnection conn, Guid programmeId, Guid adminId, CancellationToken ct)
    {
        const string Sql = """
            SELECT p.id, p.name, p.rule_set, p.starts_on, p.cycle_years, (SELECT org_unit_id FROM admins WHERE id = @adminId) AS admin_unit_id,
                   EXISTS (SELECT 1 FROM admins a JOIN org_unit_closure c
                             ON (c.ancestor_id = a.org_unit_id AND c.descendant_id = p.org_unit_id)
                             OR (c.ancestor_id = p.org_unit_id AND c.descendant_id = a.org_unit_id)
                           WHERE a.id = @adminId) AS visible
            FROM programmes p WHERE p.id = @programmeId
            """;
        var row = await conn.QuerySingleOrDefaultAsync<ProgrammeVisibility>(new CommandDefinition(Sql, new { programmeId, adminId }, cancellationToken: ct));
        return row is null ? null : (new ProgrammeInfo { Id = row.Id, Name = row.Name, RuleSet = row.RuleSet, StartsOn = row.StartsOn, CycleYears = row.CycleYears }, row.Visible, row.AdminUnitId);
    }

    private sealed class ProgrammeVisibility
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public RuleSet RuleSet { get; init; }
        public DateOnly StartsOn { get; init; }
        public int CycleYears { get; init; }
        public bool Visible { get; init; }
        public Guid AdminUnitId { get; init; }
    }

    /// <summary>Every studio of a programme, with its host unit's ancestors and its ledger version, by name (ordinal).</summary>
    public async Task<LedgerStudio[]> CatalogueAsync(MySqlConnection conn, Guid programmeId, CancellationToken ct)
    {
        var studios = (await conn.QueryAsync<LedgerStudio>(new CommandDefinition(StudioSelect + " WHERE s.programme_id = @programmeId", new { programmeId }, cancellationToken: ct))).ToArray();
        Array.Sort(studios, (x, y) => string.CompareOrdinal(x.Name, y.Name));
        return studios;
    }

    /// <summary>
    /// The data a year's requirements look at: activities starting in [<c>From</c>, <c>To</c>) (UTC), counted only if they
    /// happened by <c>AsOf</c>; year-dated facts (achievements, backbone teachers, reports) of <c>FromYear</c>…<c>ToYear</c>.
    /// </summary>
    public sealed record FactWindow(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, int FromYear, int ToYear)
    {
        internal object Args(Guid[] studioIds) =>
            new { studioIds, from = From.UtcDateTime, to = To.UtcDateTime, asOf = AsOf.UtcDateTime, fromYear = FromYear, toYear = ToYear };
    }

    /// <summary>
    /// The facts of <paramref name="studioIds"/> in a window, loading only what the requirements in <paramref name="needs"/>
    /// count. <paramref name="withTitles"/>: load titles and school names for evidence (the studio ledger and exports).
    /// </summary>
    public async Task<LedgerFacts> FactsAsync(MySqlConnection conn, Guid[] studioIds, FactWindow window, IReadOnlySet<RequirementCounts> needs,
        bool withTitles, CancellationToken ct)
    {
        const string ActivitiesWithTitles = $"""
            SELECT a.studio_id, a.id, a.kind, a.sub_kind, a.title, a.starts_at,
                   COALESCE(a.paired_school_org_unit_id, LOWER(a.paired_school_name)) AS school_key, COALESCE(u.name, a.paired_school_name) AS school_name,
                   a.helping_school_org_unit_id AS helping_school_id, h.name AS helping_school_name
            FROM activities a LEFT JOIN org_units u ON u.id = a.paired_school_org_unit_id LEFT JOIN org_units h ON h.id = a.helping_school_org_unit_id
            WHERE {HeldActivities}
            ORDER BY a.starts_at
            """;
        const string ActivitiesBare = $"""
            SELECT a.studio_id, a.kind, a.sub_kind, a.starts_at, COALESCE(a.paired_school_org_unit_id, LOWER(a.paired_school_name)) AS school_key,
                   a.helping_school_org_unit_id AS helping_school_id
            FROM activities a
            WHERE {HeldActivities}
            """;
        const string AchievementsSql = """
            SELECT studio_id, id, form, research_subtype, title, year, created_at FROM achievements
            WHERE studio_id IN @studioIds AND deleted_at IS NULL AND year BETWEEN @fromYear AND @toYear
            """;
        const string BackboneSql = """
            SELECT b.studio_id, b.member_id, m.display_name, b.year, b.marked_at FROM backbone_teachers b JOIN members m ON m.id = b.member_id
            WHERE b.studio_id IN @studioIds AND b.year BETWEEN @fromYear AND @toYear
            """;
        const string ReportsSql = """
            SELECT studio_id, id, year, status, first_submitted_at FROM progress_reports
            WHERE studio_id IN @studioIds AND year BETWEEN @fromYear AND @toYear AND first_submitted_at <= @asOf
            """;
        const string MembershipsSql = """
            SELECT m.studio_id, m.member_id, m.role, m.joined_at, m.removed_at, p.display_name, p.school_org_unit_id AS school_id, u.name AS school_name
            FROM studio_memberships m JOIN members p ON p.id = m.member_id LEFT JOIN org_units u ON u.id = p.school_org_unit_id
            WHERE m.studio_id IN @studioIds
            """;
        const string MarksSql = """
            SELECT studio_id, id, requirement_id, period_starts, note, marked_at FROM ledger_marks
            WHERE studio_id IN @studioIds AND marked_at <= @asOf
            """;
        const string TrainedSql = $"""
            SELECT a.studio_id, c.member_id, a.kind, a.starts_at
            FROM activities a JOIN check_ins c ON c.activity_id = a.id AND c.revoked_at IS NULL
            WHERE {HeldActivities}
            """;
        var args = window.Args(studioIds);
        async Task<List<T>> Query<T>(bool needed, string sql) =>
            needed ? (await conn.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct))).AsList() : [];
        return new LedgerFacts
        {
            Activities = await Query<ActivityFact>(needs.Contains(RequirementCounts.Activities) || needs.Contains(RequirementCounts.PairedSchoolsPerCoreSchool),
                withTitles ? ActivitiesWithTitles : ActivitiesBare),
            Achievements = await Query<AchievementFact>(needs.Contains(RequirementCounts.Achievements), AchievementsSql),
            BackboneTeachers = await Query<BackboneFact>(needs.Contains(RequirementCounts.BackboneTeachers), BackboneSql),
            Reports = await Query<ReportFact>(needs.Contains(RequirementCounts.ProgressReport), ReportsSql),
            Memberships = await Query<MembershipFact>(needs.Contains(RequirementCounts.TeamSize) || needs.Contains(RequirementCounts.TrainingShare)
                || needs.Contains(RequirementCounts.PairedSchoolsPerCoreSchool), MembershipsSql),
            Marks = await Query<MarkFact>(needs.Contains(RequirementCounts.CommitteeMarked), MarksSql),
            Trained = await Query<TrainedFact>(needs.Contains(RequirementCounts.TrainingShare), TrainedSql),
            WithPublishedBrief = needs.Contains(RequirementCounts.ActivitiesWithPublishedBrief) ? await ActivitiesWithPublishedBriefAsync(conn, studioIds, window, ct) : [],
            WithNoticeAndBrief = needs.Contains(RequirementCounts.ActivitiesWithNoticeAndBrief) ? await ActivitiesWithNoticeAndBriefAsync(conn, studioIds, window, ct) : [],
            Attendance = needs.Contains(RequirementCounts.AttendanceRate) ? await AttendanceAsync(conn, studioIds, window, ct) : [],
        };
    }

    private sealed class VersionRow
    {
        public Guid StudioId { get; init; }
        public long Version { get; init; }
    }

    private sealed class NextChangeRow
    {
        public Guid StudioId { get; init; }
        public DateTimeOffset NextChange { get; init; }
    }

    /// <summary>
    /// Versions, facts and the next dated change of studios, read on the caller's connection, which must be inside a
    /// REPEATABLE READ transaction so that the versions describe exactly the facts read. <c>NextChange</c>: per studio, the first instant after <c>AsOf</c> at which a
    /// dated fact in the window comes due (an activity starts, a brief's publication, a notice's delivery, a report's
    /// submission, a member joining or leaving); absent when there is none.
    /// </summary>
    public async Task<(Dictionary<Guid, long> Versions, LedgerFacts Facts, Dictionary<Guid, DateTimeOffset> NextChange)> SnapshotAsync(
        MySqlConnection conn, Guid[] studioIds, FactWindow window, IReadOnlySet<RequirementCounts> needs, CancellationToken ct)
    {
        const string VersionsSql = "SELECT studio_id, version FROM ledger_versions WHERE studio_id IN @studioIds";
        const string NextChangeSql = """
            SELECT studio_id, MIN(t) AS next_change FROM (
                SELECT a.studio_id, a.starts_at AS t FROM activities a
                WHERE a.studio_id IN @studioIds AND a.status = 'Scheduled' AND a.starts_at > @asOf AND a.starts_at >= @from AND a.starts_at < @to
                UNION ALL
                SELECT b.studio_id, b.first_published_at FROM briefs b
                WHERE b.studio_id IN @studioIds AND b.published_version IS NOT NULL AND b.first_published_at > @asOf
                UNION ALL
                SELECT r.studio_id, r.sent_at FROM reminders r
                WHERE r.studio_id IN @studioIds AND r.kind = 'ActivityUpcoming' AND r.status = 'Sent' AND r.sent_at > @asOf
                UNION ALL
                SELECT p.studio_id, p.first_submitted_at FROM progress_reports p WHERE p.studio_id IN @studioIds AND p.first_submitted_at > @asOf
                UNION ALL
                SELECT m.studio_id, m.joined_at FROM studio_memberships m WHERE m.studio_id IN @studioIds AND m.joined_at > @asOf
                UNION ALL
                SELECT m.studio_id, m.removed_at FROM studio_memberships m WHERE m.studio_id IN @studioIds AND m.removed_at > @asOf
            ) x GROUP BY studio_id
            """;
        var args = window.Args(studioIds);
        var versions = (await conn.QueryAsync<VersionRow>(new CommandDefinition(VersionsSql, args, cancellationToken: ct))).ToDictionary(v => v.StudioId, v => v.Version);
        var facts = await FactsAsync(conn, studioIds, window, needs, withTitles: false, ct);
        var next = (await conn.QueryAsync<NextChangeRow>(new CommandDefinition(NextChangeSql, args, cancellationToken: ct))).ToDictionary(n => n.StudioId, n => n.NextChange);
        return (versions, facts, next);
    }

    /// <summary>Held activities (same window and filters as the activities query) whose brief (简讯) was published by <c>asOf</c>.</summary>
    public async Task<List<BriefedActivityFact>> ActivitiesWithPublishedBriefAsync(MySqlConnection conn, Guid[] studioIds, FactWindow window, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT a.studio_id, a.id AS activity_id, a.kind, a.title, a.starts_at
            FROM activities a JOIN briefs b ON b.activity_id = a.id
            WHERE {HeldActivities} AND b.published_version IS NOT NULL AND b.first_published_at <= @asOf
            ORDER BY a.starts_at
            """;
        return (await conn.QueryAsync<BriefedActivityFact>(new CommandDefinition(Sql, window.Args(studioIds), cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Held activities with a theme, a notice (通知) and a published brief (Wenzhou "有主题、有通知、有简讯"). The theme (主题)
    /// is the activity's or the published brief's, not blank. The notice is the activity announced in the app at least
    /// <see cref="NoticeLead"/> before it started (members see it in their list), or a reminder of it delivered through
    /// WeChat before it started.
    /// </summary>
    public async Task<List<BriefedActivityFact>> ActivitiesWithNoticeAndBriefAsync(MySqlConnection conn, Guid[] studioIds, FactWindow window, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT a.studio_id, a.id AS activity_id, a.kind, a.title, a.starts_at
            FROM activities a JOIN briefs b ON b.activity_id = a.id
            LEFT JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.published_version
            WHERE {HeldActivities} AND b.published_version IS NOT NULL AND b.first_published_at <= @asOf
              AND (TRIM(COALESCE(a.theme, '')) <> '' OR TRIM(COALESCE(v.theme, '')) <> '')
              AND (a.created_at <= a.starts_at - INTERVAL @noticeLeadSeconds SECOND
                   OR EXISTS (SELECT 1 FROM reminders r WHERE r.subject_id = a.id AND r.kind = 'ActivityUpcoming'
                              AND r.status = 'Sent' AND r.sent_at <= a.starts_at))
            ORDER BY a.starts_at
            """;
        var args = new DynamicParameters(window.Args(studioIds));
        args.Add("noticeLeadSeconds", (long)NoticeLead.TotalSeconds);
        return (await conn.QueryAsync<BriefedActivityFact>(new CommandDefinition(Sql, args, cancellationToken: ct))).AsList();
    }

    /// <summary>How long before its start an activity must be in the app to count as announced (有通知).</summary>
    public static readonly TimeSpan NoticeLead = TimeSpan.FromHours(24);

    /// <summary>
    /// Per held activity: live (not undone) check-ins, and members expected = people in the studio when it started, the
    /// leader included (as the attendance sheet counts).
    /// </summary>
    public async Task<List<AttendanceFact>> AttendanceAsync(MySqlConnection conn, Guid[] studioIds, FactWindow window, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT a.studio_id, a.id AS activity_id, a.starts_at, {PresentAndExpected}
            FROM activities a
            WHERE {HeldActivities}
            ORDER BY a.starts_at
            """;
        return (await conn.QueryAsync<AttendanceFact>(new CommandDefinition(Sql, window.Args(studioIds), cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Columns <c>present</c> (live check-ins) and <c>expected</c> (people in the studio when it started, the leader
    /// included, as the attendance sheet counts) of the activity <c>a</c>: the ledger's attendance and the export's agree.
    /// </summary>
    internal const string PresentAndExpected = """
        (SELECT COUNT(*) FROM check_ins c WHERE c.activity_id = a.id AND c.revoked_at IS NULL) AS present,
        (SELECT COUNT(*) FROM studio_memberships m WHERE m.studio_id = a.studio_id AND m.joined_at <= a.starts_at
                                                        AND (m.removed_at IS NULL OR m.removed_at > a.starts_at)) AS expected
        """;

    /// <summary>Activities that count: of these studios, not cancelled, started inside [from, to) and by asOf.</summary>
    private const string HeldActivities = """
        a.studio_id IN @studioIds AND a.status = 'Scheduled' AND a.starts_at >= @from AND a.starts_at < @to AND a.starts_at <= @asOf
        """;
}
