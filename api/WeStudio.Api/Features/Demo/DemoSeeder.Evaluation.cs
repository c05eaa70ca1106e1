using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Evaluation;

namespace WeStudio.Api.Features.Demo;

/// <summary>
/// The evaluation in the demo (issue 14): an open mid-term round (中期进展评估, Liuzhou checklist) of the Liuzhou demo programme,
/// the expert 周建国 (sandbox name <c>zhou.jianguo</c>) appointed to it, 覃美玲's summary submitted, and the expert's sheet
/// half-scored (two of three lines checked, the 专题汇报 still to hear). Through the store the endpoints use; idempotent.
/// </summary>
public sealed partial class DemoSeeder
{
    public const string MidTermRoundTitle = "2025年度中期进展评估";

    /// <summary>考核评估组专家: a WeChat user the committee appoints to evaluate.</summary>
    public static readonly (string SandboxName, string DisplayName)[] Evaluators = [("zhou.jianguo", "周建国")];

    private async Task SeedEvaluationAsync(MySqlConnection conn, Guid programmeId, Guid studioId, Guid leaderId, Guid expertId, CancellationToken ct)
    {
        const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM evaluation_rounds WHERE programme_id = @programmeId AND title = @title)";
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(ExistsSql, new { programmeId, title = MidTermRoundTitle }, cancellationToken: ct))) return;
        var now = clock.GetUtcNow();
        var adminId = await conn.QuerySingleAsync<Guid>(new CommandDefinition("SELECT id FROM admins WHERE username = @u", new { u = AdminUsername }, cancellationToken: ct));
        var round = await evaluations.CreateRoundAsync(programmeId, EvaluationKind.MidTerm, Rubrics.LiuzhouMidTerm, MidTermRoundTitle,
            now.AddDays(-7), now.AddDays(30), Rubrics.LiuzhouMidTermChecklist.Materials, adminId, ct);
        await evaluations.AppointAsync(round.Id, expertId, adminId, ct);
        await evaluations.SaveMaterialAsync(round.Id, studioId, "summary",
            $"{StudioName}中期进展工作总结：一年来，工作室围绕“党建+教育”主线，按月开展党建专题研讨，每学期召开专题研讨会，培养骨干教师，" +
            "开展结对帮扶；下一步将完善研究课题，扩大示范辐射。", leaderId, ct);
        await evaluations.SaveEntriesAsync(round.Id, studioId, expertId,
        [
            new ScoreEntry("written-report", Passed: true, Comment: "总结按时报送，内容完整"),
            new ScoreEntry("materials-reviewed", Passed: true, Comment: "台账与佐证材料齐全"),
        ], ct);
    }
}
