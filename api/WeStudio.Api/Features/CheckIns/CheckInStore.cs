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

    /// <summary>A <c>VolunteerService</c>, or an activity created with <c>tracksDuration</c>: it has check-out and hours.</summary>
    public bool TracksDuration { get; init; }

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
    public DateTimeOffset? CheckedOutAt { get; init; }
    public CheckOutMethod? CheckOutMethod { get; init; }
    public int? DurationMinutes { get; init; }
    public bool AutoClosed { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public double? CheckOutDistanceMeters { get; init; }

    public CheckInResult AsResult(bool alreadyCheckedIn) => new(
        Id, ActivityId, ActivityTitle, CheckedInAt, Method, RevokedAt is null ? CheckInStatus.CheckedIn : CheckInStatus.Revoked,
        DistanceMeters, alreadyCheckedIn);

    /// <summary>The check-out of this row; only for a row that is checked out.</summary>
    public CheckOutResult AsCheckOut() => new(
        Id, ActivityId, ActivityTitle, MemberId, CheckedInAt,
        CheckedOutAt ?? throw new InvalidOperationException("This check-in is not checked out."),
        DurationMinutes ?? 0, CheckOutMethod ?? CheckIns.CheckOutMethod.Manual, AutoClosed, ReviewedAt is not null, CheckOutDistanceMeters);
}

/// <summary>A check-out's change: how, when, and for a scan the nonce, position and distance (null when unknown).</summary>
public sealed record NewCheckOut(
    Guid ActivityId, Guid MemberId, DateTimeOffset At, CheckOutMethod Method, string? ClientNonce,
    double? Latitude, double? Longitude, double? AccuracyMeters, double? DistanceMeters);

/// <summary>A scan's new row: position and distance are null when unknown.</summary>
public sealed record NewScan(
    Guid ActivityId, Guid MemberId, DateTimeOffset At, string ClientNonce, double? Latitude, double? Longitude, double? AccuracyMeters, double? DistanceMeters);

/// <summary>The SQL of check-in. Uniqueness is the database's: one live row per (activity, member), one row per (member, nonce).</summary>
public sealed class CheckInStore(NpgsqlDataSource dataSource)
{
    private const string ActivityColumns = """
        a.id, a.seq, a.studio_id, a.title, a.status, a.starts_at, a.ends_at, a.latitude, a.longitude, a.radius_meters,
        a.check_in_opens_minutes_before, a.check_in_closes_minutes_after, (a.kind = 'VolunteerService' OR a.tracks_duration) AS tracks_duration
        """;

    private const string CheckInColumns = """
        c.id, c.activity_id, a.title AS activity_title, c.member_id, c.checked_in_at, c.method, c.distance_meters, c.revoked_at,
        c.checked_out_at, c.check_out_method, c.duration_minutes, c.auto_closed, c.reviewed_at, c.check_out_distance_meters
        """;

    /// <summary>
    /// The duration of a check-in row <c>c</c> of activity <c>a</c> checked out at <c>@outAt</c>: whole minutes, never below 0,
    /// at most the scheduled length plus <c>@allowanceMinutes</c>.
    /// </summary>
    internal const string DurationSql = """
        LEAST(GREATEST(floor(extract(epoch FROM (@outAt - c.checked_in_at)) / 60), 0),
              floor(extract(epoch FROM (a.ends_at - a.starts_at)) / 60) + @allowanceMinutes)::int
        """;

    /// <summary>The nonce column a scan of this purpose is idempotent on.</summary>
    private static string NonceColumn(TokenPurpose purpose) => purpose == TokenPurpose.CheckOut ? "c.check_out_nonce" : "c.client_nonce";

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
        TokenPurpose purpose, long seq, Guid memberId, string clientNonce, CancellationToken ct)
    {
        var sql = $"""
            SELECT {ActivityColumns} FROM activities a WHERE a.seq = @seq;
            SELECT EXISTS (SELECT 1 FROM activities a JOIN studio_memberships m ON m.studio_id = a.studio_id
                           WHERE a.seq = @seq AND m.member_id = @memberId AND m.removed_at IS NULL);
            SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.member_id = @memberId AND {NonceColumn(purpose)} = @clientNonce;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { seq, memberId, clientNonce }, cancellationToken: ct));
        var activity = await grid.ReadSingleOrDefaultAsync<CheckInActivity>();
        var isMember = await grid.ReadSingleAsync<bool>();
        var sameNonce = await grid.ReadSingleOrDefaultAsync<CheckInRow>();
        return (activity, isMember, sameNonce);
    }

    /// <summary>The member's check-in (for <see cref="TokenPurpose.CheckOut"/>: check-out) made with this nonce, if any.</summary>
    public async Task<CheckInRow?> ByNonceAsync(TokenPurpose purpose, Guid memberId, string clientNonce, CancellationToken ct)
    {
        var sql = $"""
            SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.member_id = @memberId AND {NonceColumn(purpose)} = @clientNonce
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(sql, new { memberId, clientNonce }, cancellationToken: ct));
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
            RETURNING id, activity_id, @activityTitle AS activity_title, member_id, checked_in_at, method, distance_meters, revoked_at,
                      checked_out_at, check_out_method, duration_minutes, auto_closed, reviewed_at, check_out_distance_meters
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

    /// <summary>
    /// Checks the member's live, still open check-in out: time, method, nonce and position of a scan, and the capped duration
    /// (<see cref="DurationSql"/>). With <paramref name="actorId"/> (the leader who scanned a pass) it is audited as
    /// <c>PassCheckOut</c> in the same statement. The checked-out row, or null when there is no open live check-in
    /// (none, or already checked out: the caller reads which).
    /// </summary>
    /// <exception cref="PostgresException">23505 when the nonce was used by another check-out of the member at the same moment.</exception>
    public async Task<CheckInRow?> CheckOutAsync(NewCheckOut checkOut, int allowanceMinutes, Guid? actorId, string? reason, CancellationToken ct)
    {
        const string Sql = $$"""
            WITH closed AS (
                UPDATE check_ins c
                SET checked_out_at = @outAt, check_out_method = @method, check_out_nonce = @clientNonce,
                    check_out_latitude = @latitude, check_out_longitude = @longitude, check_out_accuracy_meters = @accuracyMeters,
                    check_out_distance_meters = @distanceMeters, duration_minutes = {{DurationSql}}
                FROM activities a
                WHERE a.id = c.activity_id AND c.activity_id = @activityId AND c.member_id = @memberId
                  AND c.revoked_at IS NULL AND c.checked_out_at IS NULL
                RETURNING c.*
            ), audit AS (
                INSERT INTO check_in_audit (activity_id, member_id, actor_id, action, reason, before, after, at)
                SELECT activity_id, member_id, @actorId::uuid, 'PassCheckOut', @reason::text,
                       to_jsonb(closed) || '{"checked_out_at": null, "check_out_method": null, "duration_minutes": null}'::jsonb,
                       to_jsonb(closed), @outAt
                FROM closed WHERE @actorId::uuid IS NOT NULL
            )
            SELECT {{CheckInColumns}} FROM closed c JOIN activities a ON a.id = c.activity_id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(Sql, new
        {
            checkOut.ActivityId, checkOut.MemberId, outAt = checkOut.At.UtcDateTime, method = checkOut.Method.ToString(), checkOut.ClientNonce,
            checkOut.Latitude, checkOut.Longitude, checkOut.AccuracyMeters, checkOut.DistanceMeters, allowanceMinutes, actorId, reason,
        }, cancellationToken: ct));
    }

    /// <summary>
    /// Checks the member in from their pass scanned by the leader, unless already present, audited as <c>PassCheckIn</c>
    /// in the same statement. The new row, or null when the member already has a live check-in.
    /// </summary>
    public async Task<CheckInRow?> CheckInByPassAsync(Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = $"""
            WITH marked AS (
                INSERT INTO check_ins (activity_id, member_id, checked_in_at, method, marked_by, marked_reason)
                VALUES (@activityId, @memberId, @at, 'Pass', @actorId, @reason)
                ON CONFLICT (activity_id, member_id) WHERE revoked_at IS NULL DO NOTHING
                RETURNING *
            ), audit AS (
                INSERT INTO check_in_audit (activity_id, member_id, actor_id, action, reason, before, after, at)
                SELECT activity_id, member_id, @actorId, 'PassCheckIn', @reason, NULL, to_jsonb(marked), @at FROM marked
            )
            SELECT {CheckInColumns} FROM marked c JOIN activities a ON a.id = c.activity_id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(Sql,
            new { activityId, memberId, actorId, reason, at = at.UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>
    /// The leader's review of a check-out, audited in the same statement: with <paramref name="correctedOutAt"/> the time
    /// becomes that (method Manual, duration recomputed, action <c>CorrectCheckOut</c>); without, the check-out is kept
    /// as it is (action <c>ConfirmCheckOut</c>). Either way it is marked reviewed. The row, or null when there is no live
    /// check-in to review (none; or, for a confirmation, not checked out).
    /// </summary>
    public async Task<CheckInRow?> ReviewCheckOutAsync(
        Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, DateTimeOffset? correctedOutAt, int allowanceMinutes, CancellationToken ct)
    {
        const string Correct = $"""
            checked_out_at = @outAt, check_out_method = 'Manual', duration_minutes = {DurationSql},
            """;
        var (set, condition, action) = correctedOutAt is null
            ? ("", "c.checked_out_at IS NOT NULL", "ConfirmCheckOut")
            : (Correct, "true", "CorrectCheckOut");
        var sql = $"""
            WITH target AS (
                SELECT * FROM check_ins WHERE activity_id = @activityId AND member_id = @memberId AND revoked_at IS NULL FOR UPDATE
            ), reviewed AS (
                UPDATE check_ins c SET {set} reviewed_by = @actorId, reviewed_at = @at
                FROM activities a, target t
                WHERE c.id = t.id AND a.id = c.activity_id AND {condition}
                RETURNING c.*
            ), audit AS (
                INSERT INTO check_in_audit (activity_id, member_id, actor_id, action, reason, before, after, at)
                SELECT r.activity_id, r.member_id, @actorId, '{action}', @reason, to_jsonb(t), to_jsonb(r), @at
                FROM reviewed r JOIN target t ON t.id = r.id
            )
            SELECT {CheckInColumns} FROM reviewed c JOIN activities a ON a.id = c.activity_id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(sql, new
        {
            activityId, memberId, actorId, reason, at = at.UtcDateTime, outAt = (correctedOutAt ?? at).UtcDateTime, allowanceMinutes,
        }, cancellationToken: ct));
    }

    /// <summary>The member with this <c>seq</c> (the subject of a member pass), or null.</summary>
    public async Task<Guid?> MemberBySeqAsync(long seq, CancellationToken ct)
    {
        const string Sql = "SELECT id FROM members WHERE seq = @seq";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(Sql, new { seq }, cancellationToken: ct));
    }

    /// <summary>The <c>seq</c> of a member (the subject of their pass).</summary>
    public async Task<long> MemberSeqAsync(Guid memberId, CancellationToken ct)
    {
        const string Sql = "SELECT seq FROM members WHERE id = @memberId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<long>(new CommandDefinition(Sql, new { memberId }, cancellationToken: ct));
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
        public DateTimeOffset? CheckedOutAt { get; init; }
        public int? DurationMinutes { get; init; }
        public bool AutoClosed { get; init; }
        public bool Reviewed { get; init; }

        public AttendanceEntry AsEntry() =>
            new(MemberId, DisplayName, Role, InStudio, CheckInId is not null, CheckInId, CheckedInAt, Method, DistanceMeters,
                CheckedOutAt, DurationMinutes, AutoClosed, Reviewed);
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
                   c.id AS check_in_id, c.checked_in_at, c.method, c.distance_meters, c.checked_out_at, c.duration_minutes,
                   coalesce(c.auto_closed, false) AS auto_closed, c.reviewed_at IS NOT NULL AS reviewed
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
