using Microsoft.Extensions.Options;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Briefs;

/// <summary>
/// The background loop of issue 5's jobs, every Photos:JobIntervalSeconds (0 disables it; tests call the jobs'
/// <c>RetryDueAsync</c>/<c>RunOnceAsync</c> with a moved clock): brief text checks left PendingReview, image checks
/// WeChat could not be asked for, and photos never attached to a brief. Each job claims its rows in the database,
/// so any number of API instances may run this loop.
/// </summary>
public sealed class ContentJobs(IServiceProvider services, IOptions<PhotoOptions> options, TimeProvider clock, ILogger<ContentJobs> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.JobIntervalSeconds);

    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken ct)
    {
        // Resolved per pass: the checks are transient (they hold the typed WeChat HttpClient).
        await services.GetRequiredService<BriefReview>().RetryDueAsync(ct);
        await services.GetRequiredService<PhotoMediaCheck>().RetryDueAsync(ct);
        await services.GetRequiredService<OrphanPhotoCleanup>().RunOnceAsync(ct);
        return null;
    }
}
