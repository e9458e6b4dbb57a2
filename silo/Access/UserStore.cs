using System.Collections.Concurrent;
using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Hierarchy.Storage;
using Orleans.Storage;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Hierarchy.Silo.Access;

/// <summary>Users and their token hashes, one record per user in the silo's store; creation and revocation are journaled.</summary>
public sealed class UserStore(SiloRecords records, TimeProvider time, IOptions<AccessOptions> options)
{
    public const string GrainType = "silo.user";

    private readonly ConcurrentDictionary<string, CachedLookup> cache = new(StringComparer.Ordinal);

    /// <summary>Creates a user and returns the token, which exists only in this answer.</summary>
    public async Task<(UserRecord User, string Token)> AddAsync(string unitId, SiloRole role, string name, string createdBy, bool demo = false)
    {
        var id = AccessTokens.NewUserId();
        var token = AccessTokens.Create(id);
        var state = await records.ReadAsync<UserRecord>(Id(id)).ConfigureAwait(false);
        var now = time.GetUtcNow();
        state.State = new UserRecord
        {
            Id = id,
            Name = name,
            UnitId = unitId,
            Role = role,
            TokenHash = AccessTokens.Hash(token),
            CreatedAt = now,
            CreatedBy = createdBy,
            Demo = demo,
        };
        await records.WriteAndAppendAsync(Id(id), state, [Entry("created", "user.created", state.State, now)]).ConfigureAwait(false);
        return (state.State, token);
    }

    public async Task<UserRecord?> GetAsync(string userId)
    {
        var state = await records.ReadAsync<UserRecord>(Id(userId)).ConfigureAwait(false);
        return state.RecordExists && state.State.Id == userId ? state.State : null;
    }

    /// <summary>Every user ever created, revoked ones included, oldest first.</summary>
    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var (grainId, _) in records.ReadAllJournalAsync(GrainType, "user.created", cancellationToken).ConfigureAwait(false))
        {
            ids.Add(grainId.Key.ToString()!);
        }

        var users = new List<UserRecord>(ids.Count);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await GetAsync(id).ConfigureAwait(false) is { } user)
            {
                users.Add(user);
            }
        }

        return users;
    }

    /// <summary>Revokes a user's token; false when no such user exists. Revoking twice is harmless.</summary>
    public async Task<bool> RevokeAsync(string userId, string by)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await records.ReadAsync<UserRecord>(Id(userId)).ConfigureAwait(false);
            if (!state.RecordExists || state.State.Id != userId)
            {
                return false;
            }

            if (state.State.RevokedAt is not null)
            {
                return true;
            }

            var now = time.GetUtcNow();
            state.State.RevokedAt = now;
            state.State.RevokedBy = by;
            try
            {
                await records.WriteAndAppendAsync(Id(userId), state, [Entry("revoked", "user.revoked", state.State, now)]).ConfigureAwait(false);
                cache.Clear();
                return true;
            }
            catch (InconsistentStateException) when (attempt < 3)
            {
                // Someone else changed the record meanwhile (another revoke); read it again.
            }
        }
    }

    /// <summary>The active user a bearer token belongs to, or null. Remembered briefly; see <see cref="AccessOptions.TokenCacheDuration"/>.</summary>
    public async Task<UserRecord?> FindByTokenAsync(string token)
    {
        if (!AccessTokens.TryGetUserId(token, out var userId))
        {
            return null;
        }

        var hash = AccessTokens.Hash(token);
        var now = time.GetTimestamp();
        if (cache.TryGetValue(hash, out var cached) && time.GetElapsedTime(cached.At, now) < options.Value.TokenCacheDuration)
        {
            return cached.User;
        }

        var user = await GetAsync(userId).ConfigureAwait(false);
        var match = user is { IsActive: true } && AccessTokens.Matches(token, user.TokenHash) ? user : null;
        if (cache.Count > 10_000)
        {
            cache.Clear();
        }

        cache[hash] = new CachedLookup(match, now);
        return match;
    }

    private static GrainId Id(string userId) => GrainId.Create(GrainType, userId);

    private static JournalEntry Entry(string key, string kind, UserRecord user, DateTimeOffset at) =>
        new(key, kind, JsonSerializer.Serialize(new { user.Id, user.Name, user.UnitId, Role = user.Role.ToString(), user.CreatedBy, user.RevokedBy }), at);

    private sealed record CachedLookup(UserRecord? User, long At);
}
