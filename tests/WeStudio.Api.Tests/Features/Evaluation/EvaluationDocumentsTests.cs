using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using WeStudio.Api.Features.Evaluation;
using WeStudio.Api.Tests.Features.Ledger;
using WeStudio.Api.Tests.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Evaluation;

public sealed class EvaluationDocumentsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Summary = "六位党员教师围绕“双减”背景下的作业设计开展研讨，形成了三份示范作业单。";

    private async Task<(LedgerWorld World, RoundDto Round, SignedIn Expert)> WorldAsync()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-09-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PioneerMember", members: 2, licensedOn: "2026-01-01");
        await factory.SetNameAsync(w.Leader.Id, "王领衔");
        var activity = await w.Leader.ActivityAsync(w.StudioId, "ResearchSession", "2026-05-12T15:00:00", "作业设计研讨");
        var photos = new[] { await w.Leader.UploadPhotoAsync("ladybird-gps.jpg"), await w.Leader.UploadPhotoAsync("garden-gps.png"), await w.Leader.UploadPhotoAsync("ladybird-gps.jpg") };
        (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity}/brief", new
        {
            title = "“双减”作业设计专题研讨简讯", theme = "作业设计", exchange = "交流", record = "记录", summary = Summary, photoIds = photos.Select(p => p.PhotoId).ToArray(),
        })).EnsureSuccessStatusCode();
        (await w.Leader.Client.PostAsync($"/api/v1/activities/{activity}/brief/publish", null)).EnsureSuccessStatusCode();
        (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/achievements",
            new { form = "ResearchOutput", researchSubtype = "Project", title = "党建引领作业改革研究", year = 2026, authors = "王领衔", level = "City" })).EnsureSuccessStatusCode();
        var round = await w.Admin.RoundAsync(w.ProgrammeId, "MidTerm", Rubrics.Wenzhou);
        var expert = await factory.MemberAsync();
        await w.Admin.AppointAsync(round.Id, expert.Id);
        return (w, round, expert);
    }

    private static async Task<string> ConvertAsync(string dir, string input, string to)
    {
        var start = new ProcessStartInfo(LibreOfficeFactAttribute.Soffice ?? "soffice")
        {
            ArgumentList = { $"-env:UserInstallation=file://{dir}/profile", "--headless", "--norestore", "--convert-to", to, "--outdir", dir, input },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var output = Path.Combine(dir, Path.GetFileNameWithoutExtension(input) + "." + to.Split(':')[0]);
        Assert.True(File.Exists(output), $"soffice exited {process.ExitCode}: {await process.StandardOutput.ReadToEndAsync()} {await process.StandardError.ReadToEndAsync()}");
        return output;
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    [LibreOfficeFact]
    public async Task TheCompilationIsADocxWithHeadingsTocPageNumbersAndChineseFontsThatLibreOfficeConverts()
    {
        var (w, round, expert) = await WorldAsync();
        var url = $"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/compilation.docx";
        var stranger = await factory.MemberAsync();
        await (await stranger.Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await expert.Client.GetAsync(url)).StatusCode);
        var response = await w.Leader.Client.GetAsync(url);
        Assert.Equal(Compilation.ContentType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // Read back with the SDK.
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var main = doc.MainDocumentPart!;
            var paragraphs = main.Document.Body!.Descendants<Paragraph>().ToArray();
            string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
            Assert.Equal(["一、工作室概况", "二、建设成果", "三、活动简讯", "四、台账摘要"], paragraphs.Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText));
            Assert.Equal(["“双减”作业设计专题研讨简讯"], paragraphs.Where(p => StyleOf(p) == "Heading2").Select(p => p.InnerText));
            Assert.Contains(paragraphs, p => p.InnerText == Summary);
            Assert.Contains(main.Document.Body.Descendants<FieldCode>(), f => f.Text.Contains("TOC \\o"));
            Assert.Contains(main.FooterParts.Single().Footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Contains("PAGE"));
            var styles = main.StyleDefinitionsPart!.Styles!;
            Assert.Equal("黑体", styles.Elements<Style>().Single(s => s.StyleId == "Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value);
            Assert.Equal("宋体", styles.Elements<Style>().Single(s => s.StyleId == "Normal").StyleRunProperties!.RunFonts!.EastAsia!.Value);
            Assert.Equal(2, main.ImageParts.Count()); // up to 2 photos of the brief
            Assert.Contains(main.Document.Body.Descendants<TableCell>(), c => c.InnerText == "党建引领作业改革研究");
            Assert.Contains(main.Document.Body.Descendants<TableCell>(), c => c.InnerText == "市级");
        }

        // Converted to PDF by LibreOffice: a title/TOC page and one page per section at least, and the brief's text is in it.
        var dir = Directory.CreateTempSubdirectory("westudio-docx-");
        try
        {
            var docx = Path.Combine(dir.FullName, "compilation.docx");
            await File.WriteAllBytesAsync(docx, bytes);
            var pdf = await ConvertAsync(dir.FullName, docx, "pdf");
            var info = await RunAsync("pdfinfo", pdf);
            var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:"))["Pages:".Length..].Trim());
            Assert.InRange(pages, 6, 20);
            var text = await RunAsync("pdftotext", "-layout", pdf, "-");
            Assert.Contains("双减", text);
            Assert.Contains("形成了三份示范作业单", text.Replace(" ", "").Replace("\n", ""));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [LibreOfficeFact]
    public async Task TheScoreTableIsAnXlsxWithOneRowPerStudioThatLibreOfficeOpens()
    {
        var (w, round, expert) = await WorldAsync();
        object[] items =
        [
            new { code = "leader-ideology", count = 4 }, new { code = "venue", passed = true },
            new { code = "goal", band = "A", points = 9 }, new { code = "content", band = "B", points = 6 }, new { code = "funds", band = "A", points = 5 },
            new { code = "website", band = "A", points = 10 }, new { code = "trainee-output", band = "B", points = 5 },
            new { code = "promotion", band = "B", points = 2 }, new { code = "leading", band = "A", points = 4 }, new { code = "feature", band = "B", points = 8 },
            new { code = "bonus-public-good", passed = false }, new { code = "bonus-media", passed = false },
        ];
        var sheet = await (await expert.ScoreAsync(round.Id, w.StudioId, items)).ReadAsync<ScoreSheetDto>();
        (await expert.SubmitAsync(round.Id, w.StudioId)).EnsureSuccessStatusCode();
        var url = $"/api/v1/evaluation-rounds/{round.Id}/scores.xlsx";
        await (await expert.Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var bytes = await (await w.Admin.Client.GetAsync(url)).Content.ReadAsByteArrayAsync();
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToArray();
            Assert.Equal(2, rows.Length); // header + the one studio
            Assert.Contains("研修活动", rows[0].InnerText);
            // Printed like the ledger (issue 20): A4, one page wide, the header row on every page, page numbers in the footer.
            var ws = doc.WorkbookPart.WorksheetParts.Single().Worksheet;
            var setup = ws.GetFirstChild<PageSetup>()!;
            Assert.Equal((9u, 1u, 0u), (setup.PaperSize!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
            Assert.Contains(doc.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>(), d => d.Name == "_xlnm.Print_Titles");
            Assert.EndsWith("第 &P 页，共 &N 页", ws.GetFirstChild<HeaderFooter>()!.OddFooter!.Text);
        }
        var dir = Directory.CreateTempSubdirectory("westudio-xlsx-");
        try
        {
            var xlsx = Path.Combine(dir.FullName, "scores.xlsx");
            await File.WriteAllBytesAsync(xlsx, bytes);
            var csv = await File.ReadAllLinesAsync(await ConvertAsync(dir.FullName, xlsx, "csv:Text - txt - csv (StarCalc):44,34,76"));
            Assert.StartsWith("排名,工作室,评估专家人数,", csv[0]);
            var cells = csv[1].Split(',');
            // 2 team members: the 必备 team gate fails, so the studio is unranked and 未通过 whatever its total.
            Assert.Equal("", cells[0]);
            Assert.Equal($"{sheet.Total:0.##}", cells[^3]);
            Assert.Equal(("工作室成员至少10人以上", "未通过"), (cells[^2], cells[^1]));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
