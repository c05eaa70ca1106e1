using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using MySqlConnector;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Evaluation;

/// <summary>Rounds, evaluators, materials, score sheets, results and feedback (migration V0012).</summary>
public sealed class EvaluationStore(MySqlDataSource dataSource, TimeProvider clock, IOptionsMonitor<ReminderOptions> reminders)
{
    internal static readonly JsonSerializerOptions Json = Applications.ApplicationsStore.FormJson;

    public TimeProvider Clock => clock;

    public ValueTask<MySqlConnection> OpenAsync(CancellationToken ct) => dataSource.OpenConnectionAsync(ct);

    public sealed class RoundRow
    {
        public Guid Id { get; init; }
        public Guid ProgrammeId { get; init; }
        public EvaluationKind Kind { get; init; }
        public string Rubric { get; init; } = "";
        public string Title { get; init; } = "";
        public DateTime OpensAt { get; init; }
        public DateTime ClosesAt { get; init; }
        public string Materials { get; init; } = "[]";
        public string Status { get; init; } = "Open";
        public DateTime CreatedAt { get; init; }
        public DateTime? ClosedAt { get; init; }
        public Guid CreatedBy { get; init; }

        public MaterialSpec[] MaterialSpecs => JsonSerializer.Deserialize<MaterialSpec[]>(Materials, Json) ?? [];
        public Rubric RubricData => Evaluation.Rubrics.Find(Rubric)!;

        public RoundDto ToDto(Guid[] evaluators) => new()
        {
            Id = Id, ProgrammeId = ProgrammeId, Kind = Kind, Rubric = Rubric, Title = Title,
            OpensAt = Utc(OpensAt), ClosesAt = Utc(ClosesAt), Materials = MaterialSpecs, Status = Status,
            CreatedAt = Utc(CreatedAt), ClosedAt = ClosedAt is { } c ? Utc(c) : null, EvaluatorIds = evaluators,
        };
    }

    internal static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    private const string RoundColumns = "id, programme_id, kind, rubric, title, opens_at, closes_at, materials, status, created_at, closed_at, created_by";

    public async Task<RoundRow> CreateRoundAsync(Guid programmeId, EvaluationKind kind, string rubric, string title, DateTimeOffset opensAt, DateTimeOffset closesAt,
        MaterialSpec[] materials, Guid adminId, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO evaluation_rounds (id, programme_id, kind, rubric, title, opens_at, closes_at, materials, created_by, created_at)
            VALUES (@id, @programmeId, @kind, @rubric, @title, @opensAt, @closesAt, @materials, @adminId, @now)
            """;
        var id = Database.NewId();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id, programmeId, kind = kind.ToString(), rubric, title, opensAt = opensAt.UtcDateTime, closesAt = closesAt.UtcDateTime,
            materials = JsonSerializer.Serialize(materials, Json), adminId, now = clock.GetUtcNow().UtcDateTime,
        }, cancellationToken: ct));
        return (await FindRoundAsync(id, ct))!;
    }

    public async Task<RoundRow?> FindRoundAsync(Guid id, CancellationToken ct)
    {
        const string Sql = $"SELECT {RoundColumns} FROM evaluation_rounds WHERE id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    public async Task<RoundRow[]> RoundsOfProgrammeAsync(Guid programmeId, CancellationToken ct)
    {
        const string Sql = $"SELECT {RoundColumns} FROM evaluation_rounds WHERE programme_id = @programmeId ORDER BY created_at";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<RoundRow>(new CommandDefinition(Sql, new { programmeId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>The rounds a member is appointed to evaluate.</summary>
    public async Task<RoundRow[]> RoundsOfEvaluatorAsync(Guid memberId, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT {RoundColumns} FROM evaluation_rounds r
            WHERE EXISTS (SELECT 1 FROM evaluation_evaluators e WHERE e.round_id = r.id AND e.member_id = @memberId)
            ORDER BY r.created_at
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<RoundRow>(new CommandDefinition(Sql, new { memberId }, cancellationToken: ct))).ToArray();
    }

    public async Task<Guid[]> EvaluatorsAsync(Guid roundId, CancellationToken ct)
    {
        const string Sql = "SELECT member_id FROM evaluation_evaluators WHERE round_id = @roundId ORDER BY appointed_at";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Guid>(new CommandDefinition(Sql, new { roundId }, cancellationToken: ct))).ToArray();
    }

    public async Task<bool> IsEvaluatorAsync(Guid roundId, Guid memberId, CancellationToken ct)
    {
        const string Sql = "SELECT COUNT(*) FROM evaluation_evaluators WHERE round_id = @roundId AND member_id = @memberId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new { roundId, memberId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Appoints a member; false when the member does not exist. Appointing twice is a no-op.</summary>
    public async Task<bool> AppointAsync(Guid roundId, Guid memberId, Guid adminId, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO evaluation_evaluators (round_id, member_id, appointed_by, appointed_at)
            SELECT @roundId, m.id, @adminId, @now FROM members m WHERE m.id = @memberId
            ON DUPLICATE KEY UPDATE appointed_by = appointed_by
            """;
        const string Exists = "SELECT COUNT(*) FROM members WHERE id = @memberId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (await conn.ExecuteScalarAsync<long>(new CommandDefinition(Exists, new { memberId }, cancellationToken: ct)) == 0) return false;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { roundId, memberId, adminId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
        return true;
    }

    public sealed class StudioRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public int Submitted { get; init; }
        public int Started { get; init; }
    }

    /// <summary>The studios a round evaluates: its programme's studios that are licensed and not revoked.</summary>
    public async Task<StudioRow[]> StudiosOfRoundAsync(RoundRow round, CancellationToken ct)
    {
        const string Sql = """
            SELECT s.id, s.name, s.status,
                   (SELECT COUNT(*) FROM score_sheets sh WHERE sh.round_id = @roundId AND sh.studio_id = s.id AND sh.status = 'Submitted') AS submitted,
                   (SELECT COUNT(*) FROM score_sheets sh WHERE sh.round_id = @roundId AND sh.studio_id = s.id) AS started
            FROM studios s
            WHERE s.programme_id = @programmeId AND s.status IN ('Active','Rectifying','Completed')
            ORDER BY s.name
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<StudioRow>(new CommandDefinition(Sql, new { roundId = round.Id, programmeId = round.ProgrammeId }, cancellationToken: ct))).ToArray();
    }

    public sealed class SheetRow
    {
        public Guid Id { get; init; }
        public Guid RoundId { get; init; }
        public Guid StudioId { get; init; }
        public Guid EvaluatorId { get; init; }
        public string Status { get; init; } = "Draft";
        public string Entries { get; init; } = "[]";
        public string? Frozen { get; init; }
        public DateTime UpdatedAt { get; init; }
        public DateTime? SubmittedAt { get; init; }

        public ScoreEntry[] EntryList => JsonSerializer.Deserialize<ScoreEntry[]>(Entries, Json) ?? [];
    }

    private const string SheetColumns = "id, round_id, studio_id, evaluator_id, status, entries, frozen, updated_at, submitted_at";

    public async Task<SheetRow?> SheetAsync(Guid roundId, Guid studioId, Guid evaluatorId, CancellationToken ct)
    {
        const string Sql = $"SELECT {SheetColumns} FROM score_sheets WHERE round_id = @roundId AND studio_id = @studioId AND evaluator_id = @evaluatorId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<SheetRow>(new CommandDefinition(Sql, new { roundId, studioId, evaluatorId }, cancellationToken: ct));
    }

    public async Task<SheetRow[]> SheetsOfRoundAsync(Guid roundId, CancellationToken ct)
    {
        const string Sql = $"SELECT {SheetColumns} FROM score_sheets WHERE round_id = @roundId ORDER BY studio_id, updated_at";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<SheetRow>(new CommandDefinition(Sql, new { roundId }, cancellationToken: ct))).ToArray();
    }

    /// <summary>
    /// Saves entries on the evaluator's sheet (creating it), merging by item code, in one transaction that locks the sheet;
    /// false when the sheet is already submitted (nothing written).
    /// </summary>
    public Task<bool> SaveEntriesAsync(Guid roundId, Guid studioId, Guid evaluatorId, ScoreEntry[] entries, CancellationToken ct) =>
        Database.RetryAsync(async () =>
        {
            const string Insert = """
                INSERT INTO score_sheets (id, round_id, studio_id, evaluator_id, entries, updated_at)
                VALUES (@id, @roundId, @studioId, @evaluatorId, '[]', @now)
                ON DUPLICATE KEY UPDATE id = id
                """;
            const string Lock = $"SELECT {SheetColumns} FROM score_sheets WHERE round_id = @roundId AND studio_id = @studioId AND evaluator_id = @evaluatorId FOR UPDATE";
            const string Update = "UPDATE score_sheets SET entries = @entries, updated_at = @now WHERE id = @id";
            var now = clock.GetUtcNow().UtcDateTime;
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(Insert, new { id = Database.NewId(), roundId, studioId, evaluatorId, now }, tx, cancellationToken: ct));
            var sheet = await conn.QuerySingleAsync<SheetRow>(new CommandDefinition(Lock, new { roundId, studioId, evaluatorId }, tx, cancellationToken: ct));
            if (sheet.Status != "Draft") return false;
            var merged = sheet.EntryList.ToDictionary(e => e.Code);
            foreach (var e in entries) merged[e.Code] = e;
            await conn.ExecuteAsync(new CommandDefinition(Update, new { id = sheet.Id, entries = JsonSerializer.Serialize(merged.Values.ToArray(), Json), now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return true;
        }, ct);

    /// <summary>Freezes a Draft sheet with its data and result; false when it is not Draft any more.</summary>
    public async Task<bool> SubmitAsync(Guid sheetId, string frozen, decimal? total, bool passed, CancellationToken ct)
    {
        const string Sql = """
            UPDATE score_sheets SET status = 'Submitted', frozen = @frozen, total = @total, passed = @passed, submitted_at = @now, updated_at = @now
            WHERE id = @sheetId AND status = 'Draft'
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { sheetId, frozen, total, passed, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct)) == 1;
    }

    /// <summary>Marks the round closed; false when it was closed already (a second close writes nothing).</summary>
    public async Task<bool> CloseRoundAsync(MySqlConnection conn, MySqlTransaction tx, Guid roundId, Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE evaluation_rounds SET status = 'Closed', closed_at = @now, closed_by = @adminId WHERE id = @roundId AND status = 'Open'";
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { roundId, adminId, now = now.UtcDateTime }, tx, cancellationToken: ct)) == 1;
    }

    public static Task InsertResultAsync(MySqlConnection conn, MySqlTransaction tx, Guid roundId, StudioResultDto r, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO evaluation_results (round_id, studio_id, sheets, mean_total, passed, failed_gates, rank_in_round, lifecycle, decided_at)
            VALUES (@roundId, @studioId, @sheets, @mean, @passed, @gates, @rank, @lifecycle, @now)
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            roundId, studioId = r.StudioId, sheets = r.Sheets.Length, mean = r.MeanTotal, passed = r.Passed == true, gates = string.Join(",", r.FailedGates),
            rank = r.Rank, lifecycle = r.Lifecycle ?? "", now = now.UtcDateTime,
        }, tx, cancellationToken: ct));
    }

    public async Task SetLifecycleNoteAsync(Guid roundId, Guid studioId, string note, CancellationToken ct)
    {
        const string Sql = "UPDATE evaluation_results SET lifecycle = @note WHERE round_id = @roundId AND studio_id = @studioId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { roundId, studioId, note }, cancellationToken: ct));
    }

    public sealed class ResultRow
    {
        public Guid StudioId { get; init; }
        public decimal? MeanTotal { get; init; }
        public bool Passed { get; init; }
        public string FailedGates { get; init; } = "";
        public int? RankInRound { get; init; }
        public string Lifecycle { get; init; } = "";
        public DateTime? ExcellentAt { get; init; }
        public string? ExcellentReason { get; init; }
    }

    /// <summary>Confirms 优秀 for a studio's result; false when the studio has no passed result in the round or is confirmed already.</summary>
    public async Task<bool> ConfirmExcellentAsync(Guid roundId, Guid studioId, Guid adminId, string reason, CancellationToken ct)
    {
        const string Sql = """
            UPDATE evaluation_results SET excellent_at = @now, excellent_by = @adminId, excellent_reason = @reason
            WHERE round_id = @roundId AND studio_id = @studioId AND passed = 1 AND excellent_at IS NULL
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { roundId, studioId, adminId, reason, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct)) == 1;
    }

    public async Task<Dictionary<Guid, ResultRow>> ResultsAsync(Guid roundId, CancellationToken ct)
    {
        const string Sql = "SELECT studio_id, mean_total, passed, failed_gates, rank_in_round, lifecycle, excellent_at, excellent_reason FROM evaluation_results WHERE round_id = @roundId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ResultRow>(new CommandDefinition(Sql, new { roundId }, cancellationToken: ct))).ToDictionary(r => r.StudioId);
    }

    public async Task SaveMaterialAsync(Guid roundId, Guid studioId, string code, string body, Guid memberId, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO evaluation_materials (round_id, studio_id, code, body, submitted_by, submitted_at)
            VALUES (@roundId, @studioId, @code, @body, @memberId, @now)
            ON DUPLICATE KEY UPDATE body = VALUES(body), submitted_by = VALUES(submitted_by), submitted_at = VALUES(submitted_at)
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { roundId, studioId, code, body, memberId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    public async Task<MaterialDto[]> MaterialsAsync(Guid roundId, Guid studioId, CancellationToken ct)
    {
        const string Sql = "SELECT code, body, submitted_by, submitted_at FROM evaluation_materials WHERE round_id = @roundId AND studio_id = @studioId ORDER BY code";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Code, string Body, Guid SubmittedBy, DateTime SubmittedAt)>(new CommandDefinition(Sql, new { roundId, studioId }, cancellationToken: ct));
        return rows.Select(r => new MaterialDto(r.Code, r.Body, r.Body.EnumerateRunes().Count(), r.SubmittedBy, Utc(r.SubmittedAt))).ToArray();
    }

    public async Task SaveFeedbackAsync(Guid roundId, Guid studioId, string body, Guid adminId, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO evaluation_feedback (round_id, studio_id, body, written_by, written_at)
            VALUES (@roundId, @studioId, @body, @adminId, @now)
            ON DUPLICATE KEY UPDATE body = VALUES(body), written_by = VALUES(written_by), written_at = VALUES(written_at),
                                    acknowledged_by = NULL, acknowledged_at = NULL
            """;
        // The leader's reminder (outbox kind EvaluationFeedback, V0013) in the same transaction: one per writing (occasion
        // feedback@<unix ms>), so a rewrite (which clears the acknowledgement) reminds again and a retry of the same write does not.
        const string RemindSql = """
            INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
            SELECT UUID(), 'EvaluationFeedback', @roundId, s.id, m.member_id, @occasion, @now, @now
            FROM studios s
            JOIN studio_memberships m ON m.studio_id = s.id AND m.active_leader = 1
            WHERE s.id = @studioId
            ON DUPLICATE KEY UPDATE reminders.id = reminders.id
            """;
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { roundId, studioId, body, adminId, now = now.UtcDateTime }, tx, cancellationToken: ct));
        if (reminders.CurrentValue.IsEnabled(ReminderKind.EvaluationFeedback))
            await conn.ExecuteAsync(new CommandDefinition(RemindSql,
                new { roundId, studioId, now = now.UtcDateTime, occasion = $"feedback@{now.ToUnixTimeMilliseconds()}" }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<FeedbackDto?> FeedbackAsync(Guid roundId, Guid studioId, CancellationToken ct)
    {
        const string Sql = "SELECT round_id, studio_id, body, written_at, acknowledged_by, acknowledged_at FROM evaluation_feedback WHERE round_id = @roundId AND studio_id = @studioId";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var r = await conn.QuerySingleOrDefaultAsync<(Guid RoundId, Guid StudioId, string Body, DateTime WrittenAt, Guid? AcknowledgedBy, DateTime? AcknowledgedAt)?>(
            new CommandDefinition(Sql, new { roundId, studioId }, cancellationToken: ct));
        return r is { } f ? new FeedbackDto(f.RoundId, f.StudioId, f.Body, Utc(f.WrittenAt), f.AcknowledgedBy, f.AcknowledgedAt is { } a ? Utc(a) : null) : null;
    }

    /// <summary>The leader acknowledges; false when there is no feedback or it was acknowledged already.</summary>
    public async Task<bool> AcknowledgeAsync(Guid roundId, Guid studioId, Guid memberId, CancellationToken ct)
    {
        const string Sql = """
            UPDATE evaluation_feedback SET acknowledged_by = @memberId, acknowledged_at = @now
            WHERE round_id = @roundId AND studio_id = @studioId AND acknowledged_at IS NULL
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { roundId, studioId, memberId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct)) == 1;
    }

    public sealed record AuthoredAchievement(string Form, string? ResearchSubtype, string Title, int Year, string Authors, string Level);

    /// <summary>The studio's leader name, its active trainees' names, and its achievements in the given years.</summary>
    public async Task<(string? Leader, string[] Trainees, AuthoredAchievement[] Achievements)> PeopleAndAchievementsAsync(Guid studioId, int fromYear, int toYear, CancellationToken ct)
    {
        const string Sql = """
            SELECT sm.role, COALESCE(m.display_name, '') FROM studio_memberships sm JOIN members m ON m.id = sm.member_id
            WHERE sm.studio_id = @studioId AND sm.removed_at IS NULL AND sm.role IN ('Leader','Trainee');
            SELECT form, research_subtype, title, year, authors, level FROM achievements
            WHERE studio_id = @studioId AND deleted_at IS NULL AND year BETWEEN @fromYear AND @toYear ORDER BY year, title;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql, new { studioId, fromYear, toYear }, cancellationToken: ct));
        var people = (await grid.ReadAsync<(string Role, string Name)>()).ToArray();
        var achievements = (await grid.ReadAsync<AuthoredAchievement>()).ToArray();
        return (people.FirstOrDefault(p => p.Role == "Leader").Name, people.Where(p => p.Role == "Trainee").Select(p => p.Name).ToArray(), achievements);
    }

    public sealed record CompiledBrief(Guid BriefId, string Title, string? Theme, string? Summary, DateTime StartsAt);
    public sealed record CompiledPhoto(Guid BriefId, int Position, string Sha256, string ContentType, int Width, int Height);

    /// <summary>The studio's published briefs (their published version) between two instants, oldest first, with their first two photos.</summary>
    public async Task<(CompiledBrief[] Briefs, CompiledPhoto[] Photos)> PublishedBriefsAsync(Guid studioId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string Sql = """
            SELECT b.id AS brief_id, v.title, v.theme, v.summary, a.starts_at
            FROM briefs b
            JOIN brief_versions v ON v.brief_id = b.id AND v.version = b.published_version
            JOIN activities a ON a.id = b.activity_id
            WHERE b.studio_id = @studioId AND b.published_version IS NOT NULL AND a.starts_at >= @from AND a.starts_at < @to
            ORDER BY a.starts_at, b.id;
            SELECT b.id AS brief_id, p.position, ph.sha256, ph.content_type, ph.width, ph.height
            FROM briefs b
            JOIN brief_version_photos p ON p.brief_id = b.id AND p.version = b.published_version AND p.position < 2
            JOIN photos ph ON ph.id = p.photo_id
            JOIN activities a ON a.id = b.activity_id
            WHERE b.studio_id = @studioId AND b.published_version IS NOT NULL AND a.starts_at >= @from AND a.starts_at < @to
            ORDER BY b.id, p.position;
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(Sql, new { studioId, from = from.UtcDateTime, to = to.UtcDateTime }, cancellationToken: ct));
        return ((await grid.ReadAsync<CompiledBrief>()).ToArray(), (await grid.ReadAsync<CompiledPhoto>()).ToArray());
    }
}
