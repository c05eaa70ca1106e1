using WeStudio.Api.Features.Activities;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// Computes ledgers from current data: no nightly job. The studio ledger and the exports count from the tables on every
/// request; the committee overview (<see cref="LedgerOverview"/>) reuses a studio's counts only while that studio's data
/// version (migration V0006) is unchanged and no dated fact has come due since. Statuses: see <see cref="LedgerStatus"/>.
/// </summary>
public sealed class LedgerService(LedgerStore store, LedgerCalendar calendar, TimeProvider clock)
{
    /// <summary>Fewer days left than this, and a running period not yet met is AtRisk.</summary>
    public const int AtRiskDaysLeft = 10;

    /// <summary>Studios counted per round trip by the exports (whose facts carry titles and evidence).</summary>
    public const int Batch = 2000;

    public TimeProvider Clock => clock;

    /// <summary>One studio's ledger for a year, with evidence; null when the studio does not exist.</summary>
    public async Task<StudioLedgerDto?> StudioLedgerAsync(Guid studioId, int year, CancellationToken ct)
    {
        await using var conn = await store.OpenAsync(ct);
        var (studio, programme) = await store.StudioAsync(conn, studioId, ct);
        if (studio is null || programme is null) return null;
        var requirements = await LedgerStore.RequirementsAsync(conn, programme.Id, ct);
        var now = clock.GetUtcNow();
        var plan = Plan(requirements, programme, year);
        var facts = await store.FactsAsync(conn, [studioId], plan.Window(now), Needs(requirements), withTitles: true, ct);
        var counts = Count(requirements, plan, Index(facts).GetValueOrDefault(studioId) ?? StudioFacts.Empty, now, withEvidence: true);
        return Compose(studio, programme, requirements, plan, counts, year, now);
    }

    /// <summary>
    /// The ledgers of many studios counted from the tables (with evidence titles), <see cref="Batch"/> studios per round
    /// trip, on the caller's connection (an export runs them all inside one snapshot).
    /// </summary>
    public async IAsyncEnumerable<StudioLedgerDto> LedgersAsync(MySqlConnector.MySqlConnection conn, LedgerStore.ProgrammeInfo programme, RequirementDto[] requirements,
        IReadOnlyList<LedgerStudio> studios, int year, DateTimeOffset asOf, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var plan = Plan(requirements, programme, year);
        foreach (var chunk in studios.Chunk(Batch))
        {
            var facts = await store.FactsAsync(conn, chunk.Select(s => s.Id).ToArray(), plan.Window(asOf), Needs(requirements), withTitles: true, ct);
            var index = Index(facts);
            foreach (var s in chunk)
                yield return Compose(s, programme, requirements, plan, Count(requirements, plan, index.GetValueOrDefault(s.Id) ?? StudioFacts.Empty, asOf, withEvidence: true), year, asOf);
        }
    }

    /// <summary>
    /// The periods of every requirement for a year, the window of data they need, and <c>Key</c>: a digest of what is
    /// counted and over which periods, so cached counts of another plan (another rule set, semester setting or code) never
    /// match. <c>Cells</c>: every (requirement, period) in ledger order, the flat order cached counts are kept in;
    /// <c>Offsets</c>: where each requirement's cells start in it, and how many it has.
    /// </summary>
    public sealed record YearPlan(Dictionary<Guid, PlannedPeriod[]> Periods, DateTimeOffset From, DateTimeOffset To, int FromYear, int ToYear, string Key,
        PlannedCell[] Cells, (int First, int Count)[] Offsets)
    {
        public LedgerStore.FactWindow Window(DateTimeOffset asOf) => new(From, To, asOf, FromYear, ToYear);
    }

    /// <summary>One requirement in one period of a plan.</summary>
    public sealed record PlannedCell(RequirementDto Requirement, int RequirementIndex, int PeriodIndex, PlannedPeriod Period);

    /// <summary>A period with its bounds as instants, computed once per request rather than once per studio.</summary>
    public sealed record PlannedPeriod(LedgerPeriod Period, DateTimeOffset Starts, DateTimeOffset Ends);

    /// <summary>Raise when the meaning of a count changes, so counts cached by older code are not reused.</summary>
    private const int CountingRevision = 3;

    internal YearPlan Plan(RequirementDto[] requirements, LedgerStore.ProgrammeInfo programme, int year)
    {
        var periods = requirements.ToDictionary(r => r.Id, r => calendar.PeriodsOf(r.Period, year, programme.StartsOn, programme.CycleYears));
        // Evaluator items count nothing, so their (cycle-long) periods do not widen the window of data to load.
        var all = requirements.Where(r => r.Counts != RequirementCounts.EvaluatorChecked).SelectMany(r => periods[r.Id]).ToList();
        var fromDay = all.Count == 0 ? new DateOnly(year, 1, 1) : all.Min(p => p.Starts);
        var toDay = all.Count == 0 ? new DateOnly(year + 1, 1, 1) : all.Max(p => p.Ends);
        var key = new System.Text.StringBuilder().Append(CountingRevision).Append('|').Append(year);
        foreach (var r in requirements)
        {
            // Targets are part of the key: a programme's changed target (PUT …/requirements/{code}) never meets counts of the old one.
            key.Append('|').Append(r.Id).Append(',').Append(r.Counts).Append(',').Append(string.Join('+', r.ActivityKinds)).Append(',')
               .Append(string.Join('+', r.ActivitySubKinds)).Append(',').Append(r.TargetMin).Append(',').Append(r.TargetRate).Append(',')
               .Append(string.Join('+', r.AchievementForms)).Append(',').Append(string.Join('+', r.ResearchSubtypes));
            foreach (var p in periods[r.Id]) key.Append(',').Append(p.Starts.DayNumber).Append('-').Append(p.Ends.DayNumber);
        }
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key.ToString())), 0, 8);
        var planned = periods.ToDictionary(e => e.Key, e => e.Value.Select(p => new PlannedPeriod(p, calendar.StartOf(p.Starts), calendar.StartOf(p.Ends))).ToArray());
        var cells = new List<PlannedCell>();
        var offsets = new (int, int)[requirements.Length];
        for (var i = 0; i < requirements.Length; i++)
        {
            offsets[i] = (cells.Count, planned[requirements[i].Id].Length);
            cells.AddRange(planned[requirements[i].Id].Select((p, j) => new PlannedCell(requirements[i], i, j, p)));
        }
        return new YearPlan(planned, calendar.StartOf(fromDay), calendar.StartOf(toDay), fromDay.Year, toDay.AddDays(-1).Year, digest, cells.ToArray(), offsets);
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
        public List<MarkFact> Marks { get; } = [];
        public List<TrainedFact> Trained { get; } = [];
    }

    internal static Dictionary<Guid, StudioFacts> Index(LedgerFacts facts)
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
        foreach (var m in facts.Marks) Of(m.StudioId).Marks.Add(m);
        foreach (var t in facts.Trained) Of(t.StudioId).Trained.Add(t);
        return index;
    }

    /// <summary>
    /// What the rules count for one studio, as of an instant: <c>Actuals[i][j]</c> for requirement i and period j (null for
    /// evaluator items), and, when asked, the evidence behind each count.
    /// </summary>
    /// <summary>
    /// Counts per requirement and period. For PairedSchoolsPerCoreSchool the actual is the share (0–1) of the core members'
    /// schools that paired, so statuses (and the overview's cached counts) need nothing else; <c>Targets</c> (with
    /// evidence only) holds that cell's number of schools, from which the ledger shows "paired of target".
    /// </summary>
    public sealed record StudioCounts(double?[][] Actuals, LedgerEvidence[][][]? Evidence, int?[][]? Targets = null);

    /// <summary>The facts a requirement set needs loaded; the others are not queried.</summary>
    public static IReadOnlySet<RequirementCounts> Needs(IEnumerable<RequirementDto> requirements) => requirements.Select(r => r.Counts).ToHashSet();

    /// <summary>Counts every requirement of the plan over <paramref name="facts"/> as of <paramref name="now"/>.</summary>
    public StudioCounts Count(RequirementDto[] requirements, YearPlan plan, StudioFacts facts, DateTimeOffset now, bool withEvidence)
    {
        var actuals = new double?[requirements.Length][];
        var evidence = withEvidence ? new LedgerEvidence[requirements.Length][][] : null;
        var targets = withEvidence ? new int?[requirements.Length][] : null;
        for (var i = 0; i < requirements.Length; i++)
        {
            var r = requirements[i];
            var periods = plan.Periods[r.Id];
            actuals[i] = new double?[periods.Length];
            if (evidence is not null) evidence[i] = new LedgerEvidence[periods.Length][];
            if (targets is not null) targets[i] = new int?[periods.Length];
            for (var j = 0; j < periods.Length; j++)
            {
                if (r.Counts == RequirementCounts.PairedSchoolsPerCoreSchool)
                {
                    var (share, schools, proof) = CountCoreSchools(r, periods[j], facts, now, withEvidence);
                    actuals[i][j] = share;
                    if (evidence is not null) evidence[i][j] = proof;
                    if (targets is not null) targets[i][j] = schools;
                    continue;
                }
                var (actual, evidenceOfCell) = CountCell(r, periods[j], facts, now, withEvidence);
                actuals[i][j] = actual;
                if (evidence is not null) evidence[i][j] = evidenceOfCell;
            }
        }
        return new StudioCounts(actuals, evidence, targets);
    }

    /// <summary>The ledger of one studio from its counts: statuses as of <paramref name="now"/>.</summary>
    public StudioLedgerDto Compose(LedgerStudio studio, LedgerStore.ProgrammeInfo programme, RequirementDto[] requirements, YearPlan plan,
        StudioCounts counts, int year, DateTimeOffset now)
    {
        var (licensedOn, applicableFrom, cycleEnds) = Applicability(studio, programme);
        var lines = requirements.Select((r, i) => new LedgerLine
        {
            RequirementId = r.Id, Code = r.Code, Title = r.Title, Clause = r.Clause, Note = r.Note, Counts = r.Counts, Period = r.Period,
            TargetMin = r.TargetMin, TargetMax = r.TargetMax, TargetRate = r.TargetRate,
            PointsAtTarget = r.PointsAtTarget, PointsPerUnit = r.PointsPerUnit, PointsMax = r.PointsMax,
            Cells = plan.Periods[r.Id].Select((p, j) => Cell(r, p, counts.Actuals[i][j], counts.Evidence?[i][j] ?? [], counts.Targets?[i][j], applicableFrom, cycleEnds, now)).ToArray(),
        }).ToArray();
        return new StudioLedgerDto
        {
            StudioId = studio.Id, StudioName = studio.Name, Status = studio.Status, ProgrammeId = programme.Id, ProgrammeName = programme.Name, RuleSet = programme.RuleSet,
            Year = year, LicensedOn = licensedOn, ComputedAt = now,
            Totals = LedgerStatusCounts.Of(lines.SelectMany(l => l.Cells).Select(c => c.Status)), Requirements = lines,
        };
    }

    /// <summary>
    /// The local day the studio was licensed, the first day its periods apply (licensing or the programme's start, the
    /// later) and the day the programme's cycle ends.
    /// </summary>
    public (DateOnly LicensedOn, DateOnly ApplicableFrom, DateOnly CycleEnds) Applicability(LedgerStudio studio, LedgerStore.ProgrammeInfo programme)
    {
        var licensedOn = calendar.DayOf(studio.CreatedAt);
        return (licensedOn, licensedOn > programme.StartsOn ? licensedOn : programme.StartsOn, programme.StartsOn.AddYears(programme.CycleYears));
    }

    private (double? Actual, LedgerEvidence[] Evidence) CountCell(RequirementDto r, PlannedPeriod planned, StudioFacts facts, DateTimeOffset now, bool withEvidence)
    {
        var (p, starts, ends) = (planned.Period, planned.Starts, planned.Ends);
        bool In(DateTimeOffset t) => t >= starts && t < ends;
        bool Kind(ActivityKind k) => r.ActivityKinds.Length == 0 || r.ActivityKinds.Contains(k);
        bool Sub(ActivitySubKind? k) => r.ActivitySubKinds.Length == 0 || (k is { } sub && r.ActivitySubKinds.Contains(sub));
        bool InYears(int y) => y >= p.Starts.Year && y <= p.Ends.AddDays(-1).Year;
        DateOnly Day(DateTimeOffset t) => calendar.DayOf(t);
        // A fact that carries only a calendar year is dated the day it was entered, or the nearest day of its year.
        bool Dated(int y, DateTimeOffset entered)
        {
            var d = Day(entered);
            d = d.Year < y ? new DateOnly(y, 1, 1) : d.Year > y ? new DateOnly(y, 12, 31) : d;
            return d >= p.Starts && d < p.Ends;
        }

        switch (r.Counts)
        {
            case RequirementCounts.Activities:
            {
                if (!withEvidence) return (facts.Activities.Count(a => In(a.StartsAt) && Kind(a.Kind) && Sub(a.SubKind)), []);
                var held = facts.Activities.Where(a => In(a.StartsAt) && Kind(a.Kind) && Sub(a.SubKind)).ToList();
                var proof = held.Select(a => new LedgerEvidence("Activity", a.Id, a.SubKind is { } k ? $"【{SubKindName(k)}】{a.Title}" : a.Title ?? "", Day(a.StartsAt))).ToList();
                // 三会一课 counted together: how many of each sub-kind, so the evaluator sees the mix (seeds/004 sets no frequency per sub-kind).
                if (r.ActivitySubKinds.Length == 0 && r.ActivityKinds.Contains(ActivityKind.ThreeMeetingsOneLesson))
                    proof.Insert(0, new LedgerEvidence("Figure", Guid.Empty, string.Join(" · ",
                        Enum.GetValues<ActivitySubKind>().Select(k => $"{SubKindName(k)} {held.Count(a => a.Kind == ActivityKind.ThreeMeetingsOneLesson && a.SubKind == k)}")
                            .Append($"未标明类型 {held.Count(a => a.Kind == ActivityKind.ThreeMeetingsOneLesson && a.SubKind is null)}")), null));
                return (held.Count, proof.ToArray());
            }
            case RequirementCounts.ActivitiesWithPublishedBrief or RequirementCounts.ActivitiesWithNoticeAndBrief:
            {
                var source = r.Counts == RequirementCounts.ActivitiesWithPublishedBrief ? facts.WithPublishedBrief : facts.WithNoticeAndBrief;
                return withEvidence
                    ? Counted(source.Where(a => In(a.StartsAt) && Kind(a.Kind)).Select(a => new LedgerEvidence("Activity", a.ActivityId, a.Title ?? "", Day(a.StartsAt))).ToArray())
                    : (source.Count(a => In(a.StartsAt) && Kind(a.Kind)), []);
            }
            case RequirementCounts.BackboneTeachers:
            {
                var marked = facts.BackboneTeachers.Where(b => Dated(b.Year, b.MarkedAt)).ToList();
                return (marked.Select(b => b.MemberId).Distinct().Count(),
                    !withEvidence ? [] : marked.Select(b => new LedgerEvidence("BackboneTeacher", b.MemberId, $"{b.DisplayName}（{b.Year}）", null)).ToArray());
            }
            case RequirementCounts.Achievements:
            {
                var counted = facts.Achievements.Where(a => Dated(a.Year, a.CreatedAt)
                    && (r.AchievementForms.Length == 0 || r.AchievementForms.Contains(a.Form))
                    && (r.ResearchSubtypes.Length == 0 || (a.ResearchSubtype is { } s && r.ResearchSubtypes.Contains(s)))).ToList();
                return (counted.Count, !withEvidence ? [] : counted.Select(a => new LedgerEvidence("Achievement", a.Id, a.Title, null)).ToArray());
            }
            case RequirementCounts.ProgressReport:
            {
                var counted = facts.Reports.Where(x => InYears(x.Year) && x.Status == "Submitted" && x.FirstSubmittedAt < ends).ToList();
                return (counted.Count, !withEvidence ? [] : counted.Select(x => new LedgerEvidence("ProgressReport", x.Id, $"{x.Year}年度建设进展报告", Day(x.FirstSubmittedAt))).ToArray());
            }
            case RequirementCounts.TeamSize:
            {
                var at = ends < now ? ends : now;
                return (facts.Memberships.Count(m => m.Role == "Member" && m.JoinedAt < at && (m.RemovedAt is null || m.RemovedAt >= at)), []);
            }
            case RequirementCounts.CommitteeMarked:
            {
                var marks = facts.Marks.Where(m => m.RequirementId == r.Id && m.PeriodStarts == p.Starts && m.MarkedAt <= now).ToList();
                return (marks.Count, !withEvidence ? [] : marks.Select(m => new LedgerEvidence("CommitteeMark", m.Id, string.IsNullOrEmpty(m.Note) ? r.Title : $"{r.Title}：{m.Note}", Day(m.MarkedAt))).ToArray());
            }
            case RequirementCounts.TrainingShare:
            {
                var at = ends < now ? ends : now;
                var people = facts.Memberships.Where(m => m.JoinedAt < at && (m.RemovedAt is null || m.RemovedAt >= at)).Select(m => m.MemberId).ToHashSet();
                var trained = facts.Trained.Where(t => In(t.StartsAt) && Kind(t.Kind) && people.Contains(t.MemberId)).Select(t => t.MemberId).Distinct().Count();
                return (people.Count == 0 ? 0 : Math.Round((double)trained / people.Count, 3),
                    !withEvidence ? [] : [new LedgerEvidence("Figure", Guid.Empty, $"轮训 {trained}/{people.Count} 人", null)]);
            }
            case RequirementCounts.AttendanceRate:
            {
                var expected = 0;
                var present = 0;
                var proof = withEvidence ? new List<LedgerEvidence>() : null;
                foreach (var a in facts.Attendance)
                {
                    if (!In(a.StartsAt)) continue;
                    expected += a.Expected;
                    present += a.Present;
                    proof?.Add(new LedgerEvidence("Attendance", a.ActivityId, $"出勤 {a.Present}/{a.Expected}", Day(a.StartsAt)));
                }
                return (expected == 0 ? 0 : Math.Round((double)present / expected, 3), proof?.ToArray() ?? []);
            }
            default:
                return (null, []);
        }

        static (double?, LedgerEvidence[]) Counted(LedgerEvidence[] evidence) => (evidence.Length, evidence);
    }

    /// <summary>The Chinese name of a 三会一课 sub-kind, as the evidence and the export show it.</summary>
    public static string SubKindName(ActivitySubKind kind) => kind switch
    {
        ActivitySubKind.BranchGeneralMeeting => "支部党员大会",
        ActivitySubKind.BranchCommitteeMeeting => "支委会",
        ActivitySubKind.PartyGroupMeeting => "党小组会",
        ActivitySubKind.PartyLecture => "党课",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Liuzhou "核心成员所在学校每年至少结对帮扶一所学校" (seeds/000 三(二)4(3)) for one period: the core members (leader and
    /// team members, not trainees) in the studio at the period's end, or now while it runs; their distinct schools, plus
    /// one per core member with no school recorded (a gap the clerk must see, never dropped), are the cell's target; a
    /// school has paired when held PairingVisits in the period name it as the helping school and reach at least
    /// <c>targetMin</c> distinct visited schools other than itself. Returns the share of the target that paired (what the
    /// status and the overview's cache use), the target, and the evidence: each school with its core members and visits,
    /// then each core member with no school.
    /// </summary>
    private (double Share, int Target, LedgerEvidence[] Evidence) CountCoreSchools(RequirementDto r, PlannedPeriod planned, StudioFacts facts, DateTimeOffset now, bool withEvidence)
    {
        var (starts, ends) = (planned.Starts, planned.Ends);
        var at = ends < now ? ends : now;
        var core = facts.Memberships.Where(m => m.Role is "Leader" or "Member" && m.JoinedAt < at && (m.RemovedAt is null || m.RemovedAt >= at))
            .GroupBy(m => m.MemberId).Select(g => g.First()).ToList();
        var schools = core.Where(m => m.SchoolId is not null).GroupBy(m => m.SchoolId!.Value).ToList();
        var unknown = core.Where(m => m.SchoolId is null).ToList();
        var visits = facts.Activities.Where(a => a.Kind == ActivityKind.PairingVisit && a.SchoolKey is not null && a.HelpingSchoolId is not null
            && a.StartsAt >= starts && a.StartsAt < ends).ToList();
        var target = schools.Count + unknown.Count;
        var need = Math.Max(1, r.TargetMin);
        var paired = 0;
        var proof = withEvidence ? new List<LedgerEvidence>() : null;
        foreach (var school in schools.OrderBy(g => g.First().SchoolName, StringComparer.Ordinal))
        {
            var own = school.Key.ToString();
            var mine = visits.Where(a => a.HelpingSchoolId == school.Key && !string.Equals(a.SchoolKey, own, StringComparison.OrdinalIgnoreCase)).ToList();
            var distinct = mine.Select(a => a.SchoolKey).Distinct().Count();
            if (distinct >= need) paired++;
            if (proof is null) continue;
            var people = string.Join("、", school.Select(m => m.DisplayName ?? "（未填姓名）"));
            proof.Add(new LedgerEvidence("School", school.Key, $"{school.First().SchoolName}（{people}）：结对帮扶 {distinct} 所", null));
            proof.AddRange(mine.Select(a => new LedgerEvidence("Activity", a.Id, $"{a.Title}（{school.First().SchoolName} → {a.SchoolName}）", calendar.DayOf(a.StartsAt))));
        }
        if (proof is not null)
            proof.AddRange(unknown.Select(m => new LedgerEvidence("MemberWithoutSchool", m.MemberId, $"{m.DisplayName ?? "（未填姓名）"}：未登记所在学校，按未结对计", null)));
        return (target == 0 ? 0 : Math.Round((double)paired / target, 6), target, proof?.ToArray() ?? []);
    }

    /// <summary>A cell of the studio ledger: its status, and why when NotApplicable.</summary>
    private static LedgerCell Cell(RequirementDto r, PlannedPeriod planned, double? actual, LedgerEvidence[] evidence, int? target, DateOnly applicableFrom, DateOnly cycleEnds, DateTimeOffset now)
    {
        var p = planned.Period;
        var status = StatusOf(r, planned, actual, applicableFrom, cycleEnds, UnmetStatus(planned, now));
        var measured = IsMeasuredOnly(r);
        var reason = status switch
        {
            LedgerStatus.NotApplicable when p.Ends <= applicableFrom => $"The period ended before the studio was licensed or the programme began ({applicableFrom:yyyy-MM-dd}).",
            LedgerStatus.NotApplicable when r.Period == RequirementPeriod.CalendarYear && p.Starts < cycleEnds =>
                $"The deadline falls after the programme's cycle ended ({cycleEnds:yyyy-MM-dd}): nothing is owed after acceptance.",
            LedgerStatus.NotApplicable => $"The period begins after the programme's cycle ended ({cycleEnds:yyyy-MM-dd}).",
            LedgerStatus.EvaluatorChecked when measured => "The notice sets no figure: the measured rate is evidence for the evaluator, who judges it.",
            LedgerStatus.EvaluatorChecked => "Checked by the evaluator on site or from the materials; not computed.",
            LedgerStatus.Deducted => $"Below the target of {r.TargetMin}: points are deducted ({r.PointsPerUnit:0.##} per unit), the item is not failed.",
            _ => null,
        };
        var shown = status is LedgerStatus.NotApplicable || (status is LedgerStatus.EvaluatorChecked && !measured) ? null : actual;
        var points = shown is { } value && r.PointsAtTarget is not null ? PointsOf(r, value) : (double?)null;
        // Per core member's school: the share becomes "paired schools of target schools".
        if (r.Counts == RequirementCounts.PairedSchoolsPerCoreSchool && target is { } schools)
            return new LedgerCell(p.Label, p.Starts, p.Ends, shown is { } share ? Math.Round(share * schools) : null, status, reason, shown is null ? [] : evidence, null,
                shown is null ? null : schools);
        return new LedgerCell(p.Label, p.Starts, p.Ends, shown, status, reason, shown is null ? [] : evidence, points);
    }

    /// <summary>
    /// The status of one requirement in one period from its count: see <see cref="LedgerStatus"/>. <paramref name="unmet"/>
    /// is <see cref="UnmetStatus"/> of the period as of the instant asked about (the overview decides it once per period,
    /// not once per studio). With <see cref="Applies"/> and <see cref="IsMet"/>, the only place statuses are decided, for
    /// the studio ledger, the overview and the exports.
    /// </summary>
    public static LedgerStatus StatusOf(RequirementDto r, PlannedPeriod planned, double? actual, DateOnly applicableFrom, DateOnly cycleEnds, LedgerStatus unmet)
    {
        if (!Applies(r, planned, applicableFrom, cycleEnds)) return LedgerStatus.NotApplicable;
        if (r.Counts == RequirementCounts.EvaluatorChecked || IsMeasuredOnly(r) || actual is not { } value) return LedgerStatus.EvaluatorChecked;
        if (IsMet(r, value)) return LedgerStatus.Met;
        // A scored item that ended short of its target earned fewer points: it is not failed.
        return unmet == LedgerStatus.Missed && r.PointsAtTarget is not null ? LedgerStatus.Deducted : unmet;
    }

    /// <summary>
    /// The points a count earns on a scored requirement: <c>pointsAtTarget</c> at <c>targetMin</c>, ± <c>pointsPerUnit</c>
    /// per unit above or below, between 0 and <c>pointsMax</c> (Wenzhou: 15 activities → 15, 22 → 20).
    /// </summary>
    public static double PointsOf(RequirementDto r, double count)
    {
        var points = (double)(r.PointsAtTarget ?? 0) + (count - r.TargetMin) * (double)(r.PointsPerUnit ?? 0);
        return Math.Clamp(points, 0, (double)(r.PointsMax ?? r.PointsAtTarget ?? 0));
    }

    /// <summary>A rate the notice gives no figure for: measured and shown, judged by the evaluator.</summary>
    private static bool IsMeasuredOnly(RequirementDto r) => r.Counts switch
    {
        RequirementCounts.EvaluatorChecked => false,
        RequirementCounts.AttendanceRate or RequirementCounts.TrainingShare => r.TargetRate is null,
        _ => r.TargetMin == 0 && r.PointsAtTarget is null,
    };

    /// <summary>
    /// Requirements counted from check-ins, which raise no ledger version (V0006): the overview counts them on every look
    /// instead of keeping their counts.
    /// </summary>
    public static bool IsUnversioned(RequirementDto r) => r.Counts is RequirementCounts.AttendanceRate or RequirementCounts.TrainingShare;

    /// <summary>
    /// False when the period ended before the studio was licensed (or the programme began), or began after the cycle
    /// ended; a calendar-year deadline also falls away when it comes after the cycle's end (nothing is owed after acceptance).
    /// </summary>
    private static bool Applies(RequirementDto r, PlannedPeriod planned, DateOnly applicableFrom, DateOnly cycleEnds) =>
        planned.Period.Ends > applicableFrom && planned.Period.Starts < cycleEnds
        && (r.Period != RequirementPeriod.CalendarYear || planned.Period.Ends <= cycleEnds);

    /// <summary>Whether a count reaches the requirement's target.</summary>
    private static bool IsMet(RequirementDto r, double value) => r.Counts switch
    {
        RequirementCounts.ProgressReport => value >= Math.Max(1, r.TargetMin),
        // The share of the core members' schools that paired: met when all of them did.
        RequirementCounts.PairedSchoolsPerCoreSchool => value >= 1,
        // No attendance at all (or nobody expected) never meets a rate, even a zero one.
        RequirementCounts.AttendanceRate or RequirementCounts.TrainingShare => value > 0 && value >= (double)(r.TargetRate ?? 0),
        _ => value >= r.TargetMin,
    };

    /// <summary>The status of a period whose target is not reached, as of <paramref name="now"/>: Missed, OnTrack or AtRisk.</summary>
    public static LedgerStatus UnmetStatus(PlannedPeriod planned, DateTimeOffset now)
    {
        var (starts, ends) = (planned.Starts, planned.Ends);
        if (now >= ends) return LedgerStatus.Missed;
        if (now < starts) return LedgerStatus.OnTrack;
        return (now - starts) * 2 > ends - starts || ends - now < TimeSpan.FromDays(AtRiskDaysLeft) ? LedgerStatus.AtRisk : LedgerStatus.OnTrack;
    }
}
