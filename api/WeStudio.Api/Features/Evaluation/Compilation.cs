using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace WeStudio.Api.Features.Evaluation;

/// <summary>
/// The 成果汇编 of a studio for a round as a DOCX (Liuzhou 五(3), Maoming "工作总结报告和成果汇编"): a title page, a table of
/// contents field (Word and WPS fill it on opening: <c>updateFields</c> is set), 一、工作室概况, 二、建设成果 (a table with forms,
/// levels and authors), 三、活动简讯 (each published brief: title, date, theme, summary and up to 2 of its photos, which were
/// stripped of metadata at upload), 四、台账摘要; page numbers in the footer; fonts named 宋体 (body) and 黑体 (headings) for
/// the East Asian script so Word and WPS render it as a committee expects.
/// </summary>
public static class Compilation
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public sealed record Brief(string Title, DateOnly Date, string? Theme, string? Summary, Photo[] Photos);
    public sealed record Photo(byte[] Bytes, string ContentType, int Width, int Height);
    public sealed record Achievement(string Form, string Title, int Year, string Authors, string Level);
    public sealed record LedgerRow(string Title, string Period, string Status);

    public sealed record Content(string StudioName, string ProgrammeName, string RoundTitle, string? LeaderName, DateOnly LicensedOn, DateOnly Today,
        Achievement[] Achievements, Brief[] Briefs, LedgerRow[] Ledger);

    public static byte[] Build(Content c)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new Text("第 ") { Space = SpaceProcessingModeValues.Preserve }), new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
                new Run(new Text(" 页") { Space = SpaceProcessingModeValues.Preserve })));

            body.Append(Para(c.StudioName, "Title"), Para("成果汇编", "Title"), Para($"{c.ProgrammeName} · {c.RoundTitle}", "Subtitle"),
                Para($"编制日期：{c.Today:yyyy年M月d日}", "Subtitle"));
            body.Append(Para("目  录", "TOCHeading"));
            body.Append(new Paragraph(
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text("（打开文档时更新目录）")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));

            body.Append(Para("一、工作室概况", "Heading1"));
            foreach (var line in new[] { $"工作室：{c.StudioName}", $"所属项目：{c.ProgrammeName}", $"主持人：{c.LeaderName ?? "—"}", $"认定日期：{c.LicensedOn:yyyy年M月d日}",
                         $"建设成果 {c.Achievements.Length} 项，活动简讯 {c.Briefs.Length} 篇。" })
                body.Append(Para(line));

            body.Append(Para("二、建设成果", "Heading1"));
            if (c.Achievements.Length == 0) body.Append(Para("（暂无登记的成果）"));
            else body.Append(Table(["序号", "成果形式", "名称", "年度", "作者", "级别"],
                c.Achievements.Select((a, k) => new[] { $"{k + 1}", a.Form, a.Title, $"{a.Year}", a.Authors, a.Level })));

            body.Append(Para("三、活动简讯", "Heading1"));
            if (c.Briefs.Length == 0) body.Append(Para("（暂无已发布的简讯）"));
            var imageId = 1U;
            foreach (var b in c.Briefs)
            {
                body.Append(Para(b.Title, "Heading2"), Para($"时间：{b.Date:yyyy年M月d日}"));
                if (!string.IsNullOrWhiteSpace(b.Theme)) body.Append(Para($"主题：{b.Theme}"));
                foreach (var p in (b.Summary ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) body.Append(Para(p));
                foreach (var photo in b.Photos) body.Append(Picture(main, photo, imageId++));
            }

            body.Append(Para("四、台账摘要", "Heading1"));
            if (c.Ledger.Length == 0) body.Append(Para("（无台账要求）"));
            else body.Append(Table(["要求", "周期", "完成情况"], c.Ledger.Select(l => new[] { l.Title, l.Period, l.Status })));

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1588, Header = 851, Footer = 992 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static RunFonts Fonts(string eastAsia) => new() { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = eastAsia, Hint = FontTypeHintValues.EastAsia };

    private static Styles Styles()
    {
        Style S(string id, string name, string font, int halfPoints, bool bold, int? outline, bool pageBreak = false, JustificationValues? justify = null)
        {
            var ppr = new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" });
            if (pageBreak) ppr.Append(new PageBreakBefore());
            if (justify is { } j) ppr.Append(new Justification { Val = j });
            if (outline is { } o) ppr.Append(new OutlineLevel { Val = o });
            var rpr = new StyleRunProperties(Fonts(font), new FontSize { Val = $"{halfPoints}" }, new FontSizeComplexScript { Val = $"{halfPoints}" });
            if (bold) rpr.Append(new Bold());
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle(), ppr, rpr) { Type = StyleValues.Paragraph, StyleId = id };
        }
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts("宋体"), new FontSize { Val = "24" }, new Languages { EastAsia = "zh-CN" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(Fonts("宋体"), new FontSize { Val = "24" })) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            S("Title", "Title", "黑体", 44, true, null, justify: JustificationValues.Center),
            S("Subtitle", "Subtitle", "宋体", 28, false, null, justify: JustificationValues.Center),
            S("TOCHeading", "TOC Heading", "黑体", 32, true, null, pageBreak: true, justify: JustificationValues.Center),
            S("Heading1", "heading 1", "黑体", 32, true, 0, pageBreak: true),
            S("Heading2", "heading 2", "黑体", 28, true, 1));
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(new Run(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static string Clean(string text) => new(text.Where(ch => !char.IsControl(ch) || ch == '\t').ToArray());

    private static Table Table(string[] header, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        TableRow Row(string[] cells, bool head) => new(cells.Select(t => new TableCell(new Paragraph(
            new Run(head ? new RunProperties(Fonts("黑体"), new Bold()) : new RunProperties(), new Text(Clean(t)) { Space = SpaceProcessingModeValues.Preserve })))));
        table.Append(Row(header, true));
        foreach (var r in rows) table.Append(Row(r, false));
        return table;
    }

    /// <summary>A photo inline, 14 cm wide at most, keeping its aspect ratio.</summary>
    private static Paragraph Picture(MainDocumentPart main, Photo photo, uint id)
    {
        var part = main.AddImagePart(photo.ContentType == "image/png" ? ImagePartType.Png : ImagePartType.Jpeg);
        using (var s = new MemoryStream(photo.Bytes)) part.FeedData(s);
        const long MaxWidth = 14L * 360000; // EMU per cm
        var cx = Math.Min(MaxWidth, photo.Width * 9525L);
        var cy = cx * photo.Height / Math.Max(1, photo.Width);
        var rel = main.GetIdOfPart(part);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy }, new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"照片 {id}" }, new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = $"photo{id}" }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = rel }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }))) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing));
    }
}
