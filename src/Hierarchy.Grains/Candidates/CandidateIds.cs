using System.Security.Cryptography;
using System.Text;

namespace Hierarchy.Grains.Candidates;

/// <summary>Candidate ids derive from the branch and the idempotency key, so a retried request gets the same id.</summary>
public static class CandidateIds
{
    public static string For(string branchId, string idempotencyKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("candidate\n" + branchId + "\n" + idempotencyKey), hash);
        return "C" + Convert.ToHexStringLower(hash[..8]);
    }
}
