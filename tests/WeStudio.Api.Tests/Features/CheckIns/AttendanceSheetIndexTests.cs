using System.Net;
using System.Data;
using Dapper;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>
/// The attendance sheet read page by page over a sheet of a few hundred people written straight into the tables (issue 15,
/// V0011): every page is exactly its slice of the order the sheet defines (present by check-in time, then member id;
/// absent: leader first, by name, unnamed last, then member id), the totals are the whole sheet's on every page, the last
/// page is short and a page beyond it is empty; and the present page is read through the index, without a sort.
/// </summary>
public sealed class AttendanceSheetIndexTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private sealed record Person(Guid Id, string? Name, bool Leader, DateTime? LiveAt, bool InStudio);

    /// <summary>
    /// A studio of 1 leader and <paramref name="members"/> members: two in three checked in (many at the same instant), some
    /// check-ins revoked (absent unless checked in again), some people removed (off the sheet, unless they checked in
    /// before leaving), names repeated and missing. Returns the activity, its studio and the sheet's people.
    /// </summary>
    private async Task<(Guid ActivityId, StudioWorld World, List<Person> Sheet)> SheetAsync(int members)
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var activity = await factory.ActivityAsync(world);
        var random = new Random(15);
        var t0 = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        var sheet = new List<Person> { new(world.Leader.Id, null, true, null, true) };
        await using var conn = await factory.Database.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        for (var i = 0; i < members; i++)
        {
            var id = Guid.NewGuid();
            // Lowercase ASCII names: their collation order is their ordinal order. Every 7th is missing, every 5th repeated.
            string? name = i % 7 == 3 ? null : i % 5 == 0 ? "nsame" : $"n{random.Next(100_000):D5}";
            await conn.ExecuteAsync("INSERT INTO members (id, openid, display_name) VALUES (@id, @openid, @name)",
                new { id, openid = $"sheet-{id:N}", name }, tx);
            var removed = i % 11 == 5;
            await conn.ExecuteAsync("""
                INSERT INTO studio_memberships (id, studio_id, member_id, role, removed_at, removed_by, removed_reason)
                VALUES (@mid, @studioId, @id, 'Member', @removedAt, @by, @reason)
                """, new
            {
                mid = Guid.NewGuid(), studioId = world.StudioId, id, removedAt = removed ? t0.AddHours(2) : (DateTime?)null,
                by = removed ? world.Leader.Id : (Guid?)null, reason = removed ? "调离" : null,
            }, tx);
            DateTime? liveAt = null;
            if (i % 3 != 0)
            {
                // Seconds from a small range, so many people share an instant (the tie goes to the member id).
                var at = t0.AddSeconds(random.Next(40));
                var revoked = i % 13 == 1;
                await conn.ExecuteAsync("""
                    INSERT INTO check_ins (id, activity_id, member_id, checked_in_at, method, marked_by, marked_reason, revoked_at, revoked_by, revoked_reason)
                    VALUES (@cid, @activityId, @id, @at, 'Manual', @by, '补签', @revokedAt, @revokedBy, @revokedReason)
                    """, new
                {
                    cid = Guid.NewGuid(), activityId = activity.Id, id, at, by = world.Leader.Id,
                    revokedAt = revoked ? at.AddMinutes(1) : (DateTime?)null, revokedBy = revoked ? world.Leader.Id : (Guid?)null,
                    revokedReason = revoked ? "误签" : null,
                }, tx);
                if (!revoked || i % 2 == 0)
                {
                    if (revoked)
                    {
                        at = t0.AddSeconds(random.Next(40));
                        await conn.ExecuteAsync("""
                            INSERT INTO check_ins (id, activity_id, member_id, checked_in_at, method, marked_by, marked_reason)
                            VALUES (@cid, @activityId, @id, @at, 'Manual', @by, '现场确认')
                            """, new { cid = Guid.NewGuid(), activityId = activity.Id, id, at, by = world.Leader.Id }, tx);
                    }
                    liveAt = at;
                }
            }
            if (!removed || liveAt is not null) sheet.Add(new Person(id, name, false, liveAt, !removed));
        }
        await tx.CommitAsync();
        return (activity.Id, world, sheet);
    }

    /// <summary>The sheet's order, as the API documents it.</summary>
    private static List<Person> Ordered(List<Person> sheet) =>
        sheet.Where(p => p.LiveAt is not null).OrderBy(p => p.LiveAt).ThenBy(p => p.Id.ToString(), StringComparer.Ordinal)
            .Concat(sheet.Where(p => p.LiveAt is null).OrderByDescending(p => p.Leader).ThenBy(p => p.Name is null)
                .ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id.ToString(), StringComparer.Ordinal))
            .ToList();

    [Fact]
    public async Task EveryPageIsItsSliceOfTheSheetsOrderWithTheWholeSheetsTotals()
    {
        var (activityId, world, sheet) = await SheetAsync(members: 260);
        var expected = Ordered(sheet);
        var present = sheet.Count(p => p.LiveAt is not null);
        Assert.True(present > 100 && expected.Count - present > 50, "the sheet has both parts");
        Assert.True(sheet.Where(p => p.LiveAt is not null).GroupBy(p => p.LiveAt).Any(g => g.Count() > 1), "some check-ins share an instant");
        var totals = new AttendanceTotals(expected.Count, present, Math.Round((double)present / expected.Count, 4));
        var url = $"/api/v1/activities/{activityId}/attendance";

        foreach (var pageSize in new[] { 7, 50, 500 })
        {
            var pages = (expected.Count + pageSize - 1) / pageSize;
            var read = new List<AttendanceEntry>();
            for (var page = 1; page <= pages + 1; page++)
            {
                var sheetPage = await (await world.Leader.Client.GetAsync($"{url}?page={page}&pageSize={pageSize}")).ReadAsync<AttendanceSheet>();
                Assert.Equal(totals, sheetPage.Totals);
                Assert.Equal((page, pageSize), (sheetPage.Page, sheetPage.PageSize));
                var size = page <= pages ? Math.Min(pageSize, expected.Count - (page - 1) * pageSize) : 0;
                Assert.Equal(size, sheetPage.Entries.Length); // the last page is short, the one after it empty
                read.AddRange(sheetPage.Entries);
            }
            Assert.Equal(expected.Select(p => p.Id), read.Select(e => e.MemberId));
            Assert.Equal(expected.Select(p => p.LiveAt is not null), read.Select(e => e.Present));
            Assert.Equal(expected.Select(p => p.InStudio), read.Select(e => e.InStudio));
            Assert.Equal(expected.Select(p => p.Leader ? "Leader" : "Member"), read.Select(e => e.Role));
            Assert.Equal(expected.Where(p => !p.Leader).Select(p => p.Name), read.Where(e => e.MemberId != world.Leader.Id).Select(e => e.DisplayName));
            Assert.Equal(expected.Select(p => p.LiveAt), read.Select(e => e.CheckedInAt?.UtcDateTime));
        }
    }

    [Fact]
    public async Task ThePresentPageIsReadThroughTheSheetIndexWithoutASort()
    {
        var (activityId, world, _) = await SheetAsync(members: 120);
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync("ANALYZE TABLE check_ins");

        var plan = (await conn.QueryAsync($"EXPLAIN {CheckInStore.AttendancePresentPageSql}",
            new { activityId, studioId = world.StudioId, pageSize = 10, offset = 40 })).Cast<IDictionary<string, object?>>().ToList();

        var inner = Assert.Single(plan, r => Equals(r["table"], "s"));
        Assert.Equal("check_ins_activity_sheet", inner["key"]);
        Assert.Contains("Using index", (string?)inner["Extra"] ?? "");
        Assert.All(plan, r => Assert.DoesNotContain("filesort", (string?)r["Extra"] ?? ""));
        Assert.All(plan, r => Assert.DoesNotContain("temporary", (string?)r["Extra"] ?? ""));
    }

    [Fact]
    public async Task TheAbsentPageIsReadThroughTheMembershipSheetIndexWithoutASort()
    {
        var (activityId, world, _) = await SheetAsync(members: 120);
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync("ANALYZE TABLE studio_memberships, check_ins");

        var plan = (await conn.QueryAsync($"EXPLAIN {CheckInStore.AttendanceAbsentPageSql}",
            new { activityId, studioId = world.StudioId, limit = 10, offset = 20 })).Cast<IDictionary<string, object?>>().ToList();

        var memberships = Assert.Single(plan, r => Equals(r["table"], "m"));
        Assert.Equal("studio_memberships_sheet", memberships["key"]);
        Assert.Contains("Using index", (string?)memberships["Extra"] ?? "");
        Assert.All(plan, r => Assert.DoesNotContain("filesort", (string?)r["Extra"] ?? ""));
        Assert.All(plan, r => Assert.DoesNotContain("temporary", (string?)r["Extra"] ?? ""));
    }

    [Fact]
    public async Task AMemberWhoRenamesThemselvesMovesToTheirNewPlaceAmongTheAbsent()
    {
        var world = await factory.StudioWorldAsync(members: 3);
        var activity = await factory.ActivityAsync(world);
        var (a, b, c) = (world.Members[0], world.Members[1], world.Members[2]);
        foreach (var (member, name) in new[] { (a, "Anna"), (b, "Bert"), (c, "Cleo") })
            Assert.Equal(HttpStatusCode.OK, (await member.Client.PutJsonAsync("/api/v1/me/profile", new { displayName = name })).StatusCode);
        var url = $"/api/v1/activities/{activity.Id}/attendance?page=1&pageSize=10";

        var before = await (await world.Leader.Client.GetAsync(url)).ReadAsync<AttendanceSheet>();
        Assert.Equal(new[] { world.Leader.Id, a.Id, b.Id, c.Id }, before.Entries.Select(e => e.MemberId));

        Assert.Equal(HttpStatusCode.OK, (await a.Client.PutJsonAsync("/api/v1/me/profile", new { displayName = "Zora" })).StatusCode);
        var after = await (await world.Leader.Client.GetAsync(url)).ReadAsync<AttendanceSheet>();
        Assert.Equal(new[] { world.Leader.Id, b.Id, c.Id, a.Id }, after.Entries.Select(e => e.MemberId));
        Assert.Equal("Zora", after.Entries[^1].DisplayName);
    }
}
