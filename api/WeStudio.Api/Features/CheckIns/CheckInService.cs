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
/// <item>409 <c>not_open</c>, <c>outside_window</c>, <c>activity_cancelled</c>; check-out also <c>not_tracked</c>, <c>not_checked_in</c>, <c>already_checked_out</c></item>
/// <item>410 <c>token_expired</c> (window plus grace passed, or a code of an earlier opening)</item>
/// <item>503 <c>checkin_unavailable</c> (Redis, which holds the open state, does not answer: nothing is written);
/// a scan whose group-commit batch failed: 503 <c>database_unavailable</c> (not acknowledged; the same nonce may be retried)</item>
/// </list>
/// </summary>
public sealed partial class CheckInService(
    CheckInStore store, CheckInStateStore states, CheckInTokenCodec codec, StudioAccess access, Reminders.ReminderScheduler reminders,
    IOptions<CheckInOptions> options, TimeProvider clock, ILogger<CheckInService> logger,
    CheckInActivityCache activities, CheckInWriter writer, SessionStore sessions)
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

    private static ProblemHttpResult NotMember() =>
        Problems.Of(StatusCodes.Status403Forbidden, "not_member", "You are not a member of this activity's studio.");

    private static ProblemHttpResult NotTracked() =>
        Problems.Conflict("not_tracked", "This activity does not track duration: it has no check-out.");

    private static ProblemHttpResult NonceReused() =>
        Problems.Field("clientNonce", "This 'clientNonce' was already used for another scan; send a new one per scan.", "nonce_reused");

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

    /// <summary>A scan's validated fields.</summary>
    private sealed record ScanInput(string Token, string Nonce, double? Latitude, double? Longitude, double? AccuracyMeters);

    /// <summary>An activity whose scan passed every check, and the distance to its venue when known.</summary>
    private sealed record PassedScan(CheckInActivity Activity, double? DistanceMeters);

    /// <summary>Validates the fields of a check-in or check-out scan (400 validation_failed).</summary>
    private static (ScanInput? Input, ProblemHttpResult? Problem) ValidateScan(
        string? token, string? clientNonce, double? latitude, double? longitude, double? accuracyMeters)
    {
        var v = new Validation();
        if (string.IsNullOrEmpty(token)) v.Add("token", "'token' is required.");
        if (string.IsNullOrEmpty(clientNonce)) v.Add("clientNonce", "'clientNonce' is required.");
        else if (!NonceFormat().IsMatch(clientNonce)) v.Add("clientNonce", "'clientNonce' must be 8–64 characters of A–Z a–z 0–9 _ -.");
        var lat = v.Range("latitude", latitude, -90, 90);
        var lng = v.Range("longitude", longitude, -180, 180);
        if ((lat is null) != (lng is null)) v.Add(lat is null ? "latitude" : "longitude", "'latitude' and 'longitude' come together.");
        var accuracy = v.Range("accuracyMeters", accuracyMeters, 0, 10_000);
        return v.Problem is { } invalid ? (null, invalid) : (new ScanInput(token!, clientNonce!, lat, lng, accuracy), null);
    }

    /// <summary>
    /// The one verification path of a member's scan, for check-in and check-out alike, in this order: the code
    /// (token_invalid, token_expired; wrong purpose is token_invalid), its activity (token_invalid), the same nonce
    /// (its earlier result, or nonce_reused), activity_cancelled, the open state (checkin_unavailable, not_open, an
    /// older epoch is token_expired), for a check-out not_tracked, not_member, then the venue (location_required,
    /// out_of_range). Returns the passed scan, or the earlier row of the same nonce, or a refusal.
    /// </summary>
    private async Task<(PassedScan? Passed, CheckInRow? SameNonce, ProblemHttpResult? Problem)> VerifyScanAsync(
        TokenPurpose purpose, Guid memberId, ScanInput input, DateTimeOffset now, CancellationToken ct)
    {
        var verification = codec.Verify(input.Token, purpose, now);
        if (!verification.IsValid)
        {
            // A retry of a scan that succeeded may arrive after its code expired: it still gets the same answer.
            if (verification.Reason == TokenVerification.TokenExpired && await store.ByNonceAsync(purpose, memberId, input.Nonce, ct) is { } earlier)
                return (null, earlier, null);
            return (null, null, verification.Reason == TokenVerification.TokenExpired ? TokenExpired() : TokenInvalid());
        }

        var (activity, isMember, sameNonce) = await store.ScanTargetAsync(purpose, verification.Claims.SubjectSeq, memberId, input.Nonce, ct);
        if (activity is null) return (null, null, TokenInvalid());
        activities.Set(activity);
        if (sameNonce is not null)
        {
            return sameNonce.ActivityId == activity.Id
                ? (null, sameNonce, null)
                : (null, null, NonceReused());
        }
        if (activity.Cancelled) return (null, null, Cancelled());

        var (state, unavailable) = await StateAsync(activity.Id);
        if (unavailable is not null) return (null, null, unavailable);
        if (!state!.IsOpenAt(now)) return (null, null, NotOpen());
        if (verification.Claims.Epoch != state.Epoch) return (null, null, TokenExpired());
        if (purpose == TokenPurpose.CheckOut && !activity.TracksDuration) return (null, null, NotTracked());
        if (!isMember) return (null, null, NotMember());

        var (distance, outside) = Venue(activity, input);
        return outside is null ? (new PassedScan(activity, distance), null, null) : (null, null, outside);
    }

    /// <summary>The venue check of a scan: the distance (null without a venue), or location_required / out_of_range.</summary>
    private (double? Distance, ProblemHttpResult? Problem) Venue(CheckInActivity activity, ScanInput input)
    {
        if (activity.Latitude is not { } venueLat || activity.Longitude is not { } venueLng) return (null, null);
        if (input.Latitude is not { } lat || input.Longitude is not { } lng)
            return (null, Problems.Field("latitude", "This activity checks where you are: allow location and scan again.", "location_required"));
        var fence = Geofence.Check(venueLat, venueLng, activity.RadiusMeters ?? DefaultRadiusMeters, lat, lng,
            input.AccuracyMeters ?? 0, options.Value.MaxAccuracyMeters);
        if (!fence.Inside)
            return (null, Problems.Of(StatusCodes.Status403Forbidden, "out_of_range", "You are too far from the venue.",
                $"About {Math.Round(fence.DistanceMeters)} m from the venue."));
        return (fence.DistanceMeters, null);
    }

    private static ProblemHttpResult Unauthorized() =>
        Problems.Of(StatusCodes.Status401Unauthorized, "unauthorized", BearerAuthenticationHandler.UnauthorizedTitle);

    /// <summary>The session of <paramref name="bearerToken"/> alone (paths that do not read the open state with it): its member, or 401/403/503.</summary>
    private async Task<(Guid MemberId, ProblemHttpResult? Problem)> MemberOfAsync(string bearerToken)
    {
        Session? session;
        try
        {
            session = await sessions.FindAsync(bearerToken);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning(e, "Session of a scan unreadable: Redis unavailable");
            return (Guid.Empty, Unavailable());
        }
        if (session is null) return (Guid.Empty, Unauthorized());
        return session.Kind == SubjectKind.Member ? (session.Id, null) : (Guid.Empty, Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "You may not do this."));
    }

    /// <summary>
    /// A member's scan: see <see cref="CheckInRequest"/> and the refusals above. 201 new, 200 retry or already checked in.
    /// The member's bearer session is read here (<see cref="SessionCheckedByEndpoint"/>): 401 <c>unauthorized</c> for a
    /// missing, unknown or expired one, 403 <c>forbidden</c> for an admin's.
    /// </summary>
    /// <remarks>
    /// The hot path (issue 15): the activity comes from <see cref="CheckInActivityCache"/>; the session and the open state
    /// from Redis in one round trip; membership, nonce and insert are one statement of the group commit
    /// (<see cref="CheckInWriter"/>). Whatever that path would refuse (input, code, cached activity cancelled, closed,
    /// another epoch, the venue, or the database's own refusal) goes the full verification against fresh reads
    /// (<see cref="VerifyScanAsync"/>), so answers and their order are those of a scan without any cache.
    /// </remarks>
    public async Task<Results<Created<CheckInResult>, Ok<CheckInResult>, ProblemHttpResult>> ScanAsync(
        string? bearerToken, CheckInRequest request, CancellationToken ct)
    {
        if ((bearerToken is null ? null : sessions.SessionKey(bearerToken)) is not { } sessionKey) return Unauthorized();
        var (input, invalid) = ValidateScan(request.Token, request.ClientNonce, request.Latitude, request.Longitude, request.AccuracyMeters);
        var now = clock.GetUtcNow();
        var verification = input is null ? null : codec.Verify(input.Token, TokenPurpose.CheckIn, now);
        var activity = verification is { IsValid: true } ? activities.Get(verification.Claims!.SubjectSeq) : null;
        if (activity is null)
        {
            // Not the hot path: the session first (as authentication would have), then the full verification.
            var (member, refused) = await MemberOfAsync(bearerToken!);
            if (refused is not null) return refused;
            return invalid ?? await VerifiedScanAsync(member, input!, now, ct);
        }

        CheckInState state;
        Session? session;
        try
        {
            var (read, sessionValue) = await states.GetWithAsync(activity.Id, sessionKey);
            (state, session) = (read, sessions.Read(sessionKey, sessionValue));
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            logger.LogWarning(e, "Check-in state of {ActivityId} unreadable: Redis unavailable", activity.Id);
            return Unavailable();
        }
        if (session is null) return Unauthorized();
        if (session.Kind != SubjectKind.Member) return Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "You may not do this.");
        if (activity.Cancelled || !state.IsOpenAt(now) || verification!.Claims!.Epoch != state.Epoch)
            return await VerifiedScanAsync(session.Id, input!, now, ct);
        var (distance, outside) = Venue(activity, input!);
        if (outside is not null) return await VerifiedScanAsync(session.Id, input!, now, ct);
        return await WriteAsync(session.Id, input!, now, new PassedScan(activity, distance), ct);
    }

    /// <summary>A scan through the full verification against fresh reads, then written when it passes.</summary>
    private async Task<Results<Created<CheckInResult>, Ok<CheckInResult>, ProblemHttpResult>> VerifiedScanAsync(
        Guid memberId, ScanInput input, DateTimeOffset now, CancellationToken ct)
    {
        var (passed, sameNonce, refused) = await VerifyScanAsync(TokenPurpose.CheckIn, memberId, input, now, ct);
        if (sameNonce is not null) return TypedResults.Ok(sameNonce.AsResult(alreadyCheckedIn: false));
        if (refused is not null) return refused;
        return await WriteAsync(memberId, input, now, passed!, ct);
    }

    /// <summary>
    /// Hands a passed scan to the group commit and answers its own outcome once its batch committed: 201 new; 200 the same
    /// nonce again (that row) or already checked in with another nonce; 400 nonce_reused. When the database refused what
    /// the scan was checked against, the scan is verified afresh and written again (a few attempts always settle: only a
    /// concurrent undo or edit can refuse it twice). A batch that failed answers 503 <c>database_unavailable</c>: nothing
    /// of it is acknowledged, and the member's retry with the same nonce gets the right answer.
    /// </summary>
    private async Task<Results<Created<CheckInResult>, Ok<CheckInResult>, ProblemHttpResult>> WriteAsync(
        Guid memberId, ScanInput input, DateTimeOffset now, PassedScan passed, CancellationToken ct)
    {
        // Cut to the microseconds DATETIME(6) keeps, so a retry that reads the row gets the same body.
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var activity = passed.Activity;
            var id = Database.NewId();
            var scan = new NewScan(activity.Id, memberId, at, input.Nonce, input.Latitude, input.Longitude, input.AccuracyMeters, passed.DistanceMeters);
            ScanWriteOutcome outcome;
            try
            {
                outcome = await writer.WriteAsync(new BatchScan(id, scan, activity));
            }
            catch (Exception e) when (!Database.IsRetryable(e))
            {
                logger.LogWarning(e, "Check-in of {MemberId} at {ActivityId} not acknowledged: its batch failed", memberId, activity.Id);
                return Problems.Unavailable("database_unavailable", "The check-in was not confirmed; scan again (sending the same clientNonce is safe).");
            }
            switch (outcome.Kind)
            {
                case ScanWriteKind.Created:
                    var created = new CheckInRow
                    {
                        Id = id, ActivityId = activity.Id, ActivityTitle = activity.Title, MemberId = memberId, CheckedInAt = at,
                        Method = CheckInMethod.Scan, DistanceMeters = passed.DistanceMeters,
                    };
                    return TypedResults.Created("/api/v1/me/checkins", created.AsResult(alreadyCheckedIn: false));
                case ScanWriteKind.SameNonce:
                    return TypedResults.Ok(outcome.Row!.AsResult(alreadyCheckedIn: false));
                case ScanWriteKind.AlreadyCheckedIn:
                    return TypedResults.Ok(outcome.Row!.AsResult(alreadyCheckedIn: true));
                case ScanWriteKind.NonceReused:
                    return NonceReused();
            }
            var (again, sameNonce, refused) = await VerifyScanAsync(TokenPurpose.CheckIn, memberId, input, now, ct);
            if (sameNonce is not null) return TypedResults.Ok(sameNonce.AsResult(alreadyCheckedIn: false));
            if (refused is not null) return refused;
            passed = again!;
        }
        throw new InvalidOperationException("A check-in neither written nor refused after three attempts.");
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
        // "Check-in is open" to members not yet checked in, when the activity asks for it (issue 6).
        await reminders.CheckInOpenedAsync(activity.Id, ct);
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

    /// <summary>
    /// The current check-in (or check-out) code of an open check-in; check-out codes share its open state and epoch.
    /// 409 activity_cancelled, not_tracked (check-out of an activity that does not track duration), not_open.
    /// </summary>
    public async Task<(CheckInCodeDto? Code, ProblemHttpResult? Problem)> CodeAsync(Guid activityId, TokenPurpose purpose, ClaimsPrincipal user, CancellationToken ct)
    {
        var (activity, refused) = await LeadAsync(activityId, user, ct);
        if (refused is not null) return (null, refused);
        if (activity!.Cancelled) return (null, Cancelled());
        if (purpose == TokenPurpose.CheckOut && !activity.TracksDuration) return (null, NotTracked());
        var (state, unavailable) = await StateAsync(activity.Id);
        if (unavailable is not null) return (null, unavailable);
        var now = clock.GetUtcNow();
        if (!state!.IsOpenAt(now)) return (null, NotOpen());
        var issued = codec.Issue(purpose, activity.Seq, state.Epoch, now);
        return (new CheckInCodeDto(issued.Token, issued.ExpiresAt, issued.RefreshAfterSeconds), null);
    }

    /// <summary>One page of the attendance sheet, for the studio's leader and the admins above it (paging validated by the caller).</summary>
    public async Task<Results<Ok<AttendanceSheet>, ProblemHttpResult>> AttendanceAsync(
        Guid activityId, ClaimsPrincipal user, int page, int pageSize, CancellationToken ct)
    {
        var activity = await store.ActivityAsync(activityId, ct);
        if (activity is null) return Problems.NotFound("Activity");
        var right = await access.RightAsync(activity.StudioId, user, ct);
        if (right is not (StudioRight.Leader or StudioRight.Admin))
            return Problems.Forbidden("Only the studio's leader and the admins above it read attendance.");
        var (entries, members, present) = await store.AttendancePageAsync(activity.Id, activity.StudioId, page, pageSize, ct);
        var totals = new AttendanceTotals(members, present, members == 0 ? 0 : Math.Round((double)present / members, 4));
        return TypedResults.Ok(new AttendanceSheet(activity.Id, activity.Title, entries, totals, page, pageSize));
    }

    /// <summary>The member's own check-in at an activity. 404 not_found; 403 not_member (not in its studio and not checked in there).</summary>
    public async Task<Results<Ok<MyActivityCheckIn>, ProblemHttpResult>> MineAtAsync(Guid activityId, Guid memberId, CancellationToken ct)
    {
        var activity = await store.ActivityAsync(activityId, ct);
        if (activity is null) return Problems.NotFound("Activity");
        var live = await store.LiveAsync(activity.Id, memberId, ct);
        if (live is null && await store.ActiveRoleAsync(activity.StudioId, memberId, ct) is null) return NotMember();
        return TypedResults.Ok(new MyActivityCheckIn(
            activity.Id, activity.Title, activity.TracksDuration, live is not null, live?.Id, live?.CheckedInAt, live?.Method, live?.DistanceMeters,
            live?.CheckedOutAt, live?.CheckOutMethod, live?.DurationMinutes, live?.AutoClosed ?? false));
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
