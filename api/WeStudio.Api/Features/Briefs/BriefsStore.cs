using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Briefs;

/// <summary>
/// All SQL of briefs (<c>briefs</c>, <c>brief_versions</c>, <c>brief_version_photos</c>). A version's photos are rows of
/// brief_version_photos (position 0–8, read back in position order); every version is kept.
/// Triggers of the Ledger feature watch <c>briefs</c> (V0006__ledger_versions.sql: briefs_ledger_ins/upd/del): every
/// insert or update of a brief raises its studio's ledger version in the writer's transaction.
/// Rows read for display join the activity and studio (title, kind, start, name), count the studio's members
/// (studio_memberships) and the activity's live check-ins, and read the editor's openid (members) for WeChat's check.
/// </summary>
public sealed class BriefsStore(MySqlDataSource dataSource, PhotosStore photos)
{
    /// <summary>Column <c>photo_id_list</c>: the photo ids of version <c>v</c> in position order (<see cref="Database.IdList"/>).</summary>
    private const string PhotoIdList = """
        (SELECT GROUP_CONCAT(p.photo_id ORDER BY p.position SEPARATOR ',') FROM brief_version_photos p
         WHERE p.brief_id = v.brief_id AND p.version = v.version) AS photo_id_list
        """;

    private const string RowSelect = $"""
        SELECT b.id, b.activity_id, a.title AS activity_title, a.kind AS activity_kind, a.starts_at AS activity_starts_at,
               b.studio_id, s.name AS studio_name, b.status, v.version, b.current_version, b.published_version,
               v.title, v.theme, v.exchange, v.record, v.summary, {PhotoIdList},
               v.edited_by, v.edited_at,
               b.first_published_at, b.published_at, b.flagged_for_review, b.flag_label, b.last_check_result, b.last_check_label,
               (SELECT COUNT(*) FROM studio_memberships m WHERE m.studio_id = b.studio_id AND m.removed_at IS NULL) AS members,
               (SELECT COUNT(*) FROM check_ins c WHERE c.activity_id = b.activity_id AND c.revoked_at IS NULL) AS present
        FROM briefs b
        JOIN activities a ON a.id = b.activity_id
        JOIN studios s ON s.id = b.studio_id
        """;

    internal async Task<Guid?> BriefIdAsync(MySqlConnection conn, Guid activityId, CancellationToken ct)
    {
        const string Sql = "SELECT id FROM briefs WHERE activity_id = @activityId";
        return await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(Sql, new { activityId }, cancellationToken: ct));
    }

    /// <summary>The brief with its latest version (the leader's view).</summary>
    internal async Task<BriefRow?> LatestAsync(MySqlConnection conn, Guid briefId, CancellationToken ct)
    {
        const string Sql = RowSelect + " JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.current_version WHERE b.id = @briefId";
        return await conn.QuerySingleOrDefaultAsync<BriefRow>(new CommandDefinition(Sql, new { briefId }, cancellationToken: ct));
    }

    /// <summary>The brief with its published version, or null when it was never published.</summary>
    internal async Task<BriefRow?> PublishedAsync(MySqlConnection conn, Guid briefId, CancellationToken ct)
    {
        const string Sql = RowSelect + " JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.published_version WHERE b.id = @briefId";
        return await conn.QuerySingleOrDefaultAsync<BriefRow>(new CommandDefinition(Sql, new { briefId }, cancellationToken: ct));
    }

    /// <summary>Every version of the brief, newest first.</summary>
    internal async Task<BriefVersionDto[]> VersionsAsync(MySqlConnection conn, Guid briefId, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT v.version, v.title, v.theme, v.exchange, v.record, v.summary, {PhotoIdList}, v.edited_by, v.edited_at
            FROM brief_versions v WHERE v.brief_id = @briefId ORDER BY v.version DESC
            """;
        var rows = await conn.QueryAsync<BriefVersionRow>(new CommandDefinition(Sql, new { briefId }, cancellationToken: ct));
        return rows.Select(r => r.AsDto()).ToArray();
    }

    /// <summary>
    /// Saves a new version of the activity's brief (creating the brief, Draft, on its first save). The brief row is
    /// locked so two saves get consecutive version numbers; the photos are locked (shared) so the orphan cleanup cannot
    /// remove one while it is being attached. A photo is usable when <paramref name="editor"/> uploaded it or it is
    /// already in a version of this brief, and WeChat did not find it risky; when one is not, nothing is saved and the
    /// refusals are returned. The transaction is run again on a deadlock.
    /// </summary>
    internal Task<BriefSave> SaveAsync(
        MySqlConnection conn, Guid activityId, Guid studioId, Guid editor, BriefText text, Guid[] photoIds, DateTimeOffset now, CancellationToken ct) =>
        Database.RetryAsync(async () =>
        {
            const string Ensure = """
                INSERT INTO briefs (id, activity_id, studio_id, status, current_version, created_at, updated_at)
                VALUES (@id, @activityId, @studioId, 'Draft', 0, @now, @now)
                ON DUPLICATE KEY UPDATE id = id
                """;
            const string Lock = "SELECT id, current_version FROM briefs WHERE activity_id = @activityId FOR UPDATE";
            await using var tx = await conn.BeginTransactionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(Ensure, new { id = Database.NewId(), activityId, studioId, now }, tx, cancellationToken: ct));
            var (briefId, currentVersion) = await conn.QuerySingleAsync<(Guid, int)>(new CommandDefinition(Lock, new { activityId }, tx, cancellationToken: ct));

            if (photoIds.Length > 0)
            {
                const string InBrief = "SELECT DISTINCT photo_id FROM brief_version_photos WHERE brief_id = @briefId AND photo_id IN @photoIds";
                var found = (await photos.LockManyAsync(conn, tx, photoIds, ct)).ToDictionary(p => p.Id);
                var inBrief = (await conn.QueryAsync<Guid>(new CommandDefinition(InBrief, new { briefId, photoIds }, tx, cancellationToken: ct))).ToHashSet();
                var refused = new List<PhotoRefusal>();
                for (var i = 0; i < photoIds.Length; i++)
                {
                    if (!found.TryGetValue(photoIds[i], out var p) || (p.UploadedBy != editor && !inBrief.Contains(p.Id))) refused.Add(new PhotoRefusal(i, Risky: false));
                    else if (p.MediaCheck == MediaCheckStatus.Risky) refused.Add(new PhotoRefusal(i, Risky: true));
                }
                if (refused.Count > 0) return new BriefSave(briefId, [.. refused]); // rolled back: nothing saved
            }

            const string Bump = "UPDATE briefs SET current_version = @version, updated_at = @now WHERE id = @briefId";
            const string Version = """
                INSERT INTO brief_versions (brief_id, version, title, theme, exchange, record, summary, edited_by, edited_at)
                VALUES (@briefId, @version, @Title, @Theme, @Exchange, @Record, @Summary, @editor, @now)
                """;
            const string Photo = "INSERT INTO brief_version_photos (brief_id, version, position, photo_id) VALUES (@briefId, @version, @position, @photoId)";
            var version = currentVersion + 1;
            await conn.ExecuteAsync(new CommandDefinition(Bump, new { briefId, version, now }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(Version, new
            {
                briefId, version, text.Title, text.Theme, text.Exchange, text.Record, text.Summary, editor, now,
            }, tx, cancellationToken: ct));
            if (photoIds.Length > 0)
            {
                var rows = photoIds.Select((photoId, position) => new { briefId, version, position, photoId }).ToArray();
                await conn.ExecuteAsync(new CommandDefinition(Photo, rows, tx, cancellationToken: ct));
            }
            await tx.CommitAsync(ct);
            return new BriefSave(briefId, []);
        }, ct);

    // ---------------- feeds ----------------

    /// <summary>Published briefs of a studio, newest first, before the cursor position; at most <paramref name="take"/>.</summary>
    internal Task<List<BriefRow>> StudioFeedAsync(MySqlConnection conn, Guid studioId, (DateTime At, Guid Id)? after, int take, CancellationToken ct)
    {
        const string Sql = $"""
            {RowSelect}
            JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.published_version
            WHERE b.published_version IS NOT NULL AND b.studio_id = @studioId
              AND (b.first_published_at, b.id) < (@afterAt, @afterId)
            ORDER BY b.first_published_at DESC, b.id DESC
            LIMIT @take
            """;
        return FeedAsync(conn, Sql, new { studioId }, after, take, ct);
    }

    /// <summary>
    /// Published briefs of every studio whose host unit is in the admin's org subtree (org_unit_closure), newest first;
    /// <paramref name="flagged"/> keeps those WeChat asked to review.
    /// </summary>
    internal Task<List<BriefRow>> AdminFeedAsync(MySqlConnection conn, Guid adminId, bool flagged, (DateTime At, Guid Id)? after, int take, CancellationToken ct)
    {
        const string Sql = $"""
            {RowSelect}
            JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.published_version
            WHERE b.published_version IS NOT NULL
              AND EXISTS (SELECT 1 FROM admins ad JOIN org_unit_closure c ON c.ancestor_id = ad.org_unit_id
                          WHERE ad.id = @adminId AND c.descendant_id = s.host_org_unit_id)
              AND (@flagged = FALSE OR b.flagged_for_review)
              AND (b.first_published_at, b.id) < (@afterAt, @afterId)
            ORDER BY b.first_published_at DESC, b.id DESC
            LIMIT @take
            """;
        return FeedAsync(conn, Sql, new { adminId, flagged }, after, take, ct);
    }

    private static async Task<List<BriefRow>> FeedAsync(MySqlConnection conn, string sql, object args, (DateTime At, Guid Id)? after, int take, CancellationToken ct)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("afterAt", after?.At ?? new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        parameters.Add("afterId", after?.Id ?? Guid.AllBitsSet);
        parameters.Add("take", take);
        return (await conn.QueryAsync<BriefRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))).AsList();
    }

    // ---------------- WeChat's text check (BriefReview) ----------------

    private const string PendingSelect = """
        SELECT b.id, b.pending_version, m.openid, b.check_attempts, v.title, v.theme, v.exchange, v.record, v.summary
        FROM briefs b
        JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.pending_version
        JOIN members m ON m.id = b.pending_requested_by
        """;

    /// <summary>Marks the current version PendingReview, asked by <paramref name="requestedBy"/>, claimed until <paramref name="lease"/>; returns it.</summary>
    internal async Task<PendingCheck> MarkPendingAsync(Guid briefId, Guid requestedBy, DateTimeOffset now, DateTimeOffset lease, CancellationToken ct)
    {
        const string Mark = """
            UPDATE briefs SET status = 'PendingReview', pending_version = current_version, pending_requested_by = @requestedBy,
                   check_attempts = 0, next_check_at = @lease, updated_at = @now
            WHERE id = @briefId
            """;
        const string Sql = PendingSelect + " WHERE b.id = @briefId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Mark, new { briefId, requestedBy, now, lease }, cancellationToken: ct));
        return await conn.QuerySingleAsync<PendingCheck>(new CommandDefinition(Sql, new { briefId }, cancellationToken: ct));
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> PendingReview briefs whose check is due (FOR UPDATE SKIP LOCKED, then their next
    /// check moved to <paramref name="lease"/>), so several API instances never check the same brief at once; returns them.
    /// </summary>
    internal async Task<PendingCheck[]> ClaimDueChecksAsync(DateTimeOffset now, DateTimeOffset lease, int limit, CancellationToken ct)
    {
        const string Due = """
            SELECT id FROM briefs WHERE status = 'PendingReview' AND next_check_at <= @now
            ORDER BY next_check_at LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """;
        const string Lease = "UPDATE briefs SET next_check_at = @lease WHERE id IN @ids";
        const string Sql = PendingSelect + " WHERE b.id IN @ids";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        Guid[] ids;
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            ids = (await conn.QueryAsync<Guid>(new CommandDefinition(Due, new { now, limit }, tx, cancellationToken: ct))).ToArray();
            if (ids.Length == 0) return [];
            await conn.ExecuteAsync(new CommandDefinition(Lease, new { ids, lease }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        return (await conn.QueryAsync<PendingCheck>(new CommandDefinition(Sql, new { ids }, cancellationToken: ct))).ToArray();
    }

    /// <summary>WeChat did not answer: one more attempt counted, the next check at <paramref name="next"/> (unless another publish replaced this one).</summary>
    internal async Task PostponeCheckAsync(PendingCheck pending, DateTimeOffset next, CancellationToken ct)
    {
        const string Sql = """
            UPDATE briefs SET check_attempts = check_attempts + 1, next_check_at = @next
            WHERE id = @Id AND pending_version = @PendingVersion
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { pending.Id, pending.PendingVersion, next }, cancellationToken: ct));
    }

    /// <summary>WeChat found the pending version risky: back to Draft (or the published version stays), nothing published.</summary>
    internal async Task RefuseAsync(PendingCheck pending, int label, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE briefs SET status = CASE WHEN published_version IS NULL THEN 'Draft' ELSE 'Published' END,
                   pending_version = NULL, pending_requested_by = NULL, next_check_at = NULL,
                   last_check_result = 'risky', last_check_label = @label, updated_at = @now
            WHERE id = @Id AND pending_version = @PendingVersion
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { pending.Id, pending.PendingVersion, label, now }, cancellationToken: ct));
    }

    /// <summary>Publishes the pending version after WeChat's <paramref name="suggest"/> (pass, or review: flagged for the committee).</summary>
    internal async Task PublishAsync(PendingCheck pending, string suggest, int label, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE briefs SET status = 'Published', published_version = @PendingVersion,
                   pending_version = NULL, pending_requested_by = NULL, next_check_at = NULL,
                   flagged_for_review = @review, flag_label = CASE WHEN @review THEN @label END,
                   last_check_result = @suggest, last_check_label = @label,
                   first_published_at = COALESCE(first_published_at, @now), published_at = @now, updated_at = @now
            WHERE id = @Id AND pending_version = @PendingVersion
            """;
        var review = suggest == "review";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { pending.Id, pending.PendingVersion, suggest, review, label, now }, cancellationToken: ct));
    }
}
