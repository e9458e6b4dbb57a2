using System.Security.Cryptography;
using System.Text;

namespace Hierarchy.Grains.Admissions;

/// <summary>Admission ids derive from the branch and the idempotency key, so a retried report gets the same id.</summary>
public static class AdmissionIds
{
    public static string For(string branchId, string idempotencyKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(branchId + "\n" + idempotencyKey), hash);
        return "A" + Convert.ToHexStringLower(hash[..8]);
    }
}
