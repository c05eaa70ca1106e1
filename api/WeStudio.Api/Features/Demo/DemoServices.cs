namespace WeStudio.Api.Features.Demo;

/// <summary>Registers the demo seeder (the <c>seed</c> command); it needs Members, Photos, Briefs and WeChat registered.</summary>
public static class DemoServices
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddTransient<DemoSeeder>();
}
