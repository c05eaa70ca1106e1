namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// Reminders configuration, section <c>Reminders</c> (every key documented in appsettings.example.json).
/// Templates are configuration, not code: per kind, a mini-program subscribe template and/or an official-account
/// template, each with its WeChat field keys (type + index, e.g. <c>thing1</c>, <c>time2</c>) mapped to a value.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the scheduler and dispatcher loops in this process (tests turn them off and drive <c>RunOnceAsync</c>).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Seconds between two passes of the loops when nothing is due.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Minutes before an activity's start that members are reminded (default 24 h and 1 h).</summary>
    public int[] ActivityLeadMinutes { get; set; } = [1440, 60];

    /// <summary>Day of the month (Asia/Shanghai) the leader is reminded when no MonthlySeminar is scheduled that month.</summary>
    public int MonthlyDutyDay { get; set; } = 20;

    /// <summary>Local time (Asia/Shanghai, HH:mm) of leader reminders on their day.</summary>
    public string LeaderReminderTime { get; set; } = "09:00";

    /// <summary>
    /// Days before a call's <c>closesAt</c> that applicants still holding a Draft are reminded (CallDeadline), at the same time
    /// of day as <c>closesAt</c>; values below 1 count as 1. A draft started later than that is reminded at once.
    /// </summary>
    public int CallDeadlineLeadDays { get; set; } = 3;

    /// <summary>
    /// Days before a rectification's deadline (a local date, due by its end) that the leader is reminded while no report is
    /// in (RectificationDeadline), at <c>LeaderReminderTime</c>; values below 1 count as 1.
    /// </summary>
    public int RectificationDeadlineLeadDays { get; set; } = 3;

    /// <summary>Whether an activity whose leader has not chosen reminds members when its check-in opens (per activity: <c>PUT /api/v1/activities/{id}/reminder-settings</c>).</summary>
    public bool CheckInOpenedByDefault { get; set; }

    /// <summary>Reminder kinds turned off: never scheduled.</summary>
    public ReminderKind[] DisabledKinds { get; set; } = [];

    /// <summary>
    /// Rows one dispatcher transaction claims (FOR UPDATE SKIP LOCKED) and sends before it commits. A batch costs about the
    /// same few round trips and one durable commit whatever its size, so larger batches dispatch faster (scripts/bench-reminders.sh,
    /// 2 cores, /me under load: 2 × 20 → 592/s, 2 × 50 → 933/s, 3 × 50 → 1,307/s, 4 × 50 → 1,408/s; /me keeps 0.87×, 0.80×, 0.74×, 0.58× of its idle rate).
    /// </summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Concurrent dispatcher transactions per API instance (each holds a connection while its batch is sent).</summary>
    public int Workers { get; set; } = 3;

    /// <summary>Sends that may be attempted for one reminder (transient errors: -1, 45009, 45011, 40001/42001 after the refresh, network).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Backoff before attempt n+1: RetryBaseSeconds × 2^(n−1), capped at RetryMaxSeconds, times a random 0.5–1.5 (jitter).</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>Sends per second across every API instance (a Redis counter per second); 0 = no limit.</summary>
    public int SendsPerSecond { get; set; } = 20;

    /// <summary><c>miniprogram_state</c> of subscribe messages: <c>formal</c>, <c>trial</c> or <c>developer</c>.</summary>
    public string MiniProgramState { get; set; } = "formal";

    /// <summary>
    /// The official account whose template messages reach followers: its own AppId and AppSecret (secret:
    /// <c>Reminders__OfficialAccount__AppSecret</c>), hence its own access_token. Empty AppId: the mini-program's client is
    /// used, which is right only against the WeChat sandbox (it knows one app).
    /// </summary>
    public OfficialAccountOptions OfficialAccount { get; set; } = new();

    /// <summary>Templates per kind (the dictionary key is a <see cref="ReminderKind"/> name).</summary>
    public Dictionary<string, KindTemplates> Templates { get; set; } = new(StringComparer.Ordinal);

    public KindTemplates? For(ReminderKind kind) => Templates.GetValueOrDefault(kind.ToString());

    public bool IsEnabled(ReminderKind kind) => !DisabledKinds.Contains(kind);
}

/// <summary>The templates of one kind: <see cref="Subscribe"/> is tried first (when the member has a credit), then <see cref="Official"/> (when following).</summary>
public sealed class KindTemplates
{
    public TemplateConfig? Subscribe { get; set; }

    public TemplateConfig? Official { get; set; }
}

/// <summary>
/// One WeChat template: its <c>template_id</c>, the mini-program page it opens (<c>{activityId}</c>, <c>{studioId}</c> and
/// <c>{applicationId}</c> are filled in; no leading <c>/</c>), and <c>Fields</c>: WeChat key (type + index: <c>thing1</c>, <c>time2</c>, <c>phrase3</c>,
/// <c>name4</c>, <c>date5</c>, <c>character_string6</c>, …) → value text with placeholders <c>{Title}</c>, <c>{StartsAt}</c>,
/// <c>{EndsAt}</c>, <c>{Venue}</c>, <c>{Studio}</c>, <c>{Reason}</c>, <c>{Month}</c>, <c>{Deadline}</c>, <c>{Leader}</c>, <c>{Recipient}</c>,
/// and for ApplicationDecided <c>{Outcome}</c> (通过 / 未通过) and <c>{Note}</c> (where to read more: a rejection's reason is
/// read in the mini-program, it does not fit a field).
/// Each value is cut to its type's limit (<see cref="TemplateFields"/>).
/// </summary>
public sealed class TemplateConfig
{
    public string TemplateId { get; set; } = "";

    public string? Page { get; set; }

    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The official account that sends template messages: its AppId and AppSecret, the Token and EncodingAESKey of its own
/// message push (<c>/api/v1/wechat/official-account/push</c>, subscribe/unsubscribe events), and the full follower sync's pace.
/// </summary>
public sealed class OfficialAccountOptions
{
    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>Token of the account's message push (secret: <c>Reminders__OfficialAccount__PushToken</c>); its pushes are refused while empty.</summary>
    public string PushToken { get; set; } = "";

    /// <summary>The account's 43-character EncodingAESKey for safe mode (secret: <c>Reminders__OfficialAccount__EncodingAesKey</c>).</summary>
    public string EncodingAesKey { get; set; } = "";

    /// <summary>WeChat calls per second the follower sync makes at most (user/get and batchget), on the instance running it.</summary>
    public double SyncCallsPerSecond { get; set; } = 10;

    /// <summary>Seconds between two looks for a sync to run or resume; 0 = this instance never runs syncs (tests drive <c>FollowerSync.RunOnceAsync</c>).</summary>
    public double SyncPollSeconds { get; set; } = 10;

    /// <summary>Seconds a runner holds a sync without renewing it (each batch renews); a killed runner's sync is taken over after this.</summary>
    public double SyncLeaseSeconds { get; set; } = 60;

    /// <summary>Seconds a sync waits after 45011 (minute quota: "retry next minute").</summary>
    public double MinuteQuotaPauseSeconds { get; set; } = 60;

    /// <summary>Seconds a sync waits after a transient failure the client could not overcome (−1, network, open circuit).</summary>
    public double SyncRetrySeconds { get; set; } = 30;
}
