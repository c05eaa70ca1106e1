using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>The dispatcher's rules without a database or WeChat: channel, WeChat's answers, backoff, withdrawal.</summary>
public sealed class ReminderPolicyTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly KindTemplates Both = new()
    {
        Subscribe = new TemplateConfig { TemplateId = "sub-upcoming" },
        Official = new TemplateConfig { TemplateId = "oa-upcoming" },
    };

    [Fact]
    public void AMemberWithACreditGetsASubscribeMessageEvenWhenFollowing()
    {
        var choice = ReminderPolicy.ChooseChannel(ReminderKind.ActivityUpcoming, Both, creditsLeft: 1, following: true, oaOpenId: "oa-1");

        Assert.Equal(ReminderChannel.Subscribe, choice.Channel);
        Assert.Equal("sub-upcoming", choice.Template?.TemplateId);
        Assert.Null(choice.NoConsentReason);
    }

    [Fact]
    public void AFollowerWithoutACreditGetsATemplateMessage()
    {
        var choice = ReminderPolicy.ChooseChannel(ReminderKind.ActivityUpcoming, Both, creditsLeft: 0, following: true, oaOpenId: "oa-1");

        Assert.Equal(ReminderChannel.Template, choice.Channel);
        Assert.Equal("oa-upcoming", choice.Template?.TemplateId);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(true, "")]
    public void WithoutACreditAndWithoutAKnownFollowingOpenidItIsNoConsent(bool following, string? oaOpenId)
    {
        var choice = ReminderPolicy.ChooseChannel(ReminderKind.ActivityUpcoming, Both, creditsLeft: 0, following, oaOpenId);

        Assert.Null(choice.Channel);
        Assert.Null(choice.Template);
        Assert.Equal((ReminderStatus.NoConsent, UndeliveredReason.NoConsent), (choice.Status, choice.Why));
        Assert.Equal("no subscribe credit and not following the official account", choice.NoConsentReason);
    }

    [Fact]
    public void WithoutACreditAMemberWhoUnfollowedTheAccountIsNotFollowing()
    {
        var choice = ReminderPolicy.ChooseChannel(ReminderKind.ActivityUpcoming, Both, creditsLeft: 0, following: false, oaOpenId: "oa-1");

        Assert.Null(choice.Channel);
        Assert.Equal((ReminderStatus.NotFollowing, UndeliveredReason.NotFollowing), (choice.Status, choice.Why));
    }

    [Fact]
    public void WithoutACreditAMemberWhoRefusedTheTemplateAndDoesNotFollowIsBlocked()
    {
        var choice = ReminderPolicy.ChooseChannel(ReminderKind.ActivityUpcoming, Both, creditsLeft: 0, following: false, oaOpenId: null, refused: true);

        Assert.Equal((ReminderStatus.NoConsent, UndeliveredReason.Blocked), (choice.Status, choice.Why));
    }

    [Fact]
    public void AFollowerWhoRefusedTheSubscribeTemplateStillGetsATemplateMessage()
    {
        var choice = ReminderPolicy.ChooseChannel(ReminderKind.ActivityUpcoming, Both, creditsLeft: 0, following: true, oaOpenId: "oa-1", refused: true);

        Assert.Equal(ReminderChannel.Template, choice.Channel);
    }

    [Fact]
    public void AKindWithoutTemplatesIsNoConsentAndSaysSo()
    {
        var choice = ReminderPolicy.ChooseChannel(ReminderKind.LeaderAnnualReport, null, creditsLeft: 3, following: true, oaOpenId: "oa-1");

        Assert.Null(choice.Channel);
        Assert.Equal("no template is configured for LeaderAnnualReport", choice.NoConsentReason);
    }

    [Fact]
    public void AnEmptyTemplateIdIsNotAChannel()
    {
        var templates = new KindTemplates { Subscribe = new TemplateConfig { TemplateId = "" }, Official = new TemplateConfig { TemplateId = "oa" } };

        Assert.Null(ReminderPolicy.SubscribeTemplate(templates));
        Assert.Equal(ReminderChannel.Template, ReminderPolicy.ChooseChannel(ReminderKind.ActivityChanged, templates, 5, true, "oa-1").Channel);
    }

    [Theory]
    [InlineData(43101, SendVerdict.NoConsent)]
    [InlineData(43004, SendVerdict.NotFollowing)]
    [InlineData(-1, SendVerdict.RetryLater)]
    [InlineData(45009, SendVerdict.RetryLater)]
    [InlineData(45011, SendVerdict.RetryLater)]
    [InlineData(WeChatError.NetworkError, SendVerdict.RetryLater)]
    [InlineData(40001, SendVerdict.RetryLater)]
    [InlineData(42001, SendVerdict.RetryLater)]
    [InlineData(47003, SendVerdict.Refused)]
    [InlineData(40037, SendVerdict.Refused)]
    [InlineData(40003, SendVerdict.Refused)]
    [InlineData(40013, SendVerdict.Refused)]
    public void WeChatsErrorCodesBecomeVerdicts(int errCode, SendVerdict expected)
    {
        Assert.Equal(expected, ReminderPolicy.Judge(new WeChatError(errCode, "msg"), attemptsBefore: 0, maxAttempts: 5));
    }

    [Fact]
    public void NoErrorIsSent()
    {
        Assert.Equal(SendVerdict.Sent, ReminderPolicy.Judge(null, attemptsBefore: 4, maxAttempts: 5));
    }

    [Fact]
    public void ATransientErrorOnTheLastAttemptGivesUpButARefusalNeverRetries()
    {
        var busy = new WeChatError(WeChatError.SystemBusy, "system busy");

        Assert.Equal(SendVerdict.RetryLater, ReminderPolicy.Judge(busy, attemptsBefore: 1, maxAttempts: 3));
        Assert.Equal(SendVerdict.GaveUp, ReminderPolicy.Judge(busy, attemptsBefore: 2, maxAttempts: 3));
        Assert.Equal(SendVerdict.GaveUp, ReminderPolicy.Judge(busy, attemptsBefore: 0, maxAttempts: 1));
        Assert.Equal(SendVerdict.Refused, ReminderPolicy.Judge(new WeChatError(47003, "argument invalid"), attemptsBefore: 0, maxAttempts: 3));
    }

    [Theory]
    [InlineData(SendVerdict.Sent, ReminderStatus.Sent)]
    [InlineData(SendVerdict.NoConsent, ReminderStatus.NoConsent)]
    [InlineData(SendVerdict.NotFollowing, ReminderStatus.NotFollowing)]
    [InlineData(SendVerdict.RetryLater, ReminderStatus.Pending)]
    [InlineData(SendVerdict.GaveUp, ReminderStatus.Failed)]
    [InlineData(SendVerdict.Refused, ReminderStatus.Failed)]
    public void EachVerdictLeavesTheReminderInItsStatus(SendVerdict verdict, ReminderStatus status)
    {
        Assert.Equal(status, ReminderPolicy.StatusOf(verdict));
    }

    [Fact]
    public void TheBackoffDoublesUpToItsCapWithJitter()
    {
        var options = new ReminderOptions { RetryBaseSeconds = 30, RetryMaxSeconds = 600 };
        Assert.Equal(TimeSpan.FromSeconds(15), ReminderPolicy.Backoff(1, options, 0));
        Assert.Equal(90, Math.Round(ReminderPolicy.Backoff(2, options, 0.999999).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(120), ReminderPolicy.Backoff(3, options, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(600), ReminderPolicy.Backoff(10, options, 0.5));
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);

    private static DueReminder Upcoming(DateTimeOffset startsAt) => new()
    {
        Kind = ReminderKind.ActivityUpcoming, RecipientActive = true, ActivityStatus = "Scheduled",
        AboutStartsAt = startsAt, StartsAt = startsAt, EndsAt = startsAt.AddHours(2), DueAt = startsAt.AddHours(-1),
    };

    [Fact]
    public void AnUpcomingReminderStillTrueIsNotWithdrawn()
    {
        Assert.Null(ReminderPolicy.WithdrawReason(Upcoming(Now.AddMinutes(30)), Now));
    }

    [Fact]
    public void AReminderIsWithdrawnWhenItsActivityMovedStartedOrWasCancelledOrItsRecipientLeft()
    {
        var due = Upcoming(Now.AddMinutes(30));

        Assert.Equal("the activity moved", ReminderPolicy.WithdrawReason(due with { StartsAt = Now.AddDays(1) }, Now));
        Assert.Equal("the activity has started", ReminderPolicy.WithdrawReason(Upcoming(Now.AddMinutes(-1)), Now));
        Assert.Equal("the activity is cancelled", ReminderPolicy.WithdrawReason(due with { ActivityStatus = "Cancelled" }, Now));
        Assert.Equal("the recipient left the studio", ReminderPolicy.WithdrawReason(due with { RecipientActive = false }, Now));
        Assert.Equal("the activity is over or cancelled",
            ReminderPolicy.WithdrawReason(due with { Kind = ReminderKind.CheckInOpened, EndsAt = Now.AddMinutes(-5) }, Now));
    }

    [Fact]
    public void TheLeadersRemindersAreWithdrawnOnceTheirDutyIsDone()
    {
        var leader = new DueReminder { RecipientActive = true, DueAt = Now };

        Assert.Null(ReminderPolicy.WithdrawReason(leader with { Kind = ReminderKind.LeaderMonthlyDuty }, Now));
        Assert.Equal("a MonthlySeminar is scheduled this month",
            ReminderPolicy.WithdrawReason(leader with { Kind = ReminderKind.LeaderMonthlyDuty, SeminarScheduled = true }, Now));
        Assert.Equal("the year's progress report is submitted",
            ReminderPolicy.WithdrawReason(leader with { Kind = ReminderKind.LeaderAnnualReport, ReportSubmitted = true }, Now));
    }

    [Fact]
    public void TheStageDeadlineRemindersAreWithdrawnOnceNoLongerTrueAndADecisionNeverIs()
    {
        var closes = Now.AddDays(2);
        // A row without a studio (the application kinds): its recipient counts as active (the claim's SQL says so).
        var call = new DueReminder { Kind = ReminderKind.CallDeadline, RecipientActive = true, DueAt = Now, StudioId = null,
                                     ApplicationStatus = "Draft", AboutStartsAt = closes, CallClosesAt = closes };
        Assert.Null(ReminderPolicy.WithdrawReason(call, Now));
        Assert.Equal("the draft is no longer a draft (submitted or withdrawn)", ReminderPolicy.WithdrawReason(call with { ApplicationStatus = "Submitted" }, Now));
        Assert.Equal("the draft is no longer a draft (submitted or withdrawn)", ReminderPolicy.WithdrawReason(call with { ApplicationStatus = null }, Now));
        Assert.Equal("the call's deadline changed", ReminderPolicy.WithdrawReason(call with { CallClosesAt = closes.AddDays(7) }, Now));
        Assert.Equal("the call has closed", ReminderPolicy.WithdrawReason(call, closes));

        var rectification = new DueReminder { Kind = ReminderKind.RectificationDeadline, RecipientActive = true, DueAt = Now, StudioId = Guid.NewGuid(),
                                              RectificationStatus = "Open", AboutStartsAt = closes };
        Assert.Null(ReminderPolicy.WithdrawReason(rectification, Now));
        foreach (var status in new[] { "Reported", "Closed", "Revoked" })
            Assert.Equal("the rectification is reported, closed or revoked", ReminderPolicy.WithdrawReason(rectification with { RectificationStatus = status }, Now));
        Assert.Equal("the rectification's deadline has passed", ReminderPolicy.WithdrawReason(rectification, closes));
        Assert.Equal("the recipient left the studio", ReminderPolicy.WithdrawReason(rectification with { RecipientActive = false }, Now));

        var decided = new DueReminder { Kind = ReminderKind.ApplicationDecided, RecipientActive = true, DueAt = Now, ApplicationStatus = "Rejected" };
        Assert.Null(ReminderPolicy.WithdrawReason(decided, Now.AddDays(30)));
    }

    [Fact]
    public void TheLocalMonthAndYearAreShanghais()
    {
        // 31 December 2026 17:00 UTC is already 1 January 2027 in Shanghai.
        var at = new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero);

        var (start, end) = ReminderPolicy.LocalMonth(at, Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 16, 0, 0, TimeSpan.Zero), end.ToUniversalTime());
        Assert.Equal(2027, ReminderPolicy.LocalYear(at, Shanghai));
    }
}
