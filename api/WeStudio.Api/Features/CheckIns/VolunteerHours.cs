using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Activities;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>Hours of one activity kind: <c>activities</c> counted (distinct activities), <c>minutes</c> summed, <c>hours</c> = minutes ÷ 60 rounded to 2 places.</summary>
public sealed record KindHours(ActivityKind Kind, int Activities, int Minutes, double Hours);

/// <summary>One checked-out activity of the member that counts; times UTC, <c>startsAt</c> decides the year.</summary>
public sealed record MyVolunteerActivity(
    Guid ActivityId, string ActivityTitle, Guid StudioId, string StudioName, ActivityKind Kind, DateTimeOffset StartsAt,
    DateTimeOffset CheckedInAt, DateTimeOffset CheckedOutAt, int DurationMinutes, bool AutoClosed);

/// <summary>The member's volunteer hours of one Asia/Shanghai calendar year, per activity kind, with the activities (latest first).</summary>
public sealed record MyVolunteerHours(int Year, int Minutes, double Hours, KindHours[] ByKind, MyVolunteerActivity[] Activities);

/// <summary>One person's hours in a studio's year; <c>inStudio</c> is false for someone who has since left.</summary>
public sealed record MemberVolunteerHours(Guid MemberId, string? DisplayName, bool InStudio, int Minutes, double Hours, KindHours[] ByKind);

/// <summary>A studio's volunteer hours of one Asia/Shanghai calendar year: totals per kind and per person (every active person, most hours first).</summary>
public sealed record StudioVolunteerHours(Guid StudioId, int Year, int Minutes, double Hours, KindHours[] ByKind, MemberVolunteerHours[] Members);

/// <summary>
/// Volunteer hours: the sum of <c>duration_minutes</c> of live, checked-out check-ins at activities that track duration and
/// are not cancelled, by the activity's start. An activity counts once, in the year (Asia/Shanghai) of its start, even when
/// it runs past midnight. Auto-closed check-ins count (closed at the scheduled end) until the leader corrects them.
/// </summary>
public sealed class VolunteerHoursStore(MySqlDataSource dataSource)
{
    private const string Counted = """
        c.revoked_at IS NULL AND c.duration_minutes IS NOT NULL AND a.status = 'Scheduled'
        AND (a.kind = 'VolunteerService' OR a.tracks_duration) AND a.starts_at >= @from AND a.starts_at < @to
        """;

    private sealed class KindRow
    {
        public Guid MemberId { get; init; }
        public ActivityKind Kind { get; init; }
        public int Activities { get; init; }
        public int Minutes { get; init; }
    }

    private sealed class PersonRow
    {
        public Guid MemberId { get; init; }
        public string? DisplayName { get; init; }
        public bool InStudio { get; init; }
    }

    private sealed class ActivityRow
    {
        public Guid ActivityId { get; init; }
        public string ActivityTitle { get; init; } = "";
        public Guid StudioId { get; init; }
        public string StudioName { get; init; } = "";
        public ActivityKind Kind { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset CheckedInAt { get; init; }
        public DateTimeOffset CheckedOutAt { get; init; }
        public int DurationMinutes { get; init; }
        public bool AutoClosed { get; init; }
    }

    internal static double Hours(int minutes) => Math.Round(minutes / 60.0, 2);

    private static KindHours[] ByKind(IEnumerable<KindRow> rows) => rows
        .GroupBy(r => r.Kind)
        .Select(g => new KindHours(g.Key, g.Sum(r => r.Activities), g.Sum(r => r.Minutes), Hours(g.Sum(r => r.Minutes))))
        .OrderBy(k => k.Kind)
        .ToArray();

    /// <summary>The member's hours from <paramref name="from"/> until (excluded) <paramref name="to"/>, UTC instants of a calendar year.</summary>
    public async Task<MyVolunteerHours> MineAsync(Guid memberId, int year, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT c.member_id, a.kind, count(*) AS activities, CAST(SUM(c.duration_minutes) AS SIGNED) AS minutes
            FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE c.member_id = @memberId AND {Counted}
            GROUP BY c.member_id, a.kind;
            SELECT a.id AS activity_id, a.title AS activity_title, a.studio_id, s.name AS studio_name, a.kind, a.starts_at,
                   c.checked_in_at, c.checked_out_at, c.duration_minutes, c.auto_closed
            FROM check_ins c JOIN activities a ON a.id = c.activity_id JOIN studios s ON s.id = a.studio_id
            WHERE c.member_id = @memberId AND {Counted}
            ORDER BY a.starts_at DESC, a.id;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql,
            new { memberId, from, to }, cancellationToken: ct));
        var kinds = ByKind(await grid.ReadAsync<KindRow>());
        var activities = (await grid.ReadAsync<ActivityRow>())
            .Select(r => new MyVolunteerActivity(r.ActivityId, r.ActivityTitle, r.StudioId, r.StudioName, r.Kind, r.StartsAt,
                r.CheckedInAt, r.CheckedOutAt, r.DurationMinutes, r.AutoClosed))
            .ToArray();
        var minutes = kinds.Sum(k => k.Minutes);
        return new MyVolunteerHours(year, minutes, Hours(minutes), kinds, activities);
    }

    /// <summary>The studio's hours of a calendar year (see <see cref="MineAsync"/>), per kind and per person.</summary>
    public async Task<StudioVolunteerHours> StudioAsync(Guid studioId, int year, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT c.member_id, a.kind, count(*) AS activities, CAST(SUM(c.duration_minutes) AS SIGNED) AS minutes
            FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE a.studio_id = @studioId AND {Counted}
            GROUP BY c.member_id, a.kind;
            SELECT mb.id AS member_id, mb.display_name,
                   EXISTS (SELECT 1 FROM studio_memberships m WHERE m.studio_id = @studioId AND m.member_id = mb.id AND m.removed_at IS NULL) AS in_studio
            FROM members mb
            WHERE mb.id IN (SELECT m.member_id FROM studio_memberships m WHERE m.studio_id = @studioId AND m.removed_at IS NULL)
               OR mb.id IN (SELECT c.member_id FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE a.studio_id = @studioId AND {Counted});
            SELECT a.kind, count(DISTINCT a.id) AS activities, CAST(SUM(c.duration_minutes) AS SIGNED) AS minutes
            FROM check_ins c JOIN activities a ON a.id = c.activity_id
            WHERE a.studio_id = @studioId AND {Counted}
            GROUP BY a.kind;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql,
            new { studioId, from, to }, cancellationToken: ct));
        var rows = (await grid.ReadAsync<KindRow>()).ToList();
        var people = await grid.ReadAsync<PersonRow>();
        var studioKinds = ByKind(await grid.ReadAsync<KindRow>());
        var members = people
            .Select(p =>
            {
                var kinds = ByKind(rows.Where(r => r.MemberId == p.MemberId));
                var minutes = kinds.Sum(k => k.Minutes);
                return new MemberVolunteerHours(p.MemberId, p.DisplayName, p.InStudio, minutes, Hours(minutes), kinds);
            })
            .OrderByDescending(m => m.Minutes).ThenBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.MemberId)
            .ToArray();
        var total = studioKinds.Sum(k => k.Minutes);
        return new StudioVolunteerHours(studioId, year, total, Hours(total), studioKinds, members);
    }
}
