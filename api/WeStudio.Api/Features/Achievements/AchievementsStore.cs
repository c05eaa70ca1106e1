using System.Text.Json;
using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Achievements;

/// <summary>
/// All SQL of achievements (成果). <c>evidence_urls</c> is a JSON array of strings. A deleted achievement is kept with
/// <c>deleted_at</c> set and is no longer found or counted. Writes raise the studio's ledger version (Ledger's triggers achievements_ledger_ins/upd/del, V0006__ledger_versions.sql).
/// </summary>
public sealed class AchievementsStore(MySqlDataSource dataSource)
{
    private const string Select = """
        SELECT id, studio_id, form, research_subtype, title, year, authors, level, evidence_urls, created_at, updated_at
        FROM achievements
        """;

    /// <summary>Records an achievement of the studio created by <paramref name="memberId"/> at <paramref name="now"/>; returns it.</summary>
    public async Task<AchievementDto> CreateAsync(Guid studioId, AchievementValues values, Guid memberId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO achievements (id, studio_id, form, research_subtype, title, year, authors, level, evidence_urls, created_by, created_at, updated_at)
            VALUES (@id, @studioId, @form, @subtype, @title, @year, @authors, @level, @urls, @memberId, @now, @now)
            """;
        var id = Database.NewId();
        await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(Sql, Parameters(id, values, new { studioId, memberId, now }), cancellationToken: ct));
        }, ct);
        return (await FindAsync(id, ct))!;
    }

    /// <summary>The studio's achievements not deleted, newest year first (then newest recorded); only <paramref name="year"/>'s when given.</summary>
    public async Task<AchievementDto[]> ListAsync(Guid studioId, int? year, CancellationToken ct)
    {
        const string Sql = Select + """

            WHERE studio_id = @studioId AND deleted_at IS NULL AND (@year IS NULL OR year = @year)
            ORDER BY year DESC, created_at DESC
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<AchievementRow>(new CommandDefinition(Sql, new { studioId, year }, cancellationToken: ct));
        return rows.Select(r => r.AsDto()).ToArray();
    }

    /// <summary>The achievement, unless it does not exist or was deleted.</summary>
    public async Task<AchievementDto?> FindAsync(Guid id, CancellationToken ct)
    {
        const string Sql = Select + "\nWHERE id = @id AND deleted_at IS NULL";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<AchievementRow>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
        return row?.AsDto();
    }

    /// <summary>Replaces the achievement's fields (not its studio or creator); returns it as it now is, or null when it is gone.</summary>
    public async Task<AchievementDto?> UpdateAsync(Guid id, AchievementValues values, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE achievements SET form = @form, research_subtype = @subtype, title = @title, year = @year, authors = @authors,
                   level = @level, evidence_urls = @urls, updated_at = @now
            WHERE id = @id AND deleted_at IS NULL
            """;
        await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(Sql, Parameters(id, values, new { now }), cancellationToken: ct));
        }, ct);
        return await FindAsync(id, ct);
    }

    /// <summary>Marks the achievement deleted at <paramref name="now"/>.</summary>
    public async Task DeleteAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE achievements SET deleted_at = @now WHERE id = @id";
        await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, now }, cancellationToken: ct));
        }, ct);
    }

    private static DynamicParameters Parameters(Guid id, AchievementValues v, object more)
    {
        var parameters = new DynamicParameters(more);
        parameters.AddDynamicParams(new
        {
            id, form = v.Form.ToString(), subtype = v.ResearchSubtype?.ToString(), title = v.Title, year = v.Year, authors = v.Authors,
            level = v.Level.ToString(), urls = JsonColumn.Of(v.EvidenceUrls),
        });
        return parameters;
    }

    /// <summary>A row of <c>achievements</c>; <see cref="EvidenceUrls"/> is the JSON array as MySQL returns it (a string).</summary>
    private sealed record AchievementRow
    {
        public Guid Id { get; init; }
        public Guid StudioId { get; init; }
        public AchievementForm Form { get; init; }
        public ResearchSubtype? ResearchSubtype { get; init; }
        public string Title { get; init; } = "";
        public int Year { get; init; }
        public string Authors { get; init; } = "";
        public AchievementLevel Level { get; init; }
        public string EvidenceUrls { get; init; } = "[]";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public AchievementDto AsDto() => new()
        {
            Id = Id, StudioId = StudioId, Form = Form, ResearchSubtype = ResearchSubtype, Title = Title, Year = Year, Authors = Authors,
            Level = Level, EvidenceUrls = JsonColumn.Strings(EvidenceUrls), CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }
}
