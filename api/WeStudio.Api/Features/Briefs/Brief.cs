using System.ComponentModel.DataAnnotations;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Briefs;

/// <summary>
/// Draft: never published. PendingReview: a publish waits for WeChat's text check (a background job retries while WeChat
/// is unreachable). Published: feeds show the published version; later edits wait for the next publish.
/// </summary>
public enum BriefStatus { Draft, PendingReview, Published }

/// <summary>
/// Create or replace the brief of an activity (a new version each time; every version is kept).
/// <c>title</c> 1–100 characters (required); <c>theme</c> (主题) ≤ 500; <c>exchange</c> (交流) ≤ 3000; <c>record</c> (记录)
/// ≤ 5000; <c>summary</c> (小结) ≤ 2000; <c>photoIds</c> ≤ 9 distinct photos in display order, each uploaded by the caller
/// or already in a version of this brief, none found risky by WeChat.
/// </summary>
public sealed record BriefRequest([Required, MaxLength(100)] string? Title, [MaxLength(500)] string? Theme, [MaxLength(3000)] string? Exchange, [MaxLength(5000)] string? Record, [MaxLength(2000)] string? Summary, Guid[]? PhotoIds);

/// <summary>
/// A photo of a brief: <c>url</c> (the original), <c>thumb</c> (short side 240 px, for the feed's grid) and <c>display</c>
/// (long side ≤ 1,280 px, for the brief page), each signed and expiring, with <c>width</c>/<c>height</c> per size in
/// pixels, upright. When WeChat found the photo risky every size is hidden: <c>url</c>, <c>thumb</c> and <c>display</c>
/// are null, and only the leader sees the entry at all.
/// </summary>
public sealed record BriefPhotoDto(Guid PhotoId, string? Url, int Width, int Height, MediaCheckStatus MediaCheck, PhotoSizeDto? Thumb, PhotoSizeDto? Display)
{
    internal static BriefPhotoDto Of(PhotoRow p, PhotoUrls urls, string requestBase)
    {
        if (p.MediaCheck == MediaCheckStatus.Risky) return new BriefPhotoDto(p.Id, null, p.Width, p.Height, p.MediaCheck, null, null);
        var thumb = p.File(PhotoSize.Thumb);
        var display = p.File(PhotoSize.Display);
        return new BriefPhotoDto(p.Id, urls.UrlFor(p.Id, PhotoSize.Original, requestBase), p.Width, p.Height, p.MediaCheck,
            new PhotoSizeDto(urls.UrlFor(p.Id, PhotoSize.Thumb, requestBase), thumb.Width, thumb.Height),
            new PhotoSizeDto(urls.UrlFor(p.Id, PhotoSize.Display, requestBase), display.Width, display.Height));
    }
}

/// <summary>
/// Attendance next to the brief: <c>members</c> = people in the studio now, leader included (as the attendance sheet counts);
/// <c>present</c> = live (not undone) check-ins of the activity, scanned or marked by hand.
/// </summary>
public sealed record AttendanceDto(int Present, int Members);

/// <summary>
/// A brief. The leader sees the latest version (<c>version</c> = <c>currentVersion</c>) with every photo and the last
/// content-check result; everyone else who may read the studio sees the published version, without risky photos.
/// <c>flaggedForReview</c>: WeChat answered <c>review</c>, the committee should read it (<c>flagLabel</c> is WeChat's label).
/// </summary>
public sealed record BriefDto
{
    public Guid Id { get; init; }
    public Guid ActivityId { get; init; }
    public required string ActivityTitle { get; init; }
    public ActivityKind ActivityKind { get; init; }
    public DateTimeOffset ActivityStartsAt { get; init; }
    public Guid StudioId { get; init; }
    public required string StudioName { get; init; }
    public BriefStatus Status { get; init; }
    public int Version { get; init; }
    public int CurrentVersion { get; init; }
    public int? PublishedVersion { get; init; }
    public bool HasUnpublishedChanges { get; init; }
    public required string Title { get; init; }
    public string? Theme { get; init; }
    public string? Exchange { get; init; }
    public string? Record { get; init; }
    public string? Summary { get; init; }
    public required BriefPhotoDto[] Photos { get; init; }
    public Guid EditedBy { get; init; }
    public DateTimeOffset EditedAt { get; init; }
    public DateTimeOffset? FirstPublishedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public bool FlaggedForReview { get; init; }
    public int? FlagLabel { get; init; }
    /// <summary>pass, review or risky: WeChat's last verdict on a publish (leader's view only).</summary>
    [AllowedValues("pass", "review", "risky")]
    public string? LastCheckResult { get; init; }
    public int? LastCheckLabel { get; init; }
    public required AttendanceDto Attendance { get; init; }
}

/// <summary>One kept version: who saved it and when (UTC).</summary>
public sealed record BriefVersionDto
{
    public int Version { get; init; }
    public required string Title { get; init; }
    public string? Theme { get; init; }
    public string? Exchange { get; init; }
    public string? Record { get; init; }
    public string? Summary { get; init; }
    public required Guid[] PhotoIds { get; init; }
    public Guid EditedBy { get; init; }
    public DateTimeOffset EditedAt { get; init; }
}

/// <summary>A page of a feed, newest first; pass <c>nextCursor</c> as <c>cursor</c> for the next page (null at the end).</summary>
public sealed record BriefPage(BriefDto[] Items, string? NextCursor);

/// <summary>A brief row joined with one of its versions and its activity and studio.</summary>
internal sealed record BriefRow
{
    public Guid Id { get; init; }
    public Guid ActivityId { get; init; }
    public string ActivityTitle { get; init; } = "";
    public ActivityKind ActivityKind { get; init; }
    public DateTimeOffset ActivityStartsAt { get; init; }
    public Guid StudioId { get; init; }
    public string StudioName { get; init; } = "";
    public BriefStatus Status { get; init; }
    public int Version { get; init; }
    public int CurrentVersion { get; init; }
    public int? PublishedVersion { get; init; }
    public string Title { get; init; } = "";
    public string? Theme { get; init; }
    public string? Exchange { get; init; }
    public string? Record { get; init; }
    public string? Summary { get; init; }
    /// <summary>The version's photo ids in position order, comma-separated (GROUP_CONCAT of brief_version_photos); null without photos.</summary>
    public string? PhotoIdList { get; init; }
    public Guid[] PhotoIds => Database.IdList(PhotoIdList);
    public Guid EditedBy { get; init; }
    public DateTimeOffset EditedAt { get; init; }
    public DateTimeOffset? FirstPublishedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public bool FlaggedForReview { get; init; }
    public int? FlagLabel { get; init; }
    [AllowedValues("pass", "review", "risky")]
    public string? LastCheckResult { get; init; }
    public int? LastCheckLabel { get; init; }
    public int Members { get; init; }
    public int Present { get; init; }
}

/// <summary>One row of brief_versions with its photo ids (see <see cref="BriefRow.PhotoIdList"/>).</summary>
internal sealed record BriefVersionRow
{
    public int Version { get; init; }
    public string Title { get; init; } = "";
    public string? Theme { get; init; }
    public string? Exchange { get; init; }
    public string? Record { get; init; }
    public string? Summary { get; init; }
    public string? PhotoIdList { get; init; }
    public Guid EditedBy { get; init; }
    public DateTimeOffset EditedAt { get; init; }

    public BriefVersionDto AsDto() => new()
    {
        Version = Version, Title = Title, Theme = Theme, Exchange = Exchange, Record = Record, Summary = Summary,
        PhotoIds = Database.IdList(PhotoIdList), EditedBy = EditedBy, EditedAt = EditedAt,
    };
}

/// <summary>The text of a brief version, validated.</summary>
internal sealed record BriefText(string Title, string? Theme, string? Exchange, string? Record, string? Summary);

/// <summary>Why a photo of a save was refused: <c>Risky</c> (WeChat found it so), else not the caller's nor in this brief (or missing).</summary>
internal sealed record PhotoRefusal(int Index, bool Risky);

/// <summary>A save: the brief's id, or the refused photos (nothing was saved then).</summary>
internal sealed record BriefSave(Guid BriefId, PhotoRefusal[] Refused);

/// <summary>A brief waiting for WeChat's text check: its pending version's text and the openid of who asked to publish.</summary>
internal sealed record PendingCheck
{
    public Guid Id { get; init; }
    public int PendingVersion { get; init; }
    public string Openid { get; init; } = "";
    public int CheckAttempts { get; init; }
    public string Title { get; init; } = "";
    public string? Theme { get; init; }
    public string? Exchange { get; init; }
    public string? Record { get; init; }
    public string? Summary { get; init; }
}
