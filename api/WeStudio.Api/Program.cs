using System.Text.Json.Serialization;
using WeStudio.Api.Features.Achievements;
using WeStudio.Api.Features.Applications;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Briefs;
using WeStudio.Api.Features.BackboneTeachers;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Features.Demo;
using WeStudio.Api.Features.Evaluation;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Lifecycle;
using WeStudio.Api.Features.Members;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Features.OrgUnits;
using WeStudio.Api.Features.ProgressReports;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Features.Reminders;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;

// Commands: no argument serves the API; `migrate` applies migrations and exits; `seed` migrates, adds the demo data and exits.
var command = args.FirstOrDefault(a => a is "migrate" or "seed");
var builder = WebApplication.CreateBuilder(args.Where(a => a != command).ToArray());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Calendar>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
builder.Services.AddErrorHandling();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddSingleton<RedisConnection>();
builder.Services.AddWeStudioAuth();
builder.Services.AddWeChat(builder.Configuration);
builder.Services.AddMembers();
builder.Services.AddOrgUnits();
builder.Services.AddProgrammes();
builder.Services.AddStudios();
builder.Services.AddActivities();
builder.Services.AddCheckIns();
builder.Services.AddPhotos();
builder.Services.AddBriefs();
builder.Services.AddReminders();
builder.Services.AddAchievements();
builder.Services.AddBackboneTeachers();
builder.Services.AddProgressReports();
builder.Services.AddLedger();
builder.Services.AddApplications();
builder.Services.AddLifecycle();
builder.Services.AddEvaluation();
builder.Services.AddSingleton<Bootstrap>();
builder.Services.AddDemo();
builder.Services.AddWeStudioHealthChecks();
builder.Services.AddWeStudioOpenApi();
builder.Services.AddWeStudioForwardedHeaders(builder.Configuration);
builder.Services.AddWeStudioMetrics();

var app = builder.Build();
if (command is not null || app.Configuration.GetValue("Database:MigrateOnStartup", true))
{
    await app.Services.GetRequiredService<Migrator>().MigrateAsync();
    await app.Services.GetRequiredService<Bootstrap>().EnsureFirstAdminAsync();
}
if (command == "seed")
{
    var password = app.Configuration["Demo:AdminPassword"]
        ?? throw new InvalidOperationException("Set Demo:AdminPassword (env Demo__AdminPassword) to seed the demo admin.");
    await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(password);
}
if (command is not null) return;

app.UseForwardedHeaders();
app.UseWeStudioMetrics();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSwagger();
app.UseSwaggerUI();
app.UseAuthentication();
app.UseAuthorization();
app.MapWeStudioHealthChecks();
app.MapAuth();
app.MapMembers();
app.MapOrgUnits();
app.MapProgrammes();
app.MapStudios();
app.MapActivities();
app.MapCheckIns();
app.MapPhotos();
app.MapBriefs();
app.MapWeChatPush();
app.MapVolunteerHours();
app.MapReminders();
app.MapAchievements();
app.MapBackboneTeachers();
app.MapProgressReports();
app.MapLedger();
app.MapWeStudioMetrics();
app.MapApplications();
app.MapLifecycle();
app.MapEvaluation();
app.Run();

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
