using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddErrorHandling();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddSingleton<RedisConnection>();
builder.Services.AddWeStudioAuth();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.Run();

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
