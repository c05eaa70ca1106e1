using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.Reminders;

/// <summary>What a reminder is about (issue 6 "What is sent").</summary>
public enum ReminderKind
{
    /// <summary>To every member: the activity starts soon (24 h and 1 h before, <c>Reminders:ActivityLeadMinutes</c>).</summary>
    ActivityUpcoming,
    /// <summary>To members already reminded: the activity's time, venue or title changed.</summary>
    ActivityChanged,
    /// <summary>To members already reminded: the activity is cancelled.</summary>
    ActivityCancelled,
    /// <summary>To members not yet checked in: check-in is open.</summary>
    CheckInOpened,
    /// <summary>To the leader: no MonthlySeminar scheduled this month by <c>Reminders:MonthlyDutyDay</c>.</summary>
    LeaderMonthlyDuty,
    /// <summary>To the leader: the year's progress report is due. Off until the report exists (ledger issue).</summary>
    LeaderAnnualReport,
    /// <summary>To the leader: the committee wrote (or rewrote) a round's 反馈意见 for the studio (issue 14); due at once.</summary>
    EvaluationFeedback,
    /// <summary>To the applicant of a Draft application: the call closes in <c>Reminders:CallDeadlineLeadDays</c> days (issue 13); withdrawn once the draft is submitted or the call closes or moves.</summary>
    CallDeadline,
    /// <summary>To the studio's leader: the rectification's deadline is <c>Reminders:RectificationDeadlineLeadDays</c> days away and no report is in (issue 13); withdrawn on report, close or revocation.</summary>
    RectificationDeadline,
    /// <summary>To the applicant: the committee approved or rejected the application (issue 13); planned with the decision, due at once.</summary>
    ApplicationDecided,
}

/// <summary>
/// Where a reminder stands. <c>Pending</c> waits for its time or its next attempt; <c>Sent</c> was accepted by WeChat;
/// <c>NoConsent</c>: no subscribe credit and not following the official account, or WeChat answered 43101;
/// <c>NotFollowing</c>: WeChat answered 43004 to a template message; <c>Failed</c>: WeChat refused it (47003, 40037, …)
/// or it stayed transient for every attempt; <c>Withdrawn</c>: no longer true when its time came (the activity moved or
/// was cancelled, the seminar got scheduled), never sent.
/// </summary>
public enum ReminderStatus { Pending, Sent, NoConsent, NotFollowing, Failed, Withdrawn }

/// <summary>
/// Why a reminder did not reach its recipient (the leader phones them): <c>NoConsent</c> no subscribe credit and no link to a
/// follower of the official account; <c>NotFollowing</c> linked, but they left the official account (or WeChat answered 43004);
/// <c>Blocked</c> they answered reject or ban to the subscribe template (<c>wx.requestSubscribeMessage</c>) and do not follow.
/// </summary>
public enum UndeliveredReason { NoConsent, NotFollowing, Blocked }

/// <summary>How a reminder reached the member: a mini-program subscribe message or an official-account template message.</summary>
public enum ReminderChannel { Subscribe, Template }

/// <summary>
/// <c>results</c>: what <c>wx.requestSubscribeMessage</c> returned, template id → <c>accept</c>, <c>reject</c>, <c>ban</c>
/// or <c>filter</c> (its <c>errMsg</c> key left out). Only the subscribe templates of <c>GET /api/v1/me/subscriptions</c>.
/// </summary>
public sealed record SubscriptionsRequest([Required, AllowedValues("accept", "reject", "ban", "filter")] Dictionary<string, string?>? Results);

/// <summary>
/// One subscribe template of a reminder kind and the member's standing with it: <c>credits</c> messages may still be sent
/// (one per <c>accept</c>); <c>lastResult</c> the last answer (null if never asked); <c>shouldAsk</c> true when there is no
/// credit left and the member has not rejected or banned it, so the mini-program asks again.
/// </summary>
public sealed record SubscriptionDto(string TemplateId, ReminderKind[] Kinds, int Credits, [AllowedValues("accept", "reject", "ban", "filter")] string? LastResult, bool ShouldAsk);

/// <summary>The member's subscribe templates and credits.</summary>
public sealed record SubscriptionsResponse(SubscriptionDto[] Templates);

/// <summary>
/// One reminder of the studio as the leader sees it: to whom, about what, when it was due, and what happened:
/// <c>status</c> (Pending, Sent, NoConsent, NotFollowing, Failed, Withdrawn), <c>channel</c> it went by, <c>attempts</c>,
/// WeChat's <c>lastErrcode</c> and <c>lastError</c>, and for one that did not arrive, <c>undeliveredReason</c> (NoConsent,
/// NotFollowing, Blocked: whom to phone and why). Times UTC.
/// </summary>
public sealed record ReminderDto
{
    public Guid Id { get; init; }
    public ReminderKind Kind { get; init; }
    public Guid SubjectId { get; init; }
    public string? ActivityTitle { get; init; }
    public Guid RecipientId { get; init; }
    public string? RecipientName { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public ReminderStatus Status { get; init; }
    public ReminderChannel? Channel { get; init; }
    public int Attempts { get; init; }
    public int? LastErrcode { get; init; }
    public string? LastError { get; init; }
    public UndeliveredReason? UndeliveredReason { get; init; }
    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>A page of the studio's reminders, latest due first, with the count per status over all of them.</summary>
public sealed record ReminderPage(ReminderDto[] Items, int Page, int PageSize, int Total, Dictionary<string, int> ByStatus);

/// <summary>The leader's reminder options of one activity: <c>checkInOpened</c> reminds members not yet checked in when check-in opens.</summary>
public sealed record ActivityReminderSettings(Guid ActivityId, bool CheckInOpened);

/// <summary>Set the activity's reminder options: <c>checkInOpened</c> (required).</summary>
public sealed record ActivityReminderSettingsRequest([Required] bool? CheckInOpened);
