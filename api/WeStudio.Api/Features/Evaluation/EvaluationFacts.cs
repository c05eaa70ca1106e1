using WeStudio.Api.Features.Achievements;
using WeStudio.Api.Features.Ledger;

namespace WeStudio.Api.Features.Evaluation;

/// <summary>
/// What WeStudio measures for a rubric's Data and Mixed items, from the ledger and the studio's records. Activity points come
/// from the one place issue 12 computes them: the ledger's scored line <c>activities-cycle</c> (<see cref="LedgerService.PointsOf"/>).
/// </summary>
public sealed class EvaluationFacts(LedgerService ledger, LedgerStore ledgerStore, EvaluationStore store, LedgerCalendar calendar)
{
    public async Task<Dictionary<string, DataValue>> ForAsync(Guid studioId, Rubric rubric, CancellationToken ct)
    {
        var keys = rubric.Items.Select(i => i.DataKey).OfType<string>().ToHashSet();
        var data = new Dictionary<string, DataValue>();
        if (keys.Count == 0) return data;
        LedgerStore.ProgrammeInfo programme;
        await using (var conn = await ledgerStore.OpenAsync(ct))
            programme = (await ledgerStore.StudioAsync(conn, studioId, ct)).Programme!;
        var today = calendar.DayOf(store.Clock.GetUtcNow());
        var cycleEnds = programme.StartsOn.AddYears(programme.CycleYears);
        var year = (today < cycleEnds ? today : cycleEnds.AddDays(-1)).Year;
        var studioLedger = await ledger.StudioLedgerAsync(studioId, year, ct);
        LedgerLine? Line(string code) => studioLedger?.Requirements.FirstOrDefault(r => r.Code == code);

        if (keys.Contains(Rubrics.Keys.ActivityPoints))
        {
            var cell = Line("activities-cycle")?.Cells.LastOrDefault();
            if (cell is not null)
                data[Rubrics.Keys.ActivityPoints] = new((decimal?)cell.Actual, (decimal?)cell.Points ?? 0,
                    $"{cell.Actual ?? 0:0} 次有主题、有通知、有简讯的活动（{cell.Period}）= {cell.Points ?? 0:0.##} 分",
                    cell.Evidence.Select(e => $"{e.Date:yyyy-MM-dd} {e.Title}").ToArray());
            else
            {
                // A rubric that shows activity counts for a programme whose rule set has no scored line: the build year's counted activities.
                var any = studioLedger?.Requirements.FirstOrDefault(r => r.Counts is RequirementCounts.ActivitiesWithNoticeAndBrief or RequirementCounts.Activities)?.Cells.LastOrDefault(c => c.Actual is not null);
                data[Rubrics.Keys.ActivityPoints] = new((decimal?)any?.Actual, null, any is null ? "台账无活动计数" : $"{any.Actual:0} 次活动（{any.Period}）",
                    any?.Evidence.Select(e => $"{e.Date:yyyy-MM-dd} {e.Title}").ToArray() ?? []);
            }
        }
        if (keys.Contains(Rubrics.Keys.TeamSize))
        {
            var cell = Line("team-size")?.Cells.LastOrDefault(c => c.Actual is not null && c.Starts <= today);
            data[Rubrics.Keys.TeamSize] = new((decimal?)cell?.Actual ?? 0, null, $"工作团队 {cell?.Actual ?? 0:0} 人（主持人、学员不计）", []);
        }
        if (keys.Overlaps([Rubrics.Keys.Trainees, Rubrics.Keys.Research, Rubrics.Keys.TraineeShare]))
        {
            var (leader, trainees, achievements) = await store.PeopleAndAchievementsAsync(studioId, programme.StartsOn.Year, cycleEnds.AddDays(-1).Year, ct);
            data[Rubrics.Keys.Trainees] = new(trainees.Length, null, $"学员 {trainees.Length} 人", trainees);
            static bool Named(EvaluationStore.AuthoredAchievement a, string? name) => !string.IsNullOrWhiteSpace(name) && a.Authors.Contains(name, StringComparison.Ordinal);
            static bool Counts(EvaluationStore.AuthoredAchievement a) => a.Form == nameof(AchievementForm.ResearchOutput)
                && (a.ResearchSubtype == nameof(ResearchSubtype.Monograph)
                    || a.ResearchSubtype == nameof(ResearchSubtype.Project) && Enum.Parse<AchievementLevel>(a.Level) >= AchievementLevel.City);
            var research = achievements.Where(Counts).ToArray();
            var byLeader = research.Where(a => Named(a, leader)).ToArray();
            var byTrainee = research.Where(a => trainees.Any(t => Named(a, t))).ToArray();
            var points = byLeader.Length > 0 && byTrainee.Length > 0 ? 10 : byLeader.Length > 0 || byTrainee.Length > 0 ? 7 : 0;
            data[Rubrics.Keys.Research] = new(byLeader.Length + byTrainee.Length, points,
                $"主持人 {(byLeader.Length > 0 ? "有" : "无")}、学员 {(byTrainee.Length > 0 ? "有" : "无")} 专著或市级及以上课题",
                byLeader.Concat(byTrainee).Distinct().Select(a => $"{a.Year} {a.Title}（{a.Authors}，{a.Level}）").ToArray());
            var published = achievements.Where(a => Enum.Parse<AchievementLevel>(a.Level) >= AchievementLevel.County).ToArray();
            var withOutput = trainees.Where(t => published.Any(a => Named(a, t))).ToArray();
            var share = trainees.Length == 0 ? 0 : Math.Round((decimal)withOutput.Length / trainees.Length, 3);
            data[Rubrics.Keys.TraineeShare] = new(share, null, $"{withOutput.Length}/{trainees.Length} 名学员有县级及以上成果（{share:P0}）", withOutput);
        }
        return data;
    }
}
