namespace WeStudio.Api.Features.CheckIns;

/// <summary>How a check-in was made: the member scanned the rotating code, or the leader marked it by hand.</summary>
public enum CheckInMethod { Scan, Manual }

/// <summary>A check-in that counts (<c>CheckedIn</c>) or one the leader undid (<c>Revoked</c>).</summary>
public enum CheckInStatus { CheckedIn, Revoked }

/// <summary>
/// A member's scan: <c>token</c> (the 32-character code), <c>clientNonce</c> (8–64 of <c>A–Z a–z 0–9 _ -</c>, new per scan,
/// the same on a retry), and the optional position from <c>wx.getLocation({type: 'gcj02'})</c>: <c>latitude</c> −90…90,
/// <c>longitude</c> −180…180 (together), <c>accuracyMeters</c> 0–10,000. The position is required when the activity has a venue.
/// </summary>
public sealed record CheckInRequest(string? Token, string? ClientNonce, double? Latitude, double? Longitude, double? AccuracyMeters);

/// <summary>
/// The result of a scan. <c>alreadyCheckedIn</c> is true when the member had checked in earlier with another nonce (this is
/// that earlier check-in). <c>distanceMeters</c> is the distance to the venue when both positions are known. Times UTC.
/// </summary>
public sealed record CheckInResult(
    Guid CheckInId, Guid ActivityId, string ActivityTitle, DateTimeOffset CheckedInAt, CheckInMethod Method, CheckInStatus Status,
    double? DistanceMeters, bool AlreadyCheckedIn);

/// <summary>Whether check-in is open for an activity; <c>closesAt</c> (UTC) is the scheduled end while open, the moment it closed once closed.</summary>
public sealed record CheckInStatusDto(Guid ActivityId, bool Open, DateTimeOffset? OpenedAt, DateTimeOffset? ClosesAt);

/// <summary>The current code: show <c>token</c> as a QR code and fetch again after <c>refreshAfterSeconds</c>; <c>expiresAt</c> (UTC) is the end of its window.</summary>
public sealed record CheckInCodeDto(string Token, DateTimeOffset ExpiresAt, int RefreshAfterSeconds);

/// <summary>Why attendance is changed by hand: required, ≤ 200 characters.</summary>
public sealed record AttendanceChangeRequest(string? Reason);

/// <summary>
/// One person's attendance at an activity. <c>inStudio</c> is false for someone who checked in and has since left the
/// studio. <c>checkedInAt</c>, <c>method</c> and <c>distanceMeters</c> (metres to the venue, scans with a position only) are
/// null when absent.
/// </summary>
public sealed record AttendanceEntry(
    Guid MemberId, string? DisplayName, string Role, bool InStudio, bool Present, Guid? CheckInId, DateTimeOffset? CheckedInAt,
    CheckInMethod? Method, double? DistanceMeters);

/// <summary>Totals of an attendance sheet: <c>members</c> listed, <c>present</c> of them, <c>rate</c> = present ÷ members (0 when none).</summary>
public sealed record AttendanceTotals(int Members, int Present, double Rate);

/// <summary>The attendance sheet of an activity: the studio's leader and active members (plus anyone who checked in and has since left), present first.</summary>
public sealed record AttendanceSheet(Guid ActivityId, string ActivityTitle, AttendanceEntry[] Entries, AttendanceTotals Totals);

/// <summary>One of the member's own check-ins (live ones only), with its activity.</summary>
public sealed record MyCheckIn(
    Guid CheckInId, Guid ActivityId, string ActivityTitle, Guid StudioId, string StudioName, DateTimeOffset StartsAt,
    DateTimeOffset CheckedInAt, CheckInMethod Method, double? DistanceMeters);

/// <summary>A page of the member's check-ins, latest first.</summary>
public sealed record MyCheckInPage(MyCheckIn[] Items, int Page, int PageSize, int Total);
