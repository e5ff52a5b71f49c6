namespace CstoChronicle.Domain.Store;

/// <summary>
/// One numbered schema change of a module. <c>{schema}</c> in <paramref name="Sql"/> is replaced by the
/// (validated) schema name. Each runs once, in order, recorded in the schema's migration table.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql);
