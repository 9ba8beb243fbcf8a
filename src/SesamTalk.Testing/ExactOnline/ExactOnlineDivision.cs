using SesamTalk.Testing.ExactOnline.Auth;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.Schema;
using SesamTalk.Testing.ExactOnline.Webhooks;
using SesamTalk.Testing.Faults;

namespace SesamTalk.Testing.ExactOnline;

/// <summary>The state of one emulated division (with its user and app), shared by every handler of one emulator instance.</summary>
internal sealed class ExactOnlineDivision
{
    public ExactOnlineDivision(ExactOnlineEmulatorOptions options)
    {
        Options = options;
        Clock = options.TimeProvider ?? TimeProvider.System;
        Catalog = EntityCatalog.With([.. options.Catalogs]);
        Records = new RecordStore();
        Validator = new RecordValidator(Catalog, Records);
        Writer = new RecordWriter(Records, Catalog, options.Division, UserId, UserFullName);
        Tokens = new TokenStore(Clock, options.AccessTokenLifetime, options.RefreshTokenIdleLifetime);
        Limits = new RateLimiter(Clock, options.MinutelyLimit, options.DailyLimit);
        CreatedAt = Now;
        Webhooks = new WebhookDispatcher(this);
    }

    /// <summary>The name of the emulated company (the division's <c>Description</c>).</summary>
    public const string CompanyName = "SesamTalk Emulated Company";

    public ExactOnlineEmulatorOptions Options { get; }

    public TimeProvider Clock { get; }

    public int Number => Options.Division;

    /// <summary>The user the app acts for: Creator and Modifier of every API write.</summary>
    public Guid UserId { get; } = Guid.NewGuid();

    public static string UserFullName => "SesamTalk Integration";

    /// <summary>When the division was created: when the emulator started.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The account that owns the licence the division belongs to.</summary>
    public Guid CustomerId { get; } = Guid.NewGuid();

    public EntityCatalog Catalog { get; }

    public RecordStore Records { get; }

    public RecordValidator Validator { get; }

    public RecordWriter Writer { get; }

    public TokenStore Tokens { get; }

    public RateLimiter Limits { get; }

    public CallCounter Calls { get; } = new();

    /// <summary>The webhook subscriptions and the notifications of writes to their topics.</summary>
    public WebhookDispatcher Webhooks { get; }

    public FaultInjector<ExactOnlineEndpoint> Faults { get; } = new(expiringTokens: true, rotatingTokenEndpoint: ExactOnlineEndpoint.Token);

    /// <summary>Set once the emulator listens: the absolute URLs responses carry.</summary>
    public ResourceUrls Urls { get; set; } = new("http://127.0.0.1/", 0);

    public EntityJson Json => new(Records, Urls);

    /// <summary>The current time as Exact stores it (milliseconds, UTC).</summary>
    public DateTimeOffset Now => ExactDate.TruncateToMillisecond(Clock.GetUtcNow());
}
