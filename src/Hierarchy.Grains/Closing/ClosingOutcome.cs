namespace Hierarchy.Grains.Closing;

[GenerateSerializer]
public enum ClosingOutcome
{
    /// <summary>Closed now; durable before this answer.</summary>
    Closed,

    /// <summary>Closed before; nothing changed.</summary>
    AlreadyClosed,

    /// <summary>The unit and the units below it that were closed are open again.</summary>
    Reopened,

    /// <summary>Some units below have not closed the period.</summary>
    ChildrenOpen,

    /// <summary>The unit above is closed, so this one does not reopen alone.</summary>
    ParentClosed,

    /// <summary>The period is not closed at this unit.</summary>
    NotClosed,

    Invalid,
    UnknownUnit,
}
