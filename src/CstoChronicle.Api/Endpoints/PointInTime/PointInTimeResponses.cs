using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Api.Endpoints.PointInTime;

// Every answer starts with its basis: the historical day (asOf), the recorded instant (knownAt) and the store's
// position it was read at, so that the same question can be asked again exactly (docs/decisions/0202-api-shapes.md).

public sealed record MembersResponse(DateOnly AsOf, DateTimeOffset KnownAt, long Position, IReadOnlyList<Member> Members);

public sealed record SecretaryGeneralResponse(DateOnly AsOf, DateTimeOffset KnownAt, long Position, OfficeHolder? Holder);

public sealed record OfficesResponse(DateOnly AsOf, DateTimeOffset KnownAt, long Position, IReadOnlyList<OfficeStanding> Offices);

public sealed record OfficeResponse(DateOnly AsOf, DateTimeOffset KnownAt, long Position, string Office, string Name, OfficeHolder? Holder);

public sealed record ChairmanshipResponse(DateOnly AsOf, DateTimeOffset KnownAt, long Position, Chair? Chair);

public sealed record BodiesResponse(DateOnly AsOf, DateTimeOffset KnownAt, long Position, IReadOnlyList<Body> Bodies);

public sealed record DocumentsResponse(DateOnly AsOf, DateTimeOffset KnownAt, long Position, IReadOnlyList<DocumentStanding> Documents);

public sealed record ChangesResponse(DateOnly From, DateOnly To, DateTimeOffset KnownAt, long Position, IReadOnlyList<Change> Changes);
