namespace WeStudio.Api.Features.Briefs;

/// <summary>Registers briefs: the store, WeChat's text check and the content jobs' loop (needs <c>AddPhotos()</c>).</summary>
public static class BriefsServices
{
    public static IServiceCollection AddBriefs(this IServiceCollection services)
    {
        services.AddSingleton<BriefsStore>();
        // Transient: it holds the typed WeChat HttpClient, which must not live in a singleton.
        services.AddTransient<BriefReview>();
        services.AddHostedService<ContentJobs>();
        return services;
    }
}
