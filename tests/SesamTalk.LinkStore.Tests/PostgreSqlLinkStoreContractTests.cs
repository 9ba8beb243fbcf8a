using SesamTalk.LinkStore.Tests.Contract;
using SesamTalk.LinkStore.Tests.Targets;
using SesamTalk.Tests.PostgreSql;

namespace SesamTalk.LinkStore.Tests;

[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreCommitTests(PostgreSqlServer server) : LinkStoreCommitContract
{
    protected override LinkStoreTarget NewTarget() => new PostgreSqlTarget(server);
}

[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreLinkTests(PostgreSqlServer server) : LinkStoreLinkContract
{
    protected override LinkStoreTarget NewTarget() => new PostgreSqlTarget(server);
}

[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreLeaseTests(PostgreSqlServer server) : LinkStoreLeaseContract
{
    protected override LinkStoreTarget NewTarget() => new PostgreSqlTarget(server);
}

[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreHoldTests(PostgreSqlServer server) : LinkStoreHoldContract
{
    protected override LinkStoreTarget NewTarget() => new PostgreSqlTarget(server);
}

[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreProblemTests(PostgreSqlServer server) : LinkStoreProblemContract
{
    protected override LinkStoreTarget NewTarget() => new PostgreSqlTarget(server);
}

[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreHistoryTests(PostgreSqlServer server) : LinkStoreHistoryContract
{
    protected override LinkStoreTarget NewTarget() => new PostgreSqlTarget(server);
}

[Collection(UsesPostgreSqlServer.Collection)]
public sealed class PostgreSqlLinkStoreSubscriptionTests(PostgreSqlServer server) : LinkStoreSubscriptionContract
{
    protected override LinkStoreTarget NewTarget() => new PostgreSqlTarget(server);
}
