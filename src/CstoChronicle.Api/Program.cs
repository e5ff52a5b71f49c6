using CstoChronicle.Api.Endpoints;
using CstoChronicle.Api.Notifications;
using CstoChronicle.Api.Platform;
using CstoChronicle.Api.Security;

if (KeyCommands.IsInvoked(args)) return await KeyCommands.RunAsync(args);
if (StoreCommands.IsInvoked(args)) return await StoreCommands.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddChroniclePlatform();
builder.Services.AddChronicleNotifications(builder.Configuration);
builder.Services.AddHostedService<DatasetStartup>();

var app = builder.Build();
app.UseChroniclePlatform();
app.MapChronicleApi();
app.MapNotificationsApi();
app.MapTimelinePage();

await app.RunAsync();
return 0;

public partial class Program;
