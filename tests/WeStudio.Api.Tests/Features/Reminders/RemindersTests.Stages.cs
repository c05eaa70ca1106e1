using WeStudio.Api.Features.Evaluation;
using WeStudio.Api.Tests.Features.Evaluation;
using WeStudio.Api.Tests.Features.Ledger;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>The studio-stage reminders (issues 13 and 14) through the same outbox and dispatcher.</summary>
public sealed partial class RemindersTests
{
    private const string FeedbackTemplate = "sandbox-sub-studio-feedback";

    [Fact]
    public async Task TheLeaderIsRemindedOnceOfEachWritingOfTheCommitteesFeedback()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-09-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PartyBuildingMaster", members: 1, licensedOn: "2026-01-01");
        var round = await w.Admin.RoundAsync(w.ProgrammeId, "MidTerm", Rubrics.LiuzhouMidTerm);
        await AcceptAsync(w.Leader, FeedbackTemplate, times: 2);
        var feedbackUrl = $"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/feedback";

        (await w.Admin.Client.PutJsonAsync(feedbackUrl, new { body = "请补齐月度研讨记录，完善佐证材料。" })).EnsureSuccessStatusCode();
        await DispatchAsync();
        await DispatchAsync();

        var leaderOpenId = await OpenIdAsync(w.Leader.Id);
        var message = Assert.Single(Messages.Messages(leaderOpenId), m => m.TemplateId == FeedbackTemplate);
        Assert.Equal("subscribe", message.Channel);
        Assert.Equal($"pages/studio/evaluation?studioId={w.StudioId}", message.Page);
        Assert.Equal("评估反馈意见已发布，请查阅", message.Data["thing2"]);
        Assert.InRange(message.Data["thing1"].Length, 1, 20); // thing: at most 20 characters (TemplateFields)
        var row = Assert.Single(await RowsAsync(round.Id));
        Assert.Equal(("EvaluationFeedback", w.Leader.Id, "Sent", "Subscribe"), (row.Kind, row.RecipientId, row.Status, row.Channel));
        Assert.Equal(1, await CreditsAsync(w.Leader.Id, FeedbackTemplate));
        // Members are not told; a rewrite (which clears the acknowledgement) is a new occasion and reminds again.
        Assert.DoesNotContain(Messages.Messages(await OpenIdAsync(w.Members[0].Id)), m => m.TemplateId == FeedbackTemplate);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        (await w.Admin.Client.PutJsonAsync(feedbackUrl, new { body = "请补齐月度研讨记录。" })).EnsureSuccessStatusCode();
        await DispatchAsync();
        Assert.Equal(2, Messages.Messages(leaderOpenId).Count(m => m.TemplateId == FeedbackTemplate));
        Assert.Equal(2, (await RowsAsync(round.Id)).Count(r => r.Status == "Sent"));
    }
}
