using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Evaluation;

/// <summary>
/// The programme's score table for a round as an .xlsx, as the committee hands it upward: one row per studio, one column per
/// rubric item (the mean of the evaluators' points; 通过/未通过 for gates and checklist lines), bonus, total, result and rank.
/// Laid out for A4 by <see cref="PrintedWorkbook"/> like the ledger exports (issue 20): fit to one page wide, the header row
/// repeated, the round at the page header's left, "第 N 页，共 M 页" and the generation time in the footer.
/// </summary>
public static class ScoreTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build(RoundDto round, Rubric rubric, IReadOnlyList<StudioResultDto> results, PrintHeading heading)
    {
        var columns = new List<PrintColumn> { new("排名", 6), new("工作室", 26, Wrap: true), new("评估专家人数", 8, Wrap: true) };
        columns.AddRange(rubric.Items.Select(i => new PrintColumn(
            i.Scoring is ItemScoring.Points or ItemScoring.Bonus ? $"{i.Title}（{i.MaxPoints:0.#}分）" : i.Title, 12, Wrap: true)));
        if (rubric.Scored) columns.AddRange([new("加分", 8), new("总分（均分）", 10, Wrap: true)]);
        columns.AddRange([new("未通过的必备项", 20, Wrap: true), new("结果", 8)]);

        using var stream = new MemoryStream();
        using (var book = new PrintedWorkbook(stream, heading))
        {
            var sheet = book.AddSheet("评分汇总", "评分汇总", columns.ToArray());
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
                cells.Add(r.Passed switch
                {
                    true => new Marked("通过", PrintMark.Good),
                    false => new Marked("未通过", PrintMark.Bad),
                    null => new Marked("未评", PrintMark.Inactive),
                });
                sheet.Row(cells.ToArray());
            }
            book.Complete();
        }
        return stream.ToArray();
    }
}
