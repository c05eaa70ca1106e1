using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Features.Reminders;

/// <summary>What the dispatcher makes of WeChat's answer to one send (<see cref="ReminderPolicy.Judge"/>).</summary>
public enum SendVerdict
{
    /// <summary><c>errcode</c> 0: Sent (a subscribe message spends its credit).</summary>
    Sent,
    /// <summary><c>43101</c>: the member has no subscription for the template; NoConsent, no credit spent.</summary>
    NoConsent,
    /// <summary><c>43004</c>: the member does not follow the official account; NotFollowing, the follower is forgotten.</summary>
    NotFollowing,
    /// <summary>Transient (<c>-1</c>, <c>45009</c>, <c>45011</c>, network) or a token still refused after the client's refresh
    /// (<c>40001</c>, <c>42001</c>) with attempts left: stays Pending until after a backoff.</summary>
    RetryLater,
    /// <summary>Transient for every one of <c>MaxAttempts</c> attempts: Failed.</summary>
    GaveUp,
    /// <summary>Any other code (<c>47003</c> a field value, <c>40037</c> an unknown template, <c>40003</c> a bad openid): our bug
    /// or our configuration; Failed at once and logged as an error.</summary>
    Refused,
}

/// <summary>
/// The channel a reminder goes by: the <paramref name="Template"/> to send with on <paramref name="Channel"/>, or, when
/// neither channel is open to the member, no template, the <paramref name="NoConsentReason"/> text recorded as its last error,
/// the <paramref name="Status"/> it ends in (NoConsent or NotFollowing) and the <paramref name="Why"/> the leader sees.
/// </summary>
public sealed record ChannelChoice(ReminderChannel? Channel, TemplateConfig? Template, string? NoConsentReason,
    ReminderStatus Status = ReminderStatus.Pending, UndeliveredReason? Why = null);

/// <summary>
/// The dispatcher's rules, without I/O (issue 6 "What is sent"): which channel a reminder takes, what WeChat's
/// <c>errcode</c> makes of it, how long to wait before the next attempt, and when a due reminder is no longer true.
/// </summary>
public static class ReminderPolicy
{
    /// <summary>The kind's subscribe template, when one is configured (a non-empty <c>template_id</c>).</summary>
    public static TemplateConfig? SubscribeTemplate(KindTemplates? templates) =>
        templates?.Subscribe is { TemplateId.Length: > 0 } subscribe ? subscribe : null;

    /// <summary>The kind's official-account template, when one is configured.</summary>
    public static TemplateConfig? OfficialTemplate(KindTemplates? templates) =>
        templates?.Official is { TemplateId.Length: > 0 } official ? official : null;

    /// <summary>
    /// A subscribe message when the member has a credit left for the kind's subscribe template
    /// (<paramref name="creditsLeft"/>, net of what the batch already reserved); else a template message when the member's
    /// unionid follows the official account (<paramref name="following"/> with a known <paramref name="oaOpenId"/>);
    /// else, so the leader knows whom to phone and why: NotFollowing when the member's unionid is linked to a follower who left
    /// the account (<paramref name="oaOpenId"/> known, not <paramref name="following"/>); NoConsent/Blocked when the member
    /// <paramref name="refused"/> (reject or ban) the subscribe template; else NoConsent.
    /// </summary>
    public static ChannelChoice ChooseChannel(ReminderKind kind, KindTemplates? templates, int creditsLeft, bool following, string? oaOpenId, bool refused = false)
    {
        if (SubscribeTemplate(templates) is { } subscribe && creditsLeft > 0)
            return new ChannelChoice(ReminderChannel.Subscribe, subscribe, null);
        var official = OfficialTemplate(templates);
        if (official is not null && following && !string.IsNullOrEmpty(oaOpenId))
            return new ChannelChoice(ReminderChannel.Template, official, null);
        if (templates is null)
            return new ChannelChoice(null, null, $"no template is configured for {kind}", ReminderStatus.NoConsent, UndeliveredReason.NoConsent);
        if (official is not null && !following && !string.IsNullOrEmpty(oaOpenId))
            return new ChannelChoice(null, null, "no subscribe credit and the member unfollowed the official account", ReminderStatus.NotFollowing, UndeliveredReason.NotFollowing);
        if (refused)
            return new ChannelChoice(null, null, "the member refused the subscribe template (reject or ban) and does not follow the official account",
                ReminderStatus.NoConsent, UndeliveredReason.Blocked);
        return new ChannelChoice(null, null, "no subscribe credit and not following the official account", ReminderStatus.NoConsent, UndeliveredReason.NoConsent);
    }

    /// <summary>
    /// WeChat's answer to one send (<paramref name="error"/> null: accepted), after <paramref name="attemptsBefore"/> earlier
    /// attempts of the reminder, at most <paramref name="maxAttempts"/> in all: 0 → Sent; 43101 → NoConsent;
    /// 43004 → NotFollowing; -1, 45009, 45011, network, and 40001/42001 still refused after the client's refresh-and-retry →
    /// RetryLater, GaveUp on the last attempt; any other code → Refused.
    /// </summary>
    public static SendVerdict Judge(WeChatError? error, int attemptsBefore, int maxAttempts) => error switch
    {
        null => SendVerdict.Sent,
        { ErrCode: 43101 } => SendVerdict.NoConsent,
        { ErrCode: 43004 } => SendVerdict.NotFollowing,
        { IsTransient: true } or { IsAccessTokenRejected: true } =>
            attemptsBefore + 1 >= maxAttempts ? SendVerdict.GaveUp : SendVerdict.RetryLater,
        _ => SendVerdict.Refused,
    };

    /// <summary>The status a verdict leaves the reminder in.</summary>
    public static ReminderStatus StatusOf(SendVerdict verdict) => verdict switch
    {
        SendVerdict.Sent => ReminderStatus.Sent,
        SendVerdict.NoConsent => ReminderStatus.NoConsent,
        SendVerdict.NotFollowing => ReminderStatus.NotFollowing,
        SendVerdict.RetryLater => ReminderStatus.Pending,
        _ => ReminderStatus.Failed,
    };

    /// <summary>Wait before attempt <paramref name="attempts"/> + 1: base × 2^(attempts−1), capped, times 0.5–1.5 from <paramref name="random"/> ∈ [0, 1).</summary>
    public static TimeSpan Backoff(int attempts, ReminderOptions options, double random)
    {
        var seconds = Math.Min(options.RetryMaxSeconds, options.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.5 + random));
    }

    /// <summary>
    /// Why a due reminder is no longer true when its time came (it is then Withdrawn, never sent), or null. A row without a
    /// studio (the application kinds) has no membership to lose (<see cref="DueReminder.RecipientActive"/> is true for it);
    /// ApplicationDecided is never withdrawn: a decision is final.
    /// </summary>
    public static string? WithdrawReason(DueReminder row, DateTimeOffset now) => row.Kind switch
    {
        _ when !row.RecipientActive => "the recipient left the studio",
        ReminderKind.ActivityUpcoming when row.ActivityStatus != "Scheduled" => "the activity is cancelled",
        ReminderKind.ActivityUpcoming when row.StartsAt != row.AboutStartsAt => "the activity moved",
        ReminderKind.ActivityUpcoming when row.StartsAt <= now => "the activity has started",
        ReminderKind.CheckInOpened when row.ActivityStatus != "Scheduled" || row.EndsAt <= now => "the activity is over or cancelled",
        ReminderKind.ActivityChanged when row.ActivityStatus != "Scheduled" => "the activity is cancelled",
        ReminderKind.LeaderMonthlyDuty when row.SeminarScheduled => "a MonthlySeminar is scheduled this month",
        ReminderKind.LeaderAnnualReport when row.ReportSubmitted => "the year's progress report is submitted",
        ReminderKind.CallDeadline when row.ApplicationStatus != "Draft" => "the draft is no longer a draft (submitted or withdrawn)",
        ReminderKind.CallDeadline when row.CallClosesAt != row.AboutStartsAt => "the call's deadline changed",
        ReminderKind.CallDeadline when row.CallClosesAt <= now => "the call has closed",
        ReminderKind.RectificationDeadline when row.RectificationStatus != "Open" => "the rectification is reported, closed or revoked",
        ReminderKind.RectificationDeadline when row.AboutStartsAt <= now => "the rectification's deadline has passed",
        _ => null,
    };

    /// <summary>The first instant of the calendar month (in <paramref name="zone"/>) that <paramref name="at"/> falls in, and of the next month.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) LocalMonth(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var first = new DateTime(local.Year, local.Month, 1);
        return (new DateTimeOffset(first, zone.GetUtcOffset(first)), new DateTimeOffset(first.AddMonths(1), zone.GetUtcOffset(first.AddMonths(1))));
    }

    /// <summary>The calendar year (in <paramref name="zone"/>) that <paramref name="at"/> falls in.</summary>
    public static int LocalYear(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).Year;
}
