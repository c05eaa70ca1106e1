using System.Collections.Concurrent;
using System.Data;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// The committee overview (GET /api/v1/ledger), kept current per programme, year and period end ("horizon") without
/// recounting every studio on every look. Each instance keeps, per such view, every studio's counts with the ledger
/// version (migration V0006) and the instant they were counted as of. Each look first raises the ledger epoch
/// (<see cref="LedgerChangesStore.RaiseEpochAsync"/>: every writer of an older epoch has committed), then, inside one
/// consistent snapshot:
/// <list type="number">
/// <item>the catalogue version (studios, org units) is compared; on a change the studio list is read again;</item>
/// <item>otherwise only the versions stamped at or above the epoch the previous look raised to are read, so the look
/// costs O(changes), not O(studios), and never misses a writer that committed out of order;</item>
/// <item>studios whose version moved, or whose counts are not valid at this instant (a scheduled activity has started since,
/// or the clock is before the instant they were counted as of), are counted again from the tables, in batches.</item>
/// </list>
/// Counts are also kept in Redis (<see cref="LedgerCache"/>) for other instances and restarts. Requirements counted from
/// check-ins (AttendanceRate, TrainingShare: <see cref="LedgerService.IsUnversioned"/>) are counted on every look (check-ins raise no version). Statuses are decided from the counts as of the look's instant.
/// Nothing here is needed for correctness: a new instance starts empty and reads everything.
/// </summary>
public sealed class LedgerOverview(LedgerService service, LedgerStore store, LedgerChangesStore changes, LedgerCache cache, IConfiguration configuration, ILogger<LedgerOverview> log)
{
    /// <summary>What one look returns: the rows of every studio of the programme and two orders over them.</summary>
    public sealed class View
    {
        public required RequirementDto[] Requirements { get; init; }
        public required LedgerStudio[] Studios { get; init; }
        /// <summary>One per studio, in the order of <see cref="Studios"/>.</summary>
        public required OverviewRow[] Rows { get; init; }
        /// <summary>Indexes into <see cref="Rows"/>: most missed first, then most at risk, then by name.</summary>
        public required int[] ByMissed { get; init; }
        /// <summary>Indexes into <see cref="Rows"/> by studio name (ordinal).</summary>
        public required int[] ByName { get; init; }
        internal LedgerStatus[] Unmet { get; init; } = [];
        internal DateOnly ReferenceDay { get; init; }
    }

    private sealed class State
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long LastUsedTicks;
        public long Catalogue = -1;
        /// <summary>The epoch the previous look raised to: changes stamped at or above it may be unseen.</summary>
        public long? Watermark;
        public RequirementDto[] Requirements = [];
        public LedgerService.YearPlan? Plan;
        public LedgerStudio[] Studios = [];
        public Dictionary<Guid, int> Index = [];
        public long[] Versions = [];
        public LedgerCache.Entry?[] Entries = [];
        /// <summary>Studios whose counts changed since the view was built; <c>AllDirty</c>: rebuild every row.</summary>
        public readonly HashSet<int> Dirty = [];
        public bool AllDirty = true;
        public View? View;
    }

    /// <summary>
    /// Studios counted per round trip here. Larger than <see cref="LedgerService.Batch"/> (which bounds the exports, whose
    /// facts carry titles): each query costs about the same for 2,000 studios as for 10,000, and these facts are small.
    /// </summary>
    public const int CountBatch = 10_000;

    private readonly ConcurrentDictionary<(Guid Programme, int Year, DateTimeOffset Horizon), State> states = new();
    private readonly int maxStates = configuration.GetValue("Ledger:OverviewViews", 16);

    /// <summary>
    /// The overview of a programme for a year as of <paramref name="asOf"/>; <paramref name="horizon"/> is the end of the
    /// period asked for, <paramref name="referenceDay"/> the local day whose period is each requirement's "current" one.
    /// </summary>
    public async Task<View> GetAsync(LedgerStore.ProgrammeInfo programme, int year, DateTimeOffset horizon, DateTimeOffset asOf, DateOnly referenceDay, CancellationToken ct)
    {
        var state = states.GetOrAdd((programme.Id, year, horizon), _ => new State());
        Volatile.Write(ref state.LastUsedTicks, Environment.TickCount64);
        if (states.Count > maxStates) Trim();
        await state.Gate.WaitAsync(ct);
        try
        {
            await RefreshAsync(state, programme, year, horizon, asOf, ct);
            var plan = state.Plan!;
            var unmet = plan.Cells.Select(c => LedgerService.UnmetStatus(c.Period, asOf)).ToArray();
            var view = state.View;
            if (view is null || view.ReferenceDay != referenceDay || !view.Unmet.AsSpan().SequenceEqual(unmet)) state.AllDirty = true;
            if (view is null || state.AllDirty || state.Dirty.Count > 0)
            {
                state.View = view = Build(state, programme, unmet, referenceDay, state.AllDirty ? null : view);
                state.AllDirty = false;
                state.Dirty.Clear();
            }
            return view;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Forgets the least recently used views beyond <c>Ledger:OverviewViews</c> (default 16; a view of 10,000 studios adds about 20 MB to the process, measured).</summary>
    private void Trim()
    {
        foreach (var (key, _) in states.OrderBy(e => Volatile.Read(ref e.Value.LastUsedTicks)).Take(states.Count - maxStates).ToList())
            states.TryRemove(key, out _);
    }

    private async Task RefreshAsync(State state, LedgerStore.ProgrammeInfo programme, int year, DateTimeOffset horizon, DateTimeOffset asOf, CancellationToken ct)
    {
        var watermark = await changes.RaiseEpochAsync(ct);
        await using (var snapshot = await store.SnapshotAsync(ct))
        {
            var conn = snapshot.Connection;
            var catalogue = await changes.CatalogueAsync(snapshot, ct);
            if (catalogue != state.Catalogue || state.Plan is null)
            {
                var requirements = await LedgerStore.RequirementsAsync(conn, programme.Id, ct);
                var plan = service.Plan(requirements, programme, year);
                var studios = await store.CatalogueAsync(conn, programme.Id, ct);
                var entries = new LedgerCache.Entry?[studios.Length];
                if (state.Plan?.Key == plan.Key)
                    for (var i = 0; i < studios.Length; i++)
                        if (state.Index.TryGetValue(studios[i].Id, out var k)) entries[i] = state.Entries[k];
                var unknown = Enumerable.Range(0, studios.Length).Where(i => entries[i] is null).ToArray();
                var stored = await cache.GetAsync(plan.Key, unknown.Select(i => studios[i].Id).ToArray(), horizon, ct);
                for (var k = 0; k < unknown.Length; k++)
                    if (stored[k]?.Actuals.Length == plan.Cells.Length) entries[unknown[k]] = stored[k]; // anything else is unreadable: count again
                (state.Requirements, state.Plan, state.Studios, state.Entries) = (requirements, plan, studios, entries);
                state.Index = studios.Select((s, i) => (s.Id, i)).ToDictionary(e => e.Id, e => e.i);
                state.Versions = studios.Select(s => s.LedgerVersion).ToArray();
                state.AllDirty = true;
            }
            else if (state.Watermark is { } since)
            {
                foreach (var (studioId, version) in await changes.VersionsChangedSinceAsync(snapshot, since, ct))
                    if (state.Index.TryGetValue(studioId, out var i)) state.Versions[i] = version;
            }

            var stale = new List<int>();
            for (var i = 0; i < state.Studios.Length; i++)
                if (state.Entries[i] is not { } e || e.Version != state.Versions[i] || e.AsOf > asOf || asOf >= e.ValidUntil) stale.Add(i);
            if (stale.Count > 0)
            {
                await CountAsync(conn, state, stale, horizon, asOf, ct);
                log.LogInformation("Ledger overview of programme {ProgrammeId} {Year}: {Stale} of {Studios} studios counted from the tables",
                    programme.Id, year, stale.Count, state.Studios.Length);
            }
            state.Watermark = watermark;
            state.Catalogue = catalogue;
        }

        if (state.Requirements.Any(LedgerService.IsUnversioned))
        {
            await using var conn = await store.OpenAsync(ct);
            await CountAttendanceAsync(conn, state, asOf, ct);
            state.AllDirty = true;
        }
    }

    /// <summary>Counts studios from the tables inside the caller's snapshot, keeps the counts and stores them in Redis.</summary>
    private async Task CountAsync(MySqlConnector.MySqlConnection conn, State state, List<int> stale, DateTimeOffset horizon, DateTimeOffset asOf, CancellationToken ct)
    {
        var plan = state.Plan!;
        var needs = LedgerService.Needs(state.Requirements.Where(r => !LedgerService.IsUnversioned(r)));
        foreach (var chunk in stale.Chunk(CountBatch))
        {
            var ids = chunk.Select(i => state.Studios[i].Id).ToArray();
            var (versions, facts, nextChange) = await store.SnapshotAsync(conn, ids, plan.Window(asOf), needs, ct);
            var index = LedgerService.Index(facts);
            var entries = new List<(Guid, LedgerCache.Entry)>(chunk.Length);
            foreach (var i in chunk)
            {
                var id = state.Studios[i].Id;
                var counts = service.Count(state.Requirements, plan, index.GetValueOrDefault(id) ?? LedgerService.StudioFacts.Empty, asOf, withEvidence: false);
                var entry = LedgerCache.Entry.Of(versions.GetValueOrDefault(id), asOf, nextChange.TryGetValue(id, out var next) ? next : DateTimeOffset.MaxValue, counts);
                state.Versions[i] = entry.Version;
                state.Entries[i] = entry;
                state.Dirty.Add(i);
                entries.Add((id, entry));
            }
            await cache.SetAsync(plan.Key, horizon, entries, ct);
        }
    }

    /// <summary>Attendance rates and training shares of every studio, counted now into fresh copies of the kept counts.</summary>
    private async Task CountAttendanceAsync(MySqlConnector.MySqlConnection conn, State state, DateTimeOffset asOf, CancellationToken ct)
    {
        var plan = state.Plan!;
        var attendance = LedgerService.Needs(state.Requirements.Where(LedgerService.IsUnversioned));
        foreach (var chunk in Enumerable.Range(0, state.Studios.Length).Chunk(CountBatch))
        {
            var index = LedgerService.Index(await store.FactsAsync(conn, chunk.Select(i => state.Studios[i].Id).ToArray(), plan.Window(asOf), attendance, withTitles: false, ct));
            foreach (var i in chunk)
            {
                var fresh = service.Count(state.Requirements, plan, index.GetValueOrDefault(state.Studios[i].Id) ?? LedgerService.StudioFacts.Empty, asOf, withEvidence: false);
                var actuals = (double[])state.Entries[i]!.Actuals.Clone(); // never change an array that may be shared
                foreach (var cell in plan.Cells.Select((c, k) => (c, k)).Where(e => LedgerService.IsUnversioned(e.c.Requirement)))
                    actuals[cell.k] = fresh.Actuals[cell.c.RequirementIndex][cell.c.PeriodIndex] ?? double.NaN;
                state.Entries[i] = state.Entries[i]! with { Actuals = actuals };
            }
        }
    }

    /// <summary>The rows and orders; with <paramref name="previous"/>, only the rows of <c>state.Dirty</c> are decided again.</summary>
    private View Build(State state, LedgerStore.ProgrammeInfo programme, LedgerStatus[] unmet, DateOnly referenceDay, View? previous)
    {
        var plan = state.Plan!;
        var cells = plan.Cells;
        var requirements = state.Requirements;
        var rows = previous is null ? new OverviewRow[state.Studios.Length] : (OverviewRow[])previous.Rows.Clone();
        var statuses = new LedgerStatus[cells.Length];
        foreach (var i in previous is null ? Enumerable.Range(0, rows.Length) : state.Dirty)
        {
            var studio = state.Studios[i];
            var actuals = state.Entries[i]!.Actuals;
            var (_, applicableFrom, cycleEnds) = service.Applicability(studio, programme);
            var totals = new int[LedgerStatusCounts.Kinds];
            for (var c = 0; c < cells.Length; c++)
            {
                var value = actuals[c];
                statuses[c] = LedgerService.StatusOf(cells[c].Requirement, cells[c].Period, double.IsNaN(value) ? null : value, applicableFrom, cycleEnds, unmet[c]);
                totals[(int)statuses[c]]++;
            }
            var perRequirement = new OverviewRequirementStatus[requirements.Length];
            for (var r = 0; r < requirements.Length; r++)
            {
                var (first, count) = plan.Offsets[r];
                var current = LedgerStatus.NotApplicable;
                var missed = 0;
                for (var c = first; c < first + count; c++)
                {
                    if (c == first || cells[c].Period.Period.Starts <= referenceDay) current = statuses[c];
                    if (statuses[c] == LedgerStatus.Missed) missed++;
                }
                perRequirement[r] = new OverviewRequirementStatus(requirements[r].Code, current, missed);
            }
            rows[i] = new OverviewRow
            {
                StudioId = studio.Id, StudioName = studio.Name, HostOrgUnitName = studio.HostOrgUnitName, Status = studio.Status, DistrictId = studio.DistrictId, DistrictName = studio.DistrictName,
                Missed = totals[(int)LedgerStatus.Missed], Totals = LedgerStatusCounts.Of(totals), Requirements = perRequirement,
            };
        }
        var byName = previous?.ByName ?? Enumerable.Range(0, rows.Length).ToArray(); // the catalogue comes sorted by name
        var rank = new int[rows.Length];
        for (var k = 0; k < byName.Length; k++) rank[byName[k]] = k;
        var byMissed = (int[])byName.Clone();
        Array.Sort(byMissed, (a, b) => rows[b].Missed != rows[a].Missed ? rows[b].Missed.CompareTo(rows[a].Missed)
            : rows[b].Totals.AtRisk != rows[a].Totals.AtRisk ? rows[b].Totals.AtRisk.CompareTo(rows[a].Totals.AtRisk)
            : rank[a].CompareTo(rank[b]));
        return new View
        {
            Requirements = requirements, Studios = state.Studios, Rows = rows, ByMissed = byMissed, ByName = byName,
            Unmet = unmet, ReferenceDay = referenceDay,
        };
    }
}
