using Microsoft.Extensions.Configuration;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

public sealed class LedgerCalendarTests
{
    private static LedgerCalendar Make(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        return new LedgerCalendar(new Calendar(configuration, TimeProvider.System), configuration);
    }

    [Fact]
    public void SemestersDefaultToAutumnFromSeptemberToJanuaryAndSpringFromFebruaryToAugust()
    {
        var semesters = Make().PeriodsOf(RequirementPeriod.Semester, 2026, new DateOnly(2026, 1, 1), 2);

        Assert.Equal(
            [("2025—2026秋季学期", new DateOnly(2025, 9, 1), new DateOnly(2026, 2, 1)), ("2026春季学期", new DateOnly(2026, 2, 1), new DateOnly(2026, 9, 1)), ("2026—2027秋季学期", new DateOnly(2026, 9, 1), new DateOnly(2027, 2, 1))],
            semesters.Select(p => (p.Label, p.Starts, p.Ends)));
    }

    [Fact]
    public void SemesterBoundariesAreConfigurable()
    {
        var calendar = Make(new() { ["Ledger:AutumnSemesterStarts"] = "08-25", ["Ledger:SpringSemesterStarts"] = "02-15" });

        var spring = calendar.PeriodsOf(RequirementPeriod.Semester, 2026, new DateOnly(2026, 1, 1), 2).Single(p => p.Label == "2026春季学期");

        Assert.Equal((new DateOnly(2026, 2, 15), new DateOnly(2026, 8, 25)), (spring.Starts, spring.Ends));
        Assert.Throws<InvalidOperationException>(() => Make(new() { ["Ledger:AutumnSemesterStarts"] = "13-01" }));
    }

    [Fact]
    public void DaysAreCountedInAsiaShanghai()
    {
        var calendar = Make();

        Assert.Equal(new DateOnly(2026, 1, 31), calendar.DayOf(DateTimeOffset.Parse("2026-01-31T15:30:00Z")));
        Assert.Equal(new DateOnly(2026, 2, 1), calendar.DayOf(DateTimeOffset.Parse("2026-01-31T16:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-01-31T16:00:00Z"), calendar.StartOf(new DateOnly(2026, 2, 1)));
        Assert.Empty(calendar.PeriodsOf(RequirementPeriod.Cycle, 2030, new DateOnly(2026, 1, 1), 2));
    }
}
