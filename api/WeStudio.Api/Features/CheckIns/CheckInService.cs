using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// The check-in rules (DESIGN.md, "Check-in (the heart)"): opening and closing, the rotating code, a member's scan,
/// and the leader's manual marks. Every refusal is a ProblemDetails with a <c>code</c>:
/// <list type="table">
/// <item>400 <c>validation_failed</c>, <c>token_invalid</c> (malformed, forged, another secret, unknown activity), <c>location_required</c>, <c>nonce_reused</c></item>
/// <item>403 <c>not_member</c>, <c>out_of_range</c> (the member's position, not the request, is refused), <c>forbidden</c></item>
/// <item>404 <c>not_found</c></item>
/// <item>409 <c>not_open</c>, <c>outside_window</c>, <c>activity_cancelled</c></item>
/// <item>410 <c>token_expired</c> (window plus grace passed, or a code of an earlier opening)</item>
/// <item>503 <c>checkin_unavailable</c> (Redis, which holds the open state, does not answer: nothing is written)</item>
/// </list>
/// </summary>
public sealed partial class CheckInService(
    CheckInStore store, CheckInStateStore states, CheckInTokenCodec codec, StudioAccess access,
    IOptions<CheckInOptions> options, TimeProvider clock, ILogger<CheckInService> logger)
{
    /// <summary>Radius of a venue without one, in metres (as ActivitiesApi defaults it).</summary>
    private const int DefaultRadiusMeters = 200;

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex NonceFormat();

    private static ProblemHttpResult TokenInvalid() =>
        Problems.Of(StatusCodes.Status400BadRequest, TokenVerification.TokenInvalid, "This check-in code is not valid.");

    private static ProblemHttpResult TokenExpired() =>
        Problems.Of(StatusCodes.Status410Gone, TokenVerification.TokenExpired, "This check-in code has expired; scan the code on the screen again.");

    private static ProblemHttpResult NotOpen() =>
        Problems.Conflict("not_open", "Check-in for this activity is not open.");

    private static ProblemHttpResult Cancelled() =>
        Problems.Conflict("activity_cancelled", "The activity is cancelled.");

    private static ProblemHttpResult Unavailable() =>
        Problems.Unavailable("checkin_unavailable", "Check-in is unavailable right now; nothing was saved. Try again shortly.");

    /// <summary>Reads the open state; a Redis outage becomes 503 <c>checkin_unavailable</c>.</summary>
    private async Task<(CheckInState? State, ProblemHttpResult? Problem)> StateAsync(Guid activityId)
    {
        try
        {
            return (await states.GetAsync(activityId), null);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning(e, "Check-in state of {ActivityId} unreadable: Redis unavailable", activityId);
            return (null, Unavailable());
        }
    }

    /// <summary>A member's scan: see <see cref="CheckInRequest"/> and the refusals above. 201 new, 200 retry or already checked in.</summary>
    public async Task<Results<Created<CheckInResult>, Ok<CheckInResult>, ProblemHttpResult>> ScanAsync(Guid memberId, CheckInRequest request, CancellationToken ct)
    {
        var v = new Validation();
        if (string.IsNullOrEmpty(request.Token)) v.Add("token", "'token' is required.");
        if (string.IsNullOrEmpty(request.ClientNonce)) v.Add("clientNonce", "'clientNonce' is required.");
        else if (!NonceFormat().IsMatch(request.ClientNonce)) v.Add("clientNonce", "'clientNonce' must be 8–64 characters of A–Z a–z 0–9 _ -.");
        var lat = v.Range("latitude", request.Latitude, -90, 90);
        var lng = v.Range("longitude", request.Longitude, -180, 180);
        if ((lat is null) != (lng is null)) v.Add(lat is null ? "latitude" : "longitude", "'latitude' and 'longitude' come together.");
        var accuracy = v.Range("accuracyMeters", request.AccuracyMeters, 0, 10_000);
        if (v.Problem is { } invalid) return invalid;
        var nonce = request.ClientNonce!;

        var now = clock.GetUtcNow();
        var verification = codec.Verify(request.Token, TokenPurpose.CheckIn, now);
        if (!verification.IsValid)
        {
            // A retry of a scan that succeeded may arrive after its code expired: it still gets the same answer.
            if (verification.Reason == TokenVerification.TokenExpired && await store.ByNonceAsync(memberId, nonce, ct) is { } earlier)
                return TypedResults.Ok(earlier.AsResult(alreadyCheckedIn: false));
            return verification.Reason == TokenVerification.TokenExpired ? TokenExpired() : TokenInvalid();
        }

        var (activity, isMember, sameNonce) = await store.ScanTargetAsync(verification.Claims.SubjectSeq, memberId, nonce, ct);
        if (activity is null) return TokenInvalid();
        if (sameNonce is not null)
        {
            return sameNonce.ActivityId == activity.Id
                ? TypedResults.Ok(sameNonce.AsResult(alreadyCheckedIn: false))
                : Problems.Field("clientNonce", "This 'clientNonce' was already used for another check-in; send a new one per scan.", "nonce_reused");
        }
        if (activity.Cancelled) return Cancelled();

        var (state, unavailable) = await StateAsync(activity.Id);
        if (unavailable is not null) return unavailable;
        if (!state!.IsOpenAt(now)) return NotOpen();
        if (verification.Claims.Epoch != state.Epoch) return TokenExpired();
        if (!isMember) return Problems.Of(StatusCodes.Status403Forbidden, "not_member", "You are not a member of this activity's studio.");

        double? distance = null;
        if (activity.Latitude is { } venueLat && activity.Longitude is { } venueLng)
        {
            if (lat is null || lng is null)
                return Problems.Field("latitude", "This activity checks where you are: allow location and scan again.", "location_required");
            var fence = Geofence.Check(venueLat, venueLng, activity.RadiusMeters ?? DefaultRadiusMeters, lat.Value, lng.Value,
                accuracy ?? 0, options.Value.MaxAccuracyMeters);
            if (!fence.Inside)
                return Problems.Of(StatusCodes.Status403Forbidden, "out_of_range", "You are too far from the venue to check in.",
                    $"About {Math.Round(fence.DistanceMeters)} m from the venue.");
            distance = fence.DistanceMeters;
        }

        var scan = new NewScan(activity.Id, memberId, now, nonce, lat, lng, accuracy, distance);
        // A conflict means a concurrent request of the same member won; read what it wrote. The live row can vanish between
        // the insert and the read only by a concurrent undo, so a few attempts always settle.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.TryInsertScanAsync(scan, activity.Title, ct) is { } created)
                return TypedResults.Created($"/api/v1/me/checkins", created.AsResult(alreadyCheckedIn: false));
            if (await store.ByNonceAsync(memberId, nonce, ct) is { } retried)
                return TypedResults.Ok(retried.AsResult(alreadyCheckedIn: false));
            if (await store.LiveAsync(activity.Id, memberId, ct) is { } existing)
                return TypedResults.Ok(existing.AsResult(alreadyCheckedIn: true));
        }
        throw new InvalidOperationException("A check-in neither inserted nor found after three attempts.");
    }

    /// <summary>Loads an activity the caller leads: 404 not_found, 403 forbidden.</summary>
    private async Task<(CheckInActivity? Activity, ProblemHttpResult? Problem)> LeadAsync(Guid activityId, ClaimsPrincipal user, CancellationToken ct)
    {
        var activity = await store.ActivityAsync(activityId, ct);
        if (activity is null) return (null, Problems.NotFound("Activity"));
        if (await access.RefuseLeadAsync(activity.StudioId, user, ct) is { } refused) return (null, refused);
        return (activity, null);
    }

    /// <summary>Opens check-in until the end of the activity's check-in window. 409 activity_cancelled, outside_window.</summary>
    public async Task<Results<Ok<CheckInStatusDto>, ProblemHttpResult>> OpenAsync(Guid activityId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (activity, refused) = await LeadAsync(activityId, user, ct);
        if (refused is not null) return refused;
        if (activity!.Cancelled) return Cancelled();
        var now = clock.GetUtcNow();
        if (now < activity.WindowOpens || now >= activity.WindowCloses)
            return Problems.Conflict("outside_window", "Check-in can be opened only during the activity's check-in window.",
                $"From {activity.WindowOpens:u} until {activity.WindowCloses:u}.");
        try
        {
            await states.OpenAsync(activity.Id, activity.WindowCloses);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning(e, "Check-in of {ActivityId} not opened: Redis unavailable", activityId);
            return Unavailable();
        }
        return await StatusAsync(activity.Id);
    }

    /// <summary>Closes check-in: every code shown so far stops working at once.</summary>
    public async Task<Results<Ok<CheckInStatusDto>, ProblemHttpResult>> CloseAsync(Guid activityId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (activity, refused) = await LeadAsync(activityId, user, ct);
        if (refused is not null) return refused;
        try
        {
            await states.CloseAsync(activity!.Id);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning(e, "Check-in of {ActivityId} not closed: Redis unavailable", activityId);
            return Unavailable();
        }
        return await StatusAsync(activity.Id);
    }

    private async Task<Results<Ok<CheckInStatusDto>, ProblemHttpResult>> StatusAsync(Guid activityId)
    {
        var (state, unavailable) = await StateAsync(activityId);
        if (unavailable is not null) return unavailable;
        var open = state!.IsOpenAt(clock.GetUtcNow());
        return TypedResults.Ok(new CheckInStatusDto(activityId, open, state.OpenedAt, state.ClosesAt));
    }

    /// <summary>The current code of an open check-in. 409 activity_cancelled, not_open.</summary>
    public async Task<(CheckInCodeDto? Code, ProblemHttpResult? Problem)> CodeAsync(Guid activityId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (activity, refused) = await LeadAsync(activityId, user, ct);
        if (refused is not null) return (null, refused);
        if (activity!.Cancelled) return (null, Cancelled());
        var (state, unavailable) = await StateAsync(activity.Id);
        if (unavailable is not null) return (null, unavailable);
        var now = clock.GetUtcNow();
        if (!state!.IsOpenAt(now)) return (null, NotOpen());
        var issued = codec.Issue(TokenPurpose.CheckIn, activity.Seq, state.Epoch, now);
        return (new CheckInCodeDto(issued.Token, issued.ExpiresAt, issued.RefreshAfterSeconds), null);
    }

    /// <summary>The attendance sheet, for the studio's leader and the admins above it.</summary>
    public async Task<Results<Ok<AttendanceSheet>, ProblemHttpResult>> AttendanceAsync(Guid activityId, ClaimsPrincipal user, CancellationToken ct)
    {
        var activity = await store.ActivityAsync(activityId, ct);
        if (activity is null) return Problems.NotFound("Activity");
        var right = await access.RightAsync(activity.StudioId, user, ct);
        if (right is not (StudioRight.Leader or StudioRight.Admin))
            return Problems.Forbidden("Only the studio's leader and the admins above it read attendance.");
        var entries = await store.AttendanceAsync(activity.Id, activity.StudioId, null, ct);
        var present = entries.Count(e => e.Present);
        var totals = new AttendanceTotals(entries.Length, present, entries.Length == 0 ? 0 : Math.Round((double)present / entries.Length, 4));
        return TypedResults.Ok(new AttendanceSheet(activity.Id, activity.Title, entries, totals));
    }

    /// <summary>The leader marks a person present by hand (idempotent) or undoes their check-in; each change is audited.</summary>
    public async Task<Results<Ok<AttendanceEntry>, ProblemHttpResult>> ChangeAsync(
        Guid activityId, Guid memberId, AttendanceChangeRequest? request, bool present, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request?.Reason, 200);
        if (v.Problem is { } invalid) return invalid;
        var (activity, refused) = await LeadAsync(activityId, user, ct);
        if (refused is not null) return refused;
        if (activity!.Cancelled) return Cancelled();

        var now = clock.GetUtcNow();
        if (present)
        {
            if (await store.ActiveRoleAsync(activity.StudioId, memberId, ct) is null)
                return Problems.Of(StatusCodes.Status404NotFound, "not_member", "This person is not in the activity's studio.");
            await store.MarkAsync(activity.Id, memberId, user.Id(), reason!, now, ct);
        }
        else
        {
            await store.UndoAsync(activity.Id, memberId, user.Id(), reason!, now, ct);
        }
        var entry = (await store.AttendanceAsync(activity.Id, activity.StudioId, memberId, ct)).SingleOrDefault();
        return entry is null ? Problems.Of(StatusCodes.Status404NotFound, "not_member", "This person is not in the activity's studio.") : TypedResults.Ok(entry);
    }
}
