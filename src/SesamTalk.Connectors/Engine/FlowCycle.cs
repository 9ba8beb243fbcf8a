using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Connectors.Engine;

/// <summary>
/// One cycle of one flow (a host entity with one remote type): index the host's changes, apply the remote change
/// feed page by page, push the host's changes chunk by chunk, then, where the feed has no tombstones, look for linked
/// remote records that are gone. Every page or chunk is decided first, checked
/// by the mass-change breaker, written, and only then committed to the link store with its cursor, so a crash or a
/// stop repeats at most the unit of work in flight, and pending-create intents keep that repeat from duplicating. A
/// cycle the breaker stops holds its flow (<c>FlowCycle.Hold.cs</c>).
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
internal sealed partial class FlowCycle<TEntity>
    where TEntity : class
{
    /// <summary>The fewest host changes in a unit of work by default (the connector's write batch when larger).</summary>
    private const int MinimumUnit = 1000;

    /// <summary>How many host records the index shapes together (their references looked up in one query).</summary>
    private const int IndexBatch = 1000;

    private readonly FlowContext _context;
    private readonly ISyncEntityDefinition<TEntity> _definition;
    private readonly IEntityMapper<TEntity> _mapper;
    private readonly IReadOnlyList<MergeField> _fields;
    private readonly GuardedConnector _connector;
    private readonly ConnectorCapabilities _capabilities;
    private readonly IHostStore<TEntity> _host;
    private readonly IHostSoftDelete<TEntity>? _hostSoftDelete;
    private readonly SyncFlowOptions _options;
    private readonly SyncFlowId _flow;
    private readonly FlowTags _tags;
    private readonly ReferenceTranslator _references;
    private readonly bool _hasReferences;
    private readonly IProgress<SyncProgress>? _progress;
    private readonly PlanRecorder<TEntity>? _planner;
    private readonly RecordDecider<TEntity> _decider;
    private readonly CancellationToken _cancellationToken;

    private CycleState? _state;
    private SyncLease? _lease;
    private LeaseRenewal? _renewal;
    private SemaphoreSlim? _gate;

    public FlowCycle(
        FlowContext context,
        ISyncEntityDefinition<TEntity> definition,
        IEntityMapper<TEntity> mapper,
        ISyncConnector connector,
        IHostStore<TEntity> host,
        IHostSoftDelete<TEntity>? hostSoftDelete,
        IProgress<SyncProgress>? progress,
        List<SyncPlannedChange>? plan,
        CancellationToken cancellationToken)
    {
        _context = context;
        _definition = definition;
        _mapper = mapper;
        _fields = MergeField.Of(mapper);
        _tags = new FlowTags(definition.Name, mapper.Target);
        _connector = new GuardedConnector(connector, _tags);
        _capabilities = connector.GetCapabilities(mapper.Target.Type);
        _host = host;
        _hostSoftDelete = hostSoftDelete;
        _options = context.Options.ForFlow(definition.Name, mapper.Target);
        _flow = new SyncFlowId(definition.Name, mapper.Target);
        _references = new ReferenceTranslator(context.Links, context.Model, mapper.Target.System);
        _hasReferences = ReferenceTranslator.HasReferences(mapper);
        _progress = progress;
        _planner = plan is null ? null : new PlanRecorder<TEntity>(definition.Name, mapper.Target, plan);
        _cancellationToken = cancellationToken;
        _decider = new RecordDecider<TEntity>(new DecideRules(
            Name, definition.Name, mapper, _fields, FirstContact, _capabilities.CanUpdate, _capabilities.CanDelete,
            _options.Deletes, hostSoftDelete is not null, _options.SoftDeleteField, _options.SoftDeleteValue));
        Report = new SyncFlowReport(definition.Name, mapper.Target);
    }

    /// <summary>What the cycle did.</summary>
    public SyncFlowReport Report { get; }

    /// <summary>Whether the cycle took the flow's lease and ran (a disabled flow, one another process runs, and a dry run do not).</summary>
    public bool TookLease { get; private set; }

    private bool Planning => _planner is not null;

    /// <summary>What the cycle carries from page to page; set when its phases start.</summary>
    private CycleState State => _state ?? throw new InvalidOperationException($"{Name}: the cycle's phases have not started.");

    private string Name => _flow.ToString();

    /// <summary>Whether records born in the host create remote records.</summary>
    private bool CreatesRemote => _mapper.Origin is SyncOrigin.Local or SyncOrigin.Both && _capabilities.CanCreate;

    /// <summary>Whether records born in the remote system create host records.</summary>
    private bool CreatesHost => _mapper.Origin is SyncOrigin.Remote or SyncOrigin.Both;

    /// <summary>Which side wins a first-contact difference the field's rule and the clock leave open: the side records are born on.</summary>
    private SyncSide FirstContact => _mapper.Origin == SyncOrigin.Remote ? SyncSide.Remote : SyncSide.Local;

    /// <summary>Runs the cycle. Stops (with <see cref="SyncFlowReport.Stopped"/>) rather than throws when a system or a limit ends it early.</summary>
    public async Task<SyncFlowReport> RunAsync()
    {
        using var span = SyncTracing.StartCycle(_tags, Planning);
        var callsBefore = _connector.ApiCalls;
        try
        {
            if (!_options.Enabled)
            {
                Stop("the flow is disabled");
                return Report;
            }

            if (!Planning && await AcquireLeaseAsync().ConfigureAwait(false) is { } heldBy)
            {
                Stop(heldBy);
                return Report;
            }

            if (CreatesRemote && !_capabilities.ProtectsCreates(_mapper.MatchKeys) && _context.UnprotectedReported.TryAdd(_flow, true))
            {
                EngineLog.UnprotectedCreates(_context.Logger, Name, _mapper.Target.System);
            }

            if (!Planning)
            {
                await CheckHoldAsync().ConfigureAwait(false);
            }

            await RunPhasesAsync().ConfigureAwait(false);
            await EndHoldAsync().ConfigureAwait(false);
            _context.Health.Succeeded(_mapper.Target.System, _context.Time.GetUtcNow());
        }
        catch (Exception error) when (StopErrors.EndsCycle(error))
        {
            Stop(error.Message);
            if (error is SyncMassChangeException tripped && !Planning)
            {
                await HoldAsync(tripped).ConfigureAwait(false);
            }

            Report.Failed = error is not SyncMassChangeException and not SyncLeaseLostException;
            Report.RetryAt = (error as SyncQuotaExhaustedException)?.ResetsAt;
            if (Report.Failed)
            {
                _context.Health.Failed(_mapper.Target.System, error, _context.Time.GetUtcNow());
                SyncTracing.Failed(span, error);
            }
        }
        finally
        {
            var calls = _connector.ApiCalls - callsBefore;
            Report.ApiCalls = (int)calls;
            _context.Metrics.ApiCalls(_tags, calls);
            SyncTracing.Finished(span, Report);
            await ReleaseLeaseAsync().ConfigureAwait(false);
        }

        Report.Linked = await CountLinksAsync().ConfigureAwait(false);
        _progress?.Report(new SyncProgress(_definition.Name, _mapper.Target, SyncStage.Done, _state?.Processed ?? 0));
        EngineLog.CycleDone(_context.Logger, Name, Report.Read, Report.Created, Report.Updated, Report.Deleted, Report.Conflicts, Report.Quarantined, Report.ApiCalls);
        return Report;
    }

    private async Task RunPhasesAsync()
    {
        var start = await CycleStart.ReadAsync(_context.Links, _flow, _cancellationToken).ConfigureAwait(false);
        EngineLog.CycleStarted(_context.Logger, Name, start.HostCursor?.ToString(), start.RemoteCursor);
        var breaker = new MassChangeBreaker(await CountLinksAsync().ConfigureAwait(false), _options, Planning, approved: _hold is { IsApproved: true });

        // The lease was taken (or renewed) just now: the first commit of cursors alone may wait from here.
        using (var hostIndex = new HostChangeIndex(_context.Options.HostIndexInMemory, _context.Options.ScratchDirectory))
        {
            _state = new CycleState(start, breaker, hostIndex, _context.Time.GetUtcNow());
            await RetryReleasedAsync(start.Quarantine.Where(entry => entry.IsReleased).ToList()).ConfigureAwait(false);
            if (!await SyncNotifiedRecordsAsync().ConfigureAwait(false))
            {
                await SyncRemoteChangesAsync(start.RemoteCursor).ConfigureAwait(false);
                await SyncHostChangesAsync(start.HostCursor).ConfigureAwait(false);
                await FindVanishedRemoteRecordsAsync().ConfigureAwait(false);
            }

            await CommitDeferredCursorsAsync().ConfigureAwait(false);
        }

        if (Planning)
        {
            // The plan listed every change; it stops where the cycle would, at the breaker, with the whole count.
            breaker.ThrowIfPassed(_flow);
        }
    }

    private void Stop(string reason)
    {
        Report.Stopped = true;
        Report.StopReason = reason;
        EngineLog.CycleStopped(_context.Logger, Name, reason);
    }

    /// <summary>
    /// Takes the flow's lease, first waiting for a cycle of the flow this process is running over the same link store.
    /// Returns null when the lease is taken, else why the cycle cannot run.
    /// </summary>
    private async Task<string?> AcquireLeaseAsync()
    {
        var gate = FlowGates.For(_context.Links, _flow);
        if (!await gate.WaitAsync(0, _cancellationToken).ConfigureAwait(false))
        {
            LeaseLog.WaitingForRunningCycle(_context.Logger, Name);
            await gate.WaitAsync(_cancellationToken).ConfigureAwait(false);
        }

        _gate = gate;
        var owner = LeaseOwner.ForThisProcess();
        var links = _context.Links;
        var duration = _context.Options.LeaseDuration;
        if (await links.TryAcquireLeaseAsync(_flow, owner, duration, _cancellationToken).ConfigureAwait(false) is { } lease)
        {
            return Held(lease);
        }

        var holder = await links.GetLeaseOwnerAsync(_flow, _cancellationToken).ConfigureAwait(false);
        if (holder is not null
            && LeaseOwner.IsGoneFromThisMachine(holder)
            && await links.TakeOverLeaseAsync(_flow, holder, owner, duration, _cancellationToken).ConfigureAwait(false) is { } takenOver)
        {
            return Held(takenOver);
        }

        ReleaseGate();
        if (holder is not null && LeaseOwner.IsThisProcess(holder))
        {
            return "this process runs the flow through another link store on the same file; register one link store per file and process";
        }

        EngineLog.LeaseHeld(_context.Logger, Name);
        return holder is null ? "another process is running this flow" : $"another process is running this flow (its lease is held by {holder})";
    }

    /// <summary>Keeps the lease the cycle got, renewed in the background while the cycle runs; null: the cycle can run.</summary>
    private string? Held(SyncLease lease)
    {
        _lease = lease;
        TookLease = true;
        _renewal = LeaseRenewal.Start(_context.Links, lease, _context.Options.LeaseDuration, _context.Time, _context.Logger);
        return null;
    }

    /// <summary>
    /// Renews the lease before a unit's first write and again before its commit. A lease another process took over
    /// meanwhile (this one was paused past it while it decided the unit or wrote it) stops the cycle with
    /// <see cref="SyncLeaseLostException"/>: it sends no create under intents of its own that the new holder cannot know
    /// of, and commits nothing stale.
    /// </summary>
    private async Task KeepLeaseAsync()
    {
        if (_lease is { } lease
            && !await _context.Links.RenewLeaseAsync(_flow, lease.Owner, _context.Options.LeaseDuration, _cancellationToken).ConfigureAwait(false))
        {
            throw new SyncLeaseLostException(Name);
        }
    }

    private async Task ReleaseLeaseAsync()
    {
        if (_renewal is { } renewal)
        {
            _renewal = null;
            await renewal.DisposeAsync().ConfigureAwait(false);
        }

        if (_lease is { } lease)
        {
            _lease = null;
            await _context.Links.ReleaseLeaseAsync(_flow, lease.Owner, CancellationToken.None).ConfigureAwait(false);
        }

        ReleaseGate();
    }

    private void ReleaseGate()
    {
        _gate?.Release();
        _gate = null;
    }

    private Task<int> CountLinksAsync() => _context.Links.CountLinksAsync(_flow, _cancellationToken);
}
