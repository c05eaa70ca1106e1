using System.Runtime.CompilerServices;
using Dapper;
using MySqlConnector;

namespace WeStudio.Api.Features.Ledger;

/// <summary>A held activity as the export's activities sheet shows it.</summary>
public sealed class ExportActivity
{
    public Guid StudioId { get; init; }
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    /// <summary>三会一课: its sub-kind (V0014), else null.</summary>
    public Activities.ActivitySubKind? SubKind { get; init; }
    public string Title { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public string? SchoolName { get; init; }
    /// <summary>PairingVisit: the helping school (帮扶方).</summary>
    public string? HelpingSchoolName { get; init; }
    /// <summary>Active members (the leader included) when the activity started.</summary>
    public int Expected { get; init; }
    /// <summary>Live check-ins of the activity.</summary>
    public int Present { get; init; }
    /// <summary>Whether its brief was published by the export's instant.</summary>
    public bool BriefPublished { get; init; }
}

/// <summary>An achievement as the export's achievements sheet shows it.</summary>
public sealed class ExportAchievement
{
    public Guid StudioId { get; init; }
    public string Form { get; init; } = "";
    public string? ResearchSubtype { get; init; }
    public string Title { get; init; } = "";
    public int Year { get; init; }
    public string Authors { get; init; } = "";
    public string Level { get; init; } = "";
}

/// <summary>
/// The export's row streams, read <see cref="LedgerService.Batch"/> studios at a time on the caller's
/// connection (inside its <see cref="LedgerSnapshot"/>), so a workbook of 10,000 studios never holds all its rows in memory.
/// </summary>
public sealed class LedgerExportStore
{
    /// <summary>
    /// The held activities (started by <paramref name="asOf"/>, not cancelled) of a calendar year, studio by studio in the
    /// order given, then by start.
    /// </summary>
    public async IAsyncEnumerable<ExportActivity> ActivitiesAsync(MySqlConnection conn, IReadOnlyList<Guid> studioIds, int year, DateTimeOffset asOf,
        LedgerCalendar calendar, [EnumeratorCancellation] CancellationToken ct)
    {
        const string Sql = $"""
            SELECT a.studio_id, a.id, a.kind, a.sub_kind, a.title, a.starts_at, COALESCE(u.name, a.paired_school_name) AS school_name, h.name AS helping_school_name,
                   {LedgerStore.PresentAndExpected},
                   EXISTS (SELECT 1 FROM briefs b WHERE b.activity_id = a.id AND b.published_version IS NOT NULL AND b.first_published_at <= @asOf) AS brief_published
            FROM activities a
            LEFT JOIN org_units u ON u.id = a.paired_school_org_unit_id
            LEFT JOIN org_units h ON h.id = a.helping_school_org_unit_id
            WHERE a.studio_id IN @studioIds AND a.status = 'Scheduled' AND a.starts_at >= @from AND a.starts_at < @to AND a.starts_at <= @asOf
            ORDER BY a.studio_id, a.starts_at
            """;
        var from = calendar.StartOf(new DateOnly(year, 1, 1)).UtcDateTime;
        var to = calendar.StartOf(new DateOnly(year + 1, 1, 1)).UtcDateTime;
        foreach (var chunk in studioIds.Chunk(LedgerService.Batch))
        {
            var rows = await conn.QueryAsync<ExportActivity>(new CommandDefinition(Sql, new { studioIds = chunk, from, to, asOf = asOf.UtcDateTime }, cancellationToken: ct));
            foreach (var row in InOrder(chunk, rows, r => r.StudioId)) yield return row;
        }
    }

    /// <summary>The achievements of a calendar year, studio by studio in the order given, then as entered.</summary>
    public async IAsyncEnumerable<ExportAchievement> AchievementsAsync(MySqlConnection conn, IReadOnlyList<Guid> studioIds, int year,
        [EnumeratorCancellation] CancellationToken ct)
    {
        const string Sql = """
            SELECT a.studio_id, a.form, a.research_subtype, a.title, a.year, a.authors, a.level
            FROM achievements a
            WHERE a.studio_id IN @studioIds AND a.deleted_at IS NULL AND a.year = @year ORDER BY a.studio_id, a.created_at, a.id
            """;
        foreach (var chunk in studioIds.Chunk(LedgerService.Batch))
        {
            var rows = await conn.QueryAsync<ExportAchievement>(new CommandDefinition(Sql, new { studioIds = chunk, year }, cancellationToken: ct));
            foreach (var row in InOrder(chunk, rows, r => r.StudioId)) yield return row;
        }
    }

    /// <summary>The display name of the studio's active leader (主持人), for the title block; null when none.</summary>
    public async Task<string?> LeaderNameAsync(MySqlConnection conn, Guid studioId, CancellationToken ct)
    {
        const string Sql = """
            SELECT m.display_name FROM studio_memberships sm JOIN members m ON m.id = sm.member_id
            WHERE sm.studio_id = @studioId AND sm.active_leader = 1
            """;
        return await conn.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(Sql, new { studioId }, cancellationToken: ct));
    }

    /// <summary>The programme's issuer (发文单位), for the title block.</summary>
    public async Task<string> IssuerAsync(MySqlConnection conn, Guid programmeId, CancellationToken ct)
    {
        const string Sql = "SELECT issuer FROM programmes WHERE id = @programmeId";
        return await conn.QuerySingleAsync<string>(new CommandDefinition(Sql, new { programmeId }, cancellationToken: ct));
    }

    /// <summary>The rows of one batch (ordered within each studio) in the order of <paramref name="studioIds"/>.</summary>
    private static IEnumerable<T> InOrder<T>(Guid[] studioIds, IEnumerable<T> rows, Func<T, Guid> studioOf)
    {
        var byStudio = rows.GroupBy(studioOf).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var id in studioIds)
            if (byStudio.TryGetValue(id, out var list))
                foreach (var row in list) yield return row;
    }
}
