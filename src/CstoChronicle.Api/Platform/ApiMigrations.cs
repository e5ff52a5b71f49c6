using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Platform;

/// <summary>The API's own tables (prefix <c>api_</c>), migrated as module "api" beside the store's.</summary>
public static class ApiMigrations
{
    public const string Module = "api";

    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "api keys", """
            CREATE TABLE {schema}.api_keys (
                name       text PRIMARY KEY,
                role       text NOT NULL CHECK (role IN ('editor', 'admin')),
                key_hash   text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now(),
                revoked_at timestamptz NULL);
            """),
        new(2, "idempotency keys", """
            CREATE TABLE {schema}.api_idempotency (
                principal     text NOT NULL,
                key           text NOT NULL,
                request_hash  text NOT NULL,
                status        integer NULL,
                content_type  text NULL,
                location      text NULL,
                etag          text NULL,
                body          bytea NULL,
                created_at    timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (principal, key));
            CREATE INDEX api_idempotency_created_at ON {schema}.api_idempotency (created_at);
            """),
        new(3, "idempotency claims owned by a process lease",
            "ALTER TABLE {schema}.api_idempotency ADD COLUMN owner text NULL;"),
    ];
}
