using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Briefs;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Members;
using WeStudio.Api.Features.OrgUnits;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Demo;

/// <summary>
/// Demo data from the 2023 Liuzhou notice (seeds/000): the committee, a district and a host school, the programme
/// 柳州市教育系统党建名师工作室 (2-year cycle, team cap 10: "1名负责人和10人以内成员"), one studio with its leader and members,
/// an admin, and past and upcoming activities around today. Members get their openids from the WeChat sandbox by logging in
/// with <c>sandbox:&lt;name&gt;</c>, exactly as the mini-program would. Idempotent: a second run adds nothing.
/// For the ledger (issue 7) the programme carries the Liuzhou requirement set and its cycle is placed around today (it
/// starts on 1 Sep of last year; the studio is licensed on 1 Feb of this year), so this year's ledger shows every status:
/// Met, OnTrack, AtRisk, Missed, NotApplicable (January, before licensing) and EvaluatorChecked; a second programme under the
/// Wenzhou set (教育先锋党员工作室, led by 梁海涛) shows that notice's rules (briefed activities, attendance, team size).
/// </summary>
public sealed partial class DemoSeeder(
    MySqlDataSource dataSource, IWeChatClient weChat, Calendar calendar, MembersStore members, PhotosStore photos, IPhotoStorage photoStorage,
    PhotoMediaCheck mediaCheck, BriefReview briefReview, TimeProvider clock, ILogger<DemoSeeder> logger,
    Applications.ApplicationsStore applications, Lifecycle.LifecycleStore lifecycle)
{
    public const string CommitteeName = "中共柳州市委教育工作委员会";
    public const string AdminUsername = "liuzhou.admin";
    public const string StudioName = "覃美玲党建名师工作室";

    /// <summary>Sandbox login names (for <c>sandbox:&lt;name&gt;</c> codes) and real names; the first is the leader.</summary>
    public static readonly (string SandboxName, string DisplayName)[] People =
    [
        ("qin.meiling", "覃美玲"),
        ("wei.zhiqiang", "韦志强"),
        ("huang.xiaoyan", "黄晓燕"),
        ("mo.jianhua", "莫建华"),
        ("lan.xiuying", "蓝秀英"),
        ("pan.wenbin", "潘文斌"),
        ("liang.haitao", "梁海涛"),
    ];

    public async Task SeedAsync(string adminPassword, CancellationToken ct = default)
    {
        var committeeId = await Bootstrap.EnsureAdminAsync(dataSource, CommitteeName, AdminUsername, adminPassword, "组织科 黄老师", ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var now = clock.GetUtcNow();
        var districtId = await EnsureOrgUnitAsync(conn, "柳北区教育局党委", committeeId, now, ct);
        var schoolId = await EnsureOrgUnitAsync(conn, "柳州市景行小学", districtId, now, ct);
        var pairedSchoolId = await EnsureOrgUnitAsync(conn, "柳州市第十二中学", districtId, now, ct);

        const string ProgrammeSql = """
            INSERT INTO programmes (id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, created_at, rule_set)
            SELECT @id, @name, @issuer, @kind, @cycleYears, @startsOn, 10, @committeeId, a.id, @now, @ruleSet
            FROM admins a WHERE a.username = @admin
              AND NOT EXISTS (SELECT 1 FROM programmes WHERE name = @name AND org_unit_id = @committeeId);
            SELECT id FROM programmes WHERE name = @name AND org_unit_id = @committeeId;
            """;
        var today = calendar.Today;
        var licensedOn = new DateOnly(today.Year, 2, 1);
        var programmeId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(ProgrammeSql, new
        {
            id = Database.NewId(), now,
            name = "2023年柳州市教育系统党建名师工作室（第二批）",
            issuer = "中共柳州市委教育工作委员会",
            kind = "PartyBuildingMaster", cycleYears = 2, startsOn = new DateOnly(today.Year - 1, 9, 1), ruleSet = nameof(RuleSet.Liuzhou),
            committeeId,
            admin = AdminUsername,
        }, cancellationToken: ct));
        await RuleSets.InstallAsync(conn, null, programmeId, RuleSet.Liuzhou, ct);

        const string StudioSql = """
            INSERT INTO studios (id, programme_id, name, host_org_unit_id, status, created_at) VALUES (@id, @programmeId, @name, @schoolId, 'Active', @licensedAt)
            ON DUPLICATE KEY UPDATE id = id;
            SELECT id FROM studios WHERE programme_id = @programmeId AND name = @name;
            """;
        var licensedAt = calendar.At(licensedOn, TimeOnly.MinValue);
        var studioId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(StudioSql,
            new { id = Database.NewId(), programmeId, name = StudioName, schoolId, licensedAt }, cancellationToken: ct));

        var memberIds = new List<Guid>();
        foreach (var (sandboxName, displayName) in People)
        {
            var login = await weChat.Code2SessionAsync($"sandbox:{sandboxName}:seed-{Guid.NewGuid():N}", ct);
            if (login.Error is { } error)
                throw new InvalidOperationException($"The WeChat sandbox refused the demo login of {sandboxName} (errcode {error.ErrCode}); is it running?");
            var member = await members.UpsertByOpenIdAsync(login.Value!.OpenId, login.Value.UnionId, displayName, ct);
            memberIds.Add(member.Id);
        }

        const string MembershipSql = """
            INSERT INTO studio_memberships (id, studio_id, member_id, role, joined_at)
            SELECT @id, @studioId, @memberId, @role, @licensedAt FROM DUAL
            WHERE NOT EXISTS (SELECT 1 FROM studio_memberships WHERE studio_id = @studioId AND member_id = @memberId AND removed_at IS NULL)
              AND (@role = 'Member' OR NOT EXISTS (SELECT 1 FROM studio_memberships WHERE studio_id = @studioId AND role = 'Leader' AND removed_at IS NULL))
            """;
        for (var i = 0; i < memberIds.Count; i++)
        {
            await conn.ExecuteAsync(new CommandDefinition(MembershipSql,
                new { id = Database.NewId(), studioId, memberId = memberIds[i], role = i == 0 ? "Leader" : "Member", licensedAt }, cancellationToken: ct));
        }

        await SeedActivitiesAsync(conn, studioId, memberIds, pairedSchoolId, ct);
        await SeedBriefsAsync(conn, studioId, memberIds[0], ct);
        await SeedLedgerRecordsAsync(conn, studioId, memberIds, ct);
        await SeedWenzhouStudioAsync(conn, committeeId, schoolId, memberIds[^1], licensedAt, ct);
        await SeedStagesAsync(conn, committeeId, districtId, schoolId, memberIds, adminPassword, ct);
        logger.LogInformation("Demo data is present: studio {Studio} with {Count} people", StudioName, memberIds.Count);
    }

    /// <summary>The unit of this name under <paramref name="parentId"/>, created (with its org_unit_closure rows) if missing.</summary>
    private static async Task<Guid> EnsureOrgUnitAsync(MySqlConnection conn, string name, Guid parentId, DateTimeOffset now, CancellationToken ct)
    {
        const string IdSql = "SELECT id FROM org_units WHERE parent_id = @parentId AND name = @name";
        await using var tx = await conn.BeginTransactionAsync(ct);
        var unitId = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(IdSql, new { name, parentId }, tx, cancellationToken: ct));
        if (unitId is null)
        {
            unitId = Database.NewId();
            await OrgUnitsStore.InsertChildAsync(conn, tx, unitId.Value, name, parentId, now, ct);
        }
        await tx.CommitAsync(ct);
        return unitId.Value;
    }

    /// <summary>
    /// Activities around today (in the calendar zone, Asia/Shanghai): three past months of seminars, a lecture, a volunteer
    /// service with its check-ins and check-outs (so volunteer hours are not empty), a pairing visit, and what is coming.
    /// </summary>
    private async Task SeedActivitiesAsync(MySqlConnection conn, Guid studioId, IReadOnlyList<Guid> people, Guid pairedSchoolId, CancellationToken ct)
    {
        var leaderId = people[0];
        const string AnySql = "SELECT EXISTS (SELECT 1 FROM activities WHERE studio_id = @studioId)";
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(AnySql, new { studioId }, cancellationToken: ct))) return;

        var now = clock.GetUtcNow();
        var today = calendar.Today;
        DateTimeOffset At(DateOnly day, int hour, int minute = 0) => calendar.At(day, new TimeOnly(hour, minute));

        var month = new DateOnly(today.Year, today.Month, 1);
        var plans = new List<(string Kind, string Title, string Theme, DateTimeOffset Start, TimeSpan Length, string Venue, bool Geofence)>
        {
            // Earlier this year, for the ledger: seminars in February, March, April and June (May, July and August are missed),
            // the spring semester's seminar, and a pairing visit (its school is set below).
            ("MonthlySeminar", "2月党建专题研讨", "新学期支部工作计划", At(new DateOnly(today.Year, 2, 24), 15), TimeSpan.FromHours(2), "景行小学三楼党员活动室", false),
            ("MonthlySeminar", "3月党建专题研讨", "学雷锋与师德师风建设", At(new DateOnly(today.Year, 3, 12), 15), TimeSpan.FromHours(2), "景行小学三楼党员活动室", false),
            ("MonthlySeminar", "4月党建专题研讨", "“五基三化”行动推进", At(new DateOnly(today.Year, 4, 16), 15), TimeSpan.FromHours(2), "景行小学三楼党员活动室", false),
            ("SemesterSeminar", "春季学期党建工作专题研讨会", "“党建+教育”融合路径", At(new DateOnly(today.Year, 5, 21), 14, 30), TimeSpan.FromHours(3), "柳北区教师发展中心报告厅", false),
            ("MonthlySeminar", "6月党建专题研讨", "庆祝建党节主题研讨", At(new DateOnly(today.Year, 6, 18), 15), TimeSpan.FromHours(2), "景行小学三楼党员活动室", false),
            ("PairingVisit", "结对帮扶：赴柳州市第十二中学指导“三会一课”", "支部标准化建设指导", At(new DateOnly(today.Year, 4, 23), 9, 30), TimeSpan.FromHours(3), "柳州市第十二中学", false),
            ("MonthlySeminar", $"{month.AddMonths(-2).Month}月党建专题研讨", "学习贯彻党的二十大精神，推进“党建+教育”融合", At(month.AddMonths(-2).AddDays(14), 15), TimeSpan.FromHours(2), "景行小学三楼党员活动室", true),
            ("MonthlySeminar", $"{month.AddMonths(-1).Month}月党建专题研讨", "基层党组织标准化规范化建设", At(month.AddMonths(-1).AddDays(15), 15), TimeSpan.FromHours(2), "景行小学三楼党员活动室", true),
            ("TrainingLecture", "党务工作者专题培训讲座", "新时代学校党建工作实务", At(month.AddMonths(-1).AddDays(22), 9), TimeSpan.FromHours(3), "柳北区教师发展中心报告厅", false),
            ("VolunteerService", "进校园志愿服务：学雷锋义务辅导", "党员教师课后义务辅导", At(today.AddDays(-5), 14), TimeSpan.FromHours(3), "柳州市第十二中学", false),
            ("MonthlySeminar", $"{month.Month}月党建专题研讨", "以高质量党建推动柳州教育高质量发展", At(today.AddDays(3), 15), TimeSpan.FromHours(2), "景行小学三楼党员活动室", true),
            ("PairingVisit", "结对帮扶：赴柳州市第十二中学指导支部建设", "标准化党支部建设面对面指导", At(today.AddDays(10), 9, 30), TimeSpan.FromHours(3), "柳州市第十二中学", false),
            ("ThemedPartyDay", "主题党日：重温入党誓词", "不忘初心、牢记使命", At(month.AddMonths(1).AddDays(4), 15), TimeSpan.FromHours(2), "柳州市工人运动史陈列馆", false),
        };
        const string Sql = """
            INSERT INTO activities (id, studio_id, kind, title, theme, starts_at, ends_at, venue_name, latitude, longitude, radius_meters, created_by,
                                    paired_school_org_unit_id, created_at, updated_at)
            VALUES (@id, @studioId, @kind, @title, @theme, @startsAt, @endsAt, @venue, @lat, @lng, @radius, @leaderId,
                    CASE WHEN @kind = 'PairingVisit' THEN @pairedSchoolId END, @now, @now)
            """;
        foreach (var p in plans)
        {
            var id = Database.NewId();
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id, studioId, kind = p.Kind, title = p.Title, theme = p.Theme, now,
                startsAt = p.Start, endsAt = p.Start.Add(p.Length), venue = p.Venue,
                // 景行小学, 柳州 (GCJ-02, as the mini-program's map picker gives).
                lat = p.Geofence ? 24.3385 : (double?)null, lng = p.Geofence ? 109.4155 : (double?)null, radius = p.Geofence ? 150 : (int?)null,
                leaderId, pairedSchoolId,
            }, cancellationToken: ct));
            if (p.Kind == "VolunteerService") await SeedVolunteerHoursAsync(conn, id, p.Start, p.Start.Add(p.Length), people, now, ct);
        }
    }

    /// <summary>
    /// Check-ins and check-outs of the volunteer service: the members who came scanned in around the start and out at
    /// different times; one forgot to check out and was auto-closed at the scheduled end, for the leader to confirm.
    /// Durations are whole minutes, at most 8 past the scheduled length (within the default allowance of 30).
    /// </summary>
    private static async Task SeedVolunteerHoursAsync(
        MySqlConnection conn, Guid activityId, DateTimeOffset startsAt, DateTimeOffset endsAt, IReadOnlyList<Guid> people, DateTimeOffset now, CancellationToken ct)
    {
        // (person, minutes after the start they checked in, minutes after the start they checked out; null: auto-closed)
        var visits = new (int Person, int In, int? Out)[] { (1, -8, 180), (2, -5, 165), (3, 2, 150), (4, -3, null), (5, 10, 120) };
        const string Sql = """
            INSERT INTO check_ins (id, activity_id, member_id, checked_in_at, method, client_nonce,
                                   checked_out_at, check_out_method, check_out_nonce, duration_minutes, auto_closed, created_at)
            VALUES (@id, @activityId, @memberId, @checkedInAt, 'Scan', @inNonce, @checkedOutAt, @outMethod, @outNonce, @duration, @autoClosed, @now)
            """;
        foreach (var (person, inMinutes, outMinutes) in visits.Where(v => v.Person < people.Count))
        {
            var checkedInAt = startsAt.AddMinutes(inMinutes);
            var checkedOutAt = outMinutes is { } m ? startsAt.AddMinutes(m) : endsAt;
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id = Database.NewId(), activityId, memberId = people[person], checkedInAt, now,
                inNonce = $"demo-in-{activityId:N}", checkedOutAt,
                outMethod = outMinutes is null ? "Auto" : "Scan", outNonce = outMinutes is null ? null : $"demo-out-{activityId:N}",
                duration = (int)(checkedOutAt - checkedInAt).TotalMinutes, autoClosed = outMinutes is null,
            }, cancellationToken: ct));
        }
    }

    /// <summary>
    /// Published briefs with photos for the studio's past seminars and lecture, written the way the leader would: photos go
    /// through the same metadata stripping, storage and WeChat image check as uploads (the demo photos are real photographs
    /// from Debian's mate-backgrounds with GPS written in, which the seed strips), and the text through msg_sec_check
    /// in the WeChat sandbox before it is published.
    /// </summary>
    private async Task SeedBriefsAsync(MySqlConnection conn, Guid studioId, Guid leaderId, CancellationToken ct)
    {
        const string AnySql = "SELECT EXISTS (SELECT 1 FROM briefs WHERE studio_id = @studioId)";
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(AnySql, new { studioId }, cancellationToken: ct))) return;
        const string PastSql = """
            SELECT id, title FROM activities WHERE studio_id = @studioId AND ends_at < @now AND kind IN ('MonthlySeminar','TrainingLecture')
            ORDER BY starts_at
            """;
        var past = (await conn.QueryAsync<(Guid Id, string Title)>(new CommandDefinition(PastSql, new { studioId, now = clock.GetUtcNow() }, cancellationToken: ct))).ToArray();

        var photoIds = new List<Guid>();
        foreach (var name in new[] { "ladybird-gps.jpg", "garden-gps.png", "flower-gps.webp" })
        {
            await using var resource = typeof(DemoSeeder).Assembly.GetManifestResourceStream($"demo-photo:{name}")
                ?? throw new InvalidOperationException($"Demo photo {name} is not embedded.");
            using var buffer = new MemoryStream();
            await resource.CopyToAsync(buffer, ct);
            var photo = PhotoSanitizer.Sanitize(buffer.ToArray());
            var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo.Bytes));
            var id = await photos.StoreAsync(photoStorage, photo, sha256, leaderId, clock.GetUtcNow(), ct);
            await mediaCheck.RequestAsync(id, ct);
            photoIds.Add(id);
        }

        const string InsertSql = """
            INSERT INTO briefs (id, activity_id, studio_id, status, current_version, created_at, updated_at)
            VALUES (@briefId, @activityId, @studioId, 'Draft', 1, @now, @now)
            """;
        const string VersionSql = """
            INSERT INTO brief_versions (brief_id, version, title, theme, exchange, record, summary, edited_by, edited_at)
            VALUES (@briefId, 1, @title, @theme, @exchange, @record, @summary, @leaderId, @now)
            """;
        const string PhotoSql = "INSERT INTO brief_version_photos (brief_id, version, position, photo_id) VALUES (@briefId, 1, @position, @photoId)";
        for (var i = 0; i < past.Length; i++)
        {
            var now = clock.GetUtcNow();
            var briefId = Database.NewId();
            var briefPhotos = photoIds.Skip(i % photoIds.Count).Concat(photoIds.Take(i % photoIds.Count)).Take(2 + (i % 2)).ToArray();
            await using var tx = await conn.BeginTransactionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(InsertSql, new { briefId, activityId = past[i].Id, studioId, now }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(VersionSql, new
            {
                briefId, title = $"{past[i].Title}简讯", leaderId, now,
                theme = "学习贯彻党的二十大精神，推进“党建+教育”深度融合",
                exchange = "韦志强、黄晓燕等党员教师结合班主任工作和学科教学，交流了把党的创新理论融入课堂的做法。",
                record = "覃美玲主持。会议传达了市委教育工委有关文件精神，组织集中学习，分组讨论后形成了三条工作建议。",
                summary = "大家一致认为要把党建工作与教育教学同谋划、同部署，下一步将围绕“一支部一品牌”开展实践。",
            }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(PhotoSql,
                briefPhotos.Select((photoId, position) => new { briefId, position, photoId }).ToArray(), tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            var result = await briefReview.PublishAsync(briefId, leaderId, ct);
            logger.LogInformation("Demo brief for {Activity}: {Outcome}", past[i].Title, result.Outcome);
        }
    }

    /// <summary>This year's backbone teachers (3 of the 5 asked) and one achievement; no research project and no report yet.</summary>
    private async Task SeedLedgerRecordsAsync(MySqlConnection conn, Guid studioId, List<Guid> memberIds, CancellationToken ct)
    {
        var year = calendar.Today.Year;
        var now = clock.GetUtcNow();
        const string BackboneSql = """
            INSERT INTO backbone_teachers (studio_id, member_id, year, note, marked_by, marked_at)
            VALUES (@studioId, @memberId, @year, '“双培养”骨干教师', @leaderId, @now)
            ON DUPLICATE KEY UPDATE studio_id = studio_id
            """;
        const string AchievementSql = """
            INSERT INTO achievements (id, studio_id, form, title, year, authors, level, evidence_urls, created_by, created_at, updated_at)
            SELECT @id, @studioId, 'WorkMethodOrCase', '“红烛先锋”党支部工作法', @year, '覃美玲，韦志强', 'City', '[]', @leaderId, @now, @now FROM DUAL
            WHERE NOT EXISTS (SELECT 1 FROM achievements WHERE studio_id = @studioId)
            """;
        var leaderId = memberIds[0];
        await conn.ExecuteAsync(new CommandDefinition(BackboneSql,
            memberIds.Skip(1).Take(3).Select(memberId => new { studioId, memberId, year, leaderId, now }).ToArray(), cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(AchievementSql, new { id = Database.NewId(), studioId, year, leaderId, now }, cancellationToken: ct));
    }

    /// <summary>A 教育先锋党员工作室 under the Wenzhou set (seeds/002): its ledger shows the Wenzhou rules.</summary>
    private async Task SeedWenzhouStudioAsync(MySqlConnection conn, Guid committeeId, Guid schoolId, Guid leaderId, DateTimeOffset licensedAt, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO programmes (id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, created_at, rule_set)
            SELECT @id, '教育先锋党员工作室（演示，按温州市标准）', '中共柳州市委教育工作委员会', 'PioneerMember', 2, @startsOn, 20, @committeeId, a.id, @now, 'Wenzhou'
            FROM admins a WHERE a.username = @admin
              AND NOT EXISTS (SELECT 1 FROM programmes WHERE name = '教育先锋党员工作室（演示，按温州市标准）' AND org_unit_id = @committeeId);
            SELECT id FROM programmes WHERE name = '教育先锋党员工作室（演示，按温州市标准）' AND org_unit_id = @committeeId;
            """;
        var programmeId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(Sql,
            new { id = Database.NewId(), now = clock.GetUtcNow(), startsOn = new DateOnly(calendar.Today.Year, 1, 1), committeeId, admin = AdminUsername }, cancellationToken: ct));
        await RuleSets.InstallAsync(conn, null, programmeId, RuleSet.Wenzhou, ct);
        const string StudioSql = """
            INSERT INTO studios (id, programme_id, name, host_org_unit_id, status, created_at) VALUES (@studioId, @programmeId, '梁海涛教育先锋党员工作室', @schoolId, 'Active', @licensedAt)
            ON DUPLICATE KEY UPDATE id = id
            """;
        const string LeaderSql = """
            INSERT INTO studio_memberships (id, studio_id, member_id, role, joined_at)
            SELECT @membershipId, s.id, @leaderId, 'Leader', @licensedAt FROM studios s
            WHERE s.programme_id = @programmeId AND NOT EXISTS (SELECT 1 FROM studio_memberships m WHERE m.studio_id = s.id AND m.removed_at IS NULL)
            """;
        await conn.ExecuteAsync(new CommandDefinition(StudioSql, new { studioId = Database.NewId(), programmeId, schoolId, licensedAt }, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(LeaderSql, new { membershipId = Database.NewId(), programmeId, leaderId, licensedAt }, cancellationToken: ct));
    }
}
