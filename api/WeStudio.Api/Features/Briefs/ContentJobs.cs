using Microsoft.Extensions.Options;
using WeStudio.Api.Features.Photos;

namespace WeStudio.Api.Features.Briefs;

/// <summary>
/// The background loop of issue 5's jobs, every Photos:JobIntervalSeconds (0 disables it; tests call the jobs'
/// <c>RetryDueAsync</c>/<c>RunOnceAsync</c> with a moved clock): brief text checks left PendingReview, image checks
/// WeChat could not be asked for, and photos never attached to a brief. Each job claims its rows in the database,
/// so any number of API instances may run this loop.
/// </summary>
public sealed class ContentJobs(IServiceProvider services, IOptions<PhotoOptions> options, ILogger<ContentJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.JobIntervalSeconds;
        if (interval <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<BriefReview>().RetryDueAsync(stoppingToken);
                await services.GetRequiredService<PhotoMediaCheck>().RetryDueAsync(stoppingToken);
                await services.GetRequiredService<OrphanPhotoCleanup>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A content job failed; the next run tries again");
            }
        }
    }
}

/// <summary>Registers photos, briefs, the message-push handlers and the jobs.</summary>
public static class BriefsServices
{
    public static IServiceCollection AddBriefs(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PhotoOptions>, PhotoOptionsValidator>();
        services.AddSingleton<IPhotoStorage, LocalPhotoStorage>();
        services.AddSingleton<PhotoUrls>();
        services.AddTransient<PhotoMediaCheck>();
        services.AddTransient<WeChat.IWeChatEventHandler>(sp => sp.GetRequiredService<PhotoMediaCheck>());
        services.AddTransient<OrphanPhotoCleanup>();
        services.AddTransient<BriefReview>();
        services.AddHostedService<ContentJobs>();
        return services;
    }
}
