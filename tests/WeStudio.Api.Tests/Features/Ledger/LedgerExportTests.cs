using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

/// <summary>
/// A fact that needs LibreOffice (<c>soffice</c>). scripts/test.sh installs it when run as root; the test is skipped, saying
/// why, only when it is absent and cannot be installed (not root). As root and absent, the test runs and fails.
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public static string? Soffice => new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public LibreOfficeFactAttribute()
    {
        if (Soffice is null && Environment.UserName != "root")
            Skip = "LibreOffice (soffice) is not installed and the tests do not run as root, so scripts/test.sh could not install libreoffice-calc-nogui.";
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

    [Fact]
    public async Task TheStudioWorkbookHasASummaryAnActivitiesAndAnAchievementsSheetWithChineseHeadersAndExcelDates()
    {
        var (_, bytes, _) = await WorkbooksAsync();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

        Assert.Equal(["汇总", "活动", "成果"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var summary = Read(doc, "汇总", out var summarySheet);
        Assert.Equal(["建设任务", "文件条款", "期间类型", "期间", "目标", "实际", "状态", "依据"], summary[0]);
        var january = summary.Single(r => r[0] == "每月党建专题研讨" && r[3] == "2026-01");
        Assert.Equal(["每月召开1次党建专题研讨活动。", "每月", "≥ 1", "1", "达标", "1月党建专题研讨"], [january[1], january[2], january[4], january[5], january[6], january[7]]);
        Assert.Contains(summary, r => r[3] == "2026-03" && r[6] == "未达标");
        Assert.Contains(summary, r => r[0] == "党建业务知识培训讲座" && r[2] == "建设年度" && r[3] == LedgerScenario.BuildYear1);
        Assert.Contains(summary, r => r[0] == "年度建设进展报告" && r[2] == "自然年度" && r[3] == "2026年");
        var pane = summarySheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1.0, pane.VerticalSplit!.Value);
        Assert.True(summarySheet.Descendants<Column>().All(c => c.CustomWidth!.Value && c.Width!.Value > 5));

        var activities = Read(doc, "活动", out var activitySheet);
        Assert.Equal(["日期", "类型", "标题", "结对学校", "出勤（到/应到）", "简讯"], activities[0]);
        var first = activitySheet.Descendants<Row>().ElementAt(1).Elements<Cell>().First();
        Assert.Equal(new DateTime(2026, 1, 31), DateTime.FromOADate(double.Parse(first.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var format = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)first.StyleIndex!.Value);
        Assert.Equal(164u, format.NumberFormatId!.Value);
        Assert.Equal(["党建专题研讨", "1月党建专题研讨"], activities[1][1..3]);
        Assert.Equal(["结对帮扶", "结对帮扶", "融安县实验小学", "0/3", "无"], activities[2][1..]);

        var achievements = Read(doc, "成果", out _);
        Assert.Equal(["年度", "成果形式", "题目", "作者", "级别"], achievements[0]);
        Assert.Equal(["2026", "工作法/典型案例", "“红烛先锋”支部工作法", "覃美玲", "市级"], achievements[1]);
    }

    [Fact]
    public async Task TheProgrammeWorkbookListsEveryStudioOfTheSubtree()
    {
        var (w, _, bytes) = await WorkbooksAsync();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

        var summary = Read(doc, "汇总", out _);
        Assert.Equal(["工作室", "区县/依托单位", "建设任务", "期间类型", "期间", "目标", "实际", "状态", "文件条款"], summary[0]);
        Assert.All(summary.Skip(1), r => Assert.Equal("柳北区", r[1]));
        Assert.Contains(summary, r => r[2] == "年度建设进展报告" && r[7] == "进行中");
        Assert.Equal(2, Read(doc, "活动", out _).Length - 1);
    }

    [LibreOfficeFact]
    public async Task LibreOfficeOpensTheWorkbookAndConvertsItToCsv()
    {
        var (_, bytes, _) = await WorkbooksAsync();
        var dir = Directory.CreateTempSubdirectory("westudio-lo-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "ledger.xlsx");
            await File.WriteAllBytesAsync(xlsx, bytes);
            var start = new ProcessStartInfo(LibreOfficeFactAttribute.Soffice ?? "soffice")
            {
                ArgumentList =
                {
                    $"-env:UserInstallation=file://{dir.FullName}/profile", "--headless", "--norestore",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.FullName, xlsx,
                },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var csvPath = Path.Combine(dir.FullName, "ledger.csv");
            Assert.True(File.Exists(csvPath), $"soffice exited {process.ExitCode}: {await process.StandardOutput.ReadToEndAsync()} {await process.StandardError.ReadToEndAsync()}");
            var lines = await File.ReadAllLinesAsync(csvPath);
            Assert.Equal("建设任务,文件条款,期间类型,期间,目标,实际,状态,依据", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("每月党建专题研讨,每月召开1次党建专题研讨活动。,每月,2026-01,≥ 1,1,达标,"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
