namespace WeStudio.Api.Features.Ledger;

/// <summary>Registers the ledger: calendar, stores (facts, changes, export streams), the Redis count cache, the overview and the service.</summary>
public static class LedgerServices
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddSingleton<LedgerCalendar>();
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<LedgerChangesStore>();
        services.AddSingleton<LedgerExportStore>();
        services.AddSingleton<LedgerCache>();
        services.AddSingleton<LedgerOverview>();
        services.AddSingleton<LedgerService>();
        services.AddSingleton<LedgerMarksStore>();
        services.AddSingleton<RequirementTargetsStore>();
        return services;
    }
}
