using Hierarchy.Grains.Units;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Access;

/// <summary>The outcome of an access check: the caller and the unit when allowed, or the answer to send when not.</summary>
public sealed record UnitAccess(Caller? Caller, UnitInfo? Unit, IResult? Denied)
{
    public static UnitAccess Deny(IResult result) => new(null, null, result);

    public bool Allowed => Denied is null;
}
