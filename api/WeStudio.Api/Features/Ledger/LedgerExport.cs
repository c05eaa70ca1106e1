using System.Data;
using System.Security.Claims;
using DocumentFormat.OpenXml;
using System.IO.Compression;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// The ledger as an Excel workbook for inspection (归纳装盒备检): a summary sheet (requirement, clause, period, target,
/// actual, status), an activities sheet (date in Asia/Shanghai as an Excel date, kind, title, attendance, brief) and an
/// achievements sheet; Chinese headers, set column widths, frozen header row. Sheets are written row by row with
/// <see cref="OpenXmlWriter"/> into a temporary file that is then streamed to the client, so a whole programme never sits in memory as a DOM.
/// </summary>
public static class LedgerExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Style indexes of the stylesheet below.</summary>
    private const uint StyleHeader = 1, StyleDate = 2, StyleWrap = 3;

    private static readonly Dictionary<LedgerStatus, string> StatusNames = new()
    {
        [LedgerStatus.Met] = "达标", [LedgerStatus.OnTrack] = "进行中", [LedgerStatus.AtRisk] = "有风险", [LedgerStatus.Missed] = "未达标",
        [LedgerStatus.NotApplicable] = "不适用", [LedgerStatus.EvaluatorChecked] = "评估组核查", [LedgerStatus.Deducted] = "扣分",
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

    public static string StatusName(LedgerStatus status) => StatusNames[status];

    /// <summary>
    /// The target as a clerk reads it: "≥ 2", "1—2", "≥ 60%", "16 次 = 16 分（满分 20）" for a scored item, or "—" for items the
    /// evaluator judges (a measured rate or count with no figure in the notice shows "—" too).
    /// </summary>
    public static string Target(LedgerLine line) => line.Counts switch
    {
        RequirementCounts.EvaluatorChecked => "—",
        RequirementCounts.AttendanceRate or RequirementCounts.TrainingShare => line.TargetRate is { } rate ? $"≥ {rate:P0}" : "—",
        _ when line.PointsAtTarget is { } points => $"{line.TargetMin} 次 = {points:0.##} 分（满分 {line.PointsMax:0.##}）",
        _ when line.TargetMin == 0 => "—",
        _ when line.TargetMax is { } max => $"{line.TargetMin}—{max}",
        _ => $"≥ {line.TargetMin}",
    };

    /// <summary>The period kind as a clerk reads it (the summary sheet's 期间类型 column).</summary>
    public static string PeriodKind(RequirementPeriod period) => period switch
    {
        RequirementPeriod.Month => "每月", RequirementPeriod.Quarter => "每季度", RequirementPeriod.HalfYear => "每半年",
        RequirementPeriod.Semester => "每学期", RequirementPeriod.BuildYear => "建设年度", RequirementPeriod.CalendarYear => "自然年度",
        _ => "建设周期",
    };

    /// <summary>The actual as shown: the count, and the points after it for a scored item ("15（15 分）").</summary>
    private static object Actual(LedgerCell cell) => cell.Actual is not { } a ? "—" : cell.Points is { } p ? $"{a}（{p:0.##} 分）" : a;

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> StudioWorkbookAsync(
        Guid id, ClaimsPrincipal user, StudioAccess access, LedgerService ledger, LedgerStore store, LedgerExportStore exportStore, LedgerCalendar calendar, CancellationToken ct, int? year = null)
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
        var file = await WriteAsync(conn, [studio], programme, requirements, y, now, ledger, exportStore, calendar, programmeWide: false, ct);
        return TypedResults.File(file, ContentType, $"台账-{studio.Name}-{y}.xlsx");
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ProgrammeWorkbookAsync(
        ClaimsPrincipal user, LedgerService ledger, LedgerStore store, LedgerExportStore exportStore, LedgerCalendar calendar, CancellationToken ct, Guid? programmeId = null, int? year = null)
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
        var file = await WriteAsync(conn, studios, programme, requirements, y, ledger.Clock.GetUtcNow(), ledger, exportStore, calendar, programmeWide: true, ct);
        return TypedResults.File(file, ContentType, $"台账-{programme.Name}-{y}.xlsx");
    }

    /// <summary>
    /// Writes the workbook into a temporary file and returns it open for reading (the file goes when the stream closes).
    /// Ledgers, activities and achievements are read and written <see cref="LedgerService.Batch"/> studios at a time, so
    /// memory stays flat however many studios a programme has.
    /// </summary>
    private static async Task<FileStream> WriteAsync(MySqlConnection conn, IReadOnlyList<LedgerStudio> studios, LedgerStore.ProgrammeInfo programme,
        RequirementDto[] requirements, int year, DateTimeOffset asOf, LedgerService ledger, LedgerExportStore exportStore, LedgerCalendar calendar, bool programmeWide, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"westudio-ledger-{Guid.NewGuid():N}.xlsx");
        try
        {
            // The package is written as a plain zip in ZipArchiveMode.Create, part after part straight to the file: the
            // OpenXml SDK 2.20 package (System.IO.Packaging) needs read access and then keeps every part in memory until
            // it closes. Worksheets are still written by OpenXmlWriter; the small parts are OpenXml elements' XML.
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
            {
                Part(zip, "[Content_Types].xml", ContentTypes);
                Part(zip, "_rels/.rels", RootRelationships);
                Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
                Part(zip, "xl/styles.xml", Declaration + Styles().OuterXml);
                Part(zip, "xl/workbook.xml", Declaration + new Workbook(new Sheets(
                    new Sheet { Id = "rId1", SheetId = 1, Name = "汇总" },
                    new Sheet { Id = "rId2", SheetId = 2, Name = "活动" },
                    new Sheet { Id = "rId3", SheetId = 3, Name = "成果" })).OuterXml);
                var names = studios.ToDictionary(s => s.Id, s => s.Name);
                var ids = studios.Select(s => s.Id).ToArray();

                using (var w = new SheetWriter(zip, "xl/worksheets/sheet1.xml", programmeWide
                    ? [("工作室", 30), ("区县/依托单位", 20), ("建设任务", 26), ("期间类型", 10), ("期间", 30), ("目标", 14), ("实际", 12), ("状态", 11), ("文件条款", 60)]
                    : [("建设任务", 26), ("文件条款", 60), ("期间类型", 10), ("期间", 30), ("目标", 14), ("实际", 12), ("状态", 11), ("依据", 50)]))
                {
                    var district = studios.ToDictionary(s => s.Id, s => s.DistrictName ?? s.HostOrgUnitName);
                    await foreach (var l in ledger.LedgersAsync(conn, programme, requirements, studios, year, asOf, ct))
                    {
                        foreach (var line in l.Requirements)
                        {
                            foreach (var cell in line.Cells)
                            {
                                var actual = Actual(cell);
                                if (programmeWide)
                                    w.Row(l.StudioName, district[l.StudioId], line.Title, PeriodKind(line.Period), cell.Period, Target(line), actual, StatusName(cell.Status), line.Clause);
                                else
                                    w.Row(line.Title, line.Clause, PeriodKind(line.Period), cell.Period, Target(line), actual, StatusName(cell.Status),
                                        cell.Reason ?? string.Join("；", cell.Evidence.Select(e => e.Title)));
                            }
                        }
                    }
                }

                using (var w = new SheetWriter(zip, "xl/worksheets/sheet2.xml", programmeWide
                    ? [("工作室", 30), ("日期", 12), ("类型", 16), ("标题", 40), ("结对学校", 20), ("出勤（到/应到）", 16), ("简讯", 10)]
                    : [("日期", 12), ("类型", 16), ("标题", 40), ("结对学校", 20), ("出勤（到/应到）", 16), ("简讯", 10)]))
                {
                    await foreach (var a in exportStore.ActivitiesAsync(conn, ids, year, asOf, calendar, ct))
                    {
                        var day = calendar.DayOf(a.StartsAt);
                        var attendance = $"{a.Present}/{a.Expected}";
                        var brief = a.BriefPublished ? "有" : "无";
                        if (programmeWide) w.Row(names.GetValueOrDefault(a.StudioId, ""), day, KindNames.GetValueOrDefault(a.Kind, a.Kind), a.Title, a.SchoolName ?? "", attendance, brief);
                        else w.Row(day, KindNames.GetValueOrDefault(a.Kind, a.Kind), a.Title, a.SchoolName ?? "", attendance, brief);
                    }
                }

                using (var w = new SheetWriter(zip, "xl/worksheets/sheet3.xml", programmeWide
                    ? [("工作室", 30), ("年度", 8), ("成果形式", 18), ("题目", 40), ("作者", 20), ("级别", 12)]
                    : [("年度", 8), ("成果形式", 18), ("题目", 40), ("作者", 20), ("级别", 12)]))
                {
                    await foreach (var a in exportStore.AchievementsAsync(conn, ids, year, ct))
                    {
                        var form = FormNames[a.Form] + (a.ResearchSubtype is { } s ? $"（{FormNames[s]}）" : "");
                        if (programmeWide) w.Row(names.GetValueOrDefault(a.StudioId, ""), (double)a.Year, form, a.Title, a.Authors, FormNames[a.Level]);
                        else w.Row((double)a.Year, form, a.Title, a.Authors, FormNames[a.Level]);
                    }
                }
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private const string ContentTypes = Declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
        """;

    private const string RootRelationships = Declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = Declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(xml);
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 4 });

    /// <summary>Writes one worksheet row by row: a bold, frozen header row, then rows of text, numbers and dates.</summary>
    private sealed class SheetWriter : IDisposable
    {
        private readonly Stream entry;
        private readonly OpenXmlWriter writer;
        private uint row;

        public SheetWriter(ZipArchive zip, string name, (string Header, double Width)[] columns)
        {
            entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            writer = OpenXmlWriter.Create(entry, new System.Text.UTF8Encoding(false));
            writer.WriteStartDocument(true);
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
            writer.WriteStartElement(new SheetData());
            WriteRow(columns.Select(c => (object)c.Header).ToArray(), StyleHeader);
        }

        public void Row(params object[] values) => WriteRow(values, null);

        private void WriteRow(object[] values, uint? style)
        {
            row++;
            writer.WriteStartElement(new Row { RowIndex = row });
            for (var i = 0; i < values.Length; i++)
            {
                var reference = ColumnName(i) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var cell = values[i] switch
                {
                    DateOnly d => new Cell { CellReference = reference, StyleIndex = StyleDate, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) },
                    double n => new Cell { CellReference = reference, CellValue = new CellValue(n) },
                    var text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(text?.ToString() ?? ""))) },
                };
                if (style is { } s) cell.StyleIndex = s;
                else if (values[i] is string str && str.Length > 40) cell.StyleIndex = StyleWrap;
                writer.WriteElement(cell);
            }
            writer.WriteEndElement();
        }

        /// <summary>XML 1.0 cannot carry most control characters; drop them.</summary>
        private static string Clean(string text) => new(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray());

        private static string ColumnName(int index)
        {
            var name = "";
            for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
            return name;
        }

        public void Dispose()
        {
            writer.WriteEndElement(); // SheetData
            writer.WriteEndElement(); // Worksheet
            writer.Close();
            entry.Dispose();
        }
    }
}
