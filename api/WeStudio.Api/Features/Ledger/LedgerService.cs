using WeStudio.Api.Features.Activities;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// Computes ledgers from current data: no stored results, no nightly job. The same engine serves the studio ledger, the
/// committee overview and the Excel exports. Statuses: see <see cref="LedgerStatus"/>.
/// </summary>
public sealed class LedgerService(LedgerStore store, LedgerCalendar calendar, TimeProvider clock)
{
    /// <summary>Fewer days left than this, and a running period not yet met is AtRisk.</summary>
    public const int AtRiskDaysLeft = 10;

    public TimeProvider Clock => clock;

    /// <summary>One studio's ledger for a year; null when the studio does not exist.</summary>
    public async Task<StudioLedgerDto?> StudioLedgerAsync(Guid studioId, int year, CancellationToken ct)
    {
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        var (studio, programme) = await store.StudioAsync(conn, studioId, ct);
        if (studio is null || programme is null) return null;
        var requirements = await LedgerStore.RequirementsAsync(conn, programme.Id, ct);
        var now = clock.GetUtcNow();
        var plan = Plan(requirements, programme, year);
        var facts = await store.FactsAsync(conn, [studioId], plan.From, plan.To, now, plan.FromYear, plan.ToYear, withTitles: true,
            needMemberships: requirements.Any(r => r.Counts == RequirementCounts.TeamSize), ct);
        return Compute(studio, programme, requirements, plan, Index(facts).GetValueOrDefault(studioId) ?? StudioFacts.Empty, year, now, withEvidence: true);
    }

    /// <summary>The ledgers of the programme's studios inside the admin's subtree (optionally one district) for a year, as of an instant.</summary>
    public async Task<(RequirementDto[] Requirements, LedgerStudio[] Studios, StudioLedgerDto[] Ledgers)> ProgrammeLedgersAsync(
        LedgerStore.ProgrammeInfo programme, Guid adminId, Guid? districtId, int year, DateTimeOffset asOf, bool withTitles, CancellationToken ct)
    {
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        var requirements = await LedgerStore.RequirementsAsync(conn, programme.Id, ct);
        var studios = await store.StudiosInSubtreeAsync(conn, programme.Id, adminId, districtId, ct);
        var plan = Plan(requirements, programme, year);
        var facts = await store.FactsAsync(conn, studios.Select(s => s.Id).ToArray(), plan.From, plan.To, asOf, plan.FromYear, plan.ToYear, withTitles,
            needMemberships: requirements.Any(r => r.Counts == RequirementCounts.TeamSize), ct);
        var index = Index(facts);
        var ledgers = studios.Select(s => Compute(s, programme, requirements, plan, index.GetValueOrDefault(s.Id) ?? StudioFacts.Empty, year, asOf, withEvidence: withTitles)).ToArray();
        return (requirements, studios, ledgers);
    }

    public sealed record YearPlan(Dictionary<Guid, PlannedPeriod[]> Periods, DateTimeOffset From, DateTimeOffset To, int FromYear, int ToYear);

    /// <summary>A period with its bounds as instants, computed once per request rather than once per studio.</summary>
    public sealed record PlannedPeriod(LedgerPeriod Period, DateTimeOffset Starts, DateTimeOffset Ends);

    private YearPlan Plan(RequirementDto[] requirements, LedgerStore.ProgrammeInfo programme, int year)
    {
        var periods = requirements.ToDictionary(r => r.Id, r => calendar.PeriodsOf(r.Period, year, programme.StartsOn, programme.CycleYears));
        // Evaluator items count nothing, so their (cycle-long) periods do not widen the window of data to load.
        var all = requirements.Where(r => r.Counts != RequirementCounts.EvaluatorChecked).SelectMany(r => periods[r.Id]).ToList();
        var fromDay = all.Count == 0 ? new DateOnly(year, 1, 1) : all.Min(p => p.Starts);
        var toDay = all.Count == 0 ? new DateOnly(year + 1, 1, 1) : all.Max(p => p.Ends);
        return new YearPlan(periods.ToDictionary(e => e.Key, e => e.Value.Select(p => new PlannedPeriod(p, calendar.StartOf(p.Starts), calendar.StartOf(p.Ends))).ToArray()), calendar.StartOf(fromDay), calendar.StartOf(toDay), fromDay.Year, toDay.AddDays(-1).Year);
    }

    /// <summary>One studio's facts, split by kind.</summary>
    public sealed class StudioFacts
    {
        public static readonly StudioFacts Empty = new();
        public List<ActivityFact> Activities { get; } = [];
        public List<AchievementFact> Achievements { get; } = [];
        public List<BackboneFact> BackboneTeachers { get; } = [];
        public List<ReportFact> Reports { get; } = [];
        public List<MembershipFact> Memberships { get; } = [];
        public List<BriefedActivityFact> WithPublishedBrief { get; } = [];
        public List<BriefedActivityFact> WithNoticeAndBrief { get; } = [];
        public List<AttendanceFact> Attendance { get; } = [];
    }

    private static Dictionary<Guid, StudioFacts> Index(LedgerFacts facts)
    {
        var index = new Dictionary<Guid, StudioFacts>();
        StudioFacts Of(Guid id)
        {
            if (!index.TryGetValue(id, out var f)) index[id] = f = new StudioFacts();
            return f;
        }
        foreach (var a in facts.Activities) Of(a.StudioId).Activities.Add(a);
        foreach (var a in facts.Achievements) Of(a.StudioId).Achievements.Add(a);
        foreach (var b in facts.BackboneTeachers) Of(b.StudioId).BackboneTeachers.Add(b);
        foreach (var r in facts.Reports) Of(r.StudioId).Reports.Add(r);
        foreach (var m in facts.Memberships) Of(m.StudioId).Memberships.Add(m);
        foreach (var b in facts.WithPublishedBrief) Of(b.StudioId).WithPublishedBrief.Add(b);
        foreach (var b in facts.WithNoticeAndBrief) Of(b.StudioId).WithNoticeAndBrief.Add(b);
        foreach (var a in facts.Attendance) Of(a.StudioId).Attendance.Add(a);
        return index;
    }

    private StudioLedgerDto Compute(LedgerStudio studio, LedgerStore.ProgrammeInfo programme, RequirementDto[] requirements, YearPlan plan,
        StudioFacts facts, int year, DateTimeOffset now, bool withEvidence)
    {
        var licensedOn = calendar.DayOf(studio.CreatedAt);
        var applicableFrom = licensedOn > programme.StartsOn ? licensedOn : programme.StartsOn;
        var cycleEnds = programme.StartsOn.AddYears(programme.CycleYears);
        var lines = requirements.Select(r => new LedgerLine
        {
            RequirementId = r.Id, Code = r.Code, Title = r.Title, Clause = r.Clause, Note = r.Note, Counts = r.Counts, Period = r.Period,
            TargetMin = r.TargetMin, TargetMax = r.TargetMax, TargetRate = r.TargetRate,
            Cells = plan.Periods[r.Id].Select(p => Cell(r, p.Period, p.Starts, p.Ends, facts, applicableFrom, cycleEnds, now, withEvidence)).ToArray(),
        }).ToArray();
        return new StudioLedgerDto
        {
            StudioId = studio.Id, StudioName = studio.Name, ProgrammeId = programme.Id, ProgrammeName = programme.Name, RuleSet = programme.RuleSet,
            Year = year, LicensedOn = licensedOn, ComputedAt = now,
            Totals = LedgerStatusCounts.Of(lines.SelectMany(l => l.Cells).Select(c => c.Status)), Requirements = lines,
        };
    }

    private LedgerCell Cell(RequirementDto r, LedgerPeriod p, DateTimeOffset starts, DateTimeOffset ends, StudioFacts facts, DateOnly applicableFrom, DateOnly cycleEnds, DateTimeOffset now, bool withEvidence)
    {
        // The overview needs no evidence: it is left out there (withEvidence false) to keep 10,000 studios cheap.
        LedgerCell Make(double? actual, LedgerStatus status, string? reason, LedgerEvidence[]? evidence = null) =>
            new(p.Label, p.Starts, p.Ends, actual, status, reason, withEvidence ? evidence ?? [] : []);

        if (p.Ends <= applicableFrom) return Make(null, LedgerStatus.NotApplicable, $"The period ended before the studio was licensed or the programme began ({applicableFrom:yyyy-MM-dd}).");
        if (p.Starts >= cycleEnds) return Make(null, LedgerStatus.NotApplicable, $"The period begins after the programme's cycle ended ({cycleEnds:yyyy-MM-dd}).");
        if (r.Counts == RequirementCounts.EvaluatorChecked) return Make(null, LedgerStatus.EvaluatorChecked, "Checked by the evaluator on site or from the materials; not computed.");

        bool In(DateTimeOffset t) => t >= starts && t < ends;
        bool Kind(ActivityKind k) => r.ActivityKinds.Length == 0 || r.ActivityKinds.Contains(k);
        bool InYears(int y) => y >= p.Starts.Year && y <= p.Ends.AddDays(-1).Year;
        DateOnly Day(DateTimeOffset t) => calendar.DayOf(t);

        double actual;
        LedgerEvidence[] evidence;
        bool met;
        switch (r.Counts)
        {
            case RequirementCounts.Activities:
            {
                var counted = facts.Activities.Where(a => In(a.StartsAt) && Kind(a.Kind)).ToList();
                actual = counted.Count;
                evidence = !withEvidence ? [] : counted.Select(a => new LedgerEvidence("Activity", a.Id, a.Title ?? "", Day(a.StartsAt))).ToArray();
                met = actual >= r.TargetMin;
                break;
            }
            case RequirementCounts.ActivitiesWithPublishedBrief or RequirementCounts.ActivitiesWithNoticeAndBrief:
            {
                var source = r.Counts == RequirementCounts.ActivitiesWithPublishedBrief ? facts.WithPublishedBrief : facts.WithNoticeAndBrief;
                var counted = source.Where(a => In(a.StartsAt) && Kind(a.Kind)).ToList();
                actual = counted.Count;
                evidence = !withEvidence ? [] : counted.Select(a => new LedgerEvidence("Activity", a.ActivityId, a.Title ?? "", Day(a.StartsAt))).ToArray();
                met = actual >= r.TargetMin;
                break;
            }
            case RequirementCounts.PairedSchools:
            {
                var visits = facts.Activities.Where(a => a.Kind == ActivityKind.PairingVisit && a.SchoolKey is not null && In(a.StartsAt)).ToList();
                actual = visits.Select(a => a.SchoolKey).Distinct().Count();
                evidence = !withEvidence ? [] : visits.Select(a => new LedgerEvidence("Activity", a.Id, $"{a.Title}（{a.SchoolName}）", Day(a.StartsAt))).ToArray();
                met = actual >= r.TargetMin;
                break;
            }
            case RequirementCounts.BackboneTeachers:
            {
                var marked = facts.BackboneTeachers.Where(b => InYears(b.Year)).ToList();
                actual = marked.Select(b => b.MemberId).Distinct().Count();
                evidence = !withEvidence ? [] : marked.Select(b => new LedgerEvidence("BackboneTeacher", b.MemberId, $"{b.DisplayName}（{b.Year}）", null)).ToArray();
                met = actual >= r.TargetMin;
                break;
            }
            case RequirementCounts.Achievements:
            {
                var counted = facts.Achievements.Where(a => InYears(a.Year)
                    && (r.AchievementForms.Length == 0 || r.AchievementForms.Contains(a.Form))
                    && (r.ResearchSubtypes.Length == 0 || (a.ResearchSubtype is { } s && r.ResearchSubtypes.Contains(s)))).ToList();
                actual = counted.Count;
                evidence = !withEvidence ? [] : counted.Select(a => new LedgerEvidence("Achievement", a.Id, a.Title, null)).ToArray();
                met = actual >= r.TargetMin;
                break;
            }
            case RequirementCounts.ProgressReport:
            {
                var counted = facts.Reports.Where(x => InYears(x.Year) && x.Status == "Submitted" && x.FirstSubmittedAt < ends).ToList();
                actual = counted.Count;
                evidence = !withEvidence ? [] : counted.Select(x => new LedgerEvidence("ProgressReport", x.Id, $"{x.Year}年度建设进展报告", Day(x.FirstSubmittedAt))).ToArray();
                met = actual >= Math.Max(1, r.TargetMin);
                break;
            }
            case RequirementCounts.TeamSize:
            {
                var at = ends < now ? ends : now;
                actual = facts.Memberships.Count(m => m.JoinedAt < at && (m.RemovedAt is null || m.RemovedAt >= at));
                evidence = [];
                met = actual >= r.TargetMin;
                break;
            }
            case RequirementCounts.AttendanceRate:
            {
                var counted = facts.Attendance.Where(a => In(a.StartsAt)).ToList();
                var expected = counted.Sum(a => a.Expected);
                actual = expected == 0 ? 0 : Math.Round((double)counted.Sum(a => a.Present) / expected, 3);
                evidence = [];
                met = expected > 0 && actual >= (double)(r.TargetRate ?? 0);
                break;
            }
            default:
                return Make(null, LedgerStatus.EvaluatorChecked, null);
        }

        LedgerStatus status;
        if (met) status = LedgerStatus.Met;
        else if (now >= ends) status = LedgerStatus.Missed;
        else if (now < starts) status = LedgerStatus.OnTrack;
        else
        {
            var elapsed = now - starts;
            var total = ends - starts;
            status = elapsed * 2 > total || ends - now < TimeSpan.FromDays(AtRiskDaysLeft) ? LedgerStatus.AtRisk : LedgerStatus.OnTrack;
        }
        return Make(actual, status, null, evidence);
    }
}
