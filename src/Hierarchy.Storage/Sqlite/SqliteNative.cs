using System.Runtime.InteropServices;

namespace Hierarchy.Storage.Sqlite;

/// <summary>
/// The few SQLite calls the writer makes per statement, imported with plain pointers. SQLitePCL wraps every
/// handle in a SafeHandle whose reference counting, on the writer's twenty-odd calls per write, cost more than
/// the calls themselves. The library is the same e_sqlite3 that SQLitePCL (and Microsoft.Data.Sqlite) loaded,
/// resolved by the same name, and the handles passed here stay owned by their SQLitePCL wrappers.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>Tells SQLite to copy the bound bytes, so the caller's buffer can be reused at once.</summary>
    public static readonly IntPtr Transient = new(-1);

    [LibraryImport(Library)]
    public static partial int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [LibraryImport(Library)]
    public static partial int sqlite3_bind_text(IntPtr statement, int index, byte* value, int length, IntPtr destructor);

    [LibraryImport(Library)]
    public static partial int sqlite3_step(IntPtr statement);

    [LibraryImport(Library)]
    public static partial int sqlite3_reset(IntPtr statement);

    [LibraryImport(Library)]
    public static partial int sqlite3_changes(IntPtr db);

    [LibraryImport(Library)]
    public static partial int sqlite3_column_type(IntPtr statement, int column);

    [LibraryImport(Library)]
    public static partial long sqlite3_column_int64(IntPtr statement, int column);
}
