namespace SesamTalk.Connectors.Engine;

/// <summary>
/// The field-level three-way merge of a linked pair: each side's value is compared with the value both last agreed
/// on, so a field changed on one side travels to the other, a field changed on both is a conflict settled by the
/// field's rule (latest wins by default; an empty value never overwrites a value), and unchanged fields are not written.
/// Child collections merge line by line (<see cref="LineMerge"/>).
/// </summary>
internal static class FieldMerge
{
    /// <summary>Merges a host record and a remote record of one link.</summary>
    /// <param name="fields">The mapper's merge units.</param>
    /// <param name="type">The remote type.</param>
    /// <param name="host">The host record mapped to the remote shape (references as remote ids).</param>
    /// <param name="remote">The remote record; fields it lacks count as unchanged.</param>
    /// <param name="agreed">The last agreed state, or null on first contact (a match, or a link made by hand).</param>
    /// <param name="clock">When each side last changed, for latest-wins.</param>
    /// <param name="firstContact">Which side wins when the field's rule is latest-wins and the clock cannot tell.</param>
    public static MergeOutcome Merge(IReadOnlyList<MergeField> fields, string type, SyncRecord host, SyncRecord remote, AgreedState? agreed, MergeClock clock, SyncSide firstContact)
    {
        var outcome = new MergeOutcome(type, agreed?.Copy() ?? AgreedState.Empty());
        foreach (var field in fields)
        {
            string? agreedToken = agreed is not null && agreed.TryGet(field.Name, out var known) ? known : null;
            var storedToken = agreed?.RemoteToken(field.Name);
            if (!field.IsScalar)
            {
                // Lines print themselves one by one; a token of the whole collection would be computed for nothing,
                // unless the remote system stores the agreed lines in another form, whose token then says whether they changed.
                var remoteAsAgreed = agreed is not null && agreed.StoresOtherForm(field.Name) && field.Token(remote) == storedToken;
                LineMerge.Merge(outcome, field, host, remoteAsAgreed ? null : LineMerge.LinesOf(remote, field.Name), agreedToken, clock, firstContact);
                continue;
            }

            var hostToken = field.Direction == FieldDirection.FromRemote ? null : field.Token(host);
            var remoteToken = field.Direction == FieldDirection.ToRemote ? null : field.Token(remote);
            switch (field.Direction)
            {
                case FieldDirection.ToRemote when hostToken is not null && hostToken != agreedToken:
                    if (hostToken != (agreedToken ?? field.Token(remote)))
                    {
                        WriteRemote(outcome, field, host);
                    }

                    outcome.Agreed.Set(field.Name, hostToken);
                    break;
                case FieldDirection.FromRemote when remoteToken is not null && remoteToken != storedToken:
                    if (remoteToken != (storedToken ?? field.Token(host)))
                    {
                        outcome.ToHost[field.Name] = remote[field.Name];
                    }

                    outcome.Agreed.Set(field.Name, remoteToken);
                    break;
                case FieldDirection.Both:
                    MergeShared(outcome, field, host, remote, new FieldTokens(hostToken ?? agreedToken, remoteToken ?? storedToken, agreedToken, storedToken), clock, firstContact, pairIsNew: agreed is null);
                    break;
            }
        }

        return outcome;
    }

    /// <summary>Who wins a field both sides changed: an empty value never overwrites a value; then the field's rule.</summary>
    public static SyncSide Resolve(ConflictRule rule, SyncValue hostValue, SyncValue remoteValue, MergeClock clock, SyncSide tie)
    {
        if (hostValue.IsEmpty != remoteValue.IsEmpty)
        {
            return hostValue.IsEmpty ? SyncSide.Remote : SyncSide.Local;
        }

        return rule switch
        {
            ConflictRule.LocalWins => SyncSide.Local,
            ConflictRule.RemoteWins => SyncSide.Remote,
            _ => clock.Latest ?? tie,
        };
    }

    private static void MergeShared(MergeOutcome outcome, MergeField field, SyncRecord host, SyncRecord remote, FieldTokens tokens, MergeClock clock, SyncSide firstContact, bool pairIsNew)
    {
        if (tokens.Host is null || tokens.Remote is null)
        {
            if (pairIsNew)
            {
                FillMissing(outcome, field, host, remote, tokens);
            }

            // Later, a side that does not carry the field (a record the cycle did not read) has nothing to compare.
            return;
        }

        if (tokens.Host == tokens.Remote)
        {
            outcome.Agreed.Set(field.Name, tokens.Host);
            return;
        }

        var hostChanged = tokens.Agreed is null || tokens.Host != tokens.Agreed;
        var remoteChanged = tokens.Agreed is null || tokens.Remote != tokens.Stored;
        if (!hostChanged && !remoteChanged)
        {
            return; // each side holds the agreed value, the remote system in the form it stored it
        }

        SyncSide winner;
        if (hostChanged != remoteChanged)
        {
            winner = hostChanged ? SyncSide.Local : SyncSide.Remote;
        }
        else
        {
            var hostValue = host.TryGetValue(field.Name, out var h) ? h : SyncValue.Null;
            var remoteValue = remote.TryGetValue(field.Name, out var r) ? r : SyncValue.Null;
            winner = Resolve(field.Rule, hostValue, remoteValue, clock, firstContact);
            if (tokens.Agreed is not null)
            {
                outcome.Conflicts.Add(new MergeConflict(field.Name, hostValue.ToString(), remoteValue.ToString(), field.Rule, winner));
            }
        }

        if (winner == SyncSide.Local)
        {
            WriteRemote(outcome, field, host);
            outcome.Agreed.Set(field.Name, tokens.Host);
            if (!field.Updateable)
            {
                // The remote record keeps its value: it is the form the remote system holds the agreed value in, so
                // the next merge does not take it for a remote edit and write it over the host's.
                outcome.Agreed.SetRemote(field.Name, tokens.Remote);
            }
        }
        else
        {
            outcome.ToHost[field.Name] = remote[field.Name];
            outcome.Agreed.Set(field.Name, tokens.Remote);
        }
    }

    /// <summary>
    /// On first contact both records were read whole, so one that lacks the field has no value there: the other side's
    /// value fills it (an empty value never overwrites a value), and both agree on it from then on. Without the agreed
    /// value, a later edit on the side that lacked it would meet "both changed, times unknown" and lose to the other.
    /// </summary>
    private static void FillMissing(MergeOutcome outcome, MergeField field, SyncRecord host, SyncRecord remote, FieldTokens tokens)
    {
        if (tokens.Host is { } hostToken)
        {
            if (!host[field.Name].IsEmpty)
            {
                WriteRemote(outcome, field, host);
            }

            outcome.Agreed.Set(field.Name, hostToken);
        }
        else if (tokens.Remote is { } remoteToken)
        {
            if (!remote[field.Name].IsEmpty)
            {
                outcome.ToHost[field.Name] = remote[field.Name];
            }

            outcome.Agreed.Set(field.Name, remoteToken);
        }
    }

    private static void WriteRemote(MergeOutcome outcome, MergeField field, SyncRecord host)
    {
        // A field the API will not update is left alone; the agreed state still moves on, so it is not retried forever.
        if (field.Updateable)
        {
            outcome.ToRemote[field.Name] = host[field.Name];
        }
    }

    /// <param name="Host">The host's token.</param>
    /// <param name="Remote">The remote token.</param>
    /// <param name="Agreed">The agreed token (the host's form), or null on first contact.</param>
    /// <param name="Stored">The agreed value's token as the remote system stores it, or null on first contact.</param>
    private readonly record struct FieldTokens(string? Host, string? Remote, string? Agreed, string? Stored);
}
