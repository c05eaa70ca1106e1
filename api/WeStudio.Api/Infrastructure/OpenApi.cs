using Microsoft.OpenApi;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// Swagger (Swashbuckle) with the bearer scheme and the XML doc comments; UI at <c>/swagger</c>, document at <c>/swagger/v1/swagger.json</c>
/// (committed as <c>miniprogram-contracts/openapi.json</c>). What the document says is derived here, once, for every
/// endpoint (<see cref="OpenApiContract"/>): required and nullable members from the C# records, the ProblemDetails
/// responses from <see cref="ProblemCodes"/>, anonymous operations from <c>AllowAnonymous</c>, path parameter names.
/// </summary>
public static class OpenApi
{
    public static IServiceCollection AddWeStudioOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "WeStudio API",
                Version = "v1",
                Description = "Backend of the WeStudio mini-program for Party-building studios (党建工作室). Every refusal is RFC 9457 ProblemDetails with a `code`.",
            });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The token from /api/v1/auth/wechat-login or /api/v1/auth/admin-login.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            var xml = Path.Combine(AppContext.BaseDirectory, "WeStudio.Api.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml);
            options.SupportNonNullableReferenceTypes();
            OpenApiContract.Configure(options);
        });
        return services;
    }
}
