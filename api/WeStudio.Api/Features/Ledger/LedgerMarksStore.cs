using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Ledger;

/// <summary>A committee's mark on a requirement for one period (counts CommitteeMarked). <c>periodStarts</c>: the period's first local day; <c>markedAt</c> UTC.</summary>
public sealed record LedgerMarkDto(Guid Id, Guid StudioId, Guid RequirementId, string RequirementCode, DateOnly PeriodStarts, string? Note, Guid MarkedBy, DateTimeOffset MarkedAt);

/// <summary>Request to mark a requirement done for a period: an optional note ≤ 200 characters (what was received, where the visit went).</summary>
public sealed record MarkRequirementRequest(string? Note);

/// <summary>A studio's star rating (★1–★5) for a calendar year with the committee's reason (Guyuan, seeds/004). <c>ratedAt</c> UTC.</summary>
public sealed record StarRatingDto(Guid StudioId, int Year, int Stars, string Reason, Guid RatedBy, DateTimeOffset RatedAt);

/// <summary>Request to rate a studio: <c>stars</c> 1–5, <c>reason</c> 1–500 characters (required: 定性为主, the reason is the judgement).</summary>
public sealed record RateStudioRequest(int? Stars, string? Reason);

/// <summary>
/// One share of the overview's star ratings against Guyuan's target (seeds/004): the studios rated at least
/// <c>minStars</c> divided by the studios listed (unrated ones count as below), <c>target</c> the notice's share.
/// </summary>
public sealed record StarShareDto(int MinStars, int Studios, int Rated, int AtLeast, double Share, decimal Target, string Clause);

/// <summary>
/// The committee's marks (<c>ledger_marks</c>; its triggers raise the studio's ledger version, V0007) and star ratings
/// (<c>star_ratings</c>, not counted by the ledger).
/// </summary>
public sealed class LedgerMarksStore(MySqlDataSource dataSource)
{
    /// <summary>The requirement of the studio's programme with this id: its code, counts and period; null when it is not the studio's.</summary>
    public async Task<(RequirementDto Requirement, LedgerStore.ProgrammeInfo Programme)?> RequirementOfStudioAsync(Guid studioId, Guid requirementId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        const string ProgrammeSql = """
            SELECT p.id, p.name, p.rule_set, p.starts_on, p.cycle_years FROM programmes p JOIN studios s ON s.programme_id = p.id WHERE s.id = @studioId
            """;
        var programme = await conn.QuerySingleOrDefaultAsync<LedgerStore.ProgrammeInfo>(new CommandDefinition(ProgrammeSql, new { studioId }, cancellationToken: ct));
        if (programme is null) return null;
        var requirement = (await LedgerStore.RequirementsAsync(conn, programme.Id, ct)).FirstOrDefault(r => r.Id == requirementId);
        return requirement is null ? null : (requirement, programme);
    }

    /// <summary>Marks (or re-marks: the note and time change) a requirement done for a period.</summary>
    public async Task<LedgerMarkDto> MarkAsync(Guid studioId, RequirementDto requirement, DateOnly periodStarts, string? note, Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO ledger_marks (id, studio_id, requirement_id, period_starts, note, marked_by, marked_at)
            VALUES (@id, @studioId, @requirementId, @periodStarts, @note, @adminId, @now)
            ON DUPLICATE KEY UPDATE note = VALUES(note), marked_by = VALUES(marked_by), marked_at = VALUES(marked_at)
            """;
        const string ReadSql = """
            SELECT id, studio_id, requirement_id, period_starts, note, marked_by, marked_at FROM ledger_marks
            WHERE studio_id = @studioId AND requirement_id = @requirementId AND period_starts = @periodStarts
            """;
        var args = new { id = Database.NewId(), studioId, requirementId = requirement.Id, periodStarts, note, adminId, now };
        return await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(Sql, args, cancellationToken: ct));
            var row = await conn.QuerySingleAsync<MarkRow>(new CommandDefinition(ReadSql, args, cancellationToken: ct));
            return new LedgerMarkDto(row.Id, row.StudioId, row.RequirementId, requirement.Code, row.PeriodStarts, row.Note, row.MarkedBy, row.MarkedAt);
        }, ct);
    }

    /// <summary>Removes a mark; false when there was none.</summary>
    public async Task<bool> UnmarkAsync(Guid studioId, Guid requirementId, DateOnly periodStarts, CancellationToken ct)
    {
        const string Sql = "DELETE FROM ledger_marks WHERE studio_id = @studioId AND requirement_id = @requirementId AND period_starts = @periodStarts";
        return await Database.RetryAsync(async () =>
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            return await conn.ExecuteAsync(new CommandDefinition(Sql, new { studioId, requirementId, periodStarts }, cancellationToken: ct)) > 0;
        }, ct);
    }

    /// <summary>Sets a studio's star rating for a year (again: replaces it).</summary>
    public async Task<StarRatingDto> RateAsync(Guid studioId, int year, int stars, string reason, Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO star_ratings (studio_id, year, stars, reason, rated_by, rated_at) VALUES (@studioId, @year, @stars, @reason, @adminId, @now)
            ON DUPLICATE KEY UPDATE stars = VALUES(stars), reason = VALUES(reason), rated_by = VALUES(rated_by), rated_at = VALUES(rated_at)
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { studioId, year, stars, reason, adminId, now }, cancellationToken: ct));
        return new StarRatingDto(studioId, year, stars, reason, adminId, now);
    }

    /// <summary>The studio's star ratings, newest year first.</summary>
    public async Task<StarRatingDto[]> RatingsAsync(Guid studioId, CancellationToken ct)
    {
        const string Sql = "SELECT studio_id, year, stars, reason, rated_by, rated_at FROM star_ratings WHERE studio_id = @studioId ORDER BY year DESC";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<RatingRow>(new CommandDefinition(Sql, new { studioId }, cancellationToken: ct)))
            .Select(r => new StarRatingDto(r.StudioId, r.Year, r.Stars, r.Reason, r.RatedBy, r.RatedAt)).ToArray();
    }

    /// <summary>Stars per studio of a programme for a year (rated studios only).</summary>
    public async Task<Dictionary<Guid, int>> StarsAsync(Guid programmeId, int year, CancellationToken ct)
    {
        const string Sql = """
            SELECT r.studio_id, r.stars FROM star_ratings r JOIN studios s ON s.id = r.studio_id WHERE s.programme_id = @programmeId AND r.year = @year
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(Guid StudioId, int Stars)>(new CommandDefinition(Sql, new { programmeId, year }, cancellationToken: ct)))
            .ToDictionary(r => r.StudioId, r => r.Stars);
    }

    /// <summary>The shares of <paramref name="studios"/> at each of Guyuan's star targets; unrated studios count in the denominator.</summary>
    public static StarShareDto[] Shares(IReadOnlyCollection<Guid> studios, IReadOnlyDictionary<Guid, int> stars) =>
        RuleSets.GuyuanStarTargets.Select(t =>
        {
            var rated = studios.Count(stars.ContainsKey);
            var atLeast = studios.Count(s => stars.TryGetValue(s, out var n) && n >= t.MinStars);
            return new StarShareDto(t.MinStars, studios.Count, rated, atLeast, studios.Count == 0 ? 0 : Math.Round((double)atLeast / studios.Count, 3), t.Share, t.Clause);
        }).ToArray();

    private sealed class MarkRow
    {
        public Guid Id { get; init; }
        public Guid StudioId { get; init; }
        public Guid RequirementId { get; init; }
        public DateOnly PeriodStarts { get; init; }
        public string? Note { get; init; }
        public Guid MarkedBy { get; init; }
        public DateTimeOffset MarkedAt { get; init; }
    }

    private sealed class RatingRow
    {
        public Guid StudioId { get; init; }
        public int Year { get; init; }
        public int Stars { get; init; }
        public string Reason { get; init; } = "";
        public Guid RatedBy { get; init; }
        public DateTimeOffset RatedAt { get; init; }
    }
}
