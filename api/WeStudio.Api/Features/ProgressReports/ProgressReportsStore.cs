using System.Text.Json;
using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.ProgressReports;

/// <summary>
/// All SQL of the annual progress reports: one per studio and year (unique key <c>progress_reports_studio_year</c>);
/// <c>attachment_urls</c> is a JSON array of strings. Writes raise the studio's ledger version (Ledger's triggers progress_reports_ledger_ins/upd/del, V0006__ledger_versions.sql).
/// </summary>
public sealed class ProgressReportsStore(MySqlDataSource dataSource)
{
    private const string Select = """
        SELECT id, studio_id, year, text, attachment_urls, status, first_submitted_at, submitted_at, returned_at, return_comments
        FROM progress_reports
        """;

    /// <summary>
    /// Submits the year's report, or resubmits a returned one (its first submission instant is kept). Null when the report is
    /// submitted and not returned (also when another submission of it won a race).
    /// </summary>
    public async Task<ProgressReportDto?> SubmitAsync(Guid studioId, int year, string text, string[] urls, Guid memberId, DateTimeOffset now, CancellationToken ct)
    {
        const string LockSql = "SELECT status FROM progress_reports WHERE studio_id = @studioId AND year = @year FOR UPDATE";
        const string InsertSql = """
            INSERT INTO progress_reports (id, studio_id, year, text, attachment_urls, status, first_submitted_at, submitted_at, submitted_by)
            VALUES (@id, @studioId, @year, @text, @urls, 'Submitted', @now, @now, @memberId)
            """;
        const string ResubmitSql = """
            UPDATE progress_reports SET text = @text, attachment_urls = @urls, status = 'Submitted', submitted_at = @now, submitted_by = @memberId
            WHERE studio_id = @studioId AND year = @year
            """;
        const string Sql = Select + "\nWHERE studio_id = @studioId AND year = @year";
        var args = new { id = Database.NewId(), studioId, year, text, urls = JsonColumn.Of(urls), memberId, now };
        try
        {
            return await Database.RetryAsync<ProgressReportDto?>(async () =>
            {
                await using var conn = await dataSource.OpenConnectionAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                var status = await conn.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(LockSql, args, tx, cancellationToken: ct));
                if (status == nameof(ProgressReportStatus.Submitted)) return null;
                await conn.ExecuteAsync(new CommandDefinition(status is null ? InsertSql : ResubmitSql, args, tx, cancellationToken: ct));
                var row = await conn.QuerySingleAsync<ReportRow>(new CommandDefinition(Sql, args, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                return row.AsDto();
            }, ct);
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "progress_reports_studio_year"))
        {
            return null; // a concurrent first submission committed first
        }
    }

    /// <summary>The studio's reports, newest year first.</summary>
    public async Task<ProgressReportDto[]> ListAsync(Guid studioId, CancellationToken ct)
    {
        const string Sql = Select + "\nWHERE studio_id = @studioId ORDER BY year DESC";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<ReportRow>(new CommandDefinition(Sql, new { studioId }, cancellationToken: ct));
        return rows.Select(r => r.AsDto()).ToArray();
    }

    /// <summary>Returns the submitted report of the year with <paramref name="comments"/>; null when there is no submitted report.</summary>
    public async Task<ProgressReportDto?> ReturnAsync(Guid studioId, int year, string comments, Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string ReturnSql = """
            UPDATE progress_reports SET status = 'Returned', returned_at = @now, returned_by = @adminId, return_comments = @comments
            WHERE studio_id = @studioId AND year = @year AND status = 'Submitted'
            """;
        const string Sql = Select + "\nWHERE studio_id = @studioId AND year = @year";
        return await Database.RetryAsync<ProgressReportDto?>(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var returned = await conn.ExecuteAsync(new CommandDefinition(ReturnSql, new { studioId, year, comments, adminId, now }, tx, cancellationToken: ct));
            if (returned == 0) return null;
            var row = await conn.QuerySingleAsync<ReportRow>(new CommandDefinition(Sql, new { studioId, year }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return row.AsDto();
        }, ct);
    }

    /// <summary>A row of <c>progress_reports</c>; <see cref="AttachmentUrls"/> is the JSON array as MySQL returns it (a string).</summary>
    private sealed record ReportRow
    {
        public Guid Id { get; init; }
        public Guid StudioId { get; init; }
        public int Year { get; init; }
        public string Text { get; init; } = "";
        public string AttachmentUrls { get; init; } = "[]";
        public ProgressReportStatus Status { get; init; }
        public DateTimeOffset FirstSubmittedAt { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public DateTimeOffset? ReturnedAt { get; init; }
        public string? ReturnComments { get; init; }

        public ProgressReportDto AsDto() => new()
        {
            Id = Id, StudioId = StudioId, Year = Year, Text = Text, AttachmentUrls = JsonColumn.Strings(AttachmentUrls),
            Status = Status, FirstSubmittedAt = FirstSubmittedAt, SubmittedAt = SubmittedAt, ReturnedAt = ReturnedAt, ReturnComments = ReturnComments,
        };
    }
}
