using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.ExactOnline;
using SesamTalk.Connectors.Salesforce;
using SesamTalk.Engine.Tests.Entities;
using SesamTalk.Testing.ExactOnline;
using SesamTalk.Testing.Host;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>One host with accounts synced with an emulated Salesforce org and an emulated Exact Online division.</summary>
public sealed class AccountSystems : IAsyncDisposable
{
    private AccountSystems(SalesforceEmulator salesforce, ExactOnlineEmulator exact)
    {
        Salesforce = salesforce;
        Exact = exact;
        Host = new SystemHost<Account>(new InMemoryHostStore<Account>(a => a.Id, (a, id) => a.Id = id), services => services
            .AddSalesforceConnector(options =>
            {
                options.LoginUrl = salesforce.BaseUrl;
                options.ClientId = salesforce.ClientId;
                options.ClientSecret = salesforce.ClientSecret;
                options.DailyCallReserve = 0;
                options.BulkJobLog = SalesforceConnection.BulkJobLog;
            })
            .AddSingleton<IExactOnlineTokenStore>(new InMemoryExactOnlineTokenStore(exact.IssueRefreshToken()))
            .AddExactOnlineConnector(options =>
            {
                options.BaseUrl = exact.BaseUrl;
                options.ClientId = exact.ClientId;
                options.ClientSecret = exact.ClientSecret;
                options.RedirectUri = exact.RedirectUri;
            }));
    }

    public SalesforceEmulator Salesforce { get; }

    public ExactOnlineEmulator Exact { get; }

    public SystemHost<Account> Host { get; }

    public static async Task<AccountSystems> StartAsync() => new(
        await SalesforceEmulator.StartAsync(),
        await ExactOnlineEmulator.StartAsync(new ExactOnlineEmulatorOptions { MinutelyLimit = 10_000, DailyLimit = 100_000 }));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Salesforce.DisposeAsync();
        await Exact.DisposeAsync();
    }
}
