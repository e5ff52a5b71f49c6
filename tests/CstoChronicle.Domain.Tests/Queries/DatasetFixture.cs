using CstoChronicle.Domain.Tests.Infrastructure;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>A chronicle with the real dataset loaded, shared by the tests of one class (which only read).</summary>
public class DatasetFixture : ViewsFixture
{
    public Dataset Data { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await Dataset.LoadAsync(Chronicle);
    }
}
