using System.Globalization;
using Calendar = WeStudio.Api.Infrastructure.Calendar;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Ledger;

/// <summary>One period of a requirement: local dates in the calendar zone, <c>starts</c> inclusive, <c>ends</c> exclusive.</summary>
public sealed record LedgerPeriod(string Label, DateOnly Starts, DateOnly Ends);

/// <summary>
/// The periods of requirements in the calendar zone (Asia/Shanghai). Semesters start on <c>Ledger:AutumnSemesterStarts</c>
/// (MM-dd, default 09-01) and <c>Ledger:SpringSemesterStarts</c> (default 02-01): autumn runs 1 Sep – 31 Jan, spring 1 Feb – 31 Aug.
/// The periods of a year are those that overlap it, so an autumn semester shows in both of its years, and a build year
/// that starts in October shows in the calendar year it starts in and in the next.
/// </summary>
public sealed class LedgerCalendar
{
    private readonly Calendar calendar;
    private readonly (int Month, int Day) autumn;
    private readonly (int Month, int Day) spring;

    public LedgerCalendar(Calendar calendar, IConfiguration configuration)
    {
        this.calendar = calendar;
        autumn = ParseMonthDay(configuration["Ledger:AutumnSemesterStarts"] ?? "09-01", "Ledger:AutumnSemesterStarts");
        spring = ParseMonthDay(configuration["Ledger:SpringSemesterStarts"] ?? "02-01", "Ledger:SpringSemesterStarts");
        if (spring.CompareTo(autumn) >= 0) throw new InvalidOperationException("Ledger:SpringSemesterStarts must come before Ledger:AutumnSemesterStarts in the year.");
    }

    private static (int, int) ParseMonthDay(string value, string key)
    {
        if (!DateOnly.TryParseExact($"2001-{value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new InvalidOperationException($"{key} must be a month and day as MM-dd, got '{value}'.");
        return (d.Month, d.Day);
    }

    public TimeZoneInfo Zone => calendar.Zone;

    /// <summary>The UTC instant a local date begins at.</summary>
    public DateTimeOffset StartOf(DateOnly day) => calendar.At(day, TimeOnly.MinValue);

    /// <summary>The local date of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendar.Zone).DateTime);

    /// <summary>The periods of <paramref name="period"/> kind that overlap <paramref name="year"/>, in order.</summary>
    public IReadOnlyList<LedgerPeriod> PeriodsOf(RequirementPeriod period, int year, DateOnly cycleStarts, int cycleYears)
    {
        var yearStarts = new DateOnly(year, 1, 1);
        var yearEnds = yearStarts.AddYears(1);
        switch (period)
        {
            case RequirementPeriod.Month:
                return Enumerable.Range(1, 12).Select(m => new LedgerPeriod($"{year}-{m:00}", new DateOnly(year, m, 1), new DateOnly(year, m, 1).AddMonths(1))).ToArray();
            case RequirementPeriod.Semester:
                var list = new List<LedgerPeriod>();
                for (var y = year - 1; y <= year; y++)
                {
                    var springStarts = new DateOnly(y, spring.Month, spring.Day);
                    var autumnStarts = new DateOnly(y, autumn.Month, autumn.Day);
                    var nextSpring = new DateOnly(y + 1, spring.Month, spring.Day);
                    list.Add(new LedgerPeriod($"{y}春季学期", springStarts, autumnStarts));
                    list.Add(new LedgerPeriod($"{y}—{y + 1}秋季学期", autumnStarts, nextSpring));
                }
                return list.Where(p => p.Starts < yearEnds && p.Ends > yearStarts).ToArray();
            case RequirementPeriod.CalendarYear:
                return [new LedgerPeriod($"{year}年", yearStarts, yearEnds)];
            case RequirementPeriod.Quarter:
                return Enumerable.Range(0, 4).Select(q => new LedgerPeriod($"{year}年第{q + 1}季度", new DateOnly(year, 3 * q + 1, 1), new DateOnly(year, 3 * q + 1, 1).AddMonths(3))).ToArray();
            case RequirementPeriod.HalfYear:
                return [new LedgerPeriod($"{year}年上半年", yearStarts, new DateOnly(year, 7, 1)), new LedgerPeriod($"{year}年下半年", new DateOnly(year, 7, 1), yearEnds)];
            case RequirementPeriod.BuildYear:
                return BuildYears(cycleStarts, cycleYears).Where(p => p.Starts < yearEnds && p.Ends > yearStarts).ToArray();
            default:
                var ends = cycleStarts.AddYears(cycleYears);
                return cycleStarts < yearEnds && ends > yearStarts
                    ? [new LedgerPeriod($"建设周期 {cycleStarts:yyyy-MM-dd}—{ends.AddDays(-1):yyyy-MM-dd}", cycleStarts, ends)]
                    : [];
        }
    }

    /// <summary>
    /// Every build year (建设年度) of a cycle: year n runs from <paramref name="cycleStarts"/> + (n − 1) years to
    /// <paramref name="cycleStarts"/> + n years (exclusive). A start on 29 February makes later years start on 28 February.
    /// </summary>
    public static IReadOnlyList<LedgerPeriod> BuildYears(DateOnly cycleStarts, int cycleYears) =>
        Enumerable.Range(1, Math.Max(cycleYears, 0)).Select(n =>
        {
            var starts = cycleStarts.AddYears(n - 1);
            var ends = cycleStarts.AddYears(n);
            return new LedgerPeriod($"第{n}建设年度 {starts:yyyy-MM-dd}—{ends.AddDays(-1):yyyy-MM-dd}", starts, ends);
        }).ToArray();
}
