using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.CheckIns;

/// <summary>How a check-in was made: the member scanned the rotating code, the leader marked it by hand, or the leader scanned the member's pass.</summary>
public enum CheckInMethod { Scan, Manual, Pass }

/// <summary>
/// How a check-out was made: the member scanned the check-out code, the leader scanned the member's pass, the auto-close job
/// closed it at the scheduled end, or the leader set it by hand (a correction).
/// </summary>
public enum CheckOutMethod { Scan, Pass, Auto, Manual }

/// <summary>A check-in that counts (<c>CheckedIn</c>) or one the leader undid (<c>Revoked</c>).</summary>
public enum CheckInStatus { CheckedIn, Revoked }

/// <summary>
/// A member's scan: <c>token</c> (the 32-character code), <c>clientNonce</c> (8–64 of <c>A–Z a–z 0–9 _ -</c>, new per scan,
/// the same on a retry), and the optional position from <c>wx.getLocation({type: 'gcj02'})</c>: <c>latitude</c> −90…90,
/// <c>longitude</c> −180…180 (together), <c>accuracyMeters</c> 0–10,000. The position is required when the activity has a venue.
/// </summary>
public sealed record CheckInRequest([Required] string? Token, [Required, RegularExpression("^[A-Za-z0-9_-]{8,64}$")] string? ClientNonce, [Range(-90, 90)] double? Latitude, [Range(-180, 180)] double? Longitude, [Range(0, 10_000)] double? AccuracyMeters);

/// <summary>
/// The result of a scan. <c>alreadyCheckedIn</c> is true when the member had checked in earlier with another nonce (this is
/// that earlier check-in). <c>distanceMeters</c> is the distance to the venue when both positions are known. Times UTC.
/// </summary>
public sealed record CheckInResult(
    Guid CheckInId, Guid ActivityId, string ActivityTitle, DateTimeOffset CheckedInAt, CheckInMethod Method, CheckInStatus Status,
    double? DistanceMeters, bool AlreadyCheckedIn);

/// <summary>
/// A member's scan of the check-out code of an activity that tracks duration; same fields and rules as <see cref="CheckInRequest"/>
/// (<c>clientNonce</c> new per check-out scan, the same on a retry).
/// </summary>
public sealed record CheckOutRequest([Required] string? Token, [Required, RegularExpression("^[A-Za-z0-9_-]{8,64}$")] string? ClientNonce, [Range(-90, 90)] double? Latitude, [Range(-180, 180)] double? Longitude, [Range(0, 10_000)] double? AccuracyMeters);

/// <summary>
/// A check-out: the check-in it closes, <c>checkedOutAt</c> (UTC), <c>durationMinutes</c> (whole minutes, capped at the scheduled
/// length plus the allowance), how it was made, <c>autoClosed</c> (closed by the job at the scheduled end) and <c>reviewed</c>
/// (the leader confirmed or corrected it). <c>distanceMeters</c>: distance to the venue at check-out, when known.
/// </summary>
public sealed record CheckOutResult(
    Guid CheckInId, Guid ActivityId, string ActivityTitle, Guid MemberId, DateTimeOffset CheckedInAt, DateTimeOffset CheckedOutAt,
    int DurationMinutes, CheckOutMethod Method, bool AutoClosed, bool Reviewed, double? DistanceMeters);

/// <summary>The leader's scan of a member's pass: <c>token</c> is the 32-character code from <c>GET /api/v1/me/pass</c>.</summary>
public sealed record MemberScanRequest([Required] string? Token);

/// <summary>
/// The leader confirms a check-out (<c>checkedOutAt</c> null: keep the time, e.g. an auto-closed one) or corrects it
/// (<c>checkedOutAt</c>, UTC ISO-8601, not before the check-in); <c>reason</c> required, ≤ 200 characters. Audited.
/// </summary>
public sealed record CheckOutReviewRequest(DateTimeOffset? CheckedOutAt, [Required, MaxLength(200)] string? Reason);

/// <summary>Whether check-in is open for an activity; <c>closesAt</c> (UTC) is the scheduled end while open, the moment it closed once closed.</summary>
public sealed record CheckInStatusDto(Guid ActivityId, bool Open, DateTimeOffset? OpenedAt, DateTimeOffset? ClosesAt);

/// <summary>The current code: show <c>token</c> as a QR code and fetch again after <c>refreshAfterSeconds</c>; <c>expiresAt</c> (UTC) is the end of its window.</summary>
public sealed record CheckInCodeDto(string Token, DateTimeOffset ExpiresAt, int RefreshAfterSeconds);

/// <summary>Why attendance is changed by hand: required, ≤ 200 characters.</summary>
public sealed record AttendanceChangeRequest([Required, MaxLength(200)] string? Reason);

/// <summary>
/// One person's attendance at an activity. <c>inStudio</c> is false for someone who checked in and has since left the
/// studio. <c>checkedInAt</c>, <c>method</c> and <c>distanceMeters</c> (metres to the venue, scans with a position only) are
/// null when absent. For an activity that tracks duration: <c>checkedOutAt</c> (UTC) and <c>durationMinutes</c> once checked
/// out, <c>autoClosed</c> when the job closed it and <c>reviewed</c> once the leader confirmed or corrected it.
/// </summary>
public sealed record AttendanceEntry(
    Guid MemberId, string? DisplayName, [AllowedValues("Leader", "Member")] string Role, bool InStudio, bool Present, Guid? CheckInId, DateTimeOffset? CheckedInAt,
    CheckInMethod? Method, double? DistanceMeters, DateTimeOffset? CheckedOutAt = null, int? DurationMinutes = null,
    bool AutoClosed = false, bool Reviewed = false);

/// <summary>Totals of an attendance sheet: <c>members</c> listed, <c>present</c> of them, <c>rate</c> = present ÷ members (0 when none).</summary>
public sealed record AttendanceTotals(int Members, int Present, double Rate);

/// <summary>
/// One page of the attendance sheet of an activity: the studio's leader and active members (plus anyone who checked in and
/// has since left), present first by check-in time (the same instant: by member id), then absent (leader first, then by
/// name). <c>totals</c> count the whole sheet, not the page; <c>page</c> (from 1) and <c>pageSize</c> are the request's.
/// </summary>
public sealed record AttendanceSheet(Guid ActivityId, string ActivityTitle, AttendanceEntry[] Entries, AttendanceTotals Totals, int Page, int PageSize);

/// <summary>
/// The member's own check-in at one activity: the page a member opens when the network dropped after scanning.
/// <c>checkedIn</c>: the member has a live check-in (not undone); then <c>checkInId</c>, <c>checkedInAt</c> (UTC), how
/// (<c>method</c>: Scan, Pass, Manual) and <c>distanceMeters</c> (scans with a position only). <c>tracksDuration</c>: the
/// activity has a check-out (volunteer service); once checked out, <c>checkedOutAt</c> (UTC), <c>checkOutMethod</c>,
/// <c>durationMinutes</c> (whole minutes, capped) and <c>autoClosed</c>. Fields that do not apply are null.
/// </summary>
public sealed record MyActivityCheckIn(
    Guid ActivityId, string ActivityTitle, bool TracksDuration, bool CheckedIn, Guid? CheckInId, DateTimeOffset? CheckedInAt,
    CheckInMethod? Method, double? DistanceMeters, DateTimeOffset? CheckedOutAt, CheckOutMethod? CheckOutMethod, int? DurationMinutes,
    bool AutoClosed);

/// <summary>One of the member's own check-ins (live ones only), with its activity.</summary>
public sealed record MyCheckIn(
    Guid CheckInId, Guid ActivityId, string ActivityTitle, Guid StudioId, string StudioName, DateTimeOffset StartsAt,
    DateTimeOffset CheckedInAt, CheckInMethod Method, double? DistanceMeters);

/// <summary>A page of the member's check-ins, latest first.</summary>
public sealed record MyCheckInPage(MyCheckIn[] Items, int Page, int PageSize, int Total);
