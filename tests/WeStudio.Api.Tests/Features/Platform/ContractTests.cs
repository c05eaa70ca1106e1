using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

/// <summary>
/// What the OpenAPI document promises the mini-program (issue 16): every refusal code in the one catalogue
/// (<see cref="ProblemCodes"/>), operations listing their refusals, required and nullable members, anonymous operations.
/// The byte-for-byte drift test is <see cref="PlatformTests.TheOpenApiContractMatchesTheRunningApi"/>.
/// </summary>
public sealed partial class ContractTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).RootElement;

    private static IEnumerable<(string Path, string Method, JsonElement Op)> Operations(JsonElement doc) =>
        doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(op => (p.Name, op.Name, op.Value)));

    [Fact]
    public void EveryRefusalCodeTheSourceSendsIsInTheCatalogue()
    {
        var root = Path.Combine(PlatformTests.RepoRoot(), "api", "WeStudio.Api");
        var unlisted = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!CodeLine().IsMatch(lines[i])) continue;
                foreach (Match m in SnakeLiteral().Matches(lines[i]))
                    if (ProblemCodes.Find(m.Groups[1].Value) is null) unlisted.Add($"{Path.GetRelativePath(root, file)}:{i + 1} \"{m.Groups[1].Value}\"");
            }
        }
        Assert.True(unlisted.Count == 0, "Refusal codes missing from ProblemCodes (Infrastructure/ProblemCode.cs): " + string.Join("; ", unlisted));
    }

    [Fact]
    public async Task EveryCodeASummaryNamesIsInTheCatalogueWithThatStatus()
    {
        var doc = await DocumentAsync();
        var wrong = Operations(doc)
            .SelectMany(o => OpenApiContract.SummaryCodes(o.Op.GetProperty("summary").GetString()).Select(c => (o.Method, o.Path, c.Status, c.Code)))
            .Where(x => ProblemCodes.Find(x.Code) is not { } known || !known.Statuses.Contains(x.Status))
            .Select(x => $"{x.Method} {x.Path}: {x.Status} {x.Code}")
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task TheCatalogueIsTheProblemCodeEnumAndEveryOperationDescribesItsRefusals()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var enumValues = schemas.GetProperty("ProblemCode").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(ProblemCodes.All.Select(c => c.Code), enumValues);
        Assert.Equal(ProblemCodes.All.Count, ProblemCodes.All.Select(c => c.Code).Distinct().Count());
        Assert.All(ProblemCodes.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Message)));

        var checkIn = doc.GetProperty("paths").GetProperty("/api/v1/checkins").GetProperty("post").GetProperty("responses");
        Assert.Equal(["validation_failed", "token_invalid", "location_required", "nonce_reused", "malformed_json", "bad_request"], CodesOf(checkIn, "400"));
        Assert.Equal(["token_expired"], CodesOf(checkIn, "410"));
        Assert.Equal(["unauthorized"], CodesOf(checkIn, "401"));
        Assert.Contains("database_unavailable", CodesOf(checkIn, "503"));
        Assert.Contains("checkin_unavailable", CodesOf(checkIn, "503"));
        foreach (var (path, method, op) in Operations(doc))
        {
            var statuses = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.True(statuses.Contains("500") && statuses.Any(s => s.StartsWith('2') || s == "304"), $"{method} {path} lacks a success or the 500 response");
            foreach (var status in statuses.Where(s => s[0] is '4' or '5'))
                Assert.All(CodesOf(op.GetProperty("responses"), status), code => Assert.Contains(code, enumValues));
        }
    }

    private static List<string?> CodesOf(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
            .GetProperty("allOf")[1].GetProperty("properties").GetProperty("code").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();

    [Fact]
    public async Task RequiredNullableAnonymousAndPathNamesAreTrue()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        string[] Required(string schema) => schemas.GetProperty(schema).TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).Order().ToArray() : [];

        Assert.Equal(["clientNonce", "token"], Required("CheckInRequest"));
        Assert.Equal(["code"], Required("WeChatLoginRequest"));
        Assert.Contains("title", Required("BriefRequest"));
        Assert.Contains("checkInId", Required("CheckInResult"));
        Assert.Contains("id", Required("ActivityDto"));
        Assert.Contains("token", Required("MemberLoginResponse"));
        // Nullable references: allOf + nullable, not a bare $ref that says never-null.
        var method = schemas.GetProperty("AttendanceEntry").GetProperty("properties").GetProperty("method");
        Assert.True(method.GetProperty("nullable").GetBoolean());
        Assert.True(schemas.GetProperty("MeResponse").GetProperty("properties").GetProperty("member").GetProperty("nullable").GetBoolean());
        Assert.Equal(["Leader", "Member"], schemas.GetProperty("AttendanceEntry").GetProperty("properties").GetProperty("role").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        var paths = doc.GetProperty("paths");
        Assert.Equal(0, paths.GetProperty("/api/v1/auth/wechat-login").GetProperty("post").GetProperty("security").GetArrayLength());
        Assert.Equal(0, paths.GetProperty("/api/v1/photos/{photoId}/content").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.False(paths.GetProperty("/api/v1/checkins").GetProperty("post").TryGetProperty("security", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.Contains("{id}", StringComparison.Ordinal));
        var upload = paths.GetProperty("/api/v1/photos").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", upload.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.Equal("http://127.0.0.1:5080", doc.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    /// <summary>
    /// The request members the contract calls required are exactly the ones the handlers refuse to do without: every
    /// operation with a JSON <c>…Request</c> body is sent <c>{}</c> by someone allowed to call it (admin for programmes and
    /// org units, the leader for the studio's things, a member otherwise, nobody for the logins), and a 400 answer's
    /// <c>errors</c> must name exactly the schema's <c>required</c>. Operations that refuse <c>{}</c> for another reason
    /// first (a 404 or 409 before validation) are left out; at least 15 must be checked.
    /// </summary>
    [Fact]
    public async Task RequiredRequestMembersAreWhatValidationRefuses()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];
        var starts = DateTimeOffset.UtcNow.AddDays(3);
        var activity = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities",
            new { kind = "ThemedPartyDay", title = "契约测试", startsAt = starts, endsAt = starts.AddHours(2) })).ReadAsync<JsonElement>();
        var values = new Dictionary<string, string>
        {
            ["studioId"] = world.StudioId.ToString(), ["activityId"] = activity.GetProperty("id").GetString()!,
            ["memberId"] = member.Id.ToString(), ["programmeId"] = world.ProgrammeId.ToString(), ["year"] = starts.Year.ToString(),
            ["achievementId"] = Guid.NewGuid().ToString(),
        };
        var checkedOps = new List<string>();
        var mismatches = new List<string>();
        foreach (var (path, method, op) in Operations(doc))
        {
            if (!op.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json)) continue;
            var match = Regex.Match(json.GetProperty("schema").GetRawText(), @"schemas/(\w+Request)""");
            if (!match.Success) continue;
            var schema = schemas.GetProperty(match.Groups[1].Value);
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).Order().ToList() : [];
            var url = Regex.Replace(path, @"\{(\w+)\}", m => values.GetValueOrDefault(m.Groups[1].Value, Guid.NewGuid().ToString()));
            var client = path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) ? factory.CreateClient()
                : path.StartsWith("/api/v1/programmes", StringComparison.Ordinal) || path.StartsWith("/api/v1/org-units", StringComparison.Ordinal) ? world.Admin.Client
                : path.Contains("{studioId}", StringComparison.Ordinal) || path.Contains("{activityId}", StringComparison.Ordinal) ? world.Leader.Client
                : member.Client;
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
            {
                Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            };
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest) continue;
            var problem = await response.JsonAsync();
            if (!problem.TryGetProperty("errors", out var errors)) continue;
            var refused = errors.EnumerateObject().Select(e => e.Name).Order().ToList();
            checkedOps.Add($"{method} {path}");
            if (!refused.SequenceEqual(required))
                mismatches.Add($"{method} {path} ({match.Groups[1].Value}): contract requires [{string.Join(", ", required)}], the API refuses {{}} for [{string.Join(", ", refused)}]");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(checkedOps.Count >= 15, $"only {checkedOps.Count} operations checked: {string.Join("; ", checkedOps)}");
    }

    /// <summary>What the platform sends by itself (outside any handler) carries a catalogued code too.</summary>
    [Fact]
    public async Task PlatformRefusalsCarryCataloguedCodes()
    {
        var client = factory.CreateClient();
        var anonymous = await client.GetAsync("/api/v1/me");
        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, ProblemCodes.Unauthorized.Code);
        var wrongMethod = await client.DeleteAsync("/api/v1/checkins");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.NotNull(ProblemCodes.Find(ProblemCodes.ForStatus(418).Code));
        Assert.Equal(ProblemCodes.InternalError, ProblemCodes.ForStatus(502));
    }

    /// <summary>Lines that name a refusal code: a ProblemDetails being built, a rejection exception, a token verdict constant.</summary>
    [GeneratedRegex(@"Problem|RejectedException|const string Token\w* = ")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"""([a-z]+(?:_[a-z]+)+|forbidden|unauthorized|conflict|cancelled)""")]
    private static partial Regex SnakeLiteral();
}
