// Lets Program.cs call app.MapTimelinePage() without a using of its own.
global using CstoChronicle.Api.Page;
