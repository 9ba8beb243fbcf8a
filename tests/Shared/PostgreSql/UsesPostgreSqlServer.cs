namespace SesamTalk.Tests.PostgreSql;

/// <summary>The test classes that share the run's <see cref="PostgreSqlServer"/>: <c>[Collection(UsesPostgreSqlServer.Collection)]</c>.</summary>
[CollectionDefinition(Collection)]
public sealed class UsesPostgreSqlServer : ICollectionFixture<PostgreSqlServer>
{
    /// <summary>The collection's name.</summary>
    public const string Collection = "PostgreSQL server";
}
