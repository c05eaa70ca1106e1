using Microsoft.Extensions.Options;
using WeStudio.Api.Features.WeChat;

namespace WeStudio.Api.Features.Photos;

/// <summary>Registers photos: options, storage, the codec (decoder and its decode slots), signed URLs, the store, WeChat's image check (and its push handler), the orphan cleanup and the sizes backfill.</summary>
public static class PhotosServices
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        // Before the host starts its threads: glibc arena and mmap settings for the codec's large native buffers.
        GlibcMalloc.Apply();
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PhotoOptions>, PhotoOptionsValidator>();
        services.AddSingleton<IPhotoStorage, LocalPhotoStorage>();
        services.AddSingleton<IPhotoDecoder, SkiaPhotoDecoder>();
        services.AddSingleton<PhotoProcessor>();
        services.AddSingleton<PhotoUrls>();
        services.AddSingleton<PhotosStore>();
        // Transient: it holds the typed WeChat HttpClient, which must not live in a singleton.
        services.AddTransient<PhotoMediaCheck>();
        services.AddTransient<IWeChatEventHandler>(sp => sp.GetRequiredService<PhotoMediaCheck>());
        services.AddSingleton<OrphanPhotoCleanup>();
        // Sizes for photos stored before V0009: a hosted PeriodicJob, also resolvable as itself (tests run one pass).
        services.AddSingleton<PhotoSizesBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<PhotoSizesBackfill>());
        return services;
    }
}
