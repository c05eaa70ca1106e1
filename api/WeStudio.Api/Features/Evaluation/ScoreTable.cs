using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WeStudio.Api.Features.Evaluation;

/// <summary>
/// The programme's score table for a round as an .xlsx, as the committee hands it upward: one row per studio, one column per
/// rubric item (the mean of the evaluators' points; 通过/未通过 for gates and checklist lines), bonus, total, result and rank.
/// A round's table is small (one row per studio), so it is built as an OpenXml DOM in memory.
/// </summary>
public static class ScoreTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build(RoundDto round, Rubric rubric, IReadOnlyList<StudioResultDto> results)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(new FontName { Val = "宋体" }, new FontSize { Val = 11 }), new Font(new Bold(), new FontName { Val = "黑体" }, new FontSize { Val = 11 })),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center } }));
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var header = new List<string> { "排名", "工作室", "评估专家人数" };
            header.AddRange(rubric.Items.Select(i => i.Scoring is ItemScoring.Points or ItemScoring.Bonus ? $"{i.Title}（{i.MaxPoints:0.#}分）" : i.Title));
            if (rubric.Scored) header.AddRange(["加分", "总分（均分）"]);
            header.AddRange(["未通过的必备项", "结果"]);
            data.Append(Row(header.Select(h => (object)h), style: 1));
            foreach (var r in results)
            {
                var cells = new List<object?> { r.Rank, r.StudioName, r.Sheets.Length };
                foreach (var item in rubric.Items)
                {
                    var values = r.Sheets.Select(s => s.Items.Single(i => i.Item.Code == item.Code)).ToArray();
                    if (values.Length == 0) cells.Add(null);
                    else if (item.Scoring is ItemScoring.Points or ItemScoring.Bonus) cells.Add(Math.Round(values.Average(v => v.Points ?? 0), 2));
                    else cells.Add(values.All(v => v.Passed == true) ? "通过" : "未通过");
                }
                if (rubric.Scored)
                {
                    cells.Add(r.Sheets.Length == 0 ? null : Math.Round(r.Sheets.Average(s => s.Bonus), 2));
                    cells.Add(r.MeanTotal);
                }
                cells.Add(string.Join("、", r.FailedGates.Select(g => rubric.Items.First(i => i.Code == g).Title)));
                cells.Add(r.Passed switch { true => "通过", false => "未通过", null => "未评" });
                data.Append(Row(cells, style: 0));
            }
            ws.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                new Columns(new Column { Min = 1, Max = 1, Width = 6, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 36, CustomWidth = true },
                    new Column { Min = 3, Max = (uint)header.Count, Width = 14, CustomWidth = true }),
                data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "评分汇总" }));
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(IEnumerable<object?> values, uint style)
    {
        var row = new Row();
        foreach (var v in values)
        {
            var cell = v switch
            {
                null => new Cell(),
                decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                int n => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString()!)) },
            };
            cell.StyleIndex = style;
            row.Append(cell);
        }
        return row;
    }
}
