using System.Globalization;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace WeStudio.WeChatSandbox;

/// <summary>One follower of the sandbox's official account: the account's openid, the unionid (null when generated without), following or not, since when (Unix seconds).</summary>
public sealed record OfficialAccountFollower(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("unionid")] string? UnionId,
    [property: JsonPropertyName("subscribe")] bool Subscribed,
    [property: JsonPropertyName("subscribe_time")] long SubscribeTime);

/// <summary>Generate <c>count</c> followers named <c>{prefix}-00001</c>…; <c>withUnionId</c> false: as if the account were not bound to the Open Platform.</summary>
public sealed record GenerateFollowersRequest(int Count, string? Prefix, bool WithUnionId = true);

/// <summary>A sandbox user (the <c>name</c> of <c>sandbox:&lt;name&gt;</c> codes) who follows or unfollows the account; <c>push</c> false: no event pushed.</summary>
public sealed record FollowRequest(string? Name, bool Push = true);

/// <summary>
/// The official account's followers (WECHAT.md "Official-account followers"), in memory, in the order they first followed.
/// An account openid is <see cref="LoginApi.OpenId"/> of <c>Sandbox:OfficialAccountAppId</c> and the name — so it differs
/// from the same person's mini-program openid — and the unionid is the name's, the same as at login. Followers
/// are also told to <see cref="MessageState"/>, so template messages to a non-follower answer 43004.
/// </summary>
public sealed class OfficialAccountState(TimeProvider clock, IOptions<SandboxOptions> options, MessageState messages)
{
    private readonly Lock gate = new();
    private readonly List<OfficialAccountFollower> order = [];
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private (long Minute, int Calls) window;

    /// <summary>The account openid of a sandbox user's name.</summary>
    public string OpenIdOf(string name) => LoginApi.OpenId(options.Value.OfficialAccountAppId, name);

    /// <summary>Follows (again) and returns the follower; <c>subscribe_time</c> is now.</summary>
    public OfficialAccountFollower Subscribe(string name, bool withUnionId = true)
    {
        lock (gate)
        {
            var follower = new OfficialAccountFollower(name, OpenIdOf(name), withUnionId ? LoginApi.UnionId(name) : null, true, clock.GetUtcNow().ToUnixTimeSeconds());
            Put(follower);
            return follower;
        }
    }

    /// <summary>Stops following; null when the name never followed.</summary>
    public OfficialAccountFollower? Unsubscribe(string name)
    {
        lock (gate)
        {
            if (!index.TryGetValue(OpenIdOf(name), out var i)) return null;
            var follower = order[i] with { Subscribed = false };
            Put(follower);
            return follower;
        }
    }

    /// <summary>Adds <paramref name="count"/> following users <c>{prefix}-00001</c>…; returns how many follow now.</summary>
    public int Generate(int count, string prefix, bool withUnionId)
    {
        lock (gate)
        {
            var since = clock.GetUtcNow().ToUnixTimeSeconds();
            for (var i = 1; i <= count; i++)
            {
                var name = $"{prefix}-{i.ToString("D5", CultureInfo.InvariantCulture)}";
                Put(new OfficialAccountFollower(name, OpenIdOf(name), withUnionId ? LoginApi.UnionId(name) : null, true, since - i));
            }
            return order.Count(f => f.Subscribed);
        }
    }

    public OfficialAccountFollower? Find(string openId)
    {
        lock (gate) return index.TryGetValue(openId, out var i) ? order[i] : null;
    }

    /// <summary>
    /// user/get: up to <paramref name="max"/> following openids after <paramref name="nextOpenId"/> (from the start when empty),
    /// the total following, and the last openid of the page (empty when the page is empty). Null when
    /// <paramref name="nextOpenId"/> is not an openid of the account (40003).
    /// </summary>
    public (int Total, string[] OpenIds, string Next)? Page(string? nextOpenId, int max)
    {
        lock (gate)
        {
            var start = 0;
            if (!string.IsNullOrEmpty(nextOpenId))
            {
                if (!index.TryGetValue(nextOpenId, out var at)) return null;
                start = at + 1;
            }
            var page = new List<string>(Math.Min(max, order.Count));
            for (var i = start; i < order.Count && page.Count < max; i++)
                if (order[i].Subscribed) page.Add(order[i].OpenId);
            return (order.Count(f => f.Subscribed), page.ToArray(), page.Count > 0 ? page[^1] : "");
        }
    }

    /// <summary>Counts a call to the user APIs in the current minute (sandbox clock); false past <c>Sandbox:OfficialAccountCallsPerMinute</c> (45011).</summary>
    public bool TryCountCall()
    {
        var limit = options.Value.OfficialAccountCallsPerMinute;
        if (limit <= 0) return true;
        lock (gate)
        {
            var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
            window = window.Minute == minute ? (minute, window.Calls + 1) : (minute, 1);
            return window.Calls <= limit;
        }
    }

    private void Put(OfficialAccountFollower follower)
    {
        if (index.TryGetValue(follower.OpenId, out var i)) order[i] = follower;
        else
        {
            index[follower.OpenId] = order.Count;
            order.Add(follower);
        }
        messages.SetFollower(follower.OpenId, follower.Subscribed);
    }
}

/// <summary>
/// The official account's user APIs (WECHAT.md "Official-account followers"), each behind <c>?access_token=</c>
/// (41001/40001/42001) and the optional minute quota (45011):
/// <c>GET /cgi-bin/user/info?openid=&amp;lang=</c> → the follower (<c>subscribe: 0</c> and nothing else for one who left;
/// 40003 for an openid the account never saw); <c>POST /cgi-bin/user/info/batchget {user_list:[{openid, lang?}]}</c>, 1–100
/// entries (47001 otherwise [sandbox choice: WeChat's code for a longer list is undocumented], 40003 for an unknown openid)
/// → <c>{user_info_list}</c>; <c>GET /cgi-bin/user/get?next_openid=</c> → <c>{total, count, data:{openid:[…]}, next_openid}</c>,
/// at most 10,000 per page, <c>count</c> 0 (no <c>data</c>) after the last (40003 for an unknown <c>next_openid</c>).
/// Control: <c>POST /sandbox/official-account/followers {count, prefix, withUnionId}</c> generates followers,
/// <c>POST /sandbox/official-account/subscribe {name, push}</c> and <c>…/unsubscribe</c> follow/unfollow as that sandbox user and
/// push the <c>subscribe</c>/<c>unsubscribe</c> event (XML) to <c>Sandbox:OfficialAccountPushUrl</c> signed with the account's
/// Token (and AES key in aes mode), <c>GET /sandbox/official-account/followers/{name}</c> shows one.
/// </summary>
public static class OfficialAccountApi
{
    /// <summary>WeChat's page size of user/get.</summary>
    public const int PageSize = 10_000;

    /// <summary>WeChat's limit of user/info/batchget.</summary>
    public const int BatchLimit = 100;

    public static IEndpointRouteBuilder MapOfficialAccount(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cgi-bin/user/info", UserInfo).RequireAccessToken().WithName("user_info");
        routes.MapPost("/cgi-bin/user/info/batchget", BatchGetAsync).RequireAccessToken().WithName("user_info_batchget");
        routes.MapGet("/cgi-bin/user/get", UserGet).RequireAccessToken().WithName("user_get");

        var sandbox = routes.MapGroup("/sandbox/official-account").WithTags("Sandbox");
        sandbox.MapPost("/followers", (GenerateFollowersRequest r, OfficialAccountState s) =>
        {
            if (r.Count is < 1 or > 200_000) return Results.ValidationProblem(new Dictionary<string, string[]> { ["count"] = ["count is between 1 and 200000."] });
            var following = s.Generate(r.Count, string.IsNullOrWhiteSpace(r.Prefix) ? "fan" : r.Prefix.Trim(), r.WithUnionId);
            return Results.Ok(new { following });
        });
        sandbox.MapGet("/followers/{name}", (string name, OfficialAccountState s) =>
            s.Find(s.OpenIdOf(name)) is { } f ? Results.Ok(f) : Results.NotFound());
        sandbox.MapPost("/subscribe", (FollowRequest r, OfficialAccountState s, PushDelivery d, IOptions<SandboxOptions> o) => FollowAsync(r, true, s, d, o.Value));
        sandbox.MapPost("/unsubscribe", (FollowRequest r, OfficialAccountState s, PushDelivery d, IOptions<SandboxOptions> o) => FollowAsync(r, false, s, d, o.Value));
        return routes;
    }

    private static IResult UserInfo(string? openid, OfficialAccountState state)
    {
        if (!state.TryCountCall()) return WeChatErrors.Reply(45011);
        if (string.IsNullOrEmpty(openid) || state.Find(openid) is not { } follower) return WeChatErrors.Reply(40003);
        return WeChatErrors.Ok(Info(follower));
    }

    private static async Task<IResult> BatchGetAsync(HttpRequest request, OfficialAccountState state)
    {
        if (!state.TryCountCall()) return WeChatErrors.Reply(45011);
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return WeChatErrors.Reply(47001);
        }
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("user_list", out var list) || list.ValueKind != JsonValueKind.Array
            || list.GetArrayLength() is 0 or > BatchLimit)
            return WeChatErrors.Reply(47001);
        var infos = new List<object>();
        foreach (var item in list.EnumerateArray())
        {
            var openid = item.ValueKind == JsonValueKind.Object ? TokenApi.Text(item, "openid") : null;
            if (string.IsNullOrEmpty(openid) || state.Find(openid) is not { } follower) return WeChatErrors.Reply(40003, $"invalid openid {openid}");
            infos.Add(Info(follower));
        }
        return WeChatErrors.Ok(new { user_info_list = infos });
    }

    private static IResult UserGet([Microsoft.AspNetCore.Mvc.FromQuery(Name = "next_openid")] string? nextOpenId, OfficialAccountState state)
    {
        if (!state.TryCountCall()) return WeChatErrors.Reply(45011);
        if (state.Page(nextOpenId, PageSize) is not { } page) return WeChatErrors.Reply(40003);
        return page.OpenIds.Length == 0
            ? WeChatErrors.Ok(new { total = page.Total, count = 0, next_openid = "" })
            : WeChatErrors.Ok(new { total = page.Total, count = page.OpenIds.Length, data = new { openid = page.OpenIds }, next_openid = page.Next });
    }

    /// <summary>user/info's object: everything for a follower, only <c>subscribe: 0</c> and the openid for one who left (WECHAT.md).</summary>
    private static object Info(OfficialAccountFollower f) => f.Subscribed
        ? new Dictionary<string, object?>
        {
            ["subscribe"] = 1, ["openid"] = f.OpenId, ["language"] = "zh_CN", ["subscribe_time"] = f.SubscribeTime,
            ["unionid"] = f.UnionId, ["remark"] = "", ["groupid"] = 0, ["tagid_list"] = Array.Empty<int>(),
            ["subscribe_scene"] = "ADD_SCENE_SEARCH", ["qr_scene"] = 0, ["qr_scene_str"] = "",
        }.Where(p => p.Value is not null).ToDictionary()
        : new Dictionary<string, object?> { ["subscribe"] = 0, ["openid"] = f.OpenId, ["tagid_list"] = Array.Empty<int>() };

    private static async Task<IResult> FollowAsync(FollowRequest request, bool subscribe, OfficialAccountState state, PushDelivery delivery, SandboxOptions o)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Contains(':'))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["The sandbox user's name (as in sandbox:<name> codes) is required."] });
        var follower = subscribe ? state.Subscribe(request.Name) : state.Unsubscribe(request.Name);
        if (follower is null) return Results.NotFound();
        PushRecord? push = null;
        if (request.Push)
        {
            var eventName = subscribe ? "subscribe" : "unsubscribe";
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var xml = $"<xml><ToUserName><![CDATA[gh_sandbox_oa]]></ToUserName><FromUserName><![CDATA[{SecurityElement.Escape(follower.OpenId)}]]></FromUserName>"
                + $"<CreateTime>{now}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event><EventKey><![CDATA[]]></EventKey></xml>";
            var account = new PushAccount(delivery.OfficialAccountPushUrl ?? o.OfficialAccountPushUrl, o.OfficialAccountPushToken,
                o.OfficialAccountEncodingAesKey, o.OfficialAccountAppId, delivery.Mode ?? o.PushMode, Xml: true);
            push = await delivery.SendAsync($"{eventName}:{follower.OpenId}:{now}", eventName, xml, account);
            delivery.Remember(push);
        }
        return Results.Ok(new { follower, push });
    }
}
