namespace CstoChronicle.Api.Security;

/// <summary>The roles an API key may have, and the authorization policies named after them.</summary>
public static class ChronicleRoles
{
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Editor, Admin];

    public static bool IsKnown(string? role) => role is Editor or Admin;
}

/// <summary>Policy names other features use with RequireAuthorization: "editor" admits editors and admins, "admin" only admins.</summary>
public static class ChroniclePolicies
{
    public const string Editor = "editor";
    public const string Admin = "admin";
}
