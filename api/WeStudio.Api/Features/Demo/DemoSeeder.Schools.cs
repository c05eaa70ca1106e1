using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Demo;

public sealed partial class DemoSeeder
{
    public const string GuyuanStudioName = "柳州市景行小学党支部（四强化六提升演示）";

    /// <summary>
    /// The core members' schools of the Liuzhou studio (seeds/000 "核心成员所在学校每年至少结对帮扶一所学校"): 覃美玲, 韦志强,
    /// 黄晓燕 and 梁海涛 teach at the host school 景行小学, 莫建华 and 蓝秀英 at 胜利小学, 潘文斌 has recorded none (the
    /// ledger lists him). PairingVisits name their helping school (the host unit when the seeder wrote none); 胜利小学
    /// visited 第二十一中学 in build year 1, so build year 1 reads 2 of 3 schools paired (Missed: 潘文斌's school is
    /// unknown) and build year 2 waits for the host school's visit ahead.
    /// </summary>
    private async Task SeedSchoolsAsync(MySqlConnection conn, Guid studioId, IReadOnlyList<Guid> people, Guid districtId, Guid hostSchoolId,
        DateOnly startsOn, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var victoryId = await EnsureOrgUnitAsync(conn, "柳州市胜利小学", districtId, now, ct);
        var pairedId = await EnsureOrgUnitAsync(conn, "柳州市第二十一中学", districtId, now, ct);
        const string SchoolSql = "UPDATE members SET school_org_unit_id = @schoolId WHERE id = @memberId AND school_org_unit_id IS NULL";
        Guid?[] schools = [hostSchoolId, hostSchoolId, hostSchoolId, victoryId, victoryId, null, hostSchoolId];
        for (var i = 0; i < people.Count && i < schools.Length; i++)
            if (schools[i] is { } schoolId)
                await conn.ExecuteAsync(new CommandDefinition(SchoolSql, new { schoolId, memberId = people[i] }, cancellationToken: ct));

        const string HelpingSql = """
            UPDATE activities a JOIN studios s ON s.id = a.studio_id SET a.helping_school_org_unit_id = s.host_org_unit_id
            WHERE a.studio_id = @studioId AND a.kind = 'PairingVisit' AND a.helping_school_org_unit_id IS NULL
            """;
        await conn.ExecuteAsync(new CommandDefinition(HelpingSql, new { studioId }, cancellationToken: ct));

        const string Title = "结对帮扶：胜利小学党支部赴柳州市第二十一中学交流支部建设";
        const string VisitSql = """
            INSERT INTO activities (id, studio_id, kind, title, theme, starts_at, ends_at, venue_name, created_by, paired_school_org_unit_id,
                                    helping_school_org_unit_id, created_at, updated_at)
            SELECT @id, @studioId, 'PairingVisit', @title, '党支部标准化建设经验交流', @startsAt, @endsAt, '柳州市第二十一中学', @leaderId, @pairedId,
                   @victoryId, @createdAt, @createdAt FROM DUAL
            WHERE NOT EXISTS (SELECT 1 FROM activities WHERE studio_id = @studioId AND title = @title)
            """;
        var startsAt = calendar.At(startsOn.AddDays(120), new TimeOnly(9, 30));
        await conn.ExecuteAsync(new CommandDefinition(VisitSql, new
        {
            id = Database.NewId(), studioId, title = Title, startsAt, endsAt = startsAt.AddHours(3), leaderId = people[0], pairedId, victoryId,
            createdAt = startsAt.AddDays(-7),
        }, cancellationToken: ct));
    }

    /// <summary>
    /// A branch under Guyuan's "四强化六提升" model (seeds/004), to show 三会一课 by sub-kind on any day: the programme started
    /// on 1 January of last year (3-year cycle); 韦志强 leads 景行小学's branch with four members. In every month up to this
    /// one: 支委会 on the 5th (but every fifth month: Missed), 党小组会 on the 12th (but every fourth), 主题党日 on the 8th; per
    /// quarter a 支部党员大会 on the 20th of its second month (but every third quarter) and a 党课 on the 25th of its last
    /// month. Days still ahead this month are scheduled, not yet counted.
    /// </summary>
    private async Task SeedGuyuanBranchAsync(MySqlConnection conn, Guid committeeId, Guid schoolId, IReadOnlyList<Guid> people, CancellationToken ct)
    {
        var today = calendar.Today;
        var startsOn = new DateOnly(today.Year - 1, 1, 1);
        var name = $"演示批次：“四强化六提升”党支部建设（按固原市标准，{startsOn.Year}—{startsOn.Year + 2}）";
        var (_, studioId, licensedAt) = await SeedOneStudioProgrammeAsync(conn, committeeId, schoolId,
            name, "BranchSecretary", 3, startsOn, 50, RuleSet.Guyuan, GuyuanStudioName, ct);
        var leaderId = people[1];
        foreach (var (memberId, role) in people.Skip(2).Take(4).Select(m => (m, "Member")).Prepend((leaderId, "Leader")))
            await conn.ExecuteAsync(new CommandDefinition(OneMembershipSql, new { id = Database.NewId(), studioId, memberId, role, licensedAt }, cancellationToken: ct));

        const string AnySql = "SELECT EXISTS (SELECT 1 FROM activities WHERE studio_id = @studioId)";
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(AnySql, new { studioId }, cancellationToken: ct))) return;
        var plans = new List<(string Kind, string? SubKind, string Title, DateOnly Day)>();
        var month = new DateOnly(today.Year, today.Month, 1);
        var k = 0;
        for (var m = startsOn; m <= month; m = m.AddMonths(1), k++)
        {
            var label = $"{m.Year}年{m.Month}月";
            if (k % 5 != 3) plans.Add(("ThreeMeetingsOneLesson", "BranchCommitteeMeeting", $"{label}支委会", m.AddDays(4)));
            if (k % 4 != 1) plans.Add(("ThreeMeetingsOneLesson", "PartyGroupMeeting", $"{label}党小组会：学习交流", m.AddDays(11)));
            plans.Add(("ThemedPartyDay", null, $"{label}主题党日", m.AddDays(7)));
            var quarter = k / 3;
            if (k % 3 == 1 && quarter % 3 != 2) plans.Add(("ThreeMeetingsOneLesson", "BranchGeneralMeeting", $"{m.Year}年第{(m.Month - 1) / 3 + 1}季度支部党员大会", m.AddDays(19)));
            if (k % 3 == 2) plans.Add(("ThreeMeetingsOneLesson", "PartyLecture", $"{m.Year}年第{(m.Month - 1) / 3 + 1}季度党课：学习贯彻党的二十大精神", m.AddDays(24)));
        }
        const string ActivitySql = """
            INSERT INTO activities (id, studio_id, kind, sub_kind, title, theme, starts_at, ends_at, venue_name, created_by, created_at, updated_at)
            VALUES (@id, @studioId, @kind, @subKind, @title, @title, @startsAt, @endsAt, '景行小学党员活动室', @leaderId, @createdAt, @createdAt)
            """;
        var now = clock.GetUtcNow();
        foreach (var p in plans)
        {
            var startsAt = calendar.At(p.Day, new TimeOnly(16, 0));
            var createdAt = startsAt.AddDays(-7) < now ? startsAt.AddDays(-7) : now;
            await conn.ExecuteAsync(new CommandDefinition(ActivitySql, new
            {
                id = Database.NewId(), studioId, kind = p.Kind, subKind = p.SubKind, title = p.Title, startsAt, endsAt = startsAt.AddHours(1.5), leaderId, createdAt,
            }, cancellationToken: ct));
        }
    }
}
