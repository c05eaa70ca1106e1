using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// Volunteer service (DESIGN.md, "Check-in (the heart)", property 7): check-out with its own rotating code through the same
/// verification path as check-in, the member's pass the leader scans (reverse mode), and the leader's review of a check-out.
/// Refusals beyond check-in's: 409 <c>not_tracked</c>, <c>not_checked_in</c>, <c>already_checked_out</c>, <c>not_checked_out</c>.
/// </summary>
public sealed partial class CheckInService
{
    /// <summary>The reason written in the audit of a pass scan.</summary>
    private const string PassReason = "Member pass scanned by the leader";

    private static ProblemHttpResult NotCheckedIn() =>
        Problems.Conflict("not_checked_in", "There is no check-in to check out of: check in first.");

    private static ProblemHttpResult AlreadyCheckedOut() =>
        Problems.Conflict("already_checked_out", "Already checked out of this activity.");

    private int AllowanceMinutes => options.Value.CheckOutAllowanceMinutes;

    /// <summary>
    /// A member's scan of the check-out code: the check-in refusals (see <see cref="VerifyScanAsync"/>), then
    /// not_checked_in or already_checked_out. 200 with the check-out, also for the same nonce again (same body).
    /// </summary>
    public async Task<Results<Ok<CheckOutResult>, ProblemHttpResult>> CheckOutAsync(Guid memberId, CheckOutRequest request, CancellationToken ct)
    {
        var (input, invalid) = ValidateScan(request.Token, request.ClientNonce, request.Latitude, request.Longitude, request.AccuracyMeters);
        if (invalid is not null) return invalid;
        var now = clock.GetUtcNow();
        var (passed, sameNonce, refused) = await VerifyScanAsync(TokenPurpose.CheckOut, memberId, input!, now, ct);
        if (sameNonce is not null) return TypedResults.Ok(sameNonce.AsCheckOut());
        if (refused is not null) return refused;

        var checkOut = new NewCheckOut(passed!.Activity.Id, memberId, now, input!.Nonce,
            input.Latitude, input.Longitude, input.AccuracyMeters, passed.DistanceMeters);
        var outcome = await store.CheckOutByScanAsync(checkOut, AllowanceMinutes, ct);
        // The same nonce used at the same moment by this member's check-out of another activity.
        if (outcome.NonceReused)
            return Problems.Field("clientNonce", "This 'clientNonce' was already used for another scan; send a new one per scan.", "nonce_reused");
        // Closed now, or by a concurrent request with the same nonce (same answer); otherwise there was nothing to close.
        if (outcome.SameNonce is { } closed) return TypedResults.Ok(closed.AsCheckOut());
        return outcome.Live is null ? NotCheckedIn() : AlreadyCheckedOut();
    }

    /// <summary>The member's rotating personal pass (<see cref="TokenPurpose.MemberPass"/>, bound to <c>members.seq</c>), for the leader to scan.</summary>
    public async Task<CheckInCodeDto> PassAsync(Guid memberId, CancellationToken ct)
    {
        var seq = await store.MemberSeqAsync(memberId, ct);
        var issued = codec.Issue(TokenPurpose.MemberPass, seq, 0, clock.GetUtcNow());
        return new CheckInCodeDto(issued.Token, issued.ExpiresAt, issued.RefreshAfterSeconds);
    }

    /// <summary>
    /// Reverse mode: the leader scans a member's pass to check them in. Refusals in order: 404 not_found, 403 forbidden,
    /// 409 activity_cancelled, 400 token_invalid / 410 token_expired (the pass), 503 checkin_unavailable, 409 not_open,
    /// 403 not_member. 201 new, 200 already checked in (<c>alreadyCheckedIn</c>). Audited as <c>PassCheckIn</c>.
    /// </summary>
    public async Task<Results<Created<CheckInResult>, Ok<CheckInResult>, ProblemHttpResult>> CheckInByPassAsync(
        Guid activityId, MemberScanRequest? request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (target, refused) = await VerifyPassAsync(activityId, TokenPurpose.CheckIn, request, user, ct);
        if (refused is not null) return refused;
        var (activity, memberId) = target!.Value;
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.CheckInByPassAsync(activity.Id, memberId, user.Id(), PassReason, now, ct) is { } created)
                return TypedResults.Created("/api/v1/me/checkins", created.AsResult(alreadyCheckedIn: false));
            if (await store.LiveAsync(activity.Id, memberId, ct) is { } existing)
                return TypedResults.Ok(existing.AsResult(alreadyCheckedIn: true));
        }
        throw new InvalidOperationException("A pass check-in neither inserted nor found after three attempts.");
    }

    /// <summary>
    /// Reverse mode: the leader scans a member's pass to check them out. The refusals of <see cref="CheckInByPassAsync"/>
    /// plus 409 not_tracked, not_checked_in, already_checked_out. 200 with the check-out. Audited as <c>PassCheckOut</c>.
    /// </summary>
    public async Task<Results<Ok<CheckOutResult>, ProblemHttpResult>> CheckOutByPassAsync(
        Guid activityId, MemberScanRequest? request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (target, refused) = await VerifyPassAsync(activityId, TokenPurpose.CheckOut, request, user, ct);
        if (refused is not null) return refused;
        var (activity, memberId) = target!.Value;
        if (await store.CheckOutByPassAsync(activity.Id, memberId, user.Id(), PassReason, clock.GetUtcNow(), AllowanceMinutes, ct) is { } closed)
            return TypedResults.Ok(closed.AsCheckOut());
        return await store.LiveAsync(activity.Id, memberId, ct) is null ? NotCheckedIn() : AlreadyCheckedOut();
    }

    /// <summary>The checks of a pass scan, in the order listed on <see cref="CheckInByPassAsync"/>; the activity and the member.</summary>
    private async Task<((CheckInActivity Activity, Guid MemberId)? Target, ProblemHttpResult? Problem)> VerifyPassAsync(
        Guid activityId, TokenPurpose purpose, MemberScanRequest? request, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = new Validation();
        if (string.IsNullOrEmpty(request?.Token)) v.Add("token", "'token' is required.");
        if (v.Problem is { } invalid) return (null, invalid);
        var (activity, refused) = await LeadAsync(activityId, user, ct);
        if (refused is not null) return (null, refused);
        if (activity!.Cancelled) return (null, Cancelled());
        if (purpose == TokenPurpose.CheckOut && !activity.TracksDuration) return (null, NotTracked());

        var now = clock.GetUtcNow();
        var verification = codec.Verify(request!.Token, TokenPurpose.MemberPass, now);
        if (!verification.IsValid)
            return (null, verification.Reason == TokenVerification.TokenExpired ? PassExpired() : PassInvalid());
        if (verification.Claims.Epoch != 0 || await store.MemberBySeqAsync(verification.Claims.SubjectSeq, ct) is not { } memberId)
            return (null, PassInvalid());

        var (state, unavailable) = await StateAsync(activity.Id);
        if (unavailable is not null) return (null, unavailable);
        if (!state!.IsOpenAt(now)) return (null, NotOpen());
        if (await store.ActiveRoleAsync(activity.StudioId, memberId, ct) is null)
            return (null, Problems.Of(StatusCodes.Status403Forbidden, "not_member", "This person is not a member of this activity's studio."));
        return ((activity, memberId), null);
    }

    private static ProblemHttpResult PassInvalid() =>
        Problems.Of(StatusCodes.Status400BadRequest, TokenVerification.TokenInvalid, "This member pass is not valid.");

    private static ProblemHttpResult PassExpired() =>
        Problems.Of(StatusCodes.Status410Gone, TokenVerification.TokenExpired, "This member pass has expired; ask the member to show it again.");

    /// <summary>
    /// The leader confirms (no <c>checkedOutAt</c>) or corrects a member's check-out, e.g. one the job auto-closed; audited.
    /// 400 validation_failed (reason; checkedOutAt before the check-in or in the future); 403 forbidden; 404 not_found;
    /// 409 activity_cancelled, not_tracked, not_checked_in, not_checked_out (a confirmation of an open check-in).
    /// </summary>
    public async Task<Results<Ok<CheckOutResult>, ProblemHttpResult>> ReviewCheckOutAsync(
        Guid activityId, Guid memberId, CheckOutReviewRequest? request, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Text("reason", request?.Reason, 200);
        if (v.Problem is { } invalid) return invalid;
        var (activity, refused) = await LeadAsync(activityId, user, ct);
        if (refused is not null) return refused;
        if (activity!.Cancelled) return Cancelled();
        if (!activity.TracksDuration) return NotTracked();

        var live = await store.LiveAsync(activity.Id, memberId, ct);
        if (live is null) return NotCheckedIn();
        var now = clock.GetUtcNow();
        if (request!.CheckedOutAt is { } correction)
        {
            if (correction < live.CheckedInAt) return Problems.Field("checkedOutAt", "'checkedOutAt' cannot be before the check-in.");
            if (correction > now) return Problems.Field("checkedOutAt", "'checkedOutAt' cannot be in the future.");
        }
        else if (live.CheckedOutAt is null)
        {
            return Problems.Conflict("not_checked_out", "This check-in is not checked out yet: give 'checkedOutAt' to close it.");
        }
        var reviewed = await store.ReviewCheckOutAsync(activity.Id, memberId, user.Id(), reason!, now, request.CheckedOutAt, AllowanceMinutes, ct);
        return reviewed is null ? NotCheckedIn() : TypedResults.Ok(reviewed.AsCheckOut());
    }
}
