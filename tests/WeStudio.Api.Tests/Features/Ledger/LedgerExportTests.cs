using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

/// <summary>
/// A fact that needs LibreOffice (<c>soffice</c>) and poppler-utils (<c>pdfinfo</c>, <c>pdftotext</c>). scripts/test.sh installs them when run as root; the test is skipped, saying
/// why, only when it is absent and cannot be installed (not root). As root and absent, the test runs and fails.
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public static string? Soffice => new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public LibreOfficeFactAttribute()
    {
        if ((Soffice is null || !File.Exists("/usr/bin/pdftotext")) && Environment.UserName != "root")
            Skip = "LibreOffice (soffice) or poppler-utils (pdftotext) is not installed and the tests do not run as root, so scripts/test.sh could not install libreoffice-calc-nogui and poppler-utils.";
    }
}

public sealed class LedgerExportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<(LedgerWorld World, byte[] Studio, byte[] Programme)> WorkbooksAsync()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 2);
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-01-31T23:30:00", "1月党建专题研讨");
        await w.Leader.ActivityAsync(w.StudioId, "PairingVisit", "2026-03-03T09:00:00", "结对帮扶", pairedSchoolName: "融安县实验小学");
        (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/achievements", new
        {
            form = "WorkMethodOrCase", title = "“红烛先锋”支部工作法", year = 2026, authors = "覃美玲", level = "City",
        })).EnsureSuccessStatusCode();

        var studio = await w.Leader.Client.GetAsync($"/api/v1/studios/{w.StudioId}/ledger.xlsx?year=2026");
        Assert.Equal(HttpStatusCode.OK, studio.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", studio.Content.Headers.ContentType?.MediaType);
        var programme = await w.Admin.Client.GetAsync($"/api/v1/ledger.xlsx?programmeId={w.ProgrammeId}&year=2026");
        Assert.Equal(HttpStatusCode.OK, programme.StatusCode);
        return (w, await studio.Content.ReadAsByteArrayAsync(), await programme.Content.ReadAsByteArrayAsync());
    }

    private static string[][] Read(SpreadsheetDocument doc, string sheetName, out Worksheet worksheet)
    {
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        worksheet = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray()).ToArray();
    }

    /// <summary>The table of a sheet: its header row (the print titles) and the rows below it.</summary>
    private static string[][] Table(SpreadsheetDocument doc, string sheetName, out Worksheet worksheet) => Table(doc, sheetName, out worksheet, out _);

    private static string[][] Table(SpreadsheetDocument doc, string sheetName, out Worksheet worksheet, out int headerRow)
    {
        var rows = Read(doc, sheetName, out worksheet);
        var titles = doc.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles"
            && d.LocalSheetId!.Value == (uint)doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().TakeWhile(s => s.Name != sheetName).Count());
        headerRow = int.Parse(titles.Text.Split('$')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var header = headerRow;
        return worksheet.Descendants<Row>().Where(r => r.RowIndex!.Value >= header).Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray()).ToArray();
    }

    private static CellFormat FormatOf(SpreadsheetDocument doc, Cell cell) =>
        doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);

    [Fact]
    public async Task TheWorkbookShowsPairingPerCoreSchoolAndTheThreeMeetingsOneLessonSubKinds()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 1);
        (await w.Leader.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/members/{w.Leader.Id}/school", new { orgUnitId = w.SchoolId })).EnsureSuccessStatusCode();
        await w.Leader.ActivityAsync(w.StudioId, "PairingVisit", "2026-03-03T09:00:00", "结对帮扶", pairedSchoolName: "融安县实验小学");
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await (await w.Leader.Client.GetAsync($"/api/v1/studios/{w.StudioId}/ledger.xlsx?year=2026")).Content.ReadAsByteArrayAsync()), false))
        {
            var paired = Table(doc, "汇总", out _).Single(r => r[0] == "核心成员所在学校结对帮扶");
            // 景行小学 paired; the member has no school: 1 of 2, and the clerk reads who is missing.
            Assert.Equal(["2 所核心成员学校各结对 ≥ 1 所", "1/2 所", "进行中"], paired[4..7]);
            Assert.Contains("未登记所在学校", paired[7]);
        }

        var branch = await factory.LedgerWorldAsync(members: 0, studioKind: "BranchSecretary", ruleSet: "Guyuan");
        await branch.Leader.ActivityAsync(branch.StudioId, "ThreeMeetingsOneLesson", "2026-01-05T16:00:00", "1月支委会", subKind: "BranchCommitteeMeeting");
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await (await branch.Leader.Client.GetAsync($"/api/v1/studios/{branch.StudioId}/ledger.xlsx?year=2026")).Content.ReadAsByteArrayAsync()), false))
        {
            var summary = Table(doc, "汇总", out _);
            Assert.Equal(["≥ 1", "1", "达标"], summary.Single(r => r[0] == "支委会（每月）" && r[3] == "2026-01")[4..7]);
            Assert.Equal(["≥ 1", "0", "未达标"], summary.Single(r => r[0] == "支委会（每月）" && r[3] == "2026-02")[4..7]);
            Assert.Contains(Table(doc, "活动", out _), r => r.Length > 2 && r[1] == "三会一课·支委会" && r[2] == "1月支委会");
        }
    }

    [Fact]
    public async Task TheStudioWorkbookHasASummaryAnActivitiesAndAnAchievementsSheetWithChineseHeadersAndExcelDates()
    {
        var (w, bytes, _) = await WorkbooksAsync();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

        Assert.Equal(["汇总", "活动", "成果"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var summary = Table(doc, "汇总", out var summarySheet, out var headerRow);
        Assert.Equal(["建设任务", "文件条款", "期间类型", "期间", "目标", "实际", "状态", "依据"], summary[0]);
        var january = summary.Single(r => r[0] == "每月党建专题研讨" && r[3] == "2026-01");
        Assert.Equal(["每月召开1次党建专题研讨活动。", "每月", "≥ 1", "1", "达标", "1月党建专题研讨"], [january[1], january[2], january[4], january[5], january[6], january[7]]);
        Assert.Contains(summary, r => r[3] == "2026-03" && r[6] == "未达标");
        Assert.Contains(summary, r => r[0] == "党建业务知识培训讲座" && r[2] == "建设年度" && r[3] == LedgerScenario.BuildYear1);
        Assert.Contains(summary, r => r[0] == "年度建设进展报告" && r[2] == "自然年度" && r[3] == "2026年");
        var pane = summarySheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(headerRow, pane.VerticalSplit!.Value); // frozen below the header row
        Assert.True(summarySheet.Descendants<Column>().All(c => c.CustomWidth!.Value && c.Width!.Value > 5));

        var activities = Table(doc, "活动", out var activitySheet);
        Assert.Equal(["日期", "类型", "标题", "结对学校", "实到", "应到", "简讯"], activities[0]);
        var first = activitySheet.Descendants<Row>().ElementAt(1).Elements<Cell>().First();
        Assert.Equal(new DateTime(2026, 1, 31), DateTime.FromOADate(double.Parse(first.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var format = FormatOf(doc, first);
        var dateFormat = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Equal("yyyy\"年\"m\"月\"d\"日\"", dateFormat.FormatCode!.Value);
        Assert.Equal(["党建专题研讨", "1月党建专题研讨"], activities[1][1..3]);
        // The 结对学校 column names the helping school (the host unit by default) and the school visited.
        Assert.Equal(["结对帮扶", "结对帮扶", "景行小学 → 融安县实验小学", "0", "3", "无"], activities[2][1..]);
        var present = activitySheet.Descendants<Row>().ElementAt(2).Elements<Cell>().ElementAt(4);
        Assert.Null(present.DataType); // a number, not text
        Assert.Equal(HorizontalAlignmentValues.Right, FormatOf(doc, present).Alignment!.Horizontal!.Value);

        var achievements = Table(doc, "成果", out _);
        Assert.Equal(["年度", "成果形式", "题目", "作者", "级别"], achievements[0]);
        Assert.Equal(["2026", "工作法/典型案例", "“红烛先锋”支部工作法", "覃美玲", "市级"], achievements[1]);
    }

    [Fact]
    public async Task TheStudioSummaryOpensWithATitleBlockAndPrintsStatusesAsFilledChineseWords()
    {
        var (w, bytes, _) = await WorkbooksAsync();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = Read(doc, "汇总", out var sheet);
        var studioName = (await w.Leader.LedgerAsync(w.StudioId)).StudioName;

        Assert.Equal($"{studioName}台账（2026年度）", rows[0][0]);
        var facts = rows.Skip(1).TakeWhile(r => r.Length == 2).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(studioName, facts["工作室"]);
        Assert.Equal("景行小学（柳北区）", facts["依托单位"]);
        Assert.Equal("台账测试批次", facts["创建工作"]);
        Assert.StartsWith("中共柳州市委教育工作委员会 柳教工委〔2023〕50号《", facts["文件依据"]);
        Assert.Equal("2026年1月1日—2026年12月31日（统计至 2026年6月20日）", facts["台账期间"]);
        Assert.Equal("2026年6月20日 12:00（北京时间）", facts["生成时间"]);
        Assert.Contains("主持人", facts.Keys);
        Assert.Equal(["图例", "达标", "进行中", "有风险", "未达标", "不适用", "专家评定", "扣分"], rows.Single(r => r.Length > 0 && r[0] == "图例"));

        // Every status cell: the word and its fill; Missed is also bold so it reads in black-and-white print.
        var fills = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ToArray();
        string FillOf(Cell c) => fills[(int)FormatOf(doc, c).FillId!.Value].PatternFill!.ForegroundColor?.Rgb?.Value ?? "none";
        var statusCells = sheet.Descendants<Row>().SelectMany(r => r.Elements<Cell>()).Where(c => c.CellReference!.Value!.StartsWith('G') && c.InlineString?.InnerText is "达标" or "未达标" or "进行中" or "有风险")
            .Skip(1).ToArray();
        Assert.Equal("FFC6EFCE", FillOf(statusCells.First(c => c.InlineString!.InnerText == "达标")));
        var missed = statusCells.First(c => c.InlineString!.InnerText == "未达标");
        Assert.Equal("FFFFC7CE", FillOf(missed));
        var font = doc.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)FormatOf(doc, missed).FontId!.Value);
        Assert.NotNull(font.Bold);
        // Long clause text wraps instead of being cut.
        var clause = sheet.Descendants<Cell>().First(c => c.InlineString?.InnerText == "每月召开1次党建专题研讨活动。");
        Assert.True(FormatOf(doc, clause).Alignment!.WrapText!.Value);
    }

    [Fact]
    public async Task EverySheetIsSetUpForA4FitToOnePageWideWithPrintTitlesHeaderAndPageNumbers()
    {
        var (w, studioBytes, programmeBytes) = await WorkbooksAsync();
        var studioName = (await w.Leader.LedgerAsync(w.StudioId)).StudioName;
        foreach (var (bytes, subject, sheets) in new[] { (studioBytes, studioName, 3), (programmeBytes, "台账测试批次", 4) })
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var wb = doc.WorkbookPart!;
            Assert.Equal(sheets, wb.Workbook.Sheets!.Count());
            Assert.Equal(sheets, wb.Workbook.DefinedNames!.Elements<DefinedName>().Count(d => d.Name == "_xlnm.Print_Titles"));
            foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
            {
                var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
                var setup = ws.GetFirstChild<PageSetup>()!;
                Assert.Equal(9u, setup.PaperSize!.Value); // A4
                Assert.Equal(1u, setup.FitToWidth!.Value);
                Assert.Equal(0u, setup.FitToHeight!.Value);
                Assert.True(ws.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
                var wide = ws.Descendants<Column>().Sum(c => c.Width!.Value) > 95;
                Assert.Equal(wide ? OrientationValues.Landscape : OrientationValues.Portrait, setup.Orientation!.Value);
                Assert.NotNull(ws.GetFirstChild<PageMargins>());
                var hf = ws.GetFirstChild<HeaderFooter>()!;
                Assert.StartsWith($"&L{subject}&C", hf.OddHeader!.Text);
                Assert.EndsWith("&R2026年度", hf.OddHeader.Text);
                Assert.Equal("&L生成时间：2026年6月20日 12:00（北京时间）&R第 &P 页，共 &N 页", hf.OddFooter!.Text);
            }
        }
    }

    [Fact]
    public async Task TheProgrammeWorkbookHasOneSummaryRowPerStudioWithATotalsRowAndTheDetailOfEveryStudio()
    {
        var (w, _, bytes) = await WorkbooksAsync();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var studioName = (await w.Leader.LedgerAsync(w.StudioId)).StudioName;
        var ledger = await w.Leader.LedgerAsync(w.StudioId);

        Assert.Equal(["汇总", "明细", "活动", "成果"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var summary = Table(doc, "汇总", out _);
        Assert.Equal(["序号", "工作室", "区县", "依托单位", "达标", "进行中", "有风险", "未达标", "不适用", "专家评定", "扣分", "未达标事项"], summary[0]);
        var row = Assert.Single(summary, r => r[1] == studioName);
        var t = ledger.Totals;
        Assert.Equal(["1", studioName, "柳北区", "景行小学", $"{t.Met}", $"{t.OnTrack}", $"{t.AtRisk}", $"{t.Missed}", $"{t.NotApplicable}", $"{t.EvaluatorChecked}", $"{t.Deducted}"], row[..11]);
        Assert.Contains("每月党建专题研讨（2026-02、2026-03", row[11]);
        Assert.Equal(["合计", "1 个工作室", "", "", $"{t.Met}", $"{t.OnTrack}", $"{t.AtRisk}", $"{t.Missed}", $"{t.NotApplicable}", $"{t.EvaluatorChecked}", $"{t.Deducted}", ""], summary[^1]);

        var detail = Table(doc, "明细", out _);
        Assert.Equal(["工作室", "区县/依托单位", "建设任务", "期间类型", "期间", "目标", "实际", "状态", "文件条款"], detail[0]);
        Assert.All(detail.Skip(1), r => Assert.Equal("柳北区", r[1]));
        Assert.Contains(detail, r => r[2] == "年度建设进展报告" && r[3] == "自然年度" && r[7] == "进行中");
        Assert.Equal(2, Table(doc, "活动", out _).Length - 1);
    }

    /// <summary>The xlsx as LibreOffice prints it to PDF: each page's text (pdftotext -layout) and the page size (pdfinfo).</summary>
    private static async Task<(string[] Pages, string Info)> PrintAsync(byte[] xlsx)
    {
        var dir = Directory.CreateTempSubdirectory("westudio-lo-");
        try
        {
            var path = Path.Combine(dir.FullName, "ledger.xlsx");
            await File.WriteAllBytesAsync(path, xlsx);
            await RunAsync(LibreOfficeFactAttribute.Soffice ?? "soffice",
                $"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.FullName, path);
            var pdf = Path.Combine(dir.FullName, "ledger.pdf");
            Assert.True(File.Exists(pdf), "soffice wrote no PDF");
            var info = await RunAsync("pdfinfo", "-l", "1000", pdf);
            var count = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:"))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var pages = new string[count];
            for (var i = 0; i < count; i++)
                pages[i] = await RunAsync("pdftotext", "-layout", "-f", $"{i + 1}", "-l", $"{i + 1}", pdf, "-");
            return (pages, info);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    /// <summary>Pages of the sheet whose page header shows <paramref name="title"/> (the centre of the header).</summary>
    private static int[] PagesOf(string[] pages, string title) =>
        Enumerable.Range(0, pages.Length).Where(i => pages[i].Split('\n').Take(3).Any(l => l.Contains(title, StringComparison.Ordinal))).ToArray();

    [LibreOfficeFact]
    public async Task PrintedTheStudioLedgerIsOnePageWideAndEveryPageSaysWhoseLedgerAndWhichPage()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 1);
        // A long activities sheet: 60 seminars, two pages and more.
        for (var i = 0; i < 60; i++)
            await w.Leader.ActivityAsync(w.StudioId, "ResearchSession", $"2026-{1 + i / 12:00}-{1 + 2 * (i % 12):00}T09:00:00", $"第{i + 1}次教研活动");
        var ledger = await w.Leader.LedgerAsync(w.StudioId);
        var studioName = ledger.StudioName;
        var (pages, info) = await PrintAsync(await (await w.Leader.Client.GetAsync($"/api/v1/studios/{w.StudioId}/ledger.xlsx?year=2026")).Content.ReadAsByteArrayAsync());

        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Contains(studioName, pages[i]);
            Assert.Contains($"第 {i + 1} 页，共 {pages.Length} 页", pages[i]);
            Assert.Contains("2026年6月20日 12:00（北京时间）", pages[i]);
        }
        // The summary: one page wide, so every one of its pages shows the first and the last column's heading, and A4 landscape.
        var summary = PagesOf(pages, "台账汇总");
        Assert.NotEmpty(summary);
        Assert.Equal(Enumerable.Range(0, summary.Length), summary);
        Assert.All(summary, p => Assert.Matches("建设任务.*文件条款.*期间.*目标.*实际.*状态.*依据", pages[p]));
        Assert.Contains($"{studioName}台账（2026年度）", pages[0]);
        Assert.Contains("图例", pages[0]);
        Assert.Matches(@"Page\s+1 size:\s+841\.\d+ x 595\.\d+ pts \(A4\)", info);
        // Every summary row is printed (nothing cut off or dropped): December's seminar, and the last requirement on the last page.
        Assert.Contains(summary, p => pages[p].Contains("2026-12", StringComparison.Ordinal));
        Assert.Contains("由考核评估组现场或依材料评定", pages[summary[^1]]); // the last requirement is the evaluator's
        // Wrapped, not cut: the end of the longest clause is printed too (it is on the last of the cell's lines).
        var clause = ledger.Requirements.Select(r => r.Clause).MaxBy(c => c.Length)!;
        Assert.True(clause.Length > 20, clause); // longer than one line of the 36-character column
        Assert.Contains(summary, p => pages[p].Contains(clause.TrimEnd('。')[^3..], StringComparison.Ordinal));

        // The activities sheet is long: its heading row is printed again on its second page, with the later activities.
        var activities = PagesOf(pages, "活动记录");
        Assert.True(activities.Length >= 2, $"the activities sheet printed on {activities.Length} page(s)");
        Assert.All(activities, p => Assert.Matches("日期.*类型.*标题.*结对学校.*实到.*应到.*简讯", pages[p]));
        Assert.Contains("第1次教研活动", pages[activities[0]]);
        Assert.DoesNotContain("第60次教研活动", pages[activities[0]]);
        Assert.Contains("第60次教研活动", pages[activities[^1]]);
        Assert.Contains("2026年1月1日", pages[activities[0]]); // an Excel date in the Chinese format
    }

    [LibreOfficeFact]
    public async Task PrintedTheProgrammeLedgerHasOneRowPerStudioFitToWidthAndItsTotalsOnTheLastPage()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 0);
        var names = new List<string> { (await w.Leader.LedgerAsync(w.StudioId)).StudioName };
        for (var i = 0; i < 59; i++)
        {
            var name = $"第{i + 2:000}号测试工作室";
            (await w.Admin.Client.PostJsonAsync($"/api/v1/programmes/{w.ProgrammeId}/studios", new { name, hostOrgUnitId = w.SchoolId })).EnsureSuccessStatusCode();
            names.Add(name);
        }
        var (pages, _) = await PrintAsync(await (await w.Admin.Client.GetAsync($"/api/v1/ledger.xlsx?programmeId={w.ProgrammeId}&year=2026")).Content.ReadAsByteArrayAsync());

        var summary = PagesOf(pages, "台账汇总");
        Assert.True(summary.Length >= 2, $"the summary of 60 studios printed on {summary.Length} page(s)");
        Assert.All(summary, p => Assert.Matches("序号.*工作室.*区县.*依托单位.*达标.*进行中.*有风险.*未达标.*不适用.*专家评定.*未达标事项", pages[p]));
        Assert.All(summary, p => Assert.Contains("台账测试批次", pages[p]));
        // One row per studio: every studio's name once across the summary's pages.
        var text = string.Join("\n", summary.Select(p => pages[p]));
        Assert.All(names, n => Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(n))));
        Assert.Contains("合计", pages[summary[^1]]);
        Assert.Contains("60 个工作室", pages[summary[^1]]);
        Assert.All(summary[..^1], p => Assert.DoesNotContain("合计", pages[p]));
        for (var i = 0; i < pages.Length; i++) Assert.Contains($"第 {i + 1} 页，共 {pages.Length} 页", pages[i]);
    }
}
