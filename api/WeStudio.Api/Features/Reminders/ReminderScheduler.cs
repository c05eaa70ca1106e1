using Microsoft.Extensions.Options;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// Puts reminders into the outbox (table <c>reminders</c>, <see cref="RemindersStore"/>): one row per (kind, subject,
/// recipient, occasion), so scheduling twice, or on two instances at once, sends once. Rows are inserted when they are due,
/// with the membership of that moment; <see cref="ReminderDispatcher"/> sends them. This class decides what is due when
/// (leads, the leader's days, occasions); the store runs it.
/// </summary>
public sealed class ReminderScheduler(RemindersStore store, IOptionsMonitor<ReminderOptions> options, Calendar calendar, TimeProvider clock, ILogger<ReminderScheduler> logger)
{
    private ReminderOptions Options => options.CurrentValue;

    /// <summary>
    /// One pass of the time-driven kinds: activity reminders now due, the leader's monthly duty and annual report, the call
    /// deadline to applicants with drafts and the rectification deadline to leaders (issue 13). Each kind in
    /// <c>DisabledKinds</c> is skipped. Returns the rows added.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        if (Options.IsEnabled(ReminderKind.ActivityUpcoming)) added += await UpcomingAsync(now, ct);
        if (Options.IsEnabled(ReminderKind.LeaderMonthlyDuty)) added += await MonthlyDutyAsync(now, ct);
        if (Options.IsEnabled(ReminderKind.LeaderAnnualReport)) added += await AnnualReportAsync(now, ct);
        if (Options.IsEnabled(ReminderKind.CallDeadline)) added += await store.ScheduleCallDeadlineAsync(Math.Max(1, Options.CallDeadlineLeadDays), now, ct);
        if (Options.IsEnabled(ReminderKind.RectificationDeadline)) added += await RectificationDeadlineAsync(now, ct);
        if (added > 0) logger.LogInformation("Scheduled {Count} reminders", added);
        return added;
    }

    /// <summary>
    /// For each lead (e.g. 1440 and 60 minutes), every active member of a studio with an activity whose reminder time for that
    /// lead has come and whose next shorter lead has not: an activity scheduled 2 h ahead gets its "24 h" reminder at once and
    /// its 1 h reminder an hour later, and none is sent once the activity has started. An activity is expanded to its members
    /// once per lead (later passes skip it, so a pass costs little however large the studios): a member who joins after a
    /// lead's reminders were scheduled gets the next lead's.
    /// </summary>
    private async Task<int> UpcomingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var leads = Options.ActivityLeadMinutes.Where(l => l > 0).Distinct().OrderDescending().ToArray();
        var added = 0;
        for (var i = 0; i < leads.Length; i++)
        {
            var nextLead = i + 1 < leads.Length ? leads[i + 1] : 0;
            added += await store.ScheduleUpcomingAsync(leads[i], nextLead, now, ct);
        }
        return added;
    }

    /// <summary>
    /// From <c>MonthlyDutyDay</c> at <c>LeaderReminderTime</c> (Asia/Shanghai) to the month's end: the leader of every active or
    /// rectifying studio without a MonthlySeminar scheduled in that month whose programme owes one (its rule set, its cycle),
    /// once a month (occasion <c>yyyy-MM</c>).
    /// </summary>
    private async Task<int> MonthlyDutyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = calendar.Today;
        var day = Math.Clamp(Options.MonthlyDutyDay, 1, DateTime.DaysInMonth(today.Year, today.Month));
        var dueAt = calendar.At(new DateOnly(today.Year, today.Month, day), LeaderTime);
        if (dueAt > now) return 0;
        var monthStart = calendar.At(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);
        var monthEnd = calendar.At(new DateOnly(today.Year, today.Month, 1).AddMonths(1), TimeOnly.MinValue);
        return await store.ScheduleMonthlyDutyAsync($"{today.Year:D4}-{today.Month:D2}", dueAt, monthStart, monthEnd, new DateOnly(today.Year, today.Month, 1), ct);
    }

    /// <summary>
    /// 1 and 20 December at <c>LeaderReminderTime</c>: the leader of every active or rectifying studio whose programme owes
    /// a progress report for the year (a CalendarYear ProgressReport requirement, the year's end inside the cycle) and whose
    /// report of the year is not submitted (Liuzhou, seeds/000: "每年 12 月底前，需提交年度建设进展报告"; a returned report
    /// counts as not submitted). The dispatcher withdraws the reminder if the report is submitted before it goes out.
    /// </summary>
    private async Task<int> AnnualReportAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = calendar.Today;
        if (today.Month != 12) return 0;
        var day = today.Day >= 20 ? 20 : 1;
        var dueAt = calendar.At(new DateOnly(today.Year, 12, day), LeaderTime);
        if (dueAt > now) return 0;
        return await store.ScheduleAnnualReportAsync($"{today.Year:D4}-12-{day:D2}", dueAt, today.Year, ct);
    }

    /// <summary>
    /// The leader of every Rectifying studio whose rectification is still Open (no report) is reminded
    /// <c>RectificationDeadlineLeadDays</c> days before its deadline at <c>LeaderReminderTime</c> (Asia/Shanghai), once per
    /// deadline: the deadlines whose reminder time has come and which have not passed are today up to today + lead days, or
    /// up to the day before that while the reminder time of today has not come. A rectification opened closer to its
    /// deadline than the lead is reminded at once. The dispatcher withdraws it if the report comes in (or the rectification is
    /// closed or revoked) before it goes out.
    /// </summary>
    private async Task<int> RectificationDeadlineAsync(DateTimeOffset now, CancellationToken ct)
    {
        var lead = Math.Max(1, Options.RectificationDeadlineLeadDays);
        var today = calendar.Today;
        var timeHasCome = calendar.At(today, LeaderTime) <= now;
        var lastDeadline = today.AddDays(timeHasCome ? lead : lead - 1);
        // One UTC offset for every row's local time: right for Asia/Shanghai (no daylight saving since 1991); a zone with DST
        // would put a reminder an hour off near a change, never on a wrong day.
        return await store.ScheduleRectificationDeadlineAsync(lead, today, lastDeadline, LeaderTime, calendar.Zone.GetUtcOffset(now), ct);
    }

    /// <summary>
    /// The applicant is told the committee's decision (ApplicationDecided), planned inside the decision's transaction
    /// (<paramref name="conn"/>, <paramref name="tx"/>) so the message exists exactly when the decision does; nothing when the
    /// kind is in <c>DisabledKinds</c>.
    /// </summary>
    public Task ApplicationDecidedAsync(MySqlConnector.MySqlConnection conn, MySqlConnector.MySqlTransaction tx, Guid applicationId, DateTimeOffset now, CancellationToken ct) =>
        Options.IsEnabled(ReminderKind.ApplicationDecided) ? RemindersStore.PlanApplicationDecidedAsync(conn, tx, applicationId, now, ct) : Task.CompletedTask;

    private TimeOnly LeaderTime => TimeOnly.TryParse(Options.LeaderReminderTime, out var time) ? time : new TimeOnly(9, 0);

    /// <summary>
    /// After a leader edited an activity (ActivitiesApi): when its title, start, end or venue changed, members already reminded
    /// of it (ActivityUpcoming or CheckInOpened sent) get an ActivityChanged reminder, once per edit; pending reminders for the
    /// old start are withdrawn (the scheduler adds those for the new start when their time comes).
    /// </summary>
    public async Task ActivityChangedAsync(ActivityDto before, ActivityDto after, CancellationToken ct)
    {
        if (before.Title == after.Title && before.StartsAt == after.StartsAt && before.EndsAt == after.EndsAt && before.VenueName == after.VenueName) return;
        ReminderKind[] withdraw = before.StartsAt != after.StartsAt ? [ReminderKind.ActivityUpcoming] : [];
        (ReminderKind, string)? notify = Options.IsEnabled(ReminderKind.ActivityChanged)
            ? (ReminderKind.ActivityChanged, $"changed@{after.UpdatedAt.ToUnixTimeMilliseconds()}")
            : null;
        await store.WithdrawAndNotifyAsync(after.Id, withdraw, notify, clock.GetUtcNow(), ct);
    }

    /// <summary>After a leader cancelled an activity: its pending reminders are withdrawn and members already reminded get an ActivityCancelled reminder.</summary>
    public async Task ActivityCancelledAsync(Guid activityId, CancellationToken ct)
    {
        (ReminderKind, string)? notify = Options.IsEnabled(ReminderKind.ActivityCancelled) ? (ReminderKind.ActivityCancelled, "cancelled") : null;
        await store.WithdrawAndNotifyAsync(activityId, [ReminderKind.ActivityUpcoming, ReminderKind.CheckInOpened, ReminderKind.ActivityChanged],
            notify, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Check-in of the activity was opened: when the activity wants it (its reminder settings, else
    /// <c>CheckInOpenedByDefault</c>), every active member without a live check-in gets a CheckInOpened reminder,
    /// once per activity (reopening sends nothing new). Called by the check-in open endpoint; returns the rows added.
    /// </summary>
    public async Task<int> CheckInOpenedAsync(Guid activityId, CancellationToken ct)
    {
        if (!Options.IsEnabled(ReminderKind.CheckInOpened)) return 0;
        return await store.ScheduleCheckInOpenedAsync(activityId, Options.CheckInOpenedByDefault, clock.GetUtcNow(), ct);
    }
}
