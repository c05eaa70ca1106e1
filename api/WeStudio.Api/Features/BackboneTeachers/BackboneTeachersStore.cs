using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.BackboneTeachers;

/// <summary>All SQL of backbone teachers: one row per (studio, year, member). Writes raise the studio's ledger version (Ledger's triggers backbone_teachers_ledger_ins/upd/del, V0006__ledger_versions.sql).</summary>
public sealed class BackboneTeachersStore(MySqlDataSource dataSource)
{
    private const string Select = """
        SELECT b.member_id, m.display_name, b.year, b.note, b.marked_at
        FROM backbone_teachers b JOIN members m ON m.id = b.member_id
        """;

    /// <summary>The members the studio trained in <paramref name="year"/>, in the order they were marked.</summary>
    public async Task<BackboneTeacherDto[]> ListAsync(Guid studioId, int year, CancellationToken ct)
    {
        const string Sql = Select + "\nWHERE b.studio_id = @studioId AND b.year = @year ORDER BY b.marked_at";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<BackboneTeacherDto>(new CommandDefinition(Sql, new { studioId, year }, cancellationToken: ct))).ToArray();
    }

    /// <summary>
    /// Marks <paramref name="memberId"/>, when an active member or trainee of the studio, as trained in <paramref name="year"/> (again: only
    /// the note changes). Returns the mark, or null when there is none (not an active member, and not marked before).
    /// </summary>
    public async Task<BackboneTeacherDto?> MarkAsync(Guid studioId, Guid memberId, int year, string? note, Guid leaderId, DateTimeOffset now, CancellationToken ct)
    {
        const string MarkSql = """
            INSERT INTO backbone_teachers (studio_id, member_id, year, note, marked_by, marked_at)
            SELECT @studioId, @memberId, @year, @note, @leaderId, @now FROM DUAL
            WHERE EXISTS (SELECT 1 FROM studio_memberships WHERE studio_id = @studioId AND member_id = @memberId AND active = 1)
            ON DUPLICATE KEY UPDATE note = VALUES(note)
            """;
        const string Sql = Select + "\nWHERE b.studio_id = @studioId AND b.year = @year AND b.member_id = @memberId";
        return await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(MarkSql, new { studioId, memberId, year, note, leaderId, now }, cancellationToken: ct));
            return await conn.QuerySingleOrDefaultAsync<BackboneTeacherDto>(new CommandDefinition(Sql, new { studioId, year, memberId }, cancellationToken: ct));
        }, ct);
    }

    /// <summary>Removes the mark; false when there was none.</summary>
    public async Task<bool> UnmarkAsync(Guid studioId, int year, Guid memberId, CancellationToken ct)
    {
        const string Sql = "DELETE FROM backbone_teachers WHERE studio_id = @studioId AND year = @year AND member_id = @memberId";
        return await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            return await conn.ExecuteAsync(new CommandDefinition(Sql, new { studioId, year, memberId }, cancellationToken: ct)) > 0;
        }, ct);
    }
}
