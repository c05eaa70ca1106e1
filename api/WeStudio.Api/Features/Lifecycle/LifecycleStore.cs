using System.Text.Json;
using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Applications;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Lifecycle;

/// <summary>
/// Assessments, rectifications, acceptances and leader changes (migration V0008). Every transition runs in one
/// transaction that locks the studio row (<see cref="StudiosStore.LockStageAsync"/>), checks the status it starts from,
/// does its writes, sets the new status and audits it (<see cref="StageTransitionsStore"/>): concurrent transitions of one
/// studio queue, and a refused one writes nothing.
/// </summary>
public sealed class LifecycleStore(MySqlDataSource dataSource, TimeProvider clock, StudiosStore studios)
{
    public TimeProvider Clock => clock;

    /// <summary>A transition's outcome: refused with a code and message (null when it went through), the status before and after.</summary>
    public sealed record Outcome(string? Code, string? Message, StudioStatus From, StudioStatus To)
    {
        public bool Refused => Code is not null;
    }

    /// <summary>What one transition's work decided: the status to go to (null: unchanged) or a refusal.</summary>
    public sealed record Step(StudioStatus? To = null, string? RefusalCode = null, string? RefusalMessage = null)
    {
        public static Step Refuse(string code, string message) => new(null, code, message);
    }

    /// <summary>
    /// Runs one transition of the studio: null when the studio does not exist; refused <c>invalid_transition</c> unless
    /// its status is in <paramref name="allowedFrom"/>; otherwise <paramref name="work"/> writes its rows and names the new
    /// status (or refuses, and everything is rolled back).
    /// </summary>
    public Task<Outcome?> TransitionAsync(Guid studioId, StudioStatus[] allowedFrom, string action, bool byAdmin, Guid actorId, string? reason,
        Func<MySqlConnection, MySqlTransaction, StudioStage, DateTimeOffset, Task<Step>> work, CancellationToken ct) =>
        Database.RetryAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var stage = await studios.LockStageAsync(conn, tx, studioId, ct);
            if (stage is null) return null;
            if (!allowedFrom.Contains(stage.Status))
                return new Outcome("invalid_transition", $"Cannot {action} a studio that is {stage.Status}; allowed from {string.Join(", ", allowedFrom)}.", stage.Status, stage.Status);
            var step = await work(conn, tx, stage, now);
            if (step.RefusalCode is not null)
            {
                await tx.RollbackAsync(ct);
                return new Outcome(step.RefusalCode, step.RefusalMessage, stage.Status, stage.Status);
            }
            var to = step.To ?? stage.Status;
            if (to != stage.Status) await studios.SetStatusAsync(conn, tx, studioId, to, ct);
            await StageTransitionsStore.RecordAsync(conn, tx, StageSubject.Studio, studioId, action, stage.Status.ToString(), to.ToString(), byAdmin, actorId, reason, now, ct);
            await tx.CommitAsync(ct);
            return new Outcome(null, null, stage.Status, to);
        }, ct);

    /// <summary>Inserts an assessment; false when the build year already has one.</summary>
    public static async Task<bool> InsertAssessmentAsync(MySqlConnection conn, MySqlTransaction tx, Guid id, Guid studioId, RecordAssessmentRequest r,
        string? reason, string ledgerEvidence, Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO assessments (id, studio_id, build_year, result, funding_decision, funding_amount, reason, ledger_evidence, recorded_by, recorded_at)
            VALUES (@id, @studioId, @buildYear, @result, @fundingDecision, @fundingAmount, @reason, @ledgerEvidence, @adminId, @now)
            """;
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id, studioId, r.BuildYear, result = r.Result.ToString(), fundingDecision = r.FundingDecision?.ToString(), r.FundingAmount, reason, ledgerEvidence, adminId, now,
            }, tx, cancellationToken: ct));
            return true;
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "assessments_studio_year"))
        {
            return false;
        }
    }

    /// <summary>Opens a rectification (the studio has no other open one: it was Active).</summary>
    public static Task OpenRectificationAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, Guid? assessmentId, DateOnly deadline, string[] items,
        Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO rectifications (id, studio_id, assessment_id, deadline, required_items, status, opened_by, opened_at)
            VALUES (@id, @studioId, @assessmentId, @deadline, @items, 'Open', @adminId, @now)
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id = Database.NewId(), studioId, assessmentId, deadline, items = JsonColumn.Of(items), adminId, now,
        }, tx, cancellationToken: ct));
    }

    /// <summary>The open rectification's status under lock, or null when none is open.</summary>
    public static async Task<(Guid Id, RectificationStatus Status)?> LockOpenRectificationAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, CancellationToken ct)
    {
        const string Sql = "SELECT id, status FROM rectifications WHERE studio_id = @studioId AND is_open = 1 FOR UPDATE";
        var row = await conn.QuerySingleOrDefaultAsync<RectificationRow>(new CommandDefinition(Sql, new { studioId }, tx, cancellationToken: ct));
        return row is null ? null : (row.Id, row.Status);
    }

    /// <summary>Stores the leader's report on the open rectification (Open or Reported → Reported).</summary>
    public static Task ReportRectificationAsync(MySqlConnection conn, MySqlTransaction tx, Guid id, string report, string[] links, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE rectifications SET status = 'Reported', report = @report, report_links = @links, reported_at = @now WHERE id = @id";
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { id, report, links = JsonColumn.Of(links), now }, tx, cancellationToken: ct));
    }

    /// <summary>Ends the open rectification as Closed or Revoked with the committee's reason.</summary>
    public static Task DecideRectificationAsync(MySqlConnection conn, MySqlTransaction tx, Guid id, RectificationStatus to, string reason, Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE rectifications SET status = @to, decided_by = @adminId, decided_at = @now, decision_reason = @reason WHERE id = @id";
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { id, to = to.ToString(), adminId, now, reason }, tx, cancellationToken: ct));
    }

    /// <summary>Stores the acceptance materials; false when the studio already submitted them.</summary>
    public static async Task<bool> SubmitAcceptanceAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, AcceptanceRequest r, string[] links,
        Guid leaderId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO acceptances (id, studio_id, summary_report, achievements_compilation, links, submitted_by, submitted_at)
            VALUES (@id, @studioId, @summary, @compilation, @links, @leaderId, @now)
            """;
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id = Database.NewId(), studioId, summary = r.SummaryReport, compilation = r.AchievementsCompilation, links = JsonColumn.Of(links), leaderId, now,
            }, tx, cancellationToken: ct));
            return true;
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "acceptances_studio"))
        {
            return false;
        }
    }

    /// <summary>Records the acceptance result; false when nothing was submitted or it was decided already.</summary>
    public static async Task<bool> DecideAcceptanceAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, AcceptanceResult result, string? reason,
        Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            UPDATE acceptances SET result = @result, reason = @reason, decided_by = @adminId, decided_at = @now
            WHERE studio_id = @studioId AND result IS NULL
            """;
        return await conn.ExecuteAsync(new CommandDefinition(Sql, new { studioId, result = result.ToString(), reason, adminId, now }, tx, cancellationToken: ct)) == 1;
    }

    /// <summary>Records a leader change request; false when one is already pending.</summary>
    public static async Task<bool> RequestLeaderChangeAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, Guid fromId, Guid toId, string reason,
        DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO leader_changes (id, studio_id, from_member_id, to_member_id, reason, status, requested_at)
            VALUES (@id, @studioId, @fromId, @toId, @reason, 'Requested', @now)
            """;
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new { id = Database.NewId(), studioId, fromId, toId, reason, now }, tx, cancellationToken: ct));
            return true;
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "leader_changes_one_pending"))
        {
            return false;
        }
    }

    /// <summary>The pending leader change under lock, or null.</summary>
    public static Task<LeaderChangeDto?> LockPendingLeaderChangeAsync(MySqlConnection conn, MySqlTransaction tx, Guid studioId, CancellationToken ct)
    {
        const string Sql = """
            SELECT id, from_member_id, to_member_id, reason, status, requested_at, decided_at, decision_reason
            FROM leader_changes WHERE studio_id = @studioId AND pending = 1 FOR UPDATE
            """;
        return conn.QuerySingleOrDefaultAsync<LeaderChangeDto>(new CommandDefinition(Sql, new { studioId }, tx, cancellationToken: ct));
    }

    /// <summary>Decides the pending leader change.</summary>
    public static Task DecideLeaderChangeAsync(MySqlConnection conn, MySqlTransaction tx, Guid id, bool approved, string? reason, Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        const string Sql = "UPDATE leader_changes SET status = @status, decided_by = @adminId, decided_at = @now, decision_reason = @reason WHERE id = @id";
        return conn.ExecuteAsync(new CommandDefinition(Sql, new { id, status = approved ? "Approved" : "Rejected", adminId, now, reason }, tx, cancellationToken: ct));
    }

    /// <summary>Everything of the studio's stage but its status, licence and build year (the caller fills them).</summary>
    public async Task<StudioStageDto> StageAsync(Guid studioId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        const string AssessmentSql = """
            SELECT id, build_year, result, funding_decision, funding_amount, reason, recorded_at, ledger_evidence
            FROM assessments WHERE studio_id = @studioId ORDER BY build_year
            """;
        var assessments = (await conn.QueryAsync<AssessmentRow>(new CommandDefinition(AssessmentSql, new { studioId }, cancellationToken: ct))).Select(a => new AssessmentDto
        {
            Id = a.Id, BuildYear = a.BuildYear, Result = a.Result, FundingDecision = a.FundingDecision, FundingAmount = a.FundingAmount, Reason = a.Reason,
            RecordedAt = a.RecordedAt, LedgerEvidence = JsonDocument.Parse(a.LedgerEvidence).RootElement.Clone(),
        }).ToArray();
        const string RectificationSql = """
            SELECT id, assessment_id, deadline, required_items, status, report, report_links, reported_at, opened_at, decided_at, decision_reason
            FROM rectifications WHERE studio_id = @studioId ORDER BY opened_at DESC
            """;
        var rectifications = (await conn.QueryAsync<RectificationRow>(new CommandDefinition(RectificationSql, new { studioId }, cancellationToken: ct))).Select(r => new RectificationDto
        {
            Id = r.Id, AssessmentId = r.AssessmentId, Deadline = r.Deadline, RequiredItems = JsonColumn.Strings(r.RequiredItems), Status = r.Status, Report = r.Report,
            ReportLinks = JsonColumn.Strings(r.ReportLinks), ReportedAt = r.ReportedAt, OpenedAt = r.OpenedAt, DecidedAt = r.DecidedAt, DecisionReason = r.DecisionReason,
        }).ToArray();
        const string AcceptanceSql = """
            SELECT summary_report, achievements_compilation, links, submitted_at, result, reason, decided_at FROM acceptances WHERE studio_id = @studioId
            """;
        var acceptance = await conn.QuerySingleOrDefaultAsync<AcceptanceRow>(new CommandDefinition(AcceptanceSql, new { studioId }, cancellationToken: ct));
        const string ChangesSql = """
            SELECT id, from_member_id, to_member_id, reason, status, requested_at, decided_at, decision_reason
            FROM leader_changes WHERE studio_id = @studioId ORDER BY requested_at DESC
            """;
        var changes = (await conn.QueryAsync<LeaderChangeDto>(new CommandDefinition(ChangesSql, new { studioId }, cancellationToken: ct))).ToArray();
        return new StudioStageDto
        {
            StudioId = studioId, Assessments = assessments, Rectifications = rectifications, LeaderChanges = changes,
            Acceptance = acceptance is null ? null : new AcceptanceDto
            {
                SummaryReport = acceptance.SummaryReport, AchievementsCompilation = acceptance.AchievementsCompilation, Links = JsonColumn.Strings(acceptance.Links),
                SubmittedAt = acceptance.SubmittedAt, Result = acceptance.Result, Reason = acceptance.Reason, DecidedAt = acceptance.DecidedAt,
            },
            History = await StageTransitionsStore.HistoryAsync(conn, StageSubject.Studio, studioId, ct),
        };
    }

    private sealed class AssessmentRow
    {
        public Guid Id { get; init; }
        public int BuildYear { get; init; }
        public AssessmentResult Result { get; init; }
        public FundingDecision? FundingDecision { get; init; }
        public decimal? FundingAmount { get; init; }
        public string? Reason { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public string LedgerEvidence { get; init; } = "[]";
    }

    private sealed class RectificationRow
    {
        public Guid Id { get; init; }
        public Guid? AssessmentId { get; init; }
        public DateOnly Deadline { get; init; }
        public string? RequiredItems { get; init; }
        public RectificationStatus Status { get; init; }
        public string? Report { get; init; }
        public string? ReportLinks { get; init; }
        public DateTimeOffset? ReportedAt { get; init; }
        public DateTimeOffset OpenedAt { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string? DecisionReason { get; init; }
    }

    private sealed class AcceptanceRow
    {
        public string SummaryReport { get; init; } = "";
        public string AchievementsCompilation { get; init; } = "";
        public string? Links { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public AcceptanceResult? Result { get; init; }
        public string? Reason { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
    }
}
