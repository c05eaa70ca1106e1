using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>Check-in endpoints: the leader opens, closes and shows the rotating code; members scan; attendance and manual marks.</summary>
public static class CheckInsApi
{
    /// <summary>Pixels per QR module: a 32-character code at ECC level M is 29×29 modules (plus the quiet zone), about 450 px.</summary>
    private const int PixelsPerModule = 12;

    public static IEndpointRouteBuilder MapCheckIns(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/v1/activities/{id:guid}").WithTags("CheckIns").RequireAuthorization();
        activities.MapPost("/checkin/open", OpenAsync).WithName("OpenCheckIn").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader opens check-in until the end of the activity's check-in window (startsAt − checkInOpensMinutesBefore … endsAt + checkInClosesMinutesAfter). 403 forbidden; 404 not_found; 409 activity_cancelled, outside_window; 503 checkin_unavailable.");
        activities.MapPost("/checkin/close", CloseAsync).WithName("CloseCheckIn").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader closes check-in; every code shown so far stops working at once. 403 forbidden; 404 not_found; 503 checkin_unavailable.");
        activities.MapGet("/checkin/code", CodeAsync).WithName("GetCheckInCode").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader's current rotating code {token, expiresAt, refreshAfterSeconds}; not cached. 403 forbidden; 404 not_found; 409 activity_cancelled, not_open; 503 checkin_unavailable.");
        activities.MapGet("/checkin/code.png", CodePngAsync).WithName("GetCheckInCodePng").RequireAuthorization(CurrentUser.MemberPolicy).Produces(StatusCodes.Status200OK, contentType: "image/png")
            .WithSummary("The current code as a projector-sized QR PNG (ECC M); not cached. 403 forbidden; 404 not_found; 409 activity_cancelled, not_open; 503 checkin_unavailable.");
        activities.MapGet("/checkout/code", CheckOutCodeAsync).WithName("GetCheckOutCode").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader's current rotating check-out code {token, expiresAt, refreshAfterSeconds} of an activity that tracks duration; shares check-in's open state. 403 forbidden; 404 not_found; 409 activity_cancelled, not_tracked, not_open; 503 checkin_unavailable.");
        activities.MapGet("/checkout/code.png", CheckOutCodePngAsync).WithName("GetCheckOutCodePng").RequireAuthorization(CurrentUser.MemberPolicy).Produces(StatusCodes.Status200OK, contentType: "image/png")
            .WithSummary("The current check-out code as a projector-sized QR PNG (ECC M). 403 forbidden; 404 not_found; 409 activity_cancelled, not_tracked, not_open; 503 checkin_unavailable.");
        activities.MapPost("/checkin/scan-member", CheckInByPassAsync).WithName("CheckInByMemberPass").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader scans a member's pass {token} to check them in; audited. 201 new; 200 already checked in (alreadyCheckedIn). 400 validation_failed, token_invalid; 403 forbidden, not_member; 404 not_found; 409 activity_cancelled, not_open; 410 token_expired; 503 checkin_unavailable.");
        activities.MapPost("/checkout/scan-member", CheckOutByPassAsync).WithName("CheckOutByMemberPass").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader scans a member's pass {token} to check them out; audited. 400 validation_failed, token_invalid; 403 forbidden, not_member; 404 not_found; 409 activity_cancelled, not_tracked, not_open, not_checked_in, already_checked_out; 410 token_expired; 503 checkin_unavailable.");
        activities.MapPut("/attendance/{memberId:guid}/checkout", ReviewCheckOutAsync).WithName("ReviewCheckOut").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader confirms (no checkedOutAt) or corrects {checkedOutAt, reason} a check-out, e.g. an auto-closed one; audited. 400 validation_failed; 403 forbidden; 404 not_found; 409 activity_cancelled, not_tracked, not_checked_in, not_checked_out.");
        activities.MapGet("/attendance", AttendanceAsync).WithName("GetAttendance")
            .WithSummary("Attendance of every active person of the studio (leader included), present first by check-in time, paged (page ≥ 1, pageSize 1–500, default 100), with totals of the whole sheet; for the leader and admins above. 400 validation_failed; 403 forbidden; 404 not_found.");
        activities.MapGet("/checkins/me", MineAtAsync).WithName("GetMyActivityCheckIn").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The member's own check-in at this activity: whether, when and how (Scan, Pass, Manual), and for an activity that tracks duration the check-out and duration. 403 not_member; 404 not_found.");
        activities.MapPut("/attendance/{memberId:guid}", MarkAsync).WithName("MarkAttendance").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader marks a person present by hand {reason}; idempotent; audited. 400 validation_failed; 403 forbidden; 404 not_found, not_member; 409 activity_cancelled.");
        activities.MapDelete("/attendance/{memberId:guid}", UndoAsync).WithName("UndoAttendance").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The leader undoes a person's check-in {reason}; idempotent; audited. 400 validation_failed; 403 forbidden; 404 not_found, not_member; 409 activity_cancelled.");

        // The scan reads the member's session itself, in one Redis round trip with the open state (issue 15).
        app.MapPost("/api/v1/checkins", ScanAsync).WithTags("CheckIns").WithName("CheckIn")
            .RequireAuthorization(CurrentUser.BearerPresentPolicy).WithMetadata(SessionCheckedByEndpoint.Instance)
            .WithSummary("A member checks in with a scanned code. 201 new; 200 the same nonce again (same body) or already checked in (alreadyCheckedIn). 400 validation_failed, token_invalid, location_required, nonce_reused; 403 not_member, out_of_range; 409 not_open, activity_cancelled; 410 token_expired; 503 checkin_unavailable.");
        app.MapPost("/api/v1/checkouts", CheckOutAsync).WithTags("CheckIns").WithName("CheckOut").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("A member checks out of an activity that tracks duration with a scanned check-out code; duration in minutes, capped at the scheduled length plus CheckIn:CheckOutAllowanceMinutes. 200 also for the same nonce again (same body). 400 validation_failed, token_invalid (also a check-in code), location_required, nonce_reused; 403 not_member, out_of_range; 409 not_open, activity_cancelled, not_tracked, not_checked_in, already_checked_out; 410 token_expired; 503 checkin_unavailable.");
        app.MapGet("/api/v1/me/pass", PassAsync).WithTags("CheckIns").WithName("GetMyPass").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The member's rotating personal pass {token, expiresAt, refreshAfterSeconds} for a leader to scan when the member cannot scan; not cached.");
        app.MapGet("/api/v1/me/checkins", MineAsync).WithTags("CheckIns").WithName("ListMyCheckIns").RequireAuthorization(CurrentUser.MemberPolicy)
            .WithSummary("The member's own check-ins, latest first, paged (page ≥ 1, pageSize 1–100, default 20). 400 validation_failed.");
        return app;
    }

    private static Task<Results<Ok<CheckInStatusDto>, ProblemHttpResult>> OpenAsync(Guid id, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.OpenAsync(id, user, ct);

    private static Task<Results<Ok<CheckInStatusDto>, ProblemHttpResult>> CloseAsync(Guid id, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.CloseAsync(id, user, ct);

    private static Task<Results<Ok<CheckInCodeDto>, ProblemHttpResult>> CodeAsync(
        Guid id, ClaimsPrincipal user, CheckInService checkIns, HttpContext http, CancellationToken ct) =>
        CodeOfAsync(TokenPurpose.CheckIn, id, user, checkIns, http, ct);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> CodePngAsync(
        Guid id, ClaimsPrincipal user, CheckInService checkIns, HttpContext http, CancellationToken ct) =>
        CodePngOfAsync(TokenPurpose.CheckIn, id, user, checkIns, http, ct);

    private static Task<Results<Ok<CheckInCodeDto>, ProblemHttpResult>> CheckOutCodeAsync(
        Guid id, ClaimsPrincipal user, CheckInService checkIns, HttpContext http, CancellationToken ct) =>
        CodeOfAsync(TokenPurpose.CheckOut, id, user, checkIns, http, ct);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> CheckOutCodePngAsync(
        Guid id, ClaimsPrincipal user, CheckInService checkIns, HttpContext http, CancellationToken ct) =>
        CodePngOfAsync(TokenPurpose.CheckOut, id, user, checkIns, http, ct);

    /// <summary>The current code of one purpose as JSON; never cached (it rotates).</summary>
    private static async Task<Results<Ok<CheckInCodeDto>, ProblemHttpResult>> CodeOfAsync(
        TokenPurpose purpose, Guid id, ClaimsPrincipal user, CheckInService checkIns, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var (code, problem) = await checkIns.CodeAsync(id, purpose, user, ct);
        return code is null ? problem! : TypedResults.Ok(code);
    }

    /// <summary>The current code of one purpose as a projector-sized QR PNG; never cached.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CodePngOfAsync(
        TokenPurpose purpose, Guid id, ClaimsPrincipal user, CheckInService checkIns, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var (code, problem) = await checkIns.CodeAsync(id, purpose, user, ct);
        return code is null ? problem! : TypedResults.File(Png(code.Token), "image/png");
    }

    private static Task<Results<Created<CheckInResult>, Ok<CheckInResult>, ProblemHttpResult>> CheckInByPassAsync(
        Guid id, MemberScanRequest request, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.CheckInByPassAsync(id, request, user, ct);

    private static Task<Results<Ok<CheckOutResult>, ProblemHttpResult>> CheckOutByPassAsync(
        Guid id, MemberScanRequest request, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.CheckOutByPassAsync(id, request, user, ct);

    private static Task<Results<Ok<CheckOutResult>, ProblemHttpResult>> ReviewCheckOutAsync(
        Guid id, Guid memberId, CheckOutReviewRequest request, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.ReviewCheckOutAsync(id, memberId, request, user, ct);

    private static Task<Results<Ok<CheckOutResult>, ProblemHttpResult>> CheckOutAsync(
        CheckOutRequest request, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.CheckOutAsync(user.Id(), request, ct);

    private static async Task<Ok<CheckInCodeDto>> PassAsync(ClaimsPrincipal user, CheckInService checkIns, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await checkIns.PassAsync(user.Id(), ct));
    }

    private static byte[] Png(string token)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    /// <summary>Largest attendance page: a whole team at the programmes' largest cap.</summary>
    private const int MaxAttendancePageSize = 500;

    private static async Task<Results<Ok<AttendanceSheet>, ProblemHttpResult>> AttendanceAsync(
        Guid id, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct, int page = 1, int pageSize = 100)
    {
        if (new Validation().Paging(page, pageSize, MaxAttendancePageSize).Problem is { } invalid) return invalid;
        return await checkIns.AttendanceAsync(id, user, page, pageSize, ct);
    }

    private static Task<Results<Ok<MyActivityCheckIn>, ProblemHttpResult>> MineAtAsync(Guid id, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.MineAtAsync(id, user.Id(), ct);

    private static Task<Results<Ok<AttendanceEntry>, ProblemHttpResult>> MarkAsync(
        Guid id, Guid memberId, AttendanceChangeRequest request, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.ChangeAsync(id, memberId, request, present: true, user, ct);

    private static Task<Results<Ok<AttendanceEntry>, ProblemHttpResult>> UndoAsync(
        Guid id, Guid memberId, [FromBody] AttendanceChangeRequest request, ClaimsPrincipal user, CheckInService checkIns, CancellationToken ct) =>
        checkIns.ChangeAsync(id, memberId, request, present: false, user, ct);

    private static Task<Results<Created<CheckInResult>, Ok<CheckInResult>, ProblemHttpResult>> ScanAsync(
        CheckInRequest request, HttpRequest http, CheckInService checkIns, CancellationToken ct) =>
        checkIns.ScanAsync(BearerAuthenticationHandler.BearerToken(http), request, ct);

    private static async Task<Results<Ok<MyCheckInPage>, ProblemHttpResult>> MineAsync(
        ClaimsPrincipal user, CheckInStore store, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        if (new Validation().Paging(page, pageSize).Problem is { } invalid) return invalid;
        return TypedResults.Ok(await store.MineAsync(user.Id(), page, pageSize, ct));
    }
}
