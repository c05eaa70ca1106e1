using System.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Applications;

/// <summary>
/// Calls, their quotas, applications and their review stages (migration V0008). Every stage change locks the application
/// (and, for an endorsement, the call: endorsements of one call queue, so two admins endorsing the last place cannot both
/// win) and is audited in <see cref="StageTransitionsStore"/> in the same transaction. Times UTC from the clock.
/// </summary>
public sealed class ApplicationsStore(MySqlDataSource dataSource, TimeProvider clock, StudiosStore studios, ReminderScheduler reminders)
{
    internal static readonly JsonSerializerOptions FormJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public TimeProvider Clock => clock;

    /// <summary>The call as the rules need it, or null.</summary>
    public sealed class CallRow
    {
        public Guid Id { get; init; }
        public Guid ProgrammeId { get; init; }
        public StudioKind StudioKind { get; init; }
        public int TeamCap { get; init; }
        public CallRules Rules { get; init; }
        public DateOnly IssuedOn { get; init; }
        public DateTimeOffset ClosesAt { get; init; }
        public int? TotalQuota { get; init; }
        public int ApplicationsPerPerson { get; init; }
    }

    private const string CallRowSelect = """
        SELECT c.id, c.programme_id, p.studio_kind, p.team_cap, c.rules, c.issued_on, c.closes_at, c.total_quota, c.applications_per_person
        FROM calls c JOIN programmes p ON p.id = c.programme_id
        """;

    public async Task<CallRow?> FindCallAsync(Guid callId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<CallRow>(new CommandDefinition(CallRowSelect + " WHERE c.id = @callId", new { callId }, cancellationToken: ct));
    }

    /// <summary>Opens a call with its quotas, in one transaction.</summary>
    public async Task<CallDto> CreateCallAsync(Guid programmeId, Guid adminId, string title, CallRules rules, DateOnly issuedOn, DateTimeOffset closesAt,
        int? totalQuota, int perPerson, CallQuotaDto[] quotas, CancellationToken ct)
    {
        var id = Database.NewId();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        const string Sql = """
            INSERT INTO calls (id, programme_id, title, rules, issued_on, closes_at, total_quota, applications_per_person, created_by, created_at)
            VALUES (@id, @programmeId, @title, @rules, @issuedOn, @closesAt, @totalQuota, @perPerson, @adminId, @now)
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id, programmeId, title, rules = rules.ToString(), issuedOn, closesAt, totalQuota, perPerson, adminId, now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        const string QuotaSql = "INSERT INTO call_quotas (call_id, org_unit_id, quota) VALUES (@id, @orgUnitId, @quota)";
        foreach (var q in quotas)
            await conn.ExecuteAsync(new CommandDefinition(QuotaSql, new { id, q.OrgUnitId, q.Quota }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (await CallAsync(conn, id, ct))!;
    }

    /// <summary>One call with its quota use, or null.</summary>
    public async Task<CallDto?> CallAsync(Guid callId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await CallAsync(conn, callId, ct);
    }

    private const string CallSelect = """
        SELECT c.id, c.programme_id, p.name AS programme_name, p.studio_kind, c.title, c.rules, c.issued_on, c.closes_at,
               c.closes_at > @now AS open, c.total_quota, c.applications_per_person,
               (SELECT COUNT(*) FROM applications a WHERE a.call_id = c.id AND a.endorsed_at IS NOT NULL) AS endorsed
        FROM calls c JOIN programmes p ON p.id = c.programme_id
        """;

    private async Task<CallDto?> CallAsync(MySqlConnection conn, Guid callId, CancellationToken ct)
    {
        var call = await conn.QuerySingleOrDefaultAsync<CallDto>(new CommandDefinition(CallSelect + " WHERE c.id = @callId", new { callId, now = clock.GetUtcNow() }, cancellationToken: ct));
        if (call is null) return null;
        const string QuotaSql = """
            SELECT q.org_unit_id, o.name AS org_unit_name, q.quota,
                   (SELECT COUNT(*) FROM applications a WHERE a.call_id = q.call_id AND a.quota_org_unit_id = q.org_unit_id AND a.endorsed_at IS NOT NULL) AS endorsed
            FROM call_quotas q JOIN org_units o ON o.id = q.org_unit_id
            WHERE q.call_id = @callId ORDER BY o.name
            """;
        var quotas = await conn.QueryAsync<QuotaUseRow>(new CommandDefinition(QuotaSql, new { callId }, cancellationToken: ct));
        return call with { Quotas = quotas.Select(q => new CallQuotaUseDto(q.OrgUnitId, q.OrgUnitName, q.Quota, (int)q.Endorsed)).ToArray() };
    }

    private sealed class QuotaUseRow
    {
        public Guid OrgUnitId { get; init; }
        public string OrgUnitName { get; init; } = "";
        public int Quota { get; init; }
        public long Endorsed { get; init; }
    }

    /// <summary>The calls still open (the soonest deadline first), with their quotas, for would-be leaders.</summary>
    public async Task<CallDto[]> OpenCallsAsync(CancellationToken ct)
    {
        const string Sql = "SELECT c.id FROM calls c WHERE c.closes_at > @now ORDER BY c.closes_at, c.title";
        return await CallsAsync(Sql, new { now = clock.GetUtcNow() }, ct);
    }

    /// <summary>The calls of a programme with their quotas, the latest deadline first.</summary>
    public async Task<CallDto[]> CallsOfProgrammeAsync(Guid programmeId, CancellationToken ct)
    {
        const string Sql = "SELECT c.id FROM calls c WHERE c.programme_id = @programmeId ORDER BY c.closes_at DESC";
        return await CallsAsync(Sql, new { programmeId }, ct);
    }

    /// <summary>The calls whose ids <paramref name="idSql"/> selects, in its order (a handful: calls are few).</summary>
    private async Task<CallDto[]> CallsAsync(string idSql, object parameters, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var ids = (await conn.QueryAsync<Guid>(new CommandDefinition(idSql, parameters, cancellationToken: ct))).ToArray();
        var calls = new CallDto[ids.Length];
        for (var i = 0; i < ids.Length; i++) calls[i] = (await CallAsync(conn, ids[i], ct))!;
        return calls;
    }

    /// <summary>Why a write to an application was refused, or None.</summary>
    public enum Refusal { None, CallClosed, ApplicationLimit, NotFound, InvalidTransition, QuotaExceeded, ReviewPending, DuplicateName }

    /// <summary>A write's outcome: the refusal, the application's status before, and for quotas the unit, its quota and use.</summary>
    public sealed record Outcome(Refusal Refusal, ApplicationStatus? Status = null, string? Detail = null, Guid? Id = null);

    /// <summary>
    /// Creates a draft. The call row is locked, so two drafts of one person racing each other both see the other:
    /// refused when the call has closed or the person already has <c>applicationsPerPerson</c> applications in it.
    /// </summary>
    public Task<Outcome> CreateDraftAsync(CallRow call, Guid applicantId, string studioName, Guid hostId, ApplicationForm form, CancellationToken ct) =>
        Database.RetryAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var closesAt = await conn.ExecuteScalarAsync<DateTime>(new CommandDefinition("SELECT closes_at FROM calls WHERE id = @id FOR UPDATE", new { id = call.Id }, tx, cancellationToken: ct));
            if (new DateTimeOffset(closesAt, TimeSpan.Zero) <= now) return new Outcome(Refusal.CallClosed);
            const string CountSql = "SELECT COUNT(*) FROM applications WHERE call_id = @callId AND applicant_id = @applicantId";
            var count = await conn.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, new { callId = call.Id, applicantId }, tx, cancellationToken: ct));
            if (count >= call.ApplicationsPerPerson)
                return new Outcome(Refusal.ApplicationLimit, Detail: $"This call takes {call.ApplicationsPerPerson} application(s) per person; you have {count}.");
            var id = Database.NewId();
            const string Sql = """
                INSERT INTO applications (id, call_id, applicant_id, status, studio_name, host_org_unit_id, form, created_at, updated_at)
                VALUES (@id, @callId, @applicantId, 'Draft', @studioName, @hostId, @form, @now, @now)
                """;
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id, callId = call.Id, applicantId, studioName, hostId, form = JsonSerializer.Serialize(form, FormJson), now,
            }, tx, cancellationToken: ct));
            await StageTransitionsStore.RecordAsync(conn, tx, StageSubject.Application, id, "Create", null, nameof(ApplicationStatus.Draft), false, applicantId, null, now, ct);
            await tx.CommitAsync(ct);
            return new Outcome(Refusal.None, ApplicationStatus.Draft, Id: id);
        }, ct);

    /// <summary>The application's owner, call and status, or null.</summary>
    public sealed class ApplicationHead
    {
        public Guid Id { get; init; }
        public Guid CallId { get; init; }
        public Guid ApplicantId { get; init; }
        public ApplicationStatus Status { get; init; }
        public Guid HostOrgUnitId { get; init; }
        public string StudioName { get; init; } = "";
        public string Form { get; init; } = "{}";
    }

    public async Task<ApplicationHead?> HeadAsync(Guid id, CancellationToken ct)
    {
        const string Sql = "SELECT id, call_id, applicant_id, status, host_org_unit_id, studio_name, form FROM applications WHERE id = @id";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ApplicationHead>(new CommandDefinition(Sql, new { id }, cancellationToken: ct));
    }

    private static Task<ApplicationHead?> LockAsync(MySqlConnection conn, MySqlTransaction tx, Guid id, CancellationToken ct)
    {
        const string Sql = "SELECT id, call_id, applicant_id, status, host_org_unit_id, studio_name, form FROM applications WHERE id = @id FOR UPDATE";
        return conn.QuerySingleOrDefaultAsync<ApplicationHead>(new CommandDefinition(Sql, new { id }, tx, cancellationToken: ct));
    }

    /// <summary>Replaces a draft's form (only a Draft, only before the call closes).</summary>
    public async Task<Outcome> UpdateDraftAsync(CallRow call, Guid id, string studioName, Guid hostId, ApplicationForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (call.ClosesAt <= now) return new Outcome(Refusal.CallClosed);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var head = await LockAsync(conn, tx, id, ct);
        if (head is null) return new Outcome(Refusal.NotFound);
        if (head.Status != ApplicationStatus.Draft) return new Outcome(Refusal.InvalidTransition, head.Status);
        const string Sql = "UPDATE applications SET studio_name = @studioName, host_org_unit_id = @hostId, form = @form, updated_at = @now WHERE id = @id";
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, studioName, hostId, form = JsonSerializer.Serialize(form, FormJson), now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new Outcome(Refusal.None, head.Status);
    }

    /// <summary>
    /// Moves an application from one of <paramref name="from"/> to <paramref name="to"/>, stamping the matching columns,
    /// with the audit row (and, for a rejection, the applicant's ApplicationDecided reminder); refused as InvalidTransition from any other status, CallClosed for a submission after the deadline.
    /// </summary>
    public async Task<Outcome> MoveAsync(Guid id, ApplicationStatus[] from, ApplicationStatus to, string action, bool byAdmin, Guid actorId, string? reason,
        DateTimeOffset? closesAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (closesAt is { } c && c <= now) return new Outcome(Refusal.CallClosed);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var head = await LockAsync(conn, tx, id, ct);
        if (head is null) return new Outcome(Refusal.NotFound);
        if (!from.Contains(head.Status)) return new Outcome(Refusal.InvalidTransition, head.Status);
        var sql = to switch
        {
            ApplicationStatus.Submitted => "UPDATE applications SET status = @to, submitted_at = @now, updated_at = @now WHERE id = @id",
            ApplicationStatus.Rejected => "UPDATE applications SET status = @to, decided_at = @now, decided_by = @actorId, decision_reason = @reason, updated_at = @now WHERE id = @id",
            _ => throw new ArgumentOutOfRangeException(nameof(to)),
        };
        await conn.ExecuteAsync(new CommandDefinition(sql, new { id, to = to.ToString(), now, actorId, reason }, tx, cancellationToken: ct));
        await StageTransitionsStore.RecordAsync(conn, tx, StageSubject.Application, id, action, head.Status.ToString(), to.ToString(), byAdmin, actorId, reason, now, ct);
        if (to == ApplicationStatus.Rejected) await reminders.ApplicationDecidedAsync(conn, tx, id, now, ct); // the applicant is told (ApplicationDecided)
        await tx.CommitAsync(ct);
        return new Outcome(Refusal.None, head.Status);
    }

    /// <summary>
    /// Endorses (推荐) a Submitted application within the call's quotas. The call row is locked first, so endorsements of
    /// one call run one at a time and each counts the places the others took: two admins endorsing the last place at once,
    /// exactly one succeeds. The application counts against the nearest quota unit at or above its host unit; when the
    /// call has quotas and none covers the host, the quota is 0. Gansu: the preliminary review and the public notice must
    /// have passed first (五(二) "组织初评，确定推荐名单，并经公示无异议后上报").
    /// </summary>
    public Task<Outcome> EndorseAsync(Guid id, Guid adminId, string? reason, CancellationToken ct) =>
        Database.RetryAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            // READ COMMITTED: once the call is locked, the counts below see every endorsement committed before ours.
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var head0 = await conn.QuerySingleOrDefaultAsync<ApplicationHead>(new CommandDefinition(
                "SELECT id, call_id, applicant_id, status, host_org_unit_id, studio_name, form FROM applications WHERE id = @id", new { id }, tx, cancellationToken: ct));
            if (head0 is null) return new Outcome(Refusal.NotFound);
            var call = await conn.QuerySingleAsync<CallRow>(new CommandDefinition(CallRowSelect + " WHERE c.id = @callId FOR UPDATE", new { callId = head0.CallId }, tx, cancellationToken: ct));
            var head = (await LockAsync(conn, tx, id, ct))!;
            if (head.Status != ApplicationStatus.Submitted) return new Outcome(Refusal.InvalidTransition, head.Status);
            if (call.Rules == CallRules.Gansu)
            {
                var passed = await PassedStagesAsync(conn, tx, id, ct);
                if (!passed.Contains(ReviewStage.PreliminaryReview) || !passed.Contains(ReviewStage.PublicNotice))
                    return new Outcome(Refusal.ReviewPending, head.Status, "Gansu: the preliminary review (初评) and the public notice (公示, no objection) must pass before recommendation.");
            }
            if (call.TotalQuota is { } total)
            {
                var all = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM applications WHERE call_id = @callId AND endorsed_at IS NOT NULL", new { callId = call.Id }, tx, cancellationToken: ct));
                if (all >= total) return new Outcome(Refusal.QuotaExceeded, head.Status, $"The call's {total} places are all taken.");
            }
            const string UnitSql = """
                SELECT q.org_unit_id, q.quota, o.name AS org_unit_name, 0 AS endorsed
                FROM call_quotas q JOIN org_unit_closure c ON c.ancestor_id = q.org_unit_id JOIN org_units o ON o.id = q.org_unit_id
                WHERE q.call_id = @callId AND c.descendant_id = @hostId
                ORDER BY c.depth LIMIT 1
                """;
            var unit = await conn.QuerySingleOrDefaultAsync<QuotaUseRow>(new CommandDefinition(UnitSql, new { callId = call.Id, hostId = head.HostOrgUnitId }, tx, cancellationToken: ct));
            if (unit is null)
            {
                var hasQuotas = await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM call_quotas WHERE call_id = @callId)", new { callId = call.Id }, tx, cancellationToken: ct));
                if (hasQuotas) return new Outcome(Refusal.QuotaExceeded, head.Status, "No quota of this call covers the application's host unit.");
            }
            else
            {
                var used = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM applications WHERE call_id = @callId AND quota_org_unit_id = @unitId AND endorsed_at IS NOT NULL",
                    new { callId = call.Id, unitId = unit.OrgUnitId }, tx, cancellationToken: ct));
                if (used >= unit.Quota) return new Outcome(Refusal.QuotaExceeded, head.Status, $"{unit.OrgUnitName} has used its {unit.Quota} place(s).");
            }
            const string Sql = """
                UPDATE applications SET status = 'Endorsed', endorsed_at = @now, endorsed_by = @adminId, quota_org_unit_id = @unitId, updated_at = @now
                WHERE id = @id
                """;
            await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, now, adminId, unitId = unit?.OrgUnitId }, tx, cancellationToken: ct));
            await StageTransitionsStore.RecordAsync(conn, tx, StageSubject.Application, id, "Endorse", head.Status.ToString(), nameof(ApplicationStatus.Endorsed), true, adminId, reason, now, ct);
            await tx.CommitAsync(ct);
            return new Outcome(Refusal.None, head.Status);
        }, ct);

    private static async Task<HashSet<ReviewStage>> PassedStagesAsync(MySqlConnection conn, MySqlTransaction tx, Guid id, CancellationToken ct)
    {
        const string Sql = "SELECT stage FROM application_reviews WHERE application_id = @id AND outcome = 'Passed'";
        return (await conn.QueryAsync<string>(new CommandDefinition(Sql, new { id }, tx, cancellationToken: ct))).Select(Enum.Parse<ReviewStage>).ToHashSet();
    }

    /// <summary>
    /// Approves an Endorsed application and licenses its studio in one transaction (<see cref="StudiosStore.LicenseAsync"/>):
    /// the applicant leads it, the listed team gets one invitation, and the applicant's ApplicationDecided reminder is planned. Gansu: the expert review with defence (答辩) must have
    /// passed (五(三)). Refused InvalidTransition from any other status, DuplicateName when the programme has the name.
    /// </summary>
    public async Task<(Outcome Outcome, StudioDto? Studio, InvitationDto? Invitation)> ApproveAsync(Guid id, Guid adminId, DateTimeOffset licensedAt, string? reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var head = await LockAsync(conn, tx, id, ct);
        if (head is null) return (new Outcome(Refusal.NotFound), null, null);
        if (head.Status != ApplicationStatus.Endorsed) return (new Outcome(Refusal.InvalidTransition, head.Status), null, null);
        var call = await conn.QuerySingleAsync<CallRow>(new CommandDefinition(CallRowSelect + " WHERE c.id = @callId", new { callId = head.CallId }, tx, cancellationToken: ct));
        if (call.Rules == CallRules.Gansu && !(await PassedStagesAsync(conn, tx, id, ct)).Contains(ReviewStage.Defence))
            return (new Outcome(Refusal.ReviewPending, head.Status, "Gansu: the expert review with the leader's defence (答辩) must pass before selection."), null, null);
        var form = JsonSerializer.Deserialize<ApplicationForm>(head.Form, FormJson)!;
        var licensed = await studios.LicenseAsync(conn, tx, call.ProgrammeId, head.StudioName, head.HostOrgUnitId, head.ApplicantId, licensedAt,
            form.Team?.Length ?? 0, adminId, ct);
        if (licensed is null)
        {
            await tx.RollbackAsync(ct);
            return (new Outcome(Refusal.DuplicateName, head.Status), null, null);
        }
        var (studio, invitation) = licensed.Value;
        const string Sql = """
            UPDATE applications SET status = 'Approved', decided_at = @now, decided_by = @adminId, decision_reason = @reason, studio_id = @studioId, updated_at = @now
            WHERE id = @id
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { id, now, adminId, reason, studioId = studio.Id }, tx, cancellationToken: ct));
        await StageTransitionsStore.RecordAsync(conn, tx, StageSubject.Application, id, "Approve", head.Status.ToString(), nameof(ApplicationStatus.Approved), true, adminId, reason, now, ct);
        await StageTransitionsStore.RecordAsync(conn, tx, StageSubject.Studio, studio.Id, "License", null, nameof(StudioStatus.Active), true, adminId,
            $"Licensed from application {id} on {licensedAt:yyyy-MM-dd}", now, ct);
        await reminders.ApplicationDecidedAsync(conn, tx, id, now, ct); // the applicant is told (ApplicationDecided)
        await tx.CommitAsync(ct);
        return (new Outcome(Refusal.None, head.Status), studio, invitation);
    }

    /// <summary>Records (or replaces) one review stage of a Submitted or Endorsed application, audited.</summary>
    public async Task<Outcome> RecordReviewAsync(Guid id, RecordReviewRequest r, Guid adminId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var head = await LockAsync(conn, tx, id, ct);
        if (head is null) return new Outcome(Refusal.NotFound);
        var allowed = r.Stage == ReviewStage.Defence ? ApplicationStatus.Endorsed : ApplicationStatus.Submitted;
        if (head.Status != allowed) return new Outcome(Refusal.InvalidTransition, head.Status, $"A {r.Stage} is recorded while the application is {allowed}.");
        const string Sql = """
            INSERT INTO application_reviews (id, application_id, stage, starts_on, ends_on, outcome, note, recorded_by, recorded_at)
            VALUES (@rid, @id, @stage, @startsOn, @endsOn, @outcome, @note, @adminId, @now)
            ON DUPLICATE KEY UPDATE starts_on = VALUES(starts_on), ends_on = VALUES(ends_on), outcome = VALUES(outcome), note = VALUES(note),
                                    recorded_by = VALUES(recorded_by), recorded_at = VALUES(recorded_at)
            """;
        await conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            rid = Database.NewId(), id, stage = r.Stage.ToString(), r.StartsOn, r.EndsOn, outcome = r.Outcome.ToString(), r.Note, adminId, now,
        }, tx, cancellationToken: ct));
        await StageTransitionsStore.RecordAsync(conn, tx, StageSubject.Application, id, $"{r.Stage}{r.Outcome}", head.Status.ToString(), head.Status.ToString(), true, adminId, r.Note, now, ct);
        await tx.CommitAsync(ct);
        return new Outcome(Refusal.None, head.Status);
    }

    private const string ApplicationSelect = """
        SELECT a.id, a.call_id, a.applicant_id, m.display_name AS applicant_name, a.status, a.studio_name, a.host_org_unit_id,
               o.name AS host_org_unit_name, a.form, a.quota_org_unit_id, a.submitted_at, a.endorsed_at, a.decided_at, a.decision_reason, a.studio_id
        FROM applications a JOIN members m ON m.id = a.applicant_id JOIN org_units o ON o.id = a.host_org_unit_id
        """;

    /// <summary>One application with its reviews and history, or null.</summary>
    public async Task<ApplicationDto?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<ApplicationRow>(new CommandDefinition(ApplicationSelect + " WHERE a.id = @id", new { id }, cancellationToken: ct));
        if (row is null) return null;
        const string ReviewSql = "SELECT stage, starts_on, ends_on, outcome, note, recorded_at FROM application_reviews WHERE application_id = @id ORDER BY starts_on, stage";
        var reviews = (await conn.QueryAsync<ReviewRow>(new CommandDefinition(ReviewSql, new { id }, cancellationToken: ct)))
            .Select(r => new ApplicationReviewDto(r.Stage, r.StartsOn, r.EndsOn, r.Outcome, r.Note, r.RecordedAt)).ToArray();
        return row.AsDto() with { Reviews = reviews, History = await StageTransitionsStore.HistoryAsync(conn, StageSubject.Application, id, ct) };
    }

    /// <summary>The applicant's applications, newest first.</summary>
    public async Task<ApplicationDto[]> OfApplicantAsync(Guid memberId, CancellationToken ct)
    {
        const string Sql = ApplicationSelect + " WHERE a.applicant_id = @memberId ORDER BY a.created_at DESC";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ApplicationRow>(new CommandDefinition(Sql, new { memberId }, cancellationToken: ct))).Select(r => r.AsDto()).ToArray();
    }

    /// <summary>A call's applications hosted inside the admin's subtree (drafts not included), optionally of one status.</summary>
    public async Task<ApplicationDto[]> OfCallForAdminAsync(Guid callId, Guid adminId, ApplicationStatus? status, CancellationToken ct)
    {
        const string Sql = ApplicationSelect + """
             WHERE a.call_id = @callId AND a.status <> 'Draft' AND (@status IS NULL OR a.status = @status)
               AND EXISTS (SELECT 1 FROM admins ad JOIN org_unit_closure c ON c.ancestor_id = ad.org_unit_id
                           WHERE ad.id = @adminId AND c.descendant_id = a.host_org_unit_id)
             ORDER BY a.submitted_at, a.id
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ApplicationRow>(new CommandDefinition(Sql, new { callId, adminId, status = status?.ToString() }, cancellationToken: ct)))
            .Select(r => r.AsDto()).ToArray();
    }

    private sealed class ReviewRow
    {
        public ReviewStage Stage { get; init; }
        public DateOnly StartsOn { get; init; }
        public DateOnly EndsOn { get; init; }
        public ReviewOutcome Outcome { get; init; }
        public string? Note { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
    }

    private sealed class ApplicationRow
    {
        public Guid Id { get; init; }
        public Guid CallId { get; init; }
        public Guid ApplicantId { get; init; }
        public string? ApplicantName { get; init; }
        public ApplicationStatus Status { get; init; }
        public string StudioName { get; init; } = "";
        public Guid HostOrgUnitId { get; init; }
        public string HostOrgUnitName { get; init; } = "";
        public string Form { get; init; } = "{}";
        public Guid? QuotaOrgUnitId { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public DateTimeOffset? EndorsedAt { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string? DecisionReason { get; init; }
        public Guid? StudioId { get; init; }

        public ApplicationDto AsDto() => new()
        {
            Id = Id, CallId = CallId, ApplicantId = ApplicantId, ApplicantName = ApplicantName, Status = Status, StudioName = StudioName,
            HostOrgUnitId = HostOrgUnitId, HostOrgUnitName = HostOrgUnitName, Form = JsonSerializer.Deserialize<ApplicationForm>(Form, FormJson)!,
            QuotaOrgUnitId = QuotaOrgUnitId, SubmittedAt = SubmittedAt, EndorsedAt = EndorsedAt, DecidedAt = DecidedAt, DecisionReason = DecisionReason, StudioId = StudioId,
        };
    }
}
