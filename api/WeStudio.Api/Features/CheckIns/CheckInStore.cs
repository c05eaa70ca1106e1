using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

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

    /// <summary>The member's scan nonce (null for manual and pass check-ins); read only where rows are matched to scans.</summary>
    public string? ClientNonce { get; init; }

    public CheckInResult AsResult(bool alreadyCheckedIn) => new(
        Id, ActivityId, ActivityTitle, CheckedInAt, Method, RevokedAt is null ? CheckInStatus.CheckedIn : CheckInStatus.Revoked,
        DistanceMeters, alreadyCheckedIn);

    /// <summary>The check-out of this row; only for a row that is checked out.</summary>
    public CheckOutResult AsCheckOut() => new(
        Id, ActivityId, ActivityTitle, MemberId, CheckedInAt,
        CheckedOutAt ?? throw new InvalidOperationException("This check-in is not checked out."),
        DurationMinutes ?? 0, CheckOutMethod ?? CheckIns.CheckOutMethod.Manual, AutoClosed, ReviewedAt is not null, CheckOutDistanceMeters);
}

/// <summary>A check-out scan's change: when, the nonce, and the position and distance (null when unknown).</summary>
public sealed record NewCheckOut(
    Guid ActivityId, Guid MemberId, DateTimeOffset At, string ClientNonce, double? Latitude, double? Longitude, double? AccuracyMeters,
    double? DistanceMeters);

/// <summary>A scan's new row: position and distance are null when unknown.</summary>
public sealed record NewScan(
    Guid ActivityId, Guid MemberId, DateTimeOffset At, string ClientNonce, double? Latitude, double? Longitude, double? AccuracyMeters, double? DistanceMeters);

/// <summary>
/// A scan the group commit writes (<see cref="CheckInWriter"/>): its new row's <paramref name="Id"/>, the scan, and the
/// activity as the scan was checked against it (title, status, venue).
/// </summary>
public sealed record BatchScan(Guid Id, NewScan Scan, CheckInActivity Activity);

/// <summary>What became of one scan of a batch.</summary>
public enum ScanWriteKind
{
    /// <summary>Its row was inserted and committed.</summary>
    Created,

    /// <summary>The member had already used this nonce at this activity: <see cref="ScanWriteOutcome.Row"/> is that row (a retry).</summary>
    SameNonce,

    /// <summary>The member had used this nonce at another activity.</summary>
    NonceReused,

    /// <summary>The member was already checked in with another nonce: <see cref="ScanWriteOutcome.Row"/> is that live row.</summary>
    AlreadyCheckedIn,

    /// <summary>
    /// Not inserted and nothing of the member found: the database refused what the scan was checked against (no longer a
    /// member, the activity cancelled or changed since it was cached, or a concurrent undo). The caller checks again afresh.
    /// </summary>
    Refused,
}

/// <summary>The outcome of one scan of a batch, with the row it refers to (null for <c>Created</c>, <c>NonceReused</c>, <c>Refused</c>).</summary>
public sealed record ScanWriteOutcome(ScanWriteKind Kind, CheckInRow? Row);

/// <summary>
/// What a check-out scan found, read in the same round trip: the member's check-out of this nonce (this request's or an
/// earlier one's), the member's live row at the activity, or that the nonce was taken by another check-out at the same moment.
/// </summary>
public sealed record ScanCheckOutOutcome(CheckInRow? SameNonce, CheckInRow? Live, bool NonceReused);

/// <summary>
/// The SQL of check-in. Uniqueness is the database's: one live row per (activity, member) (unique key
/// <c>check_ins_one_live</c> over the generated column <c>live</c>), one row per (member, nonce) (<c>check_ins_member_nonce</c>,
/// <c>check_ins_member_check_out_nonce</c>). Every manual change is audited in <c>check_in_audit</c> in the same transaction.
/// Reads <c>activities</c> (the Activities feature's), <c>studio_memberships</c> and <c>studios</c> (the Studios feature's) in its joins:
/// a scan's membership and activity are checked by its insert itself (<see cref="WriteScansAsync"/>, the group commit), and
/// a scan's full verification reads the activity, the membership and the nonce in one round trip (<see cref="ScanTargetAsync"/>).
/// </summary>
public sealed class CheckInStore(MySqlDataSource dataSource)
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
    /// The check-in row <c>c</c> as a JSON object of every column, snake_case keys: the <c>before</c>/<c>after</c> of an audit
    /// row. Times as ISO 8601 UTC text (MySQL and MariaDB would print a DATETIME inside JSON without zone or 'T').
    /// </summary>
    private const string RowJson = """
        JSON_OBJECT('id', c.id, 'activity_id', c.activity_id, 'member_id', c.member_id, 'checked_in_at', DATE_FORMAT(c.checked_in_at, '%Y-%m-%dT%H:%i:%s.%fZ'),
            'method', c.method, 'client_nonce', c.client_nonce, 'latitude', c.latitude, 'longitude', c.longitude,
            'accuracy_meters', c.accuracy_meters, 'distance_meters', c.distance_meters, 'marked_by', c.marked_by,
            'marked_reason', c.marked_reason, 'revoked_at', DATE_FORMAT(c.revoked_at, '%Y-%m-%dT%H:%i:%s.%fZ'), 'revoked_by', c.revoked_by,
            'revoked_reason', c.revoked_reason, 'created_at', DATE_FORMAT(c.created_at, '%Y-%m-%dT%H:%i:%s.%fZ'), 'checked_out_at', DATE_FORMAT(c.checked_out_at, '%Y-%m-%dT%H:%i:%s.%fZ'),
            'check_out_method', c.check_out_method, 'check_out_nonce', c.check_out_nonce,
            'check_out_latitude', c.check_out_latitude, 'check_out_longitude', c.check_out_longitude,
            'check_out_accuracy_meters', c.check_out_accuracy_meters, 'check_out_distance_meters', c.check_out_distance_meters,
            'duration_minutes', c.duration_minutes, 'auto_closed', c.auto_closed <> 0, 'reviewed_by', c.reviewed_by,
            'reviewed_at', DATE_FORMAT(c.reviewed_at, '%Y-%m-%dT%H:%i:%s.%fZ'))
        """;

    /// <summary>
    /// The duration of a check-in row <c>c</c> of activity <c>a</c> checked out at <c>@outAt</c>: whole minutes, never below 0,
    /// at most the scheduled length plus <c>@allowanceMinutes</c>. (TIMESTAMPDIFF truncates, counting microseconds; below zero
    /// GREATEST takes 0, so it is the floor.)
    /// </summary>
    internal const string DurationSql = """
        LEAST(GREATEST(TIMESTAMPDIFF(MINUTE, c.checked_in_at, @outAt), 0),
              TIMESTAMPDIFF(MINUTE, a.starts_at, a.ends_at) + @allowanceMinutes)
        """;

    /// <summary>Writes the audit row of a change of check-in <c>@id</c>: <c>@before</c> (JSON text or null) and the row as it is now.</summary>
    private const string AuditSql = $"""
        INSERT INTO check_in_audit (id, activity_id, member_id, actor_id, action, reason, `before`, `after`, at)
        SELECT @auditId, c.activity_id, c.member_id, @actorId, @action, @reason, @before, {RowJson}, @at
        FROM check_ins c WHERE c.id = @id
        """;

    /// <summary>The nonce column a scan of this purpose is idempotent on.</summary>
    private static string NonceColumn(TokenPurpose purpose) => purpose == TokenPurpose.CheckOut ? "c.check_out_nonce" : "c.client_nonce";

    public async Task<CheckInActivity?> ActivityAsync(Guid id, CancellationToken ct)
    {
        const string Sql = $"SELECT {ActivityColumns} FROM activities a WHERE a.id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInActivity>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>The activity whose codes carry <paramref name="seq"/>, or null.</summary>
    public async Task<CheckInActivity?> ActivityBySeqAsync(long seq, CancellationToken ct)
    {
        const string Sql = $"SELECT {ActivityColumns} FROM activities a WHERE a.seq = @seq";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CheckInActivity>(new CommandDefinition(Sql, new { seq }, cancellationToken: ct));
    }

    /// <summary>
    /// The group commit's write (<see cref="CheckInWriter"/>): one transaction of three round trips, whatever the batch's size.
    /// <list type="number">
    /// <item>A locking read (<c>LOCK IN SHARE MODE</c>) of the batch's activities that are not cancelled and whose studio is
    /// not Revoked (issue 13: a revoked studio's members cannot check in), and of the active memberships of the batch's
    /// members in those studios (the leader's included). The share locks hold until COMMIT, so no cancellation, revocation
    /// or removal can slip between this check and the insert. A scan goes on only while its activity still has the title
    /// and venue it was checked against (a cached copy may be stale) and its member is an active member of that studio.</item>
    /// <item>One multi-row <c>INSERT IGNORE … VALUES</c> of the scans that passed: IGNORE skips a row that collides with a
    /// unique key (the member's live check-in at the activity, or the member's nonce). The values are validated before they
    /// get here, so IGNORE only skips those collisions.</item>
    /// <item>COMMIT.</item>
    /// </list>
    /// When every scan went in (the affected-row count), that is the answer without reading anything; otherwise, after the
    /// commit, one more round trip reads the rows of the batch's nonces and live check-ins (a fresh read, so it sees what a
    /// concurrent transaction committed) and each scan gets its exact outcome; a scan refused by the check is
    /// <see cref="ScanWriteKind.Refused"/> unless that read finds its row.
    /// <paramref name="beforeCommit"/> runs between the INSERT and the COMMIT: a fault-injection hook only tests set
    /// (null in production). A deadlock or lock wait timeout runs the whole transaction again.
    /// </summary>
    /// <remarks>
    /// Issue 15: this replaced one <c>INSERT IGNORE … SELECT … UNION ALL …</c> with a branch per scan (membership and studio
    /// checked by <c>EXISTS</c> in each), which MariaDB took 28–67 ms to run for 64 scans; the locking read and the plain
    /// multi-row insert take about 1.5 and 2.5 ms (bench database, 5,000 members, load ~20).
    /// </remarks>
    public async Task<ScanWriteOutcome[]> WriteScansAsync(
        IReadOnlyList<BatchScan> scans, Func<MySqlConnection, Task>? beforeCommit, CancellationToken ct)
    {
        const string CheckSql = $"""
            SELECT {ActivityColumns}
            FROM activities a JOIN studios s ON s.id = a.studio_id
            WHERE a.id IN @activityIds AND a.status <> 'Cancelled' AND s.status <> 'Revoked'
            LOCK IN SHARE MODE;
            SELECT m.studio_id, m.member_id FROM studio_memberships m
            WHERE m.studio_id IN @studioIds AND m.member_id IN @memberIds AND m.active = 1
            LOCK IN SHARE MODE;
            """;
        var check = new
        {
            activityIds = scans.Select(s => s.Scan.ActivityId).Distinct().ToArray(),
            studioIds = scans.Select(s => s.Activity.StudioId).Distinct().ToArray(),
            memberIds = scans.Select(s => s.Scan.MemberId).Distinct().ToArray(),
        };

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var (passing, inserted) = await Database.RetryAsync(async () =>
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            Dictionary<Guid, CheckInActivity> activities;
            HashSet<(Guid StudioId, Guid MemberId)> memberships;
            await using (var grid = await conn.QueryMultipleAsync(new CommandDefinition(CheckSql, check, tx, cancellationToken: ct)))
            {
                activities = (await grid.ReadAsync<CheckInActivity>()).ToDictionary(a => a.Id);
                memberships = (await grid.ReadAsync<(Guid, Guid)>()).ToHashSet();
            }
            var passing = scans.Where(s =>
                activities.TryGetValue(s.Scan.ActivityId, out var a) && a.StudioId == s.Activity.StudioId
                && string.Equals(a.Title, s.Activity.Title, StringComparison.Ordinal)
                && a.Latitude == s.Activity.Latitude && a.Longitude == s.Activity.Longitude && a.RadiusMeters == s.Activity.RadiusMeters
                && memberships.Contains((a.StudioId, s.Scan.MemberId))).ToList();
            var count = passing.Count == 0 ? 0 : await InsertScansAsync(conn, tx, passing, ct);
            if (beforeCommit is not null) await beforeCommit(conn);
            await tx.CommitAsync(ct);
            return (passing.Count, count);
        }, ct);
        if (passing == scans.Count && inserted == scans.Count) return scans.Select(_ => new ScanWriteOutcome(ScanWriteKind.Created, null)).ToArray();

        var read = new System.Text.StringBuilder($"SELECT {CheckInColumns}, c.client_nonce FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE ");
        read.AppendJoin(" OR ", scans.Select((_, i) => $"(c.member_id = @m{i} AND c.client_nonce = @n{i})"));
        read.Append($";\nSELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE c.revoked_at IS NULL AND (");
        read.AppendJoin(" OR ", scans.Select((_, i) => $"(c.activity_id = @a{i} AND c.member_id = @m{i})"));
        read.Append(')');
        var args = new DynamicParameters();
        for (var i = 0; i < scans.Count; i++)
        {
            args.Add($"m{i}", scans[i].Scan.MemberId);
            args.Add($"n{i}", scans[i].Scan.ClientNonce);
            args.Add($"a{i}", scans[i].Scan.ActivityId);
        }
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(read.ToString(), args, cancellationToken: ct));
        var byNonce = (await grid.ReadAsync<CheckInRow>()).ToList();
        var live = (await grid.ReadAsync<CheckInRow>()).ToList();
        return scans.Select(s =>
        {
            var own = byNonce.FirstOrDefault(r => r.MemberId == s.Scan.MemberId && string.Equals(r.ClientNonce, s.Scan.ClientNonce, StringComparison.Ordinal));
            if (own is not null)
            {
                if (own.Id == s.Id) return new ScanWriteOutcome(ScanWriteKind.Created, null);
                return own.ActivityId == s.Scan.ActivityId
                    ? new ScanWriteOutcome(ScanWriteKind.SameNonce, own)
                    : new ScanWriteOutcome(ScanWriteKind.NonceReused, null);
            }
            var current = live.FirstOrDefault(r => r.ActivityId == s.Scan.ActivityId && r.MemberId == s.Scan.MemberId);
            return current is not null
                ? new ScanWriteOutcome(ScanWriteKind.AlreadyCheckedIn, current)
                : new ScanWriteOutcome(ScanWriteKind.Refused, null);
        }).ToArray();
    }

    /// <summary>One multi-row <c>INSERT IGNORE … VALUES</c> of <paramref name="scans"/> (every value bound); the rows inserted.</summary>
    private static async Task<int> InsertScansAsync(MySqlConnection conn, MySqlTransaction tx, List<BatchScan> scans, CancellationToken ct)
    {
        var sql = new System.Text.StringBuilder("""
            INSERT IGNORE INTO check_ins (id, activity_id, member_id, checked_in_at, method, client_nonce, latitude, longitude, accuracy_meters, distance_meters)
            VALUES
            """);
        await using var cmd = new MySqlCommand { Connection = conn, Transaction = tx };
        for (var i = 0; i < scans.Count; i++)
        {
            // The row count varies, so the text is built here; every value is a bound parameter.
            sql.Append(i == 0 ? "\n" : ",\n").Append($"(@id{i}, @a{i}, @m{i}, @t{i}, 'Scan', @n{i}, @la{i}, @lo{i}, @ac{i}, @d{i})");
            var (id, scan, _) = scans[i];
            cmd.Parameters.AddWithValue($"@id{i}", id);
            cmd.Parameters.AddWithValue($"@a{i}", scan.ActivityId);
            cmd.Parameters.AddWithValue($"@m{i}", scan.MemberId);
            cmd.Parameters.AddWithValue($"@t{i}", scan.At.UtcDateTime);
            cmd.Parameters.AddWithValue($"@n{i}", scan.ClientNonce);
            cmd.Parameters.AddWithValue($"@la{i}", (object?)scan.Latitude ?? DBNull.Value);
            cmd.Parameters.AddWithValue($"@lo{i}", (object?)scan.Longitude ?? DBNull.Value);
            cmd.Parameters.AddWithValue($"@ac{i}", (object?)scan.AccuracyMeters ?? DBNull.Value);
            cmd.Parameters.AddWithValue($"@d{i}", (object?)scan.DistanceMeters ?? DBNull.Value);
        }
        cmd.CommandText = sql.ToString();
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// In one round trip: the activity of a code's <paramref name="seq"/>, whether the member is an active member or the
    /// leader of its studio (never of a Revoked studio: its members can no longer check in, issue 13), and the member's
    /// earlier check-in with this nonce (on any activity), if any.
    /// </summary>
    public async Task<(CheckInActivity? Activity, bool IsMember, CheckInRow? SameNonce)> ScanTargetAsync(
        TokenPurpose purpose, long seq, Guid memberId, string clientNonce, CancellationToken ct)
    {
        var sql = $"""
            SELECT {ActivityColumns} FROM activities a WHERE a.seq = @seq;
            SELECT EXISTS (SELECT 1 FROM activities a JOIN studio_memberships m ON m.studio_id = a.studio_id JOIN studios s ON s.id = a.studio_id
                           WHERE a.seq = @seq AND m.member_id = @memberId AND m.removed_at IS NULL AND s.status <> 'Revoked');
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

    /// <summary>Runs <paramref name="work"/> in one transaction, again on a deadlock or lock wait timeout.</summary>
    private Task<T> InTransactionAsync<T>(Func<MySqlConnection, MySqlTransaction, Task<T>> work, CancellationToken ct) =>
        Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var result = await work(conn, tx);
            await tx.CommitAsync(ct);
            return result;
        }, ct);

    /// <summary>The member's live check-in at the activity, locked for the rest of the transaction, with its JSON (an audit's <c>before</c>).</summary>
    private sealed class LockedRow
    {
        public Guid Id { get; init; }
        public DateTimeOffset? CheckedOutAt { get; init; }
        public string RowJson { get; init; } = "";
    }

    private static Task<LockedRow?> LockLiveAsync(MySqlConnection conn, MySqlTransaction tx, Guid activityId, Guid memberId, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT c.id, c.checked_out_at, {RowJson} AS row_json
            FROM check_ins c WHERE c.activity_id = @activityId AND c.member_id = @memberId AND c.revoked_at IS NULL
            FOR UPDATE
            """;
        return conn.QuerySingleOrDefaultAsync<LockedRow>(new CommandDefinition(Sql, new { activityId, memberId }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// The leader's insert of a live check-in (<c>Manual</c> or <c>Pass</c>) unless the member has one, audited (before null,
    /// after the new row) in the same transaction, one round trip besides BEGIN and COMMIT. The new row, or null when the
    /// member already had a live check-in (the unique key <c>check_ins_one_live</c> refused it, so the rest of the batch
    /// did not run). A plain INSERT, so the audit's read of the new row by id never locks a gap of the primary key.
    /// </summary>
    private Task<CheckInRow?> InsertAuditedAsync(
        Guid activityId, Guid memberId, string method, string action, Guid actorId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = $"""
            INSERT INTO check_ins (id, activity_id, member_id, checked_in_at, method, marked_by, marked_reason)
            VALUES (@id, @activityId, @memberId, @at, @method, @actorId, @reason);
            {AuditSql};
            SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE c.id = @id;
            """;
        var parameters = new
        {
            id = Database.NewId(), auditId = Database.NewId(), activityId, memberId, at, method, action, actorId, reason,
            before = (string?)null,
        };
        return InTransactionAsync(async (conn, tx) =>
        {
            try
            {
                return await conn.QuerySingleAsync<CheckInRow>(new CommandDefinition(Sql, parameters, tx, cancellationToken: ct));
            }
            catch (MySqlException e) when (Database.IsDuplicateKey(e, "check_ins_one_live"))
            {
                return null;
            }
        }, ct);
    }

    /// <summary>
    /// Marks the member present by hand unless already present, and audits the mark (before null, after the new row)
    /// in the same transaction. True when a check-in was created.
    /// </summary>
    public async Task<bool> MarkAsync(Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, CancellationToken ct) =>
        await InsertAuditedAsync(activityId, memberId, "Manual", "Mark", actorId, reason, at, ct) is not null;

    /// <summary>
    /// Checks the member in from their pass scanned by the leader, unless already present, audited as <c>PassCheckIn</c>
    /// in the same transaction. The new row, or null when the member already has a live check-in.
    /// </summary>
    public Task<CheckInRow?> CheckInByPassAsync(Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, CancellationToken ct) =>
        InsertAuditedAsync(activityId, memberId, "Pass", "PassCheckIn", actorId, reason, at, ct);

    /// <summary>
    /// Revokes the member's live check-in, if any, and audits it (before the live row, after the revoked row) in the same
    /// transaction. True when a check-in was revoked.
    /// </summary>
    public Task<bool> UndoAsync(Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, CancellationToken ct) =>
        InTransactionAsync(async (conn, tx) =>
        {
            if (await LockLiveAsync(conn, tx, activityId, memberId, ct) is not { } live) return false;
            const string Sql = $"""
                UPDATE check_ins SET revoked_at = @at, revoked_by = @actorId, revoked_reason = @reason WHERE id = @id;
                {AuditSql};
                """;
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id = live.Id, auditId = Database.NewId(), actorId, action = "Undo", reason, before = live.RowJson, at,
            }, tx, cancellationToken: ct));
            return true;
        }, ct);

    /// <summary>
    /// A member's scan of the check-out code, one round trip: checks the member's live, still open check-in out (time,
    /// method <c>Scan</c>, nonce, position and the capped duration, <see cref="DurationSql"/>), then reads the member's
    /// check-out of this nonce and the live row. <see cref="ScanCheckOutOutcome.NonceReused"/> when another check-out of
    /// the member took the nonce at the same moment. A deadlock or lock wait timeout runs it again.
    /// </summary>
    public async Task<ScanCheckOutOutcome> CheckOutByScanAsync(NewCheckOut checkOut, int allowanceMinutes, CancellationToken ct)
    {
        const string Sql = $"""
            UPDATE check_ins c JOIN activities a ON a.id = c.activity_id
            SET c.checked_out_at = @outAt, c.check_out_method = 'Scan', c.check_out_nonce = @clientNonce,
                c.check_out_latitude = @latitude, c.check_out_longitude = @longitude, c.check_out_accuracy_meters = @accuracyMeters,
                c.check_out_distance_meters = @distanceMeters, c.duration_minutes = {DurationSql}
            WHERE c.activity_id = @activityId AND c.member_id = @memberId AND c.revoked_at IS NULL AND c.checked_out_at IS NULL;
            SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.member_id = @memberId AND c.check_out_nonce = @clientNonce;
            SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.activity_id = @activityId AND c.member_id = @memberId AND c.revoked_at IS NULL;
            """;
        var parameters = new
        {
            checkOut.ActivityId, checkOut.MemberId, outAt = checkOut.At, checkOut.ClientNonce, checkOut.Latitude, checkOut.Longitude,
            checkOut.AccuracyMeters, checkOut.DistanceMeters, allowanceMinutes,
        };
        try
        {
            return await Database.RetryAsync(async () =>
            {
                await using var conn = await dataSource.OpenConnectionAsync(ct);
                await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql, parameters, cancellationToken: ct));
                var sameNonce = await grid.ReadSingleOrDefaultAsync<CheckInRow>();
                var live = await grid.ReadSingleOrDefaultAsync<CheckInRow>();
                return new ScanCheckOutOutcome(sameNonce, live, NonceReused: false);
            }, ct);
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "check_ins_member_check_out_nonce"))
        {
            return new ScanCheckOutOutcome(null, null, NonceReused: true);
        }
    }

    /// <summary>
    /// The leader's scan of a member's pass to check them out: the member's live, still open check-in is checked out at
    /// <paramref name="at"/> (method <c>Pass</c>, capped duration) and audited as <c>PassCheckOut</c> in the same transaction.
    /// The checked-out row, or null when there is no open live check-in (none, or already checked out: the caller reads which).
    /// </summary>
    public Task<CheckInRow?> CheckOutByPassAsync(
        Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, int allowanceMinutes, CancellationToken ct) =>
        InTransactionAsync(async (conn, tx) =>
        {
            if (await LockLiveAsync(conn, tx, activityId, memberId, ct) is not { CheckedOutAt: null } open) return null;
            const string Sql = $"""
                UPDATE check_ins c JOIN activities a ON a.id = c.activity_id
                SET c.checked_out_at = @outAt, c.check_out_method = 'Pass', c.duration_minutes = {DurationSql}
                WHERE c.id = @id;
                {AuditSql};
                SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE c.id = @id;
                """;
            return await conn.QuerySingleAsync<CheckInRow>(new CommandDefinition(Sql, new
            {
                id = open.Id, auditId = Database.NewId(), outAt = at, allowanceMinutes, actorId, action = "PassCheckOut", reason,
                before = open.RowJson, at,
            }, tx, cancellationToken: ct));
        }, ct);

    /// <summary>
    /// The leader's review of a check-out, audited in the same transaction: with <paramref name="correctedOutAt"/> the time
    /// becomes that (method Manual, duration recomputed, action <c>CorrectCheckOut</c>); without, the check-out is kept
    /// as it is (action <c>ConfirmCheckOut</c>). Either way it is marked reviewed. The row, or null when there is no live
    /// check-in to review (none; or, for a confirmation, not checked out).
    /// </summary>
    public Task<CheckInRow?> ReviewCheckOutAsync(
        Guid activityId, Guid memberId, Guid actorId, string reason, DateTimeOffset at, DateTimeOffset? correctedOutAt, int allowanceMinutes, CancellationToken ct) =>
        InTransactionAsync(async (conn, tx) =>
        {
            var live = await LockLiveAsync(conn, tx, activityId, memberId, ct);
            if (live is null || (correctedOutAt is null && live.CheckedOutAt is null)) return null;
            const string Confirm = $"""
                UPDATE check_ins c SET c.reviewed_by = @actorId, c.reviewed_at = @at WHERE c.id = @id;
                {AuditSql};
                SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE c.id = @id;
                """;
            const string Correct = $"""
                UPDATE check_ins c JOIN activities a ON a.id = c.activity_id
                SET c.checked_out_at = @outAt, c.check_out_method = 'Manual', c.duration_minutes = {DurationSql},
                    c.reviewed_by = @actorId, c.reviewed_at = @at
                WHERE c.id = @id;
                {AuditSql};
                SELECT {CheckInColumns} FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE c.id = @id;
                """;
            return await conn.QuerySingleAsync<CheckInRow>(new CommandDefinition(correctedOutAt is null ? Confirm : Correct, new
            {
                id = live.Id, auditId = Database.NewId(), outAt = correctedOutAt ?? at, allowanceMinutes, actorId,
                action = correctedOutAt is null ? "ConfirmCheckOut" : "CorrectCheckOut", reason, before = live.RowJson, at,
            }, tx, cancellationToken: ct));
        }, ct);

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
    /// since left; present first (by time, then member id), then absent (leader first, by name, then member id).
    /// <paramref name="memberId"/> narrows it to one person.
    /// </summary>
    public async Task<AttendanceEntry[]> AttendanceAsync(Guid activityId, Guid studioId, Guid? memberId, CancellationToken ct)
    {
        const string Sql = $"""
            {AttendanceSql}
            WHERE @memberId IS NULL OR p.member_id = @memberId
            ORDER BY {AttendanceOrder}
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<AttendanceRow>(new CommandDefinition(Sql, new { activityId, studioId, memberId }, cancellationToken: ct));
        return rows.Select(r => r.AsEntry()).ToArray();
    }

    /// <summary>
    /// One page of <see cref="AttendanceAsync"/>'s sheet (same order) and the whole sheet's count of people and of those
    /// present, without sorting the sheet (issue 15, V0011). The present part is a range of the index
    /// <c>check_ins_activity_sheet</c> (activity, live, time, member): the page's check-ins are picked from it index-only
    /// (LIMIT/OFFSET over index entries) and only they are joined to the person and the membership. The absent part (the
    /// studio's active people without a live check-in, leader first, by name) is read only by a page that reaches past the
    /// present, at the offset left after them; it sorts the absent people alone (a top-N sort, bounded by the studio).
    /// The counts are index range counts. One REPEATABLE READ snapshot, so the counts and the page agree.
    /// </summary>
    public async Task<(AttendanceEntry[] Entries, int Members, int Present)> AttendancePageAsync(
        Guid activityId, Guid studioId, int page, int pageSize, CancellationToken ct)
    {
        const string Sql = $"""
            {AttendancePresentPageSql};
            {AttendanceCountSql};
            """;
        var offset = (long)(page - 1) * pageSize;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        List<AttendanceRow> rows;
        long members, present;
        await using (var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql, new { activityId, studioId, pageSize, offset }, tx, cancellationToken: ct)))
        {
            rows = (await grid.ReadAsync<AttendanceRow>()).ToList();
            (members, present) = await grid.ReadSingleAsync<(long, long)>();
        }
        // The page's rows come back joined in no particular order: put them in the index's (time, then member id as the
        // CHAR(36) text the index holds; lowercase hex with hyphens at fixed places, so ordinal order is the collation's).
        rows.Sort((x, y) => x.CheckedInAt!.Value.CompareTo(y.CheckedInAt!.Value) is var byTime and not 0
            ? byTime : string.CompareOrdinal(x.MemberId.ToString(), y.MemberId.ToString()));
        // The sheet is the present and the absent: a page that ends within the present, or starts past the sheet, reads no absent.
        if (rows.Count < pageSize && offset + rows.Count < members)
        {
            var absent = await conn.QueryAsync<AttendanceRow>(new CommandDefinition(AttendanceAbsentPageSql,
                new { activityId, studioId, limit = pageSize - rows.Count, offset = Math.Max(0, offset - present) }, tx, cancellationToken: ct));
            rows.AddRange(absent);
        }
        await tx.CommitAsync(ct);
        return (rows.Select(r => r.AsEntry()).ToArray(), (int)members, (int)present);
    }

    /// <summary>
    /// The present part of a page: <c>@pageSize</c> live check-ins of the activity from <c>@offset</c> in the order of the
    /// index <c>check_ins_activity_sheet</c> (the inner read uses only that index, no sort), then their rows, people and
    /// memberships (role; a person who left is a 'Member' not in the studio).
    /// </summary>
    internal const string AttendancePresentPageSql = """
            SELECT c.member_id, mb.display_name, COALESCE(m.role, 'Member') AS role, m.id IS NOT NULL AS in_studio,
                   c.id AS check_in_id, c.checked_in_at, c.method, c.distance_meters, c.checked_out_at, c.duration_minutes,
                   c.auto_closed, c.reviewed_at IS NOT NULL AS reviewed
            FROM (SELECT s.id FROM check_ins s
                  WHERE s.activity_id = @activityId AND s.live = 1
                  ORDER BY s.checked_in_at, s.member_id
                  LIMIT @pageSize OFFSET @offset) pg
            JOIN check_ins c ON c.id = pg.id
            JOIN members mb ON mb.id = c.member_id
            LEFT JOIN studio_memberships m ON m.studio_id = @studioId AND m.member_id = c.member_id AND m.active = 1
            """;

    /// <summary>
    /// The absent part of a page: the studio's active people without a live check-in, leader first, by name (people without
    /// one last), then member id: a range of the index <c>studio_memberships_sheet</c> (V0016) in its order, read until the
    /// page is full, with the name copied onto the membership (<c>member_name</c>, kept in step with <c>members</c> by
    /// triggers), so nothing is sorted and no person row is read.
    /// </summary>
    internal const string AttendanceAbsentPageSql = """
            SELECT m.member_id, m.member_name AS display_name, m.role, TRUE AS in_studio
            FROM studio_memberships m
            WHERE m.studio_id = @studioId AND m.active = 1
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.activity_id = @activityId AND c.member_id = m.member_id AND c.live = 1)
            ORDER BY m.sheet_rank, m.member_name_missing, m.member_name, m.member_id
            LIMIT @limit OFFSET @offset
            """;

    private const string AttendanceSelect = """
        SELECT p.member_id, mb.display_name, p.role, p.in_studio,
               c.id AS check_in_id, c.checked_in_at, c.method, c.distance_meters, c.checked_out_at, c.duration_minutes,
               COALESCE(c.auto_closed, FALSE) AS auto_closed, c.reviewed_at IS NOT NULL AS reviewed
        """;

    /// <summary>Present first by check-in time, then member id (the index's order); then absent: leader first, by name, then member id.</summary>
    private const string AttendanceOrder =
        "(c.id IS NOT NULL) DESC, c.checked_in_at, CASE WHEN c.id IS NOT NULL THEN p.member_id END, (p.role = 'Leader') DESC, mb.display_name IS NULL, mb.display_name, p.member_id";

    /// <summary>The people of an activity's sheet (<c>p</c>) with their member row (<c>mb</c>) and live check-in (<c>c</c>, or NULLs).</summary>
    private const string AttendanceSql = $"""
            {AttendancePeople}
            {AttendanceSelect}
            {AttendanceFrom}
            """;

    /// <summary>
    /// The sheet's counts without listing it: everyone on it (the studio's active people, and anyone with a live check-in who
    /// has since left) and those present (every live check-in is on the sheet). Index-only counts (V0011's
    /// <c>check_ins_activity_sheet</c>, <c>studio_memberships_one_active</c>), no join to members.
    /// The people who left are found from the studio's removed memberships (few), not by probing every present person:
    /// every check-in is written only for someone with an active membership of the activity's studio (the scan's insert,
    /// the pass and the hand mark all check it) and memberships are never deleted, so a person with a live check-in and no
    /// active membership has a removed one (issue 15: this count was one index probe per present person).
    /// </summary>
    private const string AttendanceCountSql = """
            SELECT (SELECT count(*) FROM studio_memberships m WHERE m.studio_id = @studioId AND m.active = 1)
                 + (SELECT count(DISTINCT r.member_id) FROM studio_memberships r
                    WHERE r.studio_id = @studioId AND r.active IS NULL
                      AND NOT EXISTS (SELECT 1 FROM studio_memberships m
                                      WHERE m.studio_id = @studioId AND m.member_id = r.member_id AND m.active = 1)
                      AND EXISTS (SELECT 1 FROM check_ins c
                                  WHERE c.activity_id = @activityId AND c.member_id = r.member_id AND c.live = 1)) AS members,
                   (SELECT count(*) FROM check_ins c WHERE c.activity_id = @activityId AND c.live = 1) AS present
            """;

    /// <summary>The people of an activity's sheet: the studio's active people, and anyone with a live check-in who has since left.</summary>
    private const string AttendancePeople = """
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
            """;

    private const string AttendanceFrom = """
            FROM people p
            JOIN members mb ON mb.id = p.member_id
            LEFT JOIN check_ins c ON c.activity_id = @activityId AND c.member_id = p.member_id AND c.revoked_at IS NULL
            """;

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
            SELECT count(*) FROM check_ins WHERE member_id = @memberId AND revoked_at IS NULL;
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
