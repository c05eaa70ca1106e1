using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

/// <summary>The print layout every export shares (Infrastructure/PrintedWorkbook.cs), without a database.</summary>
public sealed class PrintedWorkbookTests
{
    private static readonly PrintHeading Heading = new("A&B 工作室", "2026年度", new DateTimeOffset(2026, 6, 20, 20, 0, 0, TimeSpan.FromHours(8)), "北京时间");

    private static SpreadsheetDocument Write(Action<PrintedWorkbook> fill, PrintHeading? heading = null)
    {
        var output = new MemoryStream();
        using (var book = new PrintedWorkbook(output, heading ?? Heading))
        {
            fill(book);
            book.Complete();
        }
        output.Position = 0;
        return SpreadsheetDocument.Open(output, false);
    }

    private static Worksheet Sheet(SpreadsheetDocument doc, int index) =>
        ((WorksheetPart)doc.WorkbookPart!.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().ElementAt(index).Id!)).Worksheet;

    [Fact]
    public void AnAmpersandInTheHeaderIsDoubledAndALongNameIsCutToExcelsLimit()
    {
        using var doc = Write(b => b.AddSheet("表", "标题", [new("甲", 10)]).Row("x"), Heading with { Subject = "工作室&" + new string('长', 300) });
        var header = Sheet(doc, 0).GetFirstChild<HeaderFooter>()!.OddHeader!.Text;
        Assert.StartsWith("&L工作室&&长", header);
        Assert.True(header.Length <= 255, $"{header.Length} characters");
    }

    [Fact]
    public void ANarrowSheetPrintsPortraitAWideOneLandscapeAndEachHasItsOwnPrintTitles()
    {
        using var doc = Write(b =>
        {
            b.AddSheet("窄", "窄表", [new("甲", 40), new("乙", 40)]).Row("a", 1);
            b.AddSheet("宽", "宽表", [new("甲", 60), new("乙", 60)], new PrintTitleBlock("标题", [("工作室", "A&B 工作室")], [new("达标", PrintMark.Good)])).Row("a", 1);
        });
        Assert.Equal(OrientationValues.Portrait, Sheet(doc, 0).GetFirstChild<PageSetup>()!.Orientation!.Value);
        Assert.Equal(OrientationValues.Landscape, Sheet(doc, 1).GetFirstChild<PageSetup>()!.Orientation!.Value);
        var titles = doc.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Select(d => (d.LocalSheetId!.Value, d.Text)).ToArray();
        // The narrow sheet's header is row 1; the wide one's follows its title, one fact, the legend and an empty row.
        Assert.Equal([(0u, "'窄'!$1:$1"), (1u, "'宽'!$5:$5")], titles);
    }

    [Fact]
    public void WrappedTextGetsATallerRowAndShortTextDoesNot()
    {
        using var doc = Write(b => b.AddSheet("表", "标题", [new("条款", 20, Wrap: true), new("数", 8)]).Row(new string('字', 30), 3));
        var rows = Sheet(doc, 0).Descendants<Row>().ToArray();
        Assert.Null(rows[0].Height); // the header row
        Assert.Equal(4 * 15.0, rows[1].Height!.Value); // 60 character widths in a 20-wide column: 4 lines
    }
}
