using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WeStudio.Api.Infrastructure;

/// <summary>The fill a marked word gets (<see cref="Marked"/>): the word carries the meaning, the fill helps, and every fill still reads in black-and-white print.</summary>
public enum PrintMark { None, Good, Fair, Warning, Bad, Inactive, Info }

/// <summary>A cell whose word is a status (达标, 未达标, …) filled by its <see cref="PrintMark"/>.</summary>
public readonly record struct Marked(string Text, PrintMark Mark);

/// <summary>A fraction printed as a whole percentage (0.85 → 85%), right-aligned.</summary>
public readonly record struct Percent(double Value);

/// <summary>A column of a printed sheet: heading, width in Excel characters, and whether long text wraps (clauses, evidence, titles).</summary>
public sealed record PrintColumn(string Header, double Width, bool Wrap = false);

/// <summary>
/// What every page of a workbook says about itself: the subject (studio or programme) at the header's left, the period at
/// its right, and in the footer the generation time (local wall clock, e.g. Asia/Shanghai, with its label such as 北京时间).
/// </summary>
public sealed record PrintHeading(string Subject, string Period, DateTimeOffset GeneratedAtLocal, string ZoneLabel)
{
    /// <summary>The heading for an instant, shown in <paramref name="calendar"/>'s zone ("北京时间" for Asia/Shanghai, else "UTC+hh:mm").</summary>
    public static PrintHeading For(string subject, string period, DateTimeOffset generatedAt, Calendar calendar)
    {
        var local = TimeZoneInfo.ConvertTime(generatedAt, calendar.Zone);
        var label = calendar.Zone.Id is "Asia/Shanghai" or "China Standard Time" ? "北京时间" : "UTC" + local.ToString("zzz", CultureInfo.InvariantCulture);
        return new PrintHeading(subject, period, local, label);
    }

    /// <summary>"2026年6月20日 20:00（北京时间）".</summary>
    public string GeneratedAtText => PrintedWorkbook.ChineseDate(DateOnly.FromDateTime(GeneratedAtLocal.DateTime))
        + GeneratedAtLocal.ToString(" HH:mm", CultureInfo.InvariantCulture) + $"（{ZoneLabel}）";
}

/// <summary>
/// The title block printed above a sheet's table: a title line, label/value lines (studio, host unit, leader, programme,
/// notice, period, generated at…) and a legend of the marked words. Printed once, on the first page; the table's header row
/// below it is the one repeated on every page.
/// </summary>
public sealed record PrintTitleBlock(string Title, (string Label, string Value)[] Facts, Marked[] Legend);

/// <summary>
/// An .xlsx workbook laid out for A4 paper, written as a stream (memory stays flat however many rows): every sheet gets
/// A4, landscape when its columns are wider than a portrait page, fit to one page wide (any number tall), its header row
/// repeated on every page (print titles), margins, a page header (subject · sheet title · period) and the footer
/// "第 N 页，共 M 页" with the generation time. Cells: dates as Excel dates in the Chinese format (2026年1月31日), numbers
/// and percentages right-aligned, wrapped text where a column wraps, marked words with their fill, thin borders.
/// Sheets may be written at the same time (each goes to its own temporary file); <see cref="Complete"/> assembles the
/// package in the order the sheets were added. Used by every export (ledgers now; score table and documents later).
/// </summary>
public sealed class PrintedWorkbook : IDisposable
{
    /// <summary>A portrait A4 page holds about this many Excel character widths at 100% between 1.5 cm margins; wider sheets print landscape.</summary>
    public const double PortraitWidth = 95;

    private readonly Stream output;
    private readonly PrintHeading heading;
    private readonly List<PrintedSheet> sheets = [];
    private bool disposed;

    public PrintedWorkbook(Stream output, PrintHeading heading)
    {
        this.output = output;
        this.heading = heading;
    }

    /// <summary>
    /// Starts a sheet: <paramref name="name"/> is its tab (≤ 31 characters), <paramref name="title"/> the page header's centre
    /// (e.g. 台账汇总), <paramref name="block"/> the optional title block above the table.
    /// </summary>
    public PrintedSheet AddSheet(string name, string title, PrintColumn[] columns, PrintTitleBlock? block = null)
    {
        var sheet = new PrintedSheet(sheets.Count, name, title, columns, block, heading);
        sheets.Add(sheet);
        return sheet;
    }

    /// <summary>Finishes every sheet and writes the package to the output; call once, after the last row.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var n = sheets.Count;
        Part(zip, "[Content_Types].xml", Declaration
            + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"""
            + string.Concat(Enumerable.Range(1, n).Select(i => $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))
            + "</Types>");
        Part(zip, "_rels/.rels", Declaration
            + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/_rels/workbook.xml.rels", Declaration
            + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
            + string.Concat(Enumerable.Range(1, n).Select(i => $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"""))
            + $"""<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        Part(zip, "xl/styles.xml", Declaration + Styles().OuterXml);
        Part(zip, "xl/workbook.xml", Declaration + new Workbook(
            new Sheets(sheets.Select((s, i) => new Sheet { Id = $"rId{i + 1}", SheetId = (uint)i + 1, Name = s.Name })),
            new DefinedNames(sheets.Select((s, i) => new DefinedName($"{Quote(s.Name)}!${s.HeaderRow}:${s.HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i }))).OuterXml);
        for (var i = 0; i < n; i++)
        {
            using var entry = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Fastest).Open();
            sheets[i].CopyTo(entry);
        }
    }

    /// <summary>Deletes the sheets' temporary files; without <see cref="Complete"/> first, nothing is written to the output.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var s in sheets) s.Dispose();
    }

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    /// <summary>"2026年1月31日".</summary>
    public static string ChineseDate(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>Excel's number format of a Chinese date (the cell holds an Excel date serial).</summary>
    internal const string ChineseDateFormat = "yyyy\"年\"m\"月\"d\"日\"";

    /// <summary>Style indexes into <see cref="Styles"/>'s cell formats.</summary>
    internal enum Style : uint
    {
        Default, Title, Label, Fact, Header, Text, Wrap, Number, Date, Percent, TotalText, TotalNumber,
        MarkNone, MarkGood, MarkFair, MarkWarning, MarkBad, MarkInactive, MarkInfo,
    }

    internal static Style MarkStyle(PrintMark mark) => Style.MarkNone + (uint)mark;

    private static Stylesheet Styles()
    {
        // Fonts: 0 body, 1 bold, 2 title (bold, 16), 3 grey (not applicable).
        static Font F(bool bold = false, double size = 11, string? rgb = null)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = size });
            if (rgb is not null) font.Append(new Color { Rgb = rgb });
            font.Append(new FontName { Val = "宋体" }, new FontCharSet { Val = 134 });
            return font;
        }
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        // Fills 0 and 1 are reserved by Excel (none, gray125). Then: 2 header grey, 3 green, 4 pale green, 5 amber, 6 red, 7 grey, 8 pale blue.
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9D9D9"), Solid("FFC6EFCE"), Solid("FFEBF5E6"), Solid("FFFFE699"), Solid("FFFFC7CE"), Solid("FFEDEDED"), Solid("FFDDEBF7"));
        static Border Thin() => new(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var totalBorder = new Border(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Double }, new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new DiagonalBorder());

        static CellFormat X(uint font = 0, uint fill = 0, uint border = 1, uint numFmt = 0, HorizontalAlignmentValues? h = null, bool wrap = false)
        {
            var alignment = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null };
            if (h is { } horizontal) alignment.Horizontal = horizontal;
            return new CellFormat(alignment)
            {
                FontId = font, FillId = fill, BorderId = border, NumberFormatId = numFmt,
                ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyNumberFormat = numFmt != 0, ApplyAlignment = true,
            };
        }
        var right = HorizontalAlignmentValues.Right;
        var centre = HorizontalAlignmentValues.Center;
        var formats = new CellFormat[]
        {
            new(),                                                        // Default
            X(font: 2, border: 0, h: HorizontalAlignmentValues.Left),     // Title
            X(font: 1, border: 0),                                        // Label
            X(border: 0, wrap: true),                                     // Fact
            X(font: 1, fill: 2, h: centre, wrap: true),                   // Header
            X(),                                                          // Text
            X(wrap: true),                                                // Wrap
            X(h: right),                                                  // Number
            X(numFmt: 164, h: right),                                     // Date
            X(numFmt: 9, h: right),                                       // Percent (0%)
            X(font: 1, border: 2),                                        // TotalText
            X(font: 1, border: 2, h: right),                              // TotalNumber
            X(h: centre),                                                 // MarkNone
            X(fill: 3, h: centre),                                        // MarkGood
            X(fill: 4, h: centre),                                        // MarkFair
            X(font: 1, fill: 5, h: centre),                               // MarkWarning
            X(font: 1, fill: 6, h: centre),                               // MarkBad
            X(font: 3, fill: 7, h: centre),                               // MarkInactive
            X(fill: 8, h: centre),                                        // MarkInfo
        };
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = ChineseDateFormat }) { Count = 1 },
            new Fonts(F(), F(bold: true), F(bold: true, size: 16), F(rgb: "FF595959")) { Count = 4 },
            fills,
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin(), totalBorder) { Count = 3 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }) { Count = 1 },
            new CellFormats(formats) { Count = (uint)formats.Length },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}

/// <summary>
/// One sheet of a <see cref="PrintedWorkbook"/>, written row by row into its own temporary file: the title block (if any),
/// the bold header row (frozen on screen, repeated on paper), data rows, an optional bold totals row; then the print setup.
/// </summary>
public sealed class PrintedSheet : IDisposable
{
    private readonly string path;
    private readonly FileStream file;
    private readonly OpenXmlWriter writer;
    private readonly PrintColumn[] columns;
    private readonly string title;
    private readonly PrintHeading heading;
    private readonly List<string> merges = [];
    private uint row;
    private bool finished;

    internal PrintedSheet(int index, string name, string title, PrintColumn[] columns, PrintTitleBlock? block, PrintHeading heading)
    {
        if (columns.Length == 0) throw new ArgumentException("A sheet needs at least one column.", nameof(columns));
        Name = name;
        this.title = title;
        this.columns = columns;
        this.heading = heading;
        HeaderRow = block is null ? 1u : 1u + (uint)block.Facts.Length + (block.Legend.Length > 0 ? LegendRows(block.Legend.Length) : 0) + 2;
        path = Path.Combine(Path.GetTempPath(), $"westudio-sheet-{Guid.NewGuid():N}-{index}.xml");
        file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        writer = OpenXmlWriter.Create(file, new UTF8Encoding(false));
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var topLeft = "A" + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture);
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = HeaderRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        if (block is not null) WriteBlock(block);
        WriteRow(columns.Select(c => (object?)c.Header).ToArray(), PrintedWorkbook.Style.Header);
    }

    /// <summary>The tab's name.</summary>
    public string Name { get; }

    /// <summary>The 1-based row of the table's header (the print titles).</summary>
    public uint HeaderRow { get; }

    /// <summary>Whether the sheet prints landscape: its columns are wider than a portrait A4 page.</summary>
    public bool Landscape => columns.Sum(c => c.Width) > PrintedWorkbook.PortraitWidth;

    private int LastColumn => columns.Length - 1;

    /// <summary>The title block's labels span the first columns up to 10 characters wide (a narrow 序号 column alone would cut them).</summary>
    private int LabelColumns
    {
        get
        {
            var width = 0.0;
            for (var i = 0; i < columns.Length - 1; i++)
                if ((width += columns[i].Width) >= 10) return i + 1;
            return Math.Max(1, columns.Length - 1);
        }
    }

    /// <summary>Points per printed line of 11-point text.</summary>
    private const double LineHeight = 15;

    /// <summary>
    /// Roughly how wide a text prints, in Excel character widths: CJK characters and full-width punctuation count two.
    /// Rows with wrapped text get their height from it, because neither Excel nor LibreOffice grows a row on opening a file.
    /// </summary>
    internal static double DisplayWidth(string text) => text.Sum(c => c >= '\u2E80' || c is '“' or '”' or '‘' or '’' or '—' or '…' ? 2.0 : 1.0);

    /// <summary>Lines the text takes in a cell <paramref name="width"/> characters wide (a character of padding each side).</summary>
    internal static int Lines(string text, double width) =>
        text.Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(DisplayWidth(part) / Math.Max(1, width - 1.5))));

    private static Row RowWithHeight(uint index, int lines) =>
        lines > 1 ? new Row { RowIndex = index, Height = lines * LineHeight, CustomHeight = true } : new Row { RowIndex = index };

    private uint LegendRows(int items)
    {
        var perRow = Math.Max(1, columns.Length - LabelColumns);
        return (uint)Math.Max(1, (items + perRow - 1) / perRow);
    }

    private void WriteBlock(PrintTitleBlock block)
    {
        row++;
        writer.WriteStartElement(new Row { RowIndex = row, Height = 24, CustomHeight = true });
        writer.WriteElement(TextCell(0, block.Title, PrintedWorkbook.Style.Title));
        writer.WriteEndElement();
        if (columns.Length > 1) merges.Add($"A{row}:{ColumnName(LastColumn)}{row}");
        var labels = LabelColumns;
        var valueWidth = columns.Skip(labels).Sum(c => c.Width);
        foreach (var (label, value) in block.Facts)
        {
            row++;
            writer.WriteStartElement(RowWithHeight(row, Lines(value, valueWidth)));
            writer.WriteElement(TextCell(0, label, PrintedWorkbook.Style.Label));
            if (labels > 1) merges.Add($"A{row}:{ColumnName(labels - 1)}{row}");
            if (columns.Length > labels)
            {
                writer.WriteElement(TextCell(labels, value, PrintedWorkbook.Style.Fact));
                if (LastColumn > labels) merges.Add($"{ColumnName(labels)}{row}:{ColumnName(LastColumn)}{row}");
            }
            writer.WriteEndElement();
        }
        if (block.Legend.Length > 0)
        {
            var perRow = Math.Max(1, columns.Length - labels);
            var rows = LegendRows(block.Legend.Length);
            for (var r = 0; r < rows; r++)
            {
                row++;
                writer.WriteStartElement(new Row { RowIndex = row });
                if (r == 0) writer.WriteElement(TextCell(0, "图例", PrintedWorkbook.Style.Label));
                if (r == 0 && labels > 1) merges.Add($"A{row}:{ColumnName(labels - 1)}{row}");
                var items = block.Legend.Skip(r * perRow).Take(perRow).ToArray();
                for (var i = 0; i < items.Length; i++)
                    writer.WriteElement(TextCell(Math.Min(labels + i, LastColumn), items[i].Text, PrintedWorkbook.MarkStyle(items[i].Mark)));
                writer.WriteEndElement();
            }
        }
        row++; // one empty row between the block and the table
    }

    /// <summary>
    /// Writes a data row. Values: <see cref="string"/> (wrapped in a wrapping column), <see cref="DateOnly"/> (Excel date,
    /// Chinese format), <see cref="int"/>/<see cref="long"/>/<see cref="double"/>/<see cref="decimal"/> (right-aligned),
    /// <see cref="Percent"/>, <see cref="Marked"/>, null (empty bordered cell).
    /// </summary>
    public void Row(params object?[] values) => WriteRow(values, null);

    /// <summary>Writes the bold totals row (double rule above); as the last row, it prints on the last page.</summary>
    public void Totals(params object?[] values) => WriteRow(values, PrintedWorkbook.Style.TotalText);

    private void WriteRow(object?[] values, PrintedWorkbook.Style? style)
    {
        row++;
        var lines = 1;
        for (var i = 0; i < values.Length && i < columns.Length; i++)
            if (values[i] is string text && (columns[i].Wrap || style == PrintedWorkbook.Style.Header))
                lines = Math.Max(lines, Lines(text, columns[i].Width));
        writer.WriteStartElement(RowWithHeight(row, lines));
        for (var i = 0; i < values.Length; i++)
        {
            var cell = values[i] switch
            {
                DateOnly d => NumberCell(i, d.ToDateTime(TimeOnly.MinValue).ToOADate(), PrintedWorkbook.Style.Date),
                int n => NumberCell(i, n, PrintedWorkbook.Style.Number),
                long n => NumberCell(i, n, PrintedWorkbook.Style.Number),
                double n => NumberCell(i, n, PrintedWorkbook.Style.Number),
                decimal n => NumberCell(i, (double)n, PrintedWorkbook.Style.Number),
                Percent p => NumberCell(i, p.Value, PrintedWorkbook.Style.Percent),
                Marked m => TextCell(i, m.Text, PrintedWorkbook.MarkStyle(m.Mark)),
                null => new Cell { CellReference = Reference(i), StyleIndex = (uint)PrintedWorkbook.Style.Text },
                var text => TextCell(i, text.ToString() ?? "", i < columns.Length && columns[i].Wrap ? PrintedWorkbook.Style.Wrap : PrintedWorkbook.Style.Text),
            };
            if (style is { } s && values[i] is not Marked)
                cell.StyleIndex = (uint)(s == PrintedWorkbook.Style.TotalText && cell.StyleIndex?.Value is (uint)PrintedWorkbook.Style.Number or (uint)PrintedWorkbook.Style.Percent
                    ? PrintedWorkbook.Style.TotalNumber : s);
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private Cell NumberCell(int column, double value, PrintedWorkbook.Style style) =>
        new() { CellReference = Reference(column), StyleIndex = (uint)style, CellValue = new CellValue(value) };

    private Cell TextCell(int column, string text, PrintedWorkbook.Style style) =>
        new() { CellReference = Reference(column), StyleIndex = (uint)style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(text))) };

    private string Reference(int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters; drop them.</summary>
    private static string Clean(string text) => new(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray());

    internal static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>
    /// A header or footer section: '&amp;' doubled (it starts a code), cut so the whole header stays within Excel's 255
    /// characters.
    /// </summary>
    private static string Section(string text, int max) => (text.Length > max ? text[..(max - 1)] + "…" : text).Replace("&", "&&", StringComparison.Ordinal);

    private void Finish()
    {
        if (finished) return;
        finished = true;
        writer.WriteEndElement(); // SheetData
        if (merges.Count > 0) writer.WriteElement(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        writer.WriteElement(new PrintOptions { HorizontalCentered = true });
        writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.8, Bottom = 0.8, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0, // as many pages tall as it takes
        });
        writer.WriteElement(new HeaderFooter(
            new OddHeader($"&L{Section(heading.Subject, 90)}&C&\"-,Bold\"{Section(title, 30)}&R{Section(heading.Period, 40)}"),
            new OddFooter($"&L生成时间：{Section(heading.GeneratedAtText, 40)}&R第 &P 页，共 &N 页")));
        writer.WriteEndElement(); // Worksheet
        writer.Close();
        file.Flush();
    }

    internal void CopyTo(Stream destination)
    {
        Finish();
        file.Position = 0;
        file.CopyTo(destination);
    }

    public void Dispose()
    {
        if (!finished)
        {
            try { writer.Dispose(); } catch (ObjectDisposedException) { }
        }
        file.Dispose();
    }
}
