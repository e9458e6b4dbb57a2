namespace Hierarchy.Silo.Commands;

/// <summary>A sub-command's refusal: its message is the one line the operator sees, with exit code 1.</summary>
public sealed class CommandLineException(string message) : Exception(message);
