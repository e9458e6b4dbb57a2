namespace Hierarchy.Silo.Access;

/// <summary>
/// What a token may do: a branch secretary reports for one branch; a board reads its subtree and sets quotas below it;
/// a standing committee reads its subtree. An admin (IT staff) is bound to no unit: it opens the Orleans dashboard
/// and reads no unit data, so running the silo never needs a token that sees members' figures.
/// </summary>
public enum SiloRole
{
    Branch,
    Board,
    Committee,
    Admin,
}
