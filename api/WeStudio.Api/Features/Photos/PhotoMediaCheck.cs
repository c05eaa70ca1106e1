using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// WeChat's asynchronous image check of every uploaded photo (WECHAT.md "Content security"): <c>media_check_async</c>
/// with the photo's signed public URL, then the <c>wxa_media_check</c> push sets <c>photos.media_check</c>.
/// A photo WeChat could not be asked about stays <c>Unchecked</c> and <see cref="RetryDueAsync"/> asks again
/// (1, 2, 4 … up to 60 minutes apart). <c>Risky</c> photos are hidden from every feed and never served.
/// </summary>
public sealed class PhotoMediaCheck(NpgsqlDataSource dataSource, IWeChatClient weChat, PhotoUrls urls, TimeProvider clock, ILogger<PhotoMediaCheck> logger)
    : IWeChatEventHandler
{
    /// <summary>How long the URL handed to WeChat stays valid: WeChat answers within 30 minutes.</summary>
    private static readonly TimeSpan MediaUrlLifetime = TimeSpan.FromHours(2);

    public string Event => "wxa_media_check";

    /// <summary>Asks WeChat to check the photo; on failure schedules a retry. Never throws for WeChat's refusals.</summary>
    public async Task RequestAsync(Guid photoId, CancellationToken ct)
    {
        const string Sql = "SELECT m.openid FROM photos p JOIN members m ON m.id = p.uploaded_by WHERE p.id = @photoId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var openid = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql, new { photoId }, cancellationToken: ct));
        if (openid is null) return;

        var answer = await weChat.PostAsync<MediaCheckAsyncResponse>(ContentSecurity.MediaCheckAsyncPath, new
        {
            media_url = urls.UrlFor(photoId, null, MediaUrlLifetime),
            media_type = 2,
            version = 2,
            scene = ContentSecurity.ForumScene,
            openid,
        }, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (answer.IsSuccess && !string.IsNullOrEmpty(answer.Value.TraceId))
        {
            // The push may have arrived before this update: take its verdict from media_check_results then.
            const string Stored = """
                UPDATE photos SET media_trace_id = @traceId, media_attempts = media_attempts + 1, media_next_try_at = NULL,
                       media_check = COALESCE((SELECT CASE r.suggest WHEN 'risky' THEN 'Risky' WHEN 'review' THEN 'Review' ELSE 'Pass' END
                                               FROM media_check_results r WHERE r.trace_id = @traceId), 'Pending'),
                       media_label = (SELECT r.label FROM media_check_results r WHERE r.trace_id = @traceId)
                WHERE id = @photoId
                """;
            await conn.ExecuteAsync(new CommandDefinition(Stored, new { photoId, traceId = answer.Value.TraceId }, cancellationToken: ct));
            return;
        }
        logger.LogWarning("media_check_async for photo {PhotoId} failed ({Error}); retrying later", photoId, answer.Error?.ErrCode);
        const string Retry = """
            UPDATE photos SET media_attempts = media_attempts + 1,
                   media_next_try_at = @now + make_interval(mins => LEAST(60, power(2, LEAST(media_attempts, 6))::int))
            WHERE id = @photoId AND media_check = 'Unchecked'
            """;
        await conn.ExecuteAsync(new CommandDefinition(Retry, new { photoId, now }, cancellationToken: ct));
    }

    /// <summary>
    /// Asks again about photos still <c>Unchecked</c> whose retry time has come; each is claimed by pushing its retry time
    /// forward in one UPDATE … RETURNING (FOR UPDATE SKIP LOCKED), so several API instances never ask twice. Returns how many.
    /// </summary>
    public async Task<int> RetryDueAsync(CancellationToken ct)
    {
        const string Claim = """
            UPDATE photos SET media_next_try_at = @now + interval '5 minutes'
            WHERE id IN (SELECT id FROM photos
                         WHERE media_check = 'Unchecked' AND media_next_try_at IS NOT NULL AND media_next_try_at <= @now
                         ORDER BY media_next_try_at LIMIT 50 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;
        Guid[] due;
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
            due = (await conn.QueryAsync<Guid>(new CommandDefinition(Claim, new { now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct))).ToArray();
        foreach (var id in due) await RequestAsync(id, ct);
        return due.Length;
    }

    /// <summary>The <c>wxa_media_check</c> push: <c>{trace_id, result:{suggest, label}}</c>; label may be a string.</summary>
    public async Task HandleAsync(JsonObject message, CancellationToken ct)
    {
        var traceId = message["trace_id"]?.ToString();
        var result = message["result"] as JsonObject;
        var suggest = result?["suggest"]?.ToString();
        if (string.IsNullOrEmpty(traceId) || suggest is not ("pass" or "review" or "risky"))
        {
            logger.LogWarning("wxa_media_check push without trace_id or a known suggest; ignored");
            return;
        }
        int? label = int.TryParse(result?["label"]?.ToString(), out var l) ? l : null;
        const string Sql = """
            INSERT INTO media_check_results (trace_id, suggest, label, received_at) VALUES (@traceId, @suggest, @label, @now)
            ON CONFLICT (trace_id) DO NOTHING;
            UPDATE photos SET media_check = CASE @suggest WHEN 'risky' THEN 'Risky' WHEN 'review' THEN 'Review' ELSE 'Pass' END,
                   media_label = @label, media_checked_at = @now
            WHERE media_trace_id = @traceId;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { traceId, suggest, label, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
        if (suggest == "risky") logger.LogInformation("WeChat found a photo risky (trace {TraceId}, label {Label}); it is hidden", traceId, label);
    }
}
