using System.Net;
using Hierarchy.Grains;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Storage;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hierarchy.Silo.Access;

/// <summary>
/// Decides every request: who the caller is (bearer token, or an anonymous reader on a demo database from this
/// machine) and whether the unit is in their scope. No write is ever allowed without a token.
/// </summary>
public sealed class AccessControl(UserStore users, DatabaseModeStore modes, HierarchyService hierarchy, IOptions<AccessOptions> options, TimeProvider time)
{
    private const string CallerKey = "hierarchy.caller";
    private static readonly TimeSpan ModeCacheDuration = TimeSpan.FromSeconds(2);

    // A reference, so that concurrent requests swap it whole and never see half of an update.
    private CachedMode? cachedMode;

    /// <summary>
    /// The caller, or the 401 or 403 to send. Anonymous callers are allowed only when <paramref name="allowAnonymous"/>
    /// and the demo rules hold; admins only when <paramref name="allowAdmin"/>, because an admin token is for running
    /// the silo and must read no unit data (every endpoint that reads or writes units leaves it false).
    /// </summary>
    public async Task<(Caller? Caller, IResult? Denied)> IdentifyAsync(HttpContext context, bool allowAnonymous, bool allowAdmin = false)
    {
        var (caller, denied) = await IdentifyAnyAsync(context, allowAnonymous);
        return caller is { IsAdmin: true } && !allowAdmin
            ? (null, Problems.Forbidden(Messages.AdminReadsNoUnits.Format()))
            : (caller, denied);
    }

    private async Task<(Caller? Caller, IResult? Denied)> IdentifyAnyAsync(HttpContext context, bool allowAnonymous)
    {
        if (context.Items.TryGetValue(CallerKey, out var known) && known is Caller remembered && (allowAnonymous || !remembered.IsAnonymous))
        {
            return (remembered, null);
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            const string Scheme = "Bearer ";
            if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            {
                return (null, Problems.Unauthorized(Messages.BearerFormat.Format()));
            }

            var user = await users.FindByTokenAsync(header[Scheme.Length..].Trim());
            if (user is null)
            {
                return (null, Problems.Unauthorized(Messages.TokenInvalid.Format()));
            }

            var caller = new Caller(user);
            context.Items[CallerKey] = caller;
            return (caller, null);
        }

        if (allowAnonymous && await AnonymousReadsAllowedAsync(context))
        {
            context.Items[CallerKey] = Caller.AnonymousDemoReader;
            return (Caller.AnonymousDemoReader, null);
        }

        return (null, Problems.Unauthorized(allowAnonymous ? Messages.TokenRequiredForReads.Format() : Messages.TokenRequiredForChanges.Format()));
    }

    /// <summary>Reading a unit: branch secretaries their branch, boards and committees their subtree.</summary>
    public async Task<UnitAccess> ForReadAsync(HttpContext context, string unitId)
    {
        var (caller, unit, refusal) = await IdentifyForUnitAsync(context, unitId, allowAnonymous: true);
        if (refusal is not null)
        {
            return refusal;
        }

        return await CanReadAsync(caller!, unitId)
            ? new UnitAccess(caller, unit, null)
            : UnitAccess.Deny(Problems.Forbidden(Messages.OutsideSubtree.Format(unitId)));
    }

    /// <summary>Reporting or correcting admissions: only the secretary of that very branch.</summary>
    public async Task<UnitAccess> ForBranchWriteAsync(HttpContext context, string unitId)
    {
        var (caller, unit, refusal) = await IdentifyForUnitAsync(context, unitId, allowAnonymous: false);
        if (refusal is not null)
        {
            return refusal;
        }

        // The level of a unit is public (the catalogue is), so saying "not a branch" before checking scope leaks nothing.
        if (unit!.Level != UnitLevel.Branch)
        {
            return UnitAccess.Deny(Problems.Validation("branchId", Messages.NotABranch.Format(unitId, DomainMessages.LevelName(unit.Level))));
        }

        return caller!.Role == SiloRole.Branch && caller.UnitId == unitId
            ? new UnitAccess(caller, unit, null)
            : UnitAccess.Deny(Problems.Forbidden(Messages.OnlyTheSecretary.Format(unitId)));
    }

    /// <summary>Setting a quota: a board of an ancestor; a province's board (the top of its tree) may also set its own quota.</summary>
    public async Task<UnitAccess> ForQuotaAsync(HttpContext context, string unitId)
    {
        var (caller, unit, refusal) = await IdentifyForUnitAsync(context, unitId, allowAnonymous: false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (caller!.Role != SiloRole.Board)
        {
            return UnitAccess.Deny(Problems.Forbidden(Messages.OnlyBoardsSetQuotas.Format()));
        }

        var allowed = caller.UnitId == unitId
            ? unit!.ParentId is null
            : await hierarchy.IsWithinAsync(unitId, caller.UnitId!);
        return allowed
            ? new UnitAccess(caller, unit, null)
            : UnitAccess.Deny(Problems.Forbidden(Messages.QuotaSetAbove.Format(unitId)));
    }

    public async Task<bool> CanReadAsync(Caller caller, string unitId) =>
        caller.IsAnonymous
        || caller.UnitId == unitId
        || (caller.Role is SiloRole.Board or SiloRole.Committee && await hierarchy.IsWithinAsync(unitId, caller.UnitId!))
        || await CanReadAsSuccessorAsync(caller, unitId);

    /// <summary>Whoever may read a unit may read the former units it was formed from: a former unit is readable by whoever may read one of the units it went into.</summary>
    private async Task<bool> CanReadAsSuccessorAsync(Caller caller, string unitId)
    {
        if (caller.UnitId is null)
        {
            return false;
        }

        var info = await hierarchy.Unit(unitId).GetInfoAsync();
        if (info.RetiredOn is null)
        {
            return false;
        }

        foreach (var successor in info.Successors ?? [])
        {
            if (successor.Id == caller.UnitId || (caller.Role is SiloRole.Board or SiloRole.Committee && await hierarchy.IsWithinAsync(successor.Id, caller.UnitId)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Who is calling and which unit they ask about; a refusal when either is unknown.</summary>
    public async Task<(Caller? Caller, UnitInfo? Unit, UnitAccess? Refusal)> IdentifyForUnitAsync(HttpContext context, string unitId, bool allowAnonymous)
    {
        var (caller, denied) = await IdentifyAsync(context, allowAnonymous);
        if (denied is not null)
        {
            return (null, null, UnitAccess.Deny(denied));
        }

        var unit = await ExistingUnitAsync(unitId);
        return unit is null
            ? (caller, null, UnitAccess.Deny(Problems.NotFound(Messages.UnitNotFound.Format(unitId))))
            : (caller, unit, null);
    }

    private async Task<UnitInfo?> ExistingUnitAsync(string unitId)
    {
        if (string.IsNullOrWhiteSpace(unitId) || unitId.Length > 64)
        {
            return null;
        }

        var info = await hierarchy.Unit(unitId).GetInfoAsync();
        return info.Exists ? info : null;
    }

    private async Task<bool> AnonymousReadsAllowedAsync(HttpContext context)
    {
        if (!options.Value.AnonymousDemoReads || !IsLoopback(context))
        {
            return false;
        }

        var now = time.GetTimestamp();
        var cached = Volatile.Read(ref cachedMode);
        if (cached is null || time.GetElapsedTime(cached.At, now) > ModeCacheDuration)
        {
            cached = new CachedMode((await modes.GetAsync()).Mode, now);
            Volatile.Write(ref cachedMode, cached);
        }

        return cached.Mode == DatabaseMode.Demo;
    }

    /// <summary>
    /// Loopback and not forwarded: behind a reverse proxy on the same machine every request would look local, so any
    /// forwarding header disqualifies it.
    /// </summary>
    private static bool IsLoopback(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return IPAddress.IsLoopback(remote);
    }

    private sealed record CachedMode(DatabaseMode Mode, long At);
}
