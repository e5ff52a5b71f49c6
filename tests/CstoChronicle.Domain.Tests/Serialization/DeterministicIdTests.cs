using CstoChronicle.Domain.Serialization;

namespace CstoChronicle.Domain.Tests.Serialization;

public class DeterministicIdTests
{
    [Fact]
    public void Matches_the_RFC_4122_version_5_reference_value()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        DeterministicId.Create(dns, "python.org").ShouldBe(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    [Fact]
    public void A_dataset_slug_always_gives_the_same_event_id()
    {
        // Python: uuid.uuid5(UUID("5d3c6f0e-7a51-4c1b-9e8f-c5a0d2b4e613"), "event/uzb-membership-suspended-2012-12-19")
        DeterministicId.ForDatasetEvent("uzb-membership-suspended-2012-12-19")
            .ShouldBe(new Guid("f04e24d8-108e-5954-874c-b756024e14f3"));
    }

    [Fact]
    public void Different_slugs_and_kinds_give_different_ids()
    {
        DeterministicId.ForDatasetEvent("a").ShouldNotBe(DeterministicId.ForDatasetEvent("b"));
        DeterministicId.ForDatasetEvent("seed-000").ShouldNotBe(DeterministicId.ForSourceRegistration("seed-000"));
    }
}
