using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Tests.Infrastructure;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Features.WeChat;

/// <summary>The sandbox itself, over HTTP as WeChat would be called: its rules, its recording and its faults.</summary>
public sealed class WeChatSandboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ManualClock clock = new(Start);
    private readonly SandboxHost sandbox;
    private readonly HttpClient http;

    public WeChatSandboxTests()
    {
        sandbox = new SandboxHost(b => b.Services.AddSingleton<TimeProvider>(clock));
        http = sandbox.Control;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => sandbox.DisposeAsync().AsTask();

    [Fact]
    public async Task StableTokenReturnsTheSameTokenWhileItIsValid()
    {
        var first = await StableTokenAsync();
        clock.Advance(TimeSpan.FromHours(1));
        var second = await StableTokenAsync();

        Assert.Equal(Text(first, "access_token"), Text(second, "access_token"));
        Assert.Equal(7200, first.GetProperty("expires_in").GetInt32());
        Assert.Equal(3600, second.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task StableTokenIsRenewedFiveMinutesBeforeItExpiresAndTheOldOneStaysValidUntilThen()
    {
        var old = Text(await StableTokenAsync(), "access_token");
        clock.Advance(TimeSpan.FromSeconds(7200 - 299));

        var renewed = Text(await StableTokenAsync(), "access_token");

        Assert.NotEqual(old, renewed);
        Assert.Equal(0, ErrCode(await QuotaAsync(old)));
        clock.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal(42001, ErrCode(await QuotaAsync(old)));
        Assert.Equal(0, ErrCode(await QuotaAsync(renewed)));
    }

    [Fact]
    public async Task ForceRefreshIssuesANewTokenAndInvalidatesTheOldOne()
    {
        var old = Text(await StableTokenAsync(), "access_token");

        var fresh = Text(await StableTokenAsync(force: true), "access_token");

        Assert.NotEqual(old, fresh);
        Assert.Equal(40001, ErrCode(await QuotaAsync(old)));
        Assert.Equal(0, ErrCode(await QuotaAsync(fresh)));
        Assert.Equal(fresh, Text(await StableTokenAsync(), "access_token"));
    }

    [Fact]
    public async Task ForceRefreshIsAllowedOnlyThirtySecondsApartAndTwentyTimesADay()
    {
        Assert.Equal(0, ErrCode(await StableTokenAsync(force: true)));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(45011, ErrCode(await StableTokenAsync(force: true)));

        for (var i = 1; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(31));
            Assert.Equal(0, ErrCode(await StableTokenAsync(force: true)));
        }
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(45009, ErrCode(await StableTokenAsync(force: true)));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, ErrCode(await StableTokenAsync(force: true)));
    }

    [Fact]
    public async Task PlainTokenReplacesThePreviousOneAfterFiveMinutes()
    {
        var old = Text(await GetJsonAsync(TokenUrl()), "access_token");
        var fresh = Text(await GetJsonAsync(TokenUrl()), "access_token");

        Assert.NotEqual(old, fresh);
        Assert.Equal(0, ErrCode(await QuotaAsync(old)));
        clock.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal(40001, ErrCode(await QuotaAsync(old)));
        Assert.Equal(0, ErrCode(await QuotaAsync(fresh)));
        clock.Advance(TimeSpan.FromSeconds(7200));
        Assert.Equal(42001, ErrCode(await QuotaAsync(fresh)));
    }

    [Fact]
    public async Task ExpireEndpointMakesEveryTokenAnswer42001()
    {
        var token = Text(await StableTokenAsync(), "access_token");

        (await http.PostAsync("/sandbox/tokens/expire", null)).EnsureSuccessStatusCode();

        Assert.Equal(42001, ErrCode(await QuotaAsync(token)));
        Assert.NotEqual(token, Text(await StableTokenAsync(), "access_token"));
    }

    [Theory]
    [InlineData(null, 41001)]
    [InlineData("", 41001)]
    [InlineData("never-issued", 40001)]
    public async Task EndpointsTakingAnAccessTokenRefuseAMissingOrUnknownOne(string? token, int errcode)
    {
        Assert.Equal(errcode, ErrCode(await QuotaAsync(token)));
    }

    [Theory]
    [InlineData("wx_other", "sandbox-secret", "client_credential", 40013)]
    [InlineData("", "sandbox-secret", "client_credential", 41002)]
    [InlineData("wx_sandbox_appid", "wrong", "client_credential", 40125)]
    [InlineData("wx_sandbox_appid", "", "client_credential", 41004)]
    [InlineData("wx_sandbox_appid", "sandbox-secret", "authorization_code", 40002)]
    public async Task TokenEndpointsRefuseAWrongAppSecretOrGrantType(string appid, string secret, string grantType, int errcode)
    {
        var plain = await GetJsonAsync($"/cgi-bin/token?grant_type={grantType}&appid={appid}&secret={secret}");
        var stable = await PostJsonAsync("/cgi-bin/stable_token", new { grant_type = grantType, appid, secret });

        Assert.Equal(errcode, ErrCode(plain));
        Assert.Equal(errcode, ErrCode(stable));
        Assert.Contains(" rid: ", Text(stable, "errmsg"));
    }

    [Fact]
    public async Task StableTokenRefusesABodyThatIsNotJsonAndAGet()
    {
        using var content = new StringContent("grant_type=client_credential");
        var notJson = await (await http.PostAsync("/cgi-bin/stable_token", content)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(47001, ErrCode(notJson));
        Assert.Equal(43002, ErrCode(await GetJsonAsync("/cgi-bin/stable_token")));
    }

    [Theory]
    [InlineData("wx_other", "sandbox-secret", "authorization_code", "sandbox:alice", 40013)]
    [InlineData("wx_sandbox_appid", "wrong", "authorization_code", "sandbox:alice", 40125)]
    [InlineData("wx_sandbox_appid", "sandbox-secret", "client_credential", "sandbox:alice", 40002)]
    [InlineData("wx_sandbox_appid", "sandbox-secret", "authorization_code", "", 41008)]
    [InlineData("wx_sandbox_appid", "sandbox-secret", "authorization_code", "081aBc000xYz", 40029)]
    public async Task LoginRefusesAWrongAppSecretGrantTypeOrCode(string appid, string secret, string grantType, string code, int errcode)
    {
        var answer = await GetJsonAsync($"/sns/jscode2session?appid={appid}&secret={secret}&js_code={Uri.EscapeDataString(code)}&grant_type={grantType}");

        Assert.Equal(errcode, ErrCode(answer));
    }

    [Fact]
    public async Task RefusedLoginDoesNotSpendTheCode()
    {
        await GetJsonAsync("/sns/jscode2session?appid=wx_sandbox_appid&secret=wrong&js_code=sandbox:alice&grant_type=authorization_code");

        var answer = await GetJsonAsync("/sns/jscode2session?appid=wx_sandbox_appid&secret=sandbox-secret&js_code=sandbox:alice&grant_type=authorization_code");

        Assert.Equal(LoginApi.OpenId("wx_sandbox_appid", "alice"), Text(answer, "openid"));
    }

    [Fact]
    public async Task CallsAreRecordedWithTheirErrCodeAndWithoutTheSecret()
    {
        await GetJsonAsync("/sns/jscode2session?appid=wx_sandbox_appid&secret=sandbox-secret&js_code=sandbox:alice&grant_type=authorization_code");
        await GetJsonAsync("/sns/jscode2session?appid=wx_sandbox_appid&secret=sandbox-secret&js_code=sandbox:alice&grant_type=authorization_code");
        await StableTokenAsync();

        var logins = (await http.GetFromJsonAsync<JsonElement[]>("/sandbox/calls?path=/sns/jscode2session"))!;
        var all = (await http.GetFromJsonAsync<JsonElement[]>("/sandbox/calls"))!;

        Assert.Equal([0, 40163], logins.Select(ErrCode));
        Assert.Equal("sandbox:alice", logins[0].GetProperty("query").GetProperty("js_code").GetString());
        Assert.False(logins[0].GetProperty("query").TryGetProperty("secret", out _));
        Assert.Equal(3, all.Length);
        var stable = all[2];
        Assert.Equal("POST", Text(stable, "method"));
        Assert.Equal("wx_sandbox_appid", stable.GetProperty("body").GetProperty("appid").GetString());
        Assert.False(stable.GetProperty("body").TryGetProperty("secret", out _));
        Assert.Equal(Start, stable.GetProperty("at").GetDateTimeOffset());
        Assert.DoesNotContain("sandbox-secret", JsonSerializer.Serialize(all));
    }

    [Fact]
    public async Task DeletingCallsForgetsThem()
    {
        await StableTokenAsync();

        (await http.DeleteAsync("/sandbox/calls")).EnsureSuccessStatusCode();

        Assert.Empty(sandbox.State.Calls());
    }

    [Fact]
    public async Task FaultIsAnsweredTheGivenNumberOfTimesThenTheEndpointAnswersAgain()
    {
        (await http.PostAsJsonAsync("/sandbox/faults", new { path = "cgi-bin/stable_token", errcode = -1, times = 2 })).EnsureSuccessStatusCode();

        var answers = new List<JsonElement>();
        for (var i = 0; i < 3; i++) answers.Add(await StableTokenAsync());

        Assert.Equal([-1, -1, 0], answers.Select(ErrCode));
        Assert.Equal([-1, -1, 0], sandbox.State.Calls("/cgi-bin/stable_token").Select(c => c.ErrCode));
    }

    [Fact]
    public async Task DeletingFaultsDropsThePendingOnes()
    {
        (await http.PostAsJsonAsync("/sandbox/faults", new { path = "/cgi-bin/stable_token", errcode = 45009, times = 3 })).EnsureSuccessStatusCode();

        (await http.DeleteAsync("/sandbox/faults")).EnsureSuccessStatusCode();

        Assert.Equal(0, ErrCode(await StableTokenAsync()));
    }

    [Fact]
    public async Task FaultWithoutPathOrErrCodeIsRefused()
    {
        var response = await http.PostAsJsonAsync("/sandbox/faults", new { path = "", errcode = 0, times = 0 });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("path", out _) && errors.TryGetProperty("errcode", out _) && errors.TryGetProperty("times", out _));
    }

    [Fact]
    public async Task SandboxKnowsTheAppItIsConfiguredWith()
    {
        await using var other = new SandboxHost(b =>
        {
            b.Configuration["Sandbox:AppId"] = "wx_other_app";
            b.Configuration["Sandbox:AppSecret"] = "other-secret";
        });

        var answer = await other.Control.PostAsJsonAsync("/cgi-bin/stable_token", new { grant_type = "client_credential", appid = "wx_other_app", secret = "other-secret" });

        Assert.Equal("wx_other_app", other.AppId);
        Assert.Equal(0, ErrCode(await answer.Content.ReadFromJsonAsync<JsonElement>()));
    }

    private static string TokenUrl() => "/cgi-bin/token?grant_type=client_credential&appid=wx_sandbox_appid&secret=sandbox-secret";

    private Task<JsonElement> StableTokenAsync(bool force = false) =>
        PostJsonAsync("/cgi-bin/stable_token", new { grant_type = "client_credential", appid = "wx_sandbox_appid", secret = "sandbox-secret", force_refresh = force });

    private Task<JsonElement> QuotaAsync(string? token) =>
        PostJsonAsync(token is null ? "/cgi-bin/openapi/quota/get" : $"/cgi-bin/openapi/quota/get?access_token={token}", new { cgi_path = "/cgi-bin/stable_token" });

    private async Task<JsonElement> PostJsonAsync(string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int ErrCode(JsonElement answer) => answer.TryGetProperty("errcode", out var code) ? code.GetInt32() : 0;

    private static string Text(JsonElement answer, string name) => answer.GetProperty(name).GetString()!;
}
