using System.Text.Json.Nodes;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// WeChat's asynchronous image check of every uploaded photo (WECHAT.md "Content security"): <c>media_check_async</c>
/// with the signed public URL of the photo's display size (JPEG, long side ≤ 1,280 px: well under WeChat's 10 MB image
/// limit whatever the original), then the <c>wxa_media_check</c> push sets <c>photos.media_check</c>.
/// A photo WeChat could not be asked about stays <c>Unchecked</c> and <see cref="RetryDueAsync"/> asks again
/// (1, 2, 4 … up to 60 minutes apart). <c>Risky</c> photos are hidden from every feed and never served.
/// </summary>
public sealed class PhotoMediaCheck(PhotosStore photos, IWeChatClient weChat, PhotoUrls urls, TimeProvider clock, ILogger<PhotoMediaCheck> logger)
    : IWeChatEventHandler
{
    /// <summary>How long the URL handed to WeChat stays valid: WeChat answers within 30 minutes.</summary>
    private static readonly TimeSpan MediaUrlLifetime = TimeSpan.FromHours(2);

    public string Event => "wxa_media_check";

    /// <summary>Asks WeChat to check the photo; on failure schedules a retry. Never throws for WeChat's refusals.</summary>
    public async Task RequestAsync(Guid photoId, CancellationToken ct)
    {
        var openid = await photos.UploaderOpenIdAsync(photoId, ct);
        if (openid is null) return;

        var answer = await weChat.PostAsync<MediaCheckAsyncResponse>(ContentSecurity.MediaCheckAsyncPath, new
        {
            media_url = urls.UrlFor(photoId, PhotoSize.Display, null, MediaUrlLifetime),
            media_type = 2,
            version = 2,
            scene = ContentSecurity.ForumScene,
            openid,
        }, ct);
        if (answer.IsSuccess && !string.IsNullOrEmpty(answer.Value.TraceId))
        {
            // The push may have arrived before this update: the store takes its verdict from media_check_results then.
            await photos.SetTraceAsync(photoId, answer.Value.TraceId, ct);
            return;
        }
        logger.LogWarning("media_check_async for photo {PhotoId} failed ({Error}); retrying later", photoId, answer.Error?.ErrCode);
        await photos.ScheduleRetryAsync(photoId, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Asks again about photos still <c>Unchecked</c> whose retry time has come; each is claimed first (FOR UPDATE SKIP
    /// LOCKED, its retry time pushed 5 minutes ahead), so several API instances never ask twice. Returns how many.
    /// </summary>
    public async Task<int> RetryDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await photos.ClaimDueRetriesAsync(now, now.AddMinutes(5), 50, ct);
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
        await photos.RecordVerdictAsync(traceId, suggest, label, clock.GetUtcNow(), ct);
        if (suggest == "risky") logger.LogInformation("WeChat found a photo risky (trace {TraceId}, label {Label}); it is hidden", traceId, label);
    }
}
