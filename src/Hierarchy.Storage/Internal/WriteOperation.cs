namespace Hierarchy.Storage.Internal;

internal enum WriteOperation
{
    /// <summary>Write the state row (insert when no ETag is given, update otherwise) and append journal entries.</summary>
    Write = 0,

    /// <summary>Delete the state row.</summary>
    Clear = 1,

    /// <summary>Append journal entries after checking the ETag, leaving the state row as it is (bar its wake flag).</summary>
    Append = 2,
}
