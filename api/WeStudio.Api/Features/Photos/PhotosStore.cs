using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// All SQL of photos (<c>photos</c>, <c>media_check_results</c>); other features read photos only through this store.
/// Bytes and rows of one content hash are changed under a named lock (<c>GET_LOCK</c> on the hash, per session), taken by
/// uploads and by the orphan cleanup, so a file is never deleted while an upload is about to reference it.
/// <c>brief_version_photos</c> (Briefs) references <c>photos</c>: a photo in any brief version cannot be deleted.
/// </summary>
public sealed class PhotosStore(MySqlDataSource dataSource)
{
    private const string Columns = """
        id, sha256, content_type, width, height, bytes, uploaded_by, uploaded_at, media_check,
        display_sha256, display_width, display_height, thumb_sha256, thumb_width, thumb_height
        """;

    /// <summary>Seconds an upload or the cleanup waits for another holder of a hash's lock before it fails.</summary>
    private const int HashLockWaitSeconds = 60;

    /// <summary>
    /// Writes the files of the original and its sizes (once per hash; a size that is the original's bytes is one file)
    /// and then the row, holding the locks of every hash involved (taken in hash order), so the orphan cleanup never
    /// deletes a file another upload is about to reference. Returns the new photo's id.
    /// </summary>
    public async Task<Guid> StoreAsync(IPhotoStorage storage, ProcessedPhoto photo, Guid uploadedBy, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO photos (id, sha256, content_type, width, height, bytes, uploaded_by, uploaded_at,
                                display_sha256, display_width, display_height, display_bytes,
                                thumb_sha256, thumb_width, thumb_height, thumb_bytes)
            VALUES (@id, @sha256, @contentType, @width, @height, @bytes, @uploadedBy, @now,
                    @displaySha256, @displayWidth, @displayHeight, @displayBytes,
                    @thumbSha256, @thumbWidth, @thumbHeight, @thumbBytes)
            """;
        var id = Database.NewId();
        var files = new[] { photo.Original, photo.Display, photo.Thumb }.DistinctBy(f => f.Sha256).OrderBy(f => f.Sha256, StringComparer.Ordinal).ToArray();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var locked = new List<string>();
        try
        {
            foreach (var file in files)
            {
                await LockHashAsync(conn, file.Sha256, ct);
                locked.Add(file.Sha256);
            }
            foreach (var file in files) await storage.PutAsync(file.Sha256, file.Bytes, ct);
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id, sha256 = photo.Original.Sha256, contentType = photo.Original.ContentType, width = photo.Original.Width,
                height = photo.Original.Height, bytes = photo.Original.Bytes.Length, uploadedBy, now,
                displaySha256 = photo.Display.Sha256, displayWidth = photo.Display.Width, displayHeight = photo.Display.Height,
                displayBytes = photo.Display.Bytes.Length,
                thumbSha256 = photo.Thumb.Sha256, thumbWidth = photo.Thumb.Width, thumbHeight = photo.Thumb.Height,
                thumbBytes = photo.Thumb.Bytes.Length,
            }, cancellationToken: ct));
        }
        finally
        {
            foreach (var sha256 in locked) await UnlockHashAsync(conn, sha256);
        }
        return id;
    }

    public async Task<PhotoRow?> FindAsync(Guid id, CancellationToken ct)
    {
        const string Sql = $"SELECT {Columns} FROM photos WHERE id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<PhotoRow>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    /// <summary>The photos with these ids (any order; missing ids are absent). Other features (briefs) read photos through this.</summary>
    public async Task<PhotoRow[]> FindManyAsync(MySqlConnection conn, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        const string Sql = $"SELECT {Columns} FROM photos WHERE id IN @ids";
        return (await conn.QueryAsync<PhotoRow>(new CommandDefinition(Sql, new { ids = ids.ToArray() }, cancellationToken: ct))).ToArray();
    }

    /// <summary>
    /// Like <see cref="FindManyAsync"/>, with a shared lock on each row held until <paramref name="tx"/> ends: a brief
    /// attaching these photos locks them so the orphan cleanup (which skips locked rows) cannot remove one meanwhile.
    /// </summary>
    public async Task<PhotoRow[]> LockManyAsync(MySqlConnection conn, MySqlTransaction tx, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        const string Sql = $"SELECT {Columns} FROM photos WHERE id IN @ids LOCK IN SHARE MODE";
        return (await conn.QueryAsync<PhotoRow>(new CommandDefinition(Sql, new { ids = ids.ToArray() }, tx, cancellationToken: ct))).ToArray();
    }

    // ---------------- WeChat image check ----------------

    /// <summary>The openid of the photo's uploader (WeChat checks media on behalf of a user), or null when there is no such photo.</summary>
    internal async Task<string?> UploaderOpenIdAsync(Guid photoId, CancellationToken ct)
    {
        const string Sql = "SELECT m.openid FROM photos p JOIN members m ON m.id = p.uploaded_by WHERE p.id = @photoId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { photoId }, cancellationToken: ct));
    }

    /// <summary>
    /// WeChat accepted the check under <paramref name="traceId"/>: Pending, or the verdict at once when its push arrived
    /// before this update (media_check_results).
    /// </summary>
    internal async Task SetTraceAsync(Guid photoId, string traceId, CancellationToken ct)
    {
        const string Sql = """
            UPDATE photos SET media_trace_id = @traceId, media_attempts = media_attempts + 1, media_next_try_at = NULL,
                   media_check = COALESCE((SELECT CASE r.suggest WHEN 'risky' THEN 'Risky' WHEN 'review' THEN 'Review' ELSE 'Pass' END
                                           FROM media_check_results r WHERE r.trace_id = @traceId), 'Pending'),
                   media_label = (SELECT r.label FROM media_check_results r WHERE r.trace_id = @traceId)
            WHERE id = @photoId
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { photoId, traceId }, cancellationToken: ct));
    }

    /// <summary>WeChat could not be asked: the next try is 1, 2, 4 … up to 60 minutes after <paramref name="now"/> (by attempts so far).</summary>
    internal async Task ScheduleRetryAsync(Guid photoId, DateTimeOffset now, CancellationToken ct)
    {
        // MySQL assigns left to right: the delay reads media_attempts before it is raised.
        const string Sql = """
            UPDATE photos SET media_next_try_at = @now + INTERVAL LEAST(60, 1 << LEAST(media_attempts, 6)) MINUTE,
                   media_attempts = media_attempts + 1
            WHERE id = @photoId AND media_check = 'Unchecked'
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { photoId, now }, cancellationToken: ct));
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> Unchecked photos whose retry time has come (FOR UPDATE SKIP LOCKED, then their
    /// retry time moved to <paramref name="lease"/>), so several API instances never ask twice. Returns their ids.
    /// </summary>
    internal async Task<Guid[]> ClaimDueRetriesAsync(DateTimeOffset now, DateTimeOffset lease, int limit, CancellationToken ct)
    {
        const string Due = """
            SELECT id FROM photos
            WHERE media_check = 'Unchecked' AND media_next_try_at IS NOT NULL AND media_next_try_at <= @now
            ORDER BY media_next_try_at LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """;
        const string Lease = "UPDATE photos SET media_next_try_at = @lease WHERE id IN @ids";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var ids = (await conn.QueryAsync<Guid>(new CommandDefinition(Due, new { now, limit }, tx, cancellationToken: ct))).ToArray();
        if (ids.Length > 0) await conn.ExecuteAsync(new CommandDefinition(Lease, new { ids, lease }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>
    /// WeChat's verdict for <paramref name="traceId"/> (suggest pass, review or risky): kept by trace id (the first one
    /// wins there, in case the photo does not know its trace id yet) and applied to the photo that has it.
    /// </summary>
    internal async Task RecordVerdictAsync(string traceId, string suggest, int? label, DateTimeOffset now, CancellationToken ct)
    {
        const string Keep = """
            INSERT INTO media_check_results (trace_id, suggest, label, received_at) VALUES (@traceId, @suggest, @label, @now)
            ON DUPLICATE KEY UPDATE trace_id = trace_id
            """;
        const string Apply = """
            UPDATE photos SET media_check = CASE @suggest WHEN 'risky' THEN 'Risky' WHEN 'review' THEN 'Review' ELSE 'Pass' END,
                   media_label = @label, media_checked_at = @now
            WHERE media_trace_id = @traceId
            """;
        var args = new { traceId, suggest, label, now };
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Keep, args, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(Apply, args, cancellationToken: ct));
    }

    // ---------------- sizes of photos stored before V0009 ----------------

    /// <summary>What the backfill made of one photo: both sizes, or why it gives up on it for good (a <c>sizes_error</c> code).</summary>
    internal sealed record SizesOutcome(EncodedPhoto? Display, EncodedPhoto? Thumb, string? Error);

    /// <summary>What <see cref="BackfillSizesAsync"/> did with a photo.</summary>
    internal enum Backfilled { Made, GaveUp, Skipped }

    /// <summary>Up to <paramref name="limit"/> photos with no sizes that the backfill has not given up on, oldest first.</summary>
    internal async Task<Guid[]> WithoutSizesAsync(int limit, CancellationToken ct)
    {
        const string Sql = """
            SELECT id FROM photos WHERE display_sha256 IS NULL AND sizes_error IS NULL
            ORDER BY uploaded_at, id LIMIT @limit
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Guid>(new CommandDefinition(Sql, new { limit }, cancellationToken: ct))).ToArray();
    }

    /// <summary>
    /// Gives photo <paramref name="id"/> its sizes, if it still has none: claims it with <c>GET_LOCK('photo-sizes:{id}', 0)</c>
    /// (another instance holding it: Skipped at once), reads the row again, lets <paramref name="make"/> decode and reduce
    /// (no transaction or row lock is held meanwhile), then writes the size files under their hash locks and fills the
    /// row's V0009 columns only while they are still NULL. A refusal is recorded in <c>sizes_error</c> (GaveUp). The
    /// claim is released in <c>finally</c>, whatever happens. Files written for a row removed meanwhile (orphan cleanup)
    /// are deleted again unless another row uses them.
    /// </summary>
    internal async Task<Backfilled> BackfillSizesAsync(Guid id, IPhotoStorage storage, Func<PhotoRow, CancellationToken, Task<SizesOutcome>> make, CancellationToken ct)
    {
        const string Row = $"SELECT {Columns} FROM photos WHERE id = @id AND display_sha256 IS NULL AND sizes_error IS NULL";
        const string GiveUp = "UPDATE photos SET sizes_error = @error WHERE id = @id AND display_sha256 IS NULL";
        const string Fill = """
            UPDATE photos SET display_sha256 = @displaySha256, display_width = @displayWidth, display_height = @displayHeight,
                   display_bytes = @displayBytes, thumb_sha256 = @thumbSha256, thumb_width = @thumbWidth,
                   thumb_height = @thumbHeight, thumb_bytes = @thumbBytes
            WHERE id = @id AND display_sha256 IS NULL
            """;
        var claim = "photo-sizes:" + id.ToString("D");
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (!await TryLockAsync(conn, claim, 0, ct)) return Backfilled.Skipped;
        try
        {
            var row = await conn.QuerySingleOrDefaultAsync<PhotoRow>(new CommandDefinition(Row, new { id }, cancellationToken: ct));
            if (row is null) return Backfilled.Skipped; // done by another instance, given up on, or removed
            var outcome = await make(row, ct);
            if (outcome.Display is not { } display || outcome.Thumb is not { } thumb)
            {
                await conn.ExecuteAsync(new CommandDefinition(GiveUp, new { id, error = outcome.Error }, cancellationToken: ct));
                return Backfilled.GaveUp;
            }
            var files = new[] { display, thumb }.DistinctBy(f => f.Sha256).OrderBy(f => f.Sha256, StringComparer.Ordinal).ToArray();
            var locked = new List<string>();
            int filled;
            try
            {
                foreach (var file in files)
                {
                    await LockHashAsync(conn, file.Sha256, ct);
                    locked.Add(file.Sha256);
                }
                foreach (var file in files) await storage.PutAsync(file.Sha256, file.Bytes, ct);
                filled = await conn.ExecuteAsync(new CommandDefinition(Fill, new
                {
                    id, displaySha256 = display.Sha256, displayWidth = display.Width, displayHeight = display.Height, displayBytes = display.Bytes.Length,
                    thumbSha256 = thumb.Sha256, thumbWidth = thumb.Width, thumbHeight = thumb.Height, thumbBytes = thumb.Bytes.Length,
                }, cancellationToken: ct));
            }
            finally
            {
                foreach (var sha256 in locked) await UnlockHashAsync(conn, sha256);
            }
            if (filled == 1) return Backfilled.Made;
            foreach (var file in files) await DeleteFileIfUnusedAsync(storage, file.Sha256, ct);
            return Backfilled.Skipped;
        }
        finally
        {
            await ReleaseLockAsync(conn, claim);
        }
    }

    // ---------------- orphans ----------------

    /// <summary>Rows removed by <see cref="DeleteOrphansAsync"/>, and the hashes whose files may now be unused.</summary>
    internal sealed record DeletedOrphans(int Count, string[] Sha256s);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> photos uploaded before <paramref name="cutoff"/> that no brief version references.
    /// Claim, then delete by id, in one transaction: the claim locks the rows (SKIP LOCKED passes over photos a brief is
    /// attaching right now), and the delete checks again for a reference committed since the claim's snapshot.
    /// </summary>
    internal async Task<DeletedOrphans> DeleteOrphansAsync(DateTimeOffset cutoff, int limit, CancellationToken ct)
    {
        const string Claim = """
            SELECT p.id, p.sha256, p.display_sha256, p.thumb_sha256 FROM photos p
            WHERE p.uploaded_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM brief_version_photos v WHERE v.photo_id = p.id)
            ORDER BY p.uploaded_at LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """;
        const string Delete = """
            DELETE FROM photos
            WHERE id IN @ids AND NOT EXISTS (SELECT 1 FROM brief_version_photos v WHERE v.photo_id = photos.id)
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var claimed = (await conn.QueryAsync<(Guid Id, string Sha256, string? DisplaySha256, string? ThumbSha256)>(new CommandDefinition(Claim, new { cutoff, limit }, tx, cancellationToken: ct))).ToArray();
        if (claimed.Length == 0) return new DeletedOrphans(0, []);
        var count = await conn.ExecuteAsync(new CommandDefinition(Delete, new { ids = claimed.Select(c => c.Id).ToArray() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        var hashes = claimed.SelectMany(c => new[] { c.Sha256, c.DisplaySha256, c.ThumbSha256 }).OfType<string>().Distinct().ToArray();
        return new DeletedOrphans(count, hashes);
    }

    /// <summary>
    /// Deletes the file of <paramref name="sha256"/> when no photo row has that hash any more, as its original or one of its
    /// sizes (under the hash's lock); returns whether it did.
    /// </summary>
    internal async Task<bool> DeleteFileIfUnusedAsync(IPhotoStorage storage, string sha256, CancellationToken ct)
    {
        const string Used = """
            SELECT EXISTS (SELECT 1 FROM photos WHERE sha256 = @sha256)
                OR EXISTS (SELECT 1 FROM photos WHERE display_sha256 = @sha256)
                OR EXISTS (SELECT 1 FROM photos WHERE thumb_sha256 = @sha256)
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await LockHashAsync(conn, sha256, ct);
        try
        {
            if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(Used, new { sha256 }, cancellationToken: ct))) return false;
            await storage.DeleteAsync(sha256, ct);
            return true;
        }
        finally
        {
            await UnlockHashAsync(conn, sha256);
        }
    }

    /// <summary>The named lock of one content hash (MySQL lock names are at most 64 characters: 56 hex digits are plenty).</summary>
    private static string HashLockName(string sha256) => "photo:" + sha256[..Math.Min(56, sha256.Length)];

    /// <summary>
    /// Takes the hash's named lock for this session. It outlives any transaction and stays with the connection, so every
    /// caller releases it in <c>finally</c> with <see cref="UnlockHashAsync"/>.
    /// </summary>
    private static async Task LockHashAsync(MySqlConnection conn, string sha256, CancellationToken ct)
    {
        if (!await TryLockAsync(conn, HashLockName(sha256), HashLockWaitSeconds, ct))
            throw new TimeoutException($"The lock of photo hash {sha256} was not free within {HashLockWaitSeconds} s.");
    }

    private static Task UnlockHashAsync(MySqlConnection conn, string sha256) => ReleaseLockAsync(conn, HashLockName(sha256));

    /// <summary><c>GET_LOCK</c> for this session, waiting at most <paramref name="waitSeconds"/> (0: only if free now): true when taken.</summary>
    private static async Task<bool> TryLockAsync(MySqlConnection conn, string name, int waitSeconds, CancellationToken ct) =>
        await conn.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT GET_LOCK(@name, @wait)", new { name, wait = waitSeconds }, cancellationToken: ct)) == 1;

    /// <summary><c>RELEASE_LOCK</c>, never cancelled: a named lock outlives transactions and stays with the pooled connection.</summary>
    private static Task ReleaseLockAsync(MySqlConnection conn, string name) =>
        conn.ExecuteAsync(new CommandDefinition("SELECT RELEASE_LOCK(@name)", new { name }, cancellationToken: CancellationToken.None));
}
