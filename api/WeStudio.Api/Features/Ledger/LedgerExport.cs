using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;
using Calendar = WeStudio.Api.Infrastructure.Calendar;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// The ledger as an Excel workbook for inspection (归纳装盒备检), laid out for A4 paper by <see cref="PrintedWorkbook"/>.
/// Studio: a summary sheet (title block with studio, host unit, leader, programme, notice, period, generation time and the
/// legend; then requirement, clause, period, target, actual, status, evidence), an activities sheet (date as an Excel date,
/// kind, title, paired school, present, expected, brief) and an achievements sheet. Programme: a summary sheet with one
/// row per studio (status counts, missed items) and a totals row, the detail sheet (one row per studio, requirement and
/// period), activities and achievements. Written row by row into temporary files that are then streamed to the client, so
/// a whole programme never sits in memory.
/// </summary>
public static class LedgerExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The statuses as printed: the word, and the fill that helps it (green, amber, red, grey).</summary>
    private static readonly Dictionary<LedgerStatus, Marked> StatusWords = new()
    {
        [LedgerStatus.Met] = new("达标", PrintMark.Good), [LedgerStatus.OnTrack] = new("进行中", PrintMark.Fair),
        [LedgerStatus.AtRisk] = new("有风险", PrintMark.Warning), [LedgerStatus.Missed] = new("未达标", PrintMark.Bad),
        [LedgerStatus.NotApplicable] = new("不适用", PrintMark.Inactive), [LedgerStatus.EvaluatorChecked] = new("专家评定", PrintMark.Info),
        [LedgerStatus.Deducted] = new("扣分", PrintMark.Warning),
    };

    /// <summary>The legend of the title block: every status word with its fill.</summary>
    private static Marked[] Legend => Enum.GetValues<LedgerStatus>().Select(s => StatusWords[s]).ToArray();

    /// <summary>The notice each rule set quotes (seeds/000–002): document number and title.</summary>
    private static readonly Dictionary<RuleSet, string> Notices = new()
    {
        [RuleSet.Liuzhou] = "柳教工委〔2023〕50号《关于开展柳州市教育系统首批名师党支部书记工作室、党建名师工作室中期进展评估及第二批工作室培育创建工作的通知》",
        [RuleSet.LiuzhouBranchSecretary] = "柳教工委〔2023〕50号《关于开展柳州市教育系统首批名师党支部书记工作室、党建名师工作室中期进展评估及第二批工作室培育创建工作的通知》",
        [RuleSet.Maoming] = "茂职院党〔2023〕19号《关于开展校级“双带头人”教师党支部书记工作室建设工作的通知》",
        [RuleSet.Wenzhou] = "温教党〔2022〕39号《温州市教育系统“教育先锋党员工作室”创建活动实施方案》",
        [RuleSet.Gansu] = "《新时代甘肃省大中小学“双优”党支部书记工作室建设方案》",
        [RuleSet.Guyuan] = "固党教工委〔2022〕23号《创建“四强化六提升”学校党建品牌的实施方案》",
    };

    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["MonthlySeminar"] = "党建专题研讨", ["SemesterSeminar"] = "学期专题研讨会", ["TrainingLecture"] = "培训讲座", ["VolunteerService"] = "志愿服务",
        ["PairingVisit"] = "结对帮扶", ["ThemedPartyDay"] = "主题党日", ["ThreeMeetingsOneLesson"] = "三会一课", ["ResearchSession"] = "教研/课题研讨", ["Other"] = "其他",
    };

    private static readonly Dictionary<string, string> FormNames = new()
    {
        ["System"] = "制度机制", ["WorkMethodOrCase"] = "工作法/典型案例", ["IdeologicalBrand"] = "思政品牌", ["PublicityPlatform"] = "宣传平台",
        ["ResearchOutput"] = "研究成果", ["DemonstrationEffect"] = "示范辐射", ["Paper"] = "论文", ["Project"] = "课题", ["Monograph"] = "专著",
        ["School"] = "校级", ["County"] = "县（区）级", ["City"] = "市级", ["Province"] = "省级", ["National"] = "国家级",
    };

    public static string StatusName(LedgerStatus status) => StatusWords[status].Text;

    /// <summary>
    /// The target as a clerk reads it: "≥ 2", "1—2", "≥ 60%", "16 次 = 16 分（满分 20）" for a scored item, or "—" for items the
    /// evaluator judges (a measured rate or count with no figure in the notice shows "—" too).
    /// </summary>
    public static string Target(LedgerLine line, LedgerCell? cell = null) => line.Counts switch
    {
        RequirementCounts.EvaluatorChecked => "—",
        // Per core member's school: the cell's own number of schools (each must pair ≥ targetMin).
        RequirementCounts.PairedSchoolsPerCoreSchool when line.TargetMin > 0 => cell?.Target is { } schools
            ? $"{schools} 所核心成员学校各结对 ≥ {line.TargetMin} 所" : $"每所核心成员学校结对 ≥ {line.TargetMin} 所",
        RequirementCounts.AttendanceRate or RequirementCounts.TrainingShare => line.TargetRate is { } rate ? $"≥ {rate:P0}" : "—",
        _ when line.PointsAtTarget is { } points => $"{line.TargetMin} 次 = {points:0.##} 分（满分 {line.PointsMax:0.##}）",
        _ when line.TargetMin == 0 => "—",
        _ when line.TargetMax is { } max => $"{line.TargetMin}—{max}",
        _ => $"≥ {line.TargetMin}",
    };

    /// <summary>The kind as printed, with a 三会一课's sub-kind: "三会一课·支委会".</summary>
    private static string KindOf(ExportActivity a) =>
        KindNames.GetValueOrDefault(a.Kind, a.Kind) + (a.SubKind is { } sub ? "·" + LedgerService.SubKindName(sub) : "");

    /// <summary>The 结对学校 column: "帮扶方 → 受帮扶学校" on a PairingVisit whose helping school is known.</summary>
    private static string SchoolOf(ExportActivity a) =>
        a.SchoolName is null ? "" : a.HelpingSchoolName is { } helping ? $"{helping} → {a.SchoolName}" : a.SchoolName;

    /// <summary>The period kind as a clerk reads it (the summary sheet's 期间类型 column).</summary>
    public static string PeriodKind(RequirementPeriod period) => period switch
    {
        RequirementPeriod.Month => "每月", RequirementPeriod.Quarter => "每季度", RequirementPeriod.HalfYear => "每半年",
        RequirementPeriod.Semester => "每学期", RequirementPeriod.BuildYear => "建设年度", RequirementPeriod.CalendarYear => "自然年度",
        _ => "建设周期",
    };

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> StudioWorkbookAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, LedgerService ledger, LedgerStore store, LedgerExportStore exportStore, LedgerCalendar calendar, Calendar zone, CancellationToken ct, int? year = null)
    {
        var y = year ?? calendar.DayOf(ledger.Clock.GetUtcNow()).Year;
        if (LedgerApi.YearProblem(y) is { } invalid) return invalid;
        if (await access.RefuseReadAsync(id, user, ct) is { } refused) return refused;
        await using var snapshot = await store.SnapshotAsync(ct);
        var conn = snapshot.Connection;
        var (studio, programme) = await store.StudioAsync(conn, id, ct);
        if (studio is null || programme is null) return Problems.NotFound("Studio");
        var requirements = await LedgerStore.RequirementsAsync(conn, programme.Id, ct);
        var now = ledger.Clock.GetUtcNow();
        var heading = PrintHeading.For(studio.Name, $"{y}年度", now, zone);
        var block = new PrintTitleBlock($"{studio.Name}台账（{y}年度）",
        [
            ("工作室", studio.Name),
            ("依托单位", studio.DistrictName is { } district ? $"{studio.HostOrgUnitName}（{district}）" : studio.HostOrgUnitName),
            ("主持人", await exportStore.LeaderNameAsync(conn, id, ct) ?? "—"),
            ("创建工作", programme.Name),
            ("文件依据", Notice(programme, await exportStore.IssuerAsync(conn, programme.Id, ct))),
            ("台账期间", Period(y, now, calendar)),
            ("生成时间", heading.GeneratedAtText),
        ], Legend);
        var file = await WriteAsync(conn, [studio], programme, requirements, y, now, ledger, exportStore, calendar, heading, block, programmeWide: false, ct);
        return TypedResults.File(file, ContentType, $"台账-{studio.Name}-{y}.xlsx");
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ProgrammeWorkbookAsync(
        ClaimsPrincipal user, LedgerService ledger, LedgerStore store, LedgerExportStore exportStore, LedgerCalendar calendar, Calendar zone, CancellationToken ct, Guid? programmeId = null, int? year = null)
    {
        var v = new Validation();
        v.Required("programmeId", programmeId);
        var y = year ?? calendar.DayOf(ledger.Clock.GetUtcNow()).Year;
        if (y is < 2000 or > 2100) v.Add("year", "'year' must be between 2000 and 2100.");
        if (v.Problem is { } invalid) return invalid;
        // One connection and one REPEATABLE READ snapshot for the whole workbook: every sheet describes the same moment.
        await using var snapshot = await store.SnapshotAsync(ct);
        var conn = snapshot.Connection;
        var found = await store.ProgrammeForAdminAsync(conn, programmeId!.Value, user.Id(), ct);
        if (found is null) return Problems.NotFound("Programme");
        if (!found.Value.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        var programme = found.Value.Programme;
        var requirements = await LedgerStore.RequirementsAsync(conn, programme.Id, ct);
        var studios = (await store.CatalogueAsync(conn, programme.Id, ct)).Where(s => s.IsUnder(found.Value.AdminUnitId)).ToArray();
        var now = ledger.Clock.GetUtcNow();
        var heading = PrintHeading.For(programme.Name, $"{y}年度", now, zone);
        var block = new PrintTitleBlock($"{programme.Name}台账汇总（{y}年度）",
        [
            ("创建工作", programme.Name),
            ("文件依据", Notice(programme, await exportStore.IssuerAsync(conn, programme.Id, ct))),
            ("工作室", $"{studios.Length} 个"),
            ("台账期间", Period(y, now, calendar)),
            ("生成时间", heading.GeneratedAtText),
        ], Legend);
        var file = await WriteAsync(conn, studios, programme, requirements, y, now, ledger, exportStore, calendar, heading, block, programmeWide: true, ct);
        return TypedResults.File(file, ContentType, $"台账-{programme.Name}-{y}.xlsx");
    }

    /// <summary>"中共柳州市委教育工作委员会 柳教工委〔2023〕50号《…》", or the issuer alone for a programme without a notice's rule set.</summary>
    private static string Notice(LedgerStore.ProgrammeInfo programme, string issuer) =>
        Notices.TryGetValue(programme.RuleSet, out var notice) ? $"{issuer} {notice}" : issuer;

    /// <summary>"2026年1月1日—2026年12月31日（统计至 2026年6月20日）": the year, and the day the counts stop when it is not over.</summary>
    private static string Period(int year, DateTimeOffset now, LedgerCalendar calendar)
    {
        var text = $"{PrintedWorkbook.ChineseDate(new DateOnly(year, 1, 1))}—{PrintedWorkbook.ChineseDate(new DateOnly(year, 12, 31))}";
        var today = calendar.DayOf(now);
        return today.Year == year ? $"{text}（统计至 {PrintedWorkbook.ChineseDate(today)}）" : text;
    }

    /// <summary>
    /// The actual as printed: a count, a percentage for rates and shares, the count with its points for a scored item
    /// ("15（15 分）"), "—" for evaluator items.
    /// </summary>
    private static object Actual(LedgerLine line, LedgerCell cell) => cell.Actual switch
    {
        null => "—",
        { } a when line.Counts is RequirementCounts.AttendanceRate or RequirementCounts.TrainingShare => new Percent(a),
        { } a when cell.Points is { } p => $"{a}（{p:0.##} 分）",
        { } a when line.Counts is RequirementCounts.PairedSchoolsPerCoreSchool && cell.Target is { } schools => $"{a}/{schools} 所",
        { } a => a,
    };

    /// <summary>
    /// The evidence column: what counted (titles), or why nothing is counted, in Chinese (the API's <c>reason</c> is English).
    /// </summary>
    private static string Basis(LedgerStore.ProgrammeInfo programme, LedgerCell cell) => cell.Status switch
    {
        LedgerStatus.NotApplicable when cell.Starts >= programme.StartsOn.AddYears(programme.CycleYears) => "本期间在建设周期结束后开始，不计入。",
        LedgerStatus.NotApplicable => "本期间在工作室认定（或创建工作开始）前已结束，不计入。",
        LedgerStatus.EvaluatorChecked => "由考核评估组现场或依材料评定，系统不计算。",
        _ => string.Join("；", cell.Evidence.Select(e => e.Title)),
    };

    /// <summary>"每月党建专题研讨（2026-03、2026-04）；…": the periods missed, per requirement.</summary>
    private static string MissedItems(StudioLedgerDto l) => string.Join("；", l.Requirements
        .Select(r => (r.Title, Periods: r.Cells.Where(c => c.Status == LedgerStatus.Missed).Select(c => c.Period).ToArray()))
        .Where(r => r.Periods.Length > 0)
        .Select(r => $"{r.Title}（{string.Join("、", r.Periods)}）"));

    /// <summary>
    /// Writes the workbook into a temporary file and returns it open for reading (the file goes when the stream closes).
    /// Ledgers, activities and achievements are read and written <see cref="LedgerService.Batch"/> studios at a time, so
    /// memory stays flat however many studios a programme has; the programme's summary and detail sheets are written in
    /// the same pass over the ledgers.
    /// </summary>
    private static async Task<FileStream> WriteAsync(MySqlConnection conn, IReadOnlyList<LedgerStudio> studios, LedgerStore.ProgrammeInfo programme,
        RequirementDto[] requirements, int year, DateTimeOffset asOf, LedgerService ledger, LedgerExportStore exportStore, LedgerCalendar calendar,
        PrintHeading heading, PrintTitleBlock block, bool programmeWide, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"westudio-ledger-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            using (var book = new PrintedWorkbook(output, heading))
            {
                var byId = studios.ToDictionary(s => s.Id);
                var names = studios.ToDictionary(s => s.Id, s => s.Name);
                var ids = studios.Select(s => s.Id).ToArray();
                var district = studios.ToDictionary(s => s.Id, s => s.DistrictName ?? s.HostOrgUnitName);

                if (programmeWide)
                {
                    var summary = book.AddSheet("汇总", "台账汇总",
                    [
                        new("序号", 6), new("工作室", 26, Wrap: true), new("区县", 12, Wrap: true), new("依托单位", 18, Wrap: true),
                        new("达标", 7), new("进行中", 7), new("有风险", 7), new("未达标", 7), new("不适用", 7), new("专家评定", 7), new("扣分", 7), new("未达标事项", 40, Wrap: true),
                    ], block);
                    var detail = book.AddSheet("明细", "台账明细",
                        [new("工作室", 22, Wrap: true), new("区县/依托单位", 14, Wrap: true), new("建设任务", 18, Wrap: true), new("期间类型", 8), new("期间", 16, Wrap: true), new("目标", 12, Wrap: true), new("实际", 10), new("状态", 9), new("文件条款", 40, Wrap: true)]);
                    var totals = new int[7];
                    var n = 0;
                    await foreach (var l in ledger.LedgersAsync(conn, programme, requirements, studios, year, asOf, ct))
                    {
                        var t = l.Totals;
                        int[] counts = [t.Met, t.OnTrack, t.AtRisk, t.Missed, t.NotApplicable, t.EvaluatorChecked, t.Deducted];
                        for (var i = 0; i < counts.Length; i++) totals[i] += counts[i];
                        var studio = byId[l.StudioId];
                        summary.Row(++n, l.StudioName, studio.DistrictName ?? "", studio.HostOrgUnitName, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], MissedItems(l));
                        foreach (var line in l.Requirements)
                            foreach (var cell in line.Cells)
                                detail.Row(l.StudioName, district[l.StudioId], line.Title, PeriodKind(line.Period), cell.Period, Target(line, cell), Actual(line, cell), StatusWords[cell.Status], line.Clause);
                    }
                    summary.Totals("合计", $"{n} 个工作室", null, null, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], null);
                }
                else
                {
                    var summary = book.AddSheet("汇总", "台账汇总",
                        [new("建设任务", 18, Wrap: true), new("文件条款", 36, Wrap: true), new("期间类型", 8), new("期间", 18, Wrap: true), new("目标", 12, Wrap: true), new("实际", 10), new("状态", 9), new("依据", 34, Wrap: true)], block);
                    await foreach (var l in ledger.LedgersAsync(conn, programme, requirements, studios, year, asOf, ct))
                        foreach (var line in l.Requirements)
                            foreach (var cell in line.Cells)
                                summary.Row(line.Title, line.Clause, PeriodKind(line.Period), cell.Period, Target(line, cell), Actual(line, cell), StatusWords[cell.Status], Basis(programme, cell));
                }

                var activities = book.AddSheet("活动", "活动记录", programmeWide
                    ? [new("工作室", 24, Wrap: true), new("日期", 16), new("类型", 19), new("标题", 29, Wrap: true), new("结对学校", 18, Wrap: true), new("实到", 7), new("应到", 7), new("简讯", 7)]
                    : [new("日期", 16), new("类型", 19), new("标题", 29, Wrap: true), new("结对学校", 18, Wrap: true), new("实到", 7), new("应到", 7), new("简讯", 7)]);
                await foreach (var a in exportStore.ActivitiesAsync(conn, ids, year, asOf, calendar, ct))
                {
                    var day = calendar.DayOf(a.StartsAt);
                    var brief = a.BriefPublished ? "有" : "无";
                    if (programmeWide) activities.Row(names.GetValueOrDefault(a.StudioId, ""), day, KindOf(a), a.Title, SchoolOf(a), a.Present, a.Expected, brief);
                    else activities.Row(day, KindOf(a), a.Title, SchoolOf(a), a.Present, a.Expected, brief);
                }

                var achievements = book.AddSheet("成果", "成果", programmeWide
                    ? [new("工作室", 24, Wrap: true), new("年度", 7), new("成果形式", 18, Wrap: true), new("题目", 36, Wrap: true), new("作者", 18, Wrap: true), new("级别", 10)]
                    : [new("年度", 7), new("成果形式", 18, Wrap: true), new("题目", 36, Wrap: true), new("作者", 18, Wrap: true), new("级别", 10)]);
                await foreach (var a in exportStore.AchievementsAsync(conn, ids, year, ct))
                {
                    var form = FormNames[a.Form] + (a.ResearchSubtype is { } s ? $"（{FormNames[s]}）" : "");
                    if (programmeWide) achievements.Row(names.GetValueOrDefault(a.StudioId, ""), a.Year, form, a.Title, a.Authors, FormNames[a.Level]);
                    else achievements.Row(a.Year, form, a.Title, a.Authors, FormNames[a.Level]);
                }
                book.Complete();
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
