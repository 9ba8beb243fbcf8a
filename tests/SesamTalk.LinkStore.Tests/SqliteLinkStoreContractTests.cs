using SesamTalk.LinkStore.Tests.Contract;
using SesamTalk.LinkStore.Tests.Targets;

namespace SesamTalk.LinkStore.Tests;

public sealed class SqliteLinkStoreCommitTests : LinkStoreCommitContract
{
    protected override LinkStoreTarget NewTarget() => new SqliteTarget();
}

public sealed class SqliteLinkStoreLinkTests : LinkStoreLinkContract
{
    protected override LinkStoreTarget NewTarget() => new SqliteTarget();
}

public sealed class SqliteLinkStoreLeaseTests : LinkStoreLeaseContract
{
    protected override LinkStoreTarget NewTarget() => new SqliteTarget();
}

public sealed class SqliteLinkStoreHoldTests : LinkStoreHoldContract
{
    protected override LinkStoreTarget NewTarget() => new SqliteTarget();
}

public sealed class SqliteLinkStoreProblemTests : LinkStoreProblemContract
{
    protected override LinkStoreTarget NewTarget() => new SqliteTarget();
}

public sealed class SqliteLinkStoreHistoryTests : LinkStoreHistoryContract
{
    protected override LinkStoreTarget NewTarget() => new SqliteTarget();
}

public sealed class SqliteLinkStoreSubscriptionTests : LinkStoreSubscriptionContract
{
    protected override LinkStoreTarget NewTarget() => new SqliteTarget();
}
