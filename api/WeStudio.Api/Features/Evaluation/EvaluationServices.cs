namespace WeStudio.Api.Features.Evaluation;

public static class EvaluationServices
{
    /// <summary>Registers <see cref="EvaluationStore"/> and <see cref="EvaluationFacts"/> (rounds, evaluators, score sheets, feedback).</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddSingleton<EvaluationStore>();
        services.AddSingleton<EvaluationFacts>();
        return services;
    }
}
