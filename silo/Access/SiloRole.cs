namespace Hierarchy.Silo.Access;

/// <summary>What a token may do: a branch secretary reports for one branch; a board reads its subtree and sets quotas below it; a standing committee reads its subtree.</summary>
public enum SiloRole
{
    Branch,
    Board,
    Committee,
}
