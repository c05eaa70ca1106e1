using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Activities;

/// <summary>
/// The SQL of activities, and the way other features (check-in, briefs, reminders) read an activity. Times UTC, passed in
/// (the caller's <see cref="TimeProvider"/>), never the database's clock.
/// Triggers of the Ledger feature watch <c>activities</c> (V0006__ledger_versions.sql, activities_ledger_ins/upd/del): every
/// write raises the studio's ledger version in the writer's transaction.
/// </summary>
public sealed class ActivitiesStore(MySqlDataSource dataSource)
{
    private const string ActivitySelect = """
        SELECT a.id, a.studio_id, s.name AS studio_name, a.kind, a.title, a.theme, a.starts_at, a.ends_at, a.venue_name,
               a.latitude, a.longitude, a.radius_meters, a.check_in_opens_minutes_before, a.check_in_closes_minutes_after,
               (a.kind = 'VolunteerService' OR a.tracks_duration) AS tracks_duration, a.status, a.cancelled_reason,
               a.paired_school_org_unit_id, a.paired_school_name, a.sub_kind, a.helping_school_org_unit_id, a.created_at, a.updated_at
        FROM activities a JOIN studios s ON s.id = a.studio_id
        """;

    /// <summary>
    /// One activity, or null, read on the caller's connection; pass <paramref name="transaction"/> when one is open on it
    /// (MySqlConnector refuses a command without the connection's active transaction).
    /// </summary>
    public async Task<ActivityDto?> FindAsync(MySqlConnection conn, Guid id, CancellationToken ct, MySqlTransaction? transaction = null) =>
        await conn.QuerySingleOrDefaultAsync<ActivityDto>(new CommandDefinition(ActivitySelect + " WHERE a.id = @id", new { id }, transaction, cancellationToken: ct));

    /// <summary>One activity, or null.</summary>
    public async Task<ActivityDto?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await FindAsync(conn, id, ct);
    }

    /// <summary>Whether an org unit with this id exists (a PairingVisit's <c>pairedSchoolOrgUnitId</c>).</summary>
    public async Task<bool> OrgUnitExistsAsync(Guid id, CancellationToken ct)
    {
        const string Sql = "SELECT EXISTS (SELECT 1 FROM org_units WHERE id = @id)";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>
    /// The studio's host unit, and whether <paramref name="schoolId"/> may help on its PairingVisits: the host unit or the
    /// school of an active core member (leader or team member; trainees are not core members).
    /// </summary>
    public async Task<(Guid Host, bool Allowed)> HelpingSchoolAsync(Guid studioId, Guid? schoolId, CancellationToken ct)
    {
        const string Sql = """
            SELECT s.host_org_unit_id AS host,
                   (s.host_org_unit_id = @schoolId OR EXISTS (
                       SELECT 1 FROM studio_memberships m JOIN members p ON p.id = m.member_id
                       WHERE m.studio_id = s.id AND m.removed_at IS NULL AND m.role IN ('Leader','Member') AND p.school_org_unit_id = @schoolId)) AS allowed
            FROM studios s WHERE s.id = @studioId
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<(Guid Host, bool? Allowed)>(new CommandDefinition(Sql, new { studioId, schoolId }, cancellationToken: ct));
        return (row.Host, row.Allowed == true);
    }

    private static DynamicParameters Parameters(ValidActivity a, object extra)
    {
        var parameters = new DynamicParameters(extra);
        parameters.AddDynamicParams(new
        {
            kind = a.Kind.ToString(), title = a.Title, theme = a.Theme, startsAt = a.StartsAt, endsAt = a.EndsAt, venueName = a.VenueName,
            latitude = a.Latitude, longitude = a.Longitude, radiusMeters = a.RadiusMeters, opensBefore = a.OpensBefore,
            closesAfter = a.ClosesAfter, tracksDuration = a.TracksDuration,
            pairedSchoolOrgUnitId = a.PairedSchoolOrgUnitId, pairedSchoolName = a.PairedSchoolName,
            subKind = a.SubKind?.ToString(), helpingSchoolOrgUnitId = a.HelpingSchoolOrgUnitId,
        });
        return parameters;
    }

    /// <summary>Schedules an activity of the studio, created by <paramref name="leaderId"/> at <paramref name="now"/>; the new activity.</summary>
    public async Task<ActivityDto> CreateAsync(Guid studioId, ValidActivity activity, Guid leaderId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO activities (id, studio_id, kind, title, theme, starts_at, ends_at, venue_name, latitude, longitude, radius_meters,
                                    check_in_opens_minutes_before, check_in_closes_minutes_after, tracks_duration,
                                    paired_school_org_unit_id, paired_school_name, sub_kind, helping_school_org_unit_id, created_by, created_at, updated_at)
            VALUES (@id, @studioId, @kind, @title, @theme, @startsAt, @endsAt, @venueName, @latitude, @longitude, @radiusMeters,
                    @opensBefore, @closesAfter, @tracksDuration, @pairedSchoolOrgUnitId, @pairedSchoolName, @subKind, @helpingSchoolOrgUnitId, @leaderId, @now, @now)
            """;
        var id = Database.NewId();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, Parameters(activity, new { id, studioId, leaderId, now }), cancellationToken: ct));
        return (await FindAsync(conn, id, ct))!;
    }

    /// <summary>Replaces the details of a scheduled activity; the activity after, or null when it is cancelled (or gone).</summary>
    public async Task<ActivityDto?> UpdateAsync(Guid id, ValidActivity activity, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE activities SET kind = @kind, title = @title, theme = @theme, starts_at = @startsAt, ends_at = @endsAt,
                   venue_name = @venueName, latitude = @latitude, longitude = @longitude, radius_meters = @radiusMeters,
                   check_in_opens_minutes_before = @opensBefore, check_in_closes_minutes_after = @closesAfter,
                   tracks_duration = @tracksDuration,
                   paired_school_org_unit_id = @pairedSchoolOrgUnitId, paired_school_name = @pairedSchoolName,
                   sub_kind = @subKind, helping_school_org_unit_id = @helpingSchoolOrgUnitId, updated_at = @now
            WHERE id = @id AND status = 'Scheduled'
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var updated = await conn.ExecuteAsync(new CommandDefinition(Sql, Parameters(activity, new { id, now }), cancellationToken: ct));
        return updated == 0 ? null : await FindAsync(conn, id, ct);
    }

    /// <summary>Cancels a scheduled activity with the reason; the activity after, or null when it was already cancelled (or gone).</summary>
    public async Task<ActivityDto?> CancelAsync(Guid id, string reason, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE activities SET status = 'Cancelled', cancelled_reason = @reason, updated_at = @now WHERE id = @id AND status = 'Scheduled'";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var updated = await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, reason, now }, cancellationToken: ct));
        return updated == 0 ? null : await FindAsync(conn, id, ct);
    }

    /// <summary>The studio's activities, one page (see <see cref="PageAsync"/>).</summary>
    public Task<ActivityPage> ForStudioAsync(Guid studioId, DateTimeOffset now, int page, int pageSize, CancellationToken ct) =>
        PageAsync("a.studio_id = @studioId", new { studioId }, now, page, pageSize, ct);

    /// <summary>Activities of every studio the member is an active member (or the leader) of, one page (see <see cref="PageAsync"/>).</summary>
    public Task<ActivityPage> ForMemberAsync(Guid memberId, DateTimeOffset now, int page, int pageSize, CancellationToken ct) =>
        PageAsync("EXISTS (SELECT 1 FROM studio_memberships m WHERE m.studio_id = a.studio_id AND m.member_id = @memberId AND m.removed_at IS NULL)",
            new { memberId }, now, page, pageSize, ct);

    /// <summary>
    /// Upcoming (not yet ended at <paramref name="now"/>) activities first, soonest first; then past ones, latest first.
    /// <paramref name="where"/> is a constant SQL condition from this class; every value in it is bound.
    /// </summary>
    private async Task<ActivityPage> PageAsync(string where, object args, DateTimeOffset now, int page, int pageSize, CancellationToken ct)
    {
        var sql = $"""
            {ActivitySelect}
            WHERE {where}
            ORDER BY (a.ends_at >= @now) DESC,
                     CASE WHEN a.ends_at >= @now THEN a.starts_at END ASC,
                     a.starts_at DESC, a.id
            LIMIT @pageSize OFFSET @offset;
            SELECT count(*) FROM activities a WHERE {where};
            """;
        var parameters = new DynamicParameters(args);
        parameters.AddDynamicParams(new { now, pageSize, offset = (page - 1) * pageSize });
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
        var items = (await grid.ReadAsync<ActivityDto>()).ToArray();
        var total = await grid.ReadSingleAsync<int>();
        return new ActivityPage(items, page, pageSize, total);
    }
}
