using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.WeChat;

/// <summary>The sandbox's subscribe/send and template/send: WeChat's checks, consent and followers, and what it delivered.</summary>
public sealed class WeChatSandboxMessagesTests : IAsyncLifetime
{
    private const string Subscribe = "/cgi-bin/message/subscribe/send";
    private const string Template = "/cgi-bin/message/template/send";
    private const string UpcomingTemplate = "sandbox-sub-activity-upcoming";

    private readonly SandboxHost sandbox = new();
    private string token = "";

    public async Task InitializeAsync()
    {
        var answer = await PostAsync("/cgi-bin/stable_token", new { grant_type = "client_credential", appid = sandbox.AppId, secret = sandbox.AppSecret });
        token = answer.GetProperty("access_token").GetString()!;
    }

    public Task DisposeAsync() => sandbox.DisposeAsync().AsTask();

    private static Dictionary<string, object> Data(string thing1 = "月度党建专题研讨", string time2 = "2026年11月22日 15:00") => new()
    {
        ["thing1"] = new { value = thing1 }, ["time2"] = new { value = time2 }, ["thing3"] = new { value = "景行小学" }, ["thing4"] = new { value = "工作室" },
    };

    [Fact]
    public async Task AValidSubscribeMessageIsDeliveredAndListed()
    {
        var answer = await SendAsync(Subscribe, new { touser = "o-member", template_id = UpcomingTemplate, page = "pages/index", data = Data() });

        Assert.Equal(0, ErrCode(answer));
        var listed = await (await sandbox.Control.GetAsync("/sandbox/messages?touser=o-member")).Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(listed.EnumerateArray());
        Assert.Equal(answer.GetProperty("msgid").GetInt64(), message.GetProperty("msgid").GetInt64());
        Assert.Equal("月度党建专题研讨", message.GetProperty("data").GetProperty("thing1").GetString());
    }

    [Fact]
    public async Task AnUnknownTemplateIs40037()
    {
        Assert.Equal(40037, ErrCode(await SendAsync(Subscribe, new { touser = "o-member", template_id = "nope", data = Data() })));
    }

    [Theory]
    [InlineData("thing1", "一二三四五六七八九十一二三四五六七八九十一", "data.thing1.value")]
    [InlineData("thing1", "", "data.thing1.value is empty")]
    [InlineData("thing1", "两行\n文字", "line break")]
    [InlineData("time2", "明天下午", "data.time2.value")]
    public async Task AFieldOverItsTypesLimitIs47003NamingTheField(string key, string value, string message)
    {
        var data = Data();
        data[key] = new { value };

        var answer = await SendAsync(Subscribe, new { touser = "o-member", template_id = UpcomingTemplate, data });

        Assert.Equal(47003, ErrCode(answer));
        Assert.Contains(message, answer.GetProperty("errmsg").GetString());
        Assert.Empty(sandbox.Messages.Messages(null));
    }

    [Fact]
    public async Task CreditsItIsToldAboutAreSpentThen43101()
    {
        (await sandbox.Control.PostAsJsonAsync("/sandbox/consents", new { touser = "o-member", templateId = UpcomingTemplate, credits = 1 })).EnsureSuccessStatusCode();

        Assert.Equal(0, ErrCode(await SendAsync(Subscribe, new { touser = "o-member", template_id = UpcomingTemplate, data = Data() })));
        Assert.Equal(43101, ErrCode(await SendAsync(Subscribe, new { touser = "o-member", template_id = UpcomingTemplate, data = Data() })));
        Assert.Single(sandbox.Messages.Messages("o-member"));
    }

    [Fact]
    public async Task StrictConsentRefusesUsersItWasNotToldAbout()
    {
        (await sandbox.Control.PostAsJsonAsync("/sandbox/switches", new { strictConsent = true, strictFollowing = false })).EnsureSuccessStatusCode();
        Assert.Equal(43101, ErrCode(await SendAsync(Subscribe, new { touser = "o-stranger", template_id = UpcomingTemplate, data = Data() })));
    }

    [Fact]
    public async Task TemplateMessagesNeedAFollowerAndAreDeduplicatedByClientMsgId()
    {
        (await sandbox.Control.PostAsJsonAsync("/sandbox/followers", new { touser = "oa-gone", following = false })).EnsureSuccessStatusCode();
        var body = new
        {
            touser = "oa-follower", template_id = "sandbox-oa-activity", miniprogram = new { appid = sandbox.AppId, pagepath = "pages/index" },
            data = Data(), client_msg_id = "reminder-1",
        };

        var first = await SendAsync(Template, body);
        var again = await SendAsync(Template, body);
        var notFollowing = await SendAsync(Template, new { touser = "oa-gone", template_id = "sandbox-oa-activity", data = Data() });

        Assert.Equal(first.GetProperty("msgid").GetInt64(), again.GetProperty("msgid").GetInt64());
        Assert.Equal("pages/index", Assert.Single(sandbox.Messages.Messages("oa-follower")).Page);
        Assert.Equal(43004, ErrCode(notFollowing));
    }

    [Fact]
    public async Task InjectedTransientFaultsAnswerBeforeTheChecks()
    {
        await sandbox.InjectFaultAsync(Subscribe, -1, 1);
        await sandbox.InjectFaultAsync(Subscribe, 45009, 1);

        Assert.Equal(-1, ErrCode(await SendAsync(Subscribe, new { touser = "o-member", template_id = UpcomingTemplate, data = Data() })));
        Assert.Equal(45009, ErrCode(await SendAsync(Subscribe, new { touser = "o-member", template_id = UpcomingTemplate, data = Data() })));
        Assert.Equal(0, ErrCode(await SendAsync(Subscribe, new { touser = "o-member", template_id = UpcomingTemplate, data = Data() })));
    }

    [Fact]
    public async Task AMissingAccessTokenIs41001()
    {
        Assert.Equal(41001, ErrCode(await PostAsync(Subscribe, new { touser = "o-member", template_id = UpcomingTemplate, data = Data() })));
    }

    private Task<JsonElement> SendAsync(string path, object body) => PostAsync($"{path}?access_token={token}", body);

    private async Task<JsonElement> PostAsync(string url, object body)
    {
        using var response = await sandbox.Control.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int ErrCode(JsonElement answer) => answer.TryGetProperty("errcode", out var code) ? code.GetInt32() : 0;
}
