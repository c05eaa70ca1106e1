using Dapper;
using Npgsql;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>What check-in needs of an activity (with its <c>seq</c>, the subject of its codes). Times UTC.</summary>
public sealed class CheckInActivity
{
    public Guid Id { get; init; }
    public long Seq { get; init; }
    public Guid StudioId { get; init; }
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? RadiusMeters { get; init; }
    public int CheckInOpensMinutesBefore { get; init; }
    public int CheckInClosesMinutesAfter { get; init; }

    public bool Cancelled => Status == "Cancelled";

    /// <summary>Check-in may be open from <c>startsAt − checkInOpensMinutesBefore</c> until (excluded) <c>endsAt + checkInClosesMinutesAfter</c>.</summary>
    public DateTimeOffset WindowOpens => StartsAt.AddMinutes(-CheckInOpensMinutesBefore);

    public DateTimeOffset WindowCloses => EndsAt.AddMinutes(CheckInClosesMinutesAfter);
}

/// <summary>A row of <c>check_ins</c> with its activity's title.</summary>
public sealed class CheckInRow
{
    public Guid Id { get; init; }
    public Guid ActivityId { get; init; }
    public string ActivityTitle { get; init; } = "";
    public Guid MemberId { get; init; }
    public DateTimeOffset CheckedInAt { get; init; }
    public CheckInMethod Method { get; init; }
    public double? DistanceMeters { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public CheckInResult AsResult(bool alreadyCheckedIn) => new(
        Id, ActivityId, ActivityTitle, CheckedInAt, Method, RevokedAt is null ? CheckInStatus.CheckedIn : CheckInStatus.Revoked,
        DistanceMeters, alreadyCheckedIn);
}

/// <summary>A scan's new row: position and distance are null when unknown.</summary>
public sealed record NewScan(
    Guid ActivityId, Guid MemberId, DateTimeOffset At, string ClientNonce, double? Latitude, double? Longitude, double? AccuracyMeters, double? DistanceMeters);

/// <summary>The SQL of check-in. Uniqueness is the database's: one live row per (activity, member), one row per (member, nonce).</summary>
public sealed class CheckInStore(NpgsqlDataSource dataSource)
{
    private const string ActivityColumns = """
        a.id, a.seq, a.studio_id, a.title, a.status, a.starts_at, a.ends_at, a.latitude, a.longitude, a.radius_meters,
        a.check_in_opens_minutes_before, a.check_in_closes_minutes_after
        """;

    private const string CheckInColumns = """
        c.id, c.activity_id, a.title AS activity_title, c.member_id, c.checked_in_at, c.method, c.distance_meters, c.revoked_at
        """;

    public async Task<CheckInActivity?> ActivityAsync(Guid id, CancellationToken ct)
    {
        const string Sql = $"SELECT {ActivityColumns} FROM activities a WHERE a.id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInActivity>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>
    /// In one round trip: the activity of a code's <paramref name="seq"/>, whether the member is an active member or the
    /// leader of its studio, and the member's earlier check-in with this nonce (on any activity), if any.
    /// </summary>
    public async Task<(CheckInActivity? Activity, bool IsMember, CheckInRow? SameNonce)> ScanTargetAsync(
        long seq, Guid memberId, string clientNonce, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {ActivityColumns} FROM activities a WHERE a.seq = @seq;
            SELECT EXISTS (SELECT 1 FROM activities a JOIN studio_memberships m ON m.studio_id = a.studio_id
                           WHERE a.seq = @seq AND m.member_id = @memberId AND m.removed_at IS NULL);
            SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.member_id = @memberId AND c.client_nonce = @clientNonce;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql, new { seq, memberId, clientNonce }, cancellationToken: ct));
        var activity = await grid.ReadSingleOrDefaultAsync<CheckInActivity>();
        var isMember = await grid.ReadSingleAsync<bool>();
        var sameNonce = await grid.ReadSingleOrDefaultAsync<CheckInRow>();
        return (activity, isMember, sameNonce);
    }

    /// <summary>The member's check-in made with this nonce, if any.</summary>
    public async Task<CheckInRow?> ByNonceAsync(Guid memberId, string clientNonce, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.member_id = @memberId AND c.client_nonce = @clientNonce
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(Sql, new { memberId, clientNonce }, cancellationToken: ct));
    }

    /// <summary>The member's live check-in at the activity, if any.</summary>
    public async Task<CheckInRow?> LiveAsync(Guid activityId, Guid memberId, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.activity_id = @activityId AND c.member_id = @memberId AND c.revoked_at IS NULL
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(Sql, new { activityId, memberId }, cancellationToken: ct));
    }

    /// <summary>
    /// Inserts a scan unless the member already has a live check-in at the activity or has used this nonce;
    /// the new row, or null when one of the unique indexes refused it (the caller then reads what is there).
    /// </summary>
    public async Task<CheckInRow?> TryInsertScanAsync(NewScan scan, string activityTitle, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO check_ins (activity_id, member_id, checked_in_at, method, client_nonce, latitude, longitude, accuracy_meters, distance_meters)
            VALUES (@activityId, @memberId, @at, 'Scan', @clientNonce, @latitude, @longitude, @accuracyMeters, @distanceMeters)
            ON CONFLICT DO NOTHING
            RETURNING id, activity_id, @activityTitle AS activity_title, member_id, checked_in_at, method, distance_meters, revoked_at
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(Sql, new
        {
            scan.ActivityId, scan.MemberId, at = scan.At.UtcDateTime, scan.ClientNonce, scan.Latitude, scan.Longitude,
            scan.AccuracyMeters, scan.DistanceMeters, activityTitle,
        }, cancellationToken: ct));
    }

    /// <summary>
    /// Marks the member present by hand unless already present, and audits the mark (before null, after the new row)
    /// in the same statement. True when a check-in was created.
    /// </summary>
    public async Task<bool> MarkAsync(Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = """
            WITH marked AS (
                INSERT INTO check_ins (activity_id, member_id, checked_in_at, method, marked_by, marked_reason)
                VALUES (@activityId, @memberId, @at, 'Manual', @actorId, @reason)
                ON CONFLICT (activity_id, member_id) WHERE revoked_at IS NULL DO NOTHING
                RETURNING *
            ), audit AS (
                INSERT INTO check_in_audit (activity_id, member_id, actor_id, action, reason, before, after, at)
                SELECT activity_id, member_id, @actorId, 'Mark', @reason, NULL, to_jsonb(marked), @at FROM marked
            )
            SELECT count(*)::int FROM marked
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(Sql,
            new { activityId, memberId, actorId, reason, at = at.UtcDateTime }, cancellationToken: ct)) > 0;
    }

    /// <summary>
    /// Revokes the member's live check-in, if any, and audits it (before the live row, after the revoked row) in the same
    /// statement. True when a check-in was revoked.
    /// </summary>
    public async Task<bool> UndoAsync(Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = """
            WITH undone AS (
                UPDATE check_ins SET revoked_at = @at, revoked_by = @actorId, revoked_reason = @reason
                WHERE activity_id = @activityId AND member_id = @memberId AND revoked_at IS NULL
                RETURNING *
            ), audit AS (
                INSERT INTO check_in_audit (activity_id, member_id, actor_id, action, reason, before, after, at)
                SELECT activity_id, member_id, @actorId, 'Undo', @reason,
                       to_jsonb(undone) || '{"revoked_at": null, "revoked_by": null, "revoked_reason": null}'::jsonb,
                       to_jsonb(undone), @at
                FROM undone
            )
            SELECT count(*)::int FROM undone
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(Sql,
            new { activityId, memberId, actorId, reason, at = at.UtcDateTime }, cancellationToken: ct)) > 0;
    }

    /// <summary>The role of an active person of the studio ('Leader' or 'Member'), or null.</summary>
    public async Task<string?> ActiveRoleAsync(Guid studioId, Guid memberId, CancellationToken ct)
    {
        const string Sql = "SELECT role FROM studio_memberships WHERE studio_id = @studioId AND member_id = @memberId AND removed_at IS NULL";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { studioId, memberId }, cancellationToken: ct));
    }

    private sealed class AttendanceRow
    {
        public Guid MemberId { get; init; }
        public string? DisplayName { get; init; }
        public string Role { get; init; } = "";
        public bool InStudio { get; init; }
        public Guid? CheckInId { get; init; }
        public DateTimeOffset? CheckedInAt { get; init; }
        public CheckInMethod? Method { get; init; }
        public double? DistanceMeters { get; init; }

        public AttendanceEntry AsEntry() =>
            new(MemberId, DisplayName, Role, InStudio, CheckInId is not null, CheckInId, CheckedInAt, Method, DistanceMeters);
    }

    /// <summary>
    /// The attendance of an activity: the studio's active people (leader included) and anyone with a live check-in who has
    /// since left; present first (by time), then absent, leader first. <paramref name="memberId"/> narrows it to one person.
    /// </summary>
    public async Task<AttendanceEntry[]> AttendanceAsync(Guid activityId, Guid studioId, Guid? memberId, CancellationToken ct)
    {
        const string Sql = """
            WITH people AS (
                SELECT m.member_id, m.role, true AS in_studio
                FROM studio_memberships m WHERE m.studio_id = @studioId AND m.removed_at IS NULL
                UNION ALL
                SELECT c.member_id, 'Member', false
                FROM check_ins c
                WHERE c.activity_id = @activityId AND c.revoked_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM studio_memberships m
                                  WHERE m.studio_id = @studioId AND m.member_id = c.member_id AND m.removed_at IS NULL)
            )
            SELECT p.member_id, mb.display_name, p.role, p.in_studio,
                   c.id AS check_in_id, c.checked_in_at, c.method, c.distance_meters
            FROM people p
            JOIN members mb ON mb.id = p.member_id
            LEFT JOIN check_ins c ON c.activity_id = @activityId AND c.member_id = p.member_id AND c.revoked_at IS NULL
            WHERE @memberId::uuid IS NULL OR p.member_id = @memberId
            ORDER BY (c.id IS NOT NULL) DESC, c.checked_in_at, (p.role = 'Leader') DESC, mb.display_name, p.member_id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<AttendanceRow>(new CommandDefinition(Sql, new { activityId, studioId, memberId }, cancellationToken: ct));
        return rows.Select(r => r.AsEntry()).ToArray();
    }

    private sealed class MyCheckInRow
    {
        public Guid CheckInId { get; init; }
        public Guid ActivityId { get; init; }
        public string ActivityTitle { get; init; } = "";
        public Guid StudioId { get; init; }
        public string StudioName { get; init; } = "";
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset CheckedInAt { get; init; }
        public CheckInMethod Method { get; init; }
        public double? DistanceMeters { get; init; }
    }

    /// <summary>The member's live check-ins, latest first, one page.</summary>
    public async Task<MyCheckInPage> MineAsync(Guid memberId, int page, int pageSize, CancellationToken ct)
    {
        const string Sql = """
            SELECT c.id AS check_in_id, c.activity_id, a.title AS activity_title, a.studio_id, s.name AS studio_name, a.starts_at,
                   c.checked_in_at, c.method, c.distance_meters
            FROM check_ins c JOIN activities a ON a.id = c.activity_id JOIN studios s ON s.id = a.studio_id
            WHERE c.member_id = @memberId AND c.revoked_at IS NULL
            ORDER BY c.checked_in_at DESC, c.id
            LIMIT @pageSize OFFSET @offset;
            SELECT count(*)::int FROM check_ins WHERE member_id = @memberId AND revoked_at IS NULL;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql,
            new { memberId, pageSize, offset = (page - 1) * pageSize }, cancellationToken: ct));
        var items = (await grid.ReadAsync<MyCheckInRow>())
            .Select(r => new MyCheckIn(r.CheckInId, r.ActivityId, r.ActivityTitle, r.StudioId, r.StudioName, r.StartsAt, r.CheckedInAt, r.Method, r.DistanceMeters))
            .ToArray();
        return new MyCheckInPage(items, page, pageSize, await grid.ReadSingleAsync<int>());
    }
}
