using System.Linq.Expressions;
using System.Reflection;
using Hierarchy.Actors.Concurrency;

namespace Hierarchy.Actors.Runtime;

/// <summary>
/// One grain interface method, compiled once: how to run it on a grain object and how to hand its result back to a
/// caller in the return type the interface declares.
/// </summary>
internal abstract class GrainMethodInvoker
{
    protected GrainMethodInvoker(MethodInfo method)
    {
        Method = method;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        IsOneWay = method.GetCustomAttribute<OneWayAttribute>() is not null;
        AlwaysInterleave = method.GetCustomAttribute<AlwaysInterleaveAttribute>() is not null;
        IsReadOnly = method.GetCustomAttribute<ReadOnlyAttribute>() is not null;
    }

    public MethodInfo Method { get; }

    public string Name { get; }

    public bool IsOneWay { get; }

    public bool AlwaysInterleave { get; }

    public bool IsReadOnly { get; }

    public abstract Request CreateRequest(object?[]? arguments);

    /// <summary>Runs the method directly on a local object, for observers.</summary>
    public abstract ValueTask InvokeUntypedAsync(object target, object?[]? arguments);

    /// <summary>What the caller's proxy returns for a dispatched request.</summary>
    public abstract object? ReturnValue(Request request);

    public static GrainMethodInvoker Create(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType}.{method.Name} is generic; grain methods must not be.");
        }

        var returnType = method.ReturnType;
        Type resultType;
        ReturnKind kind;
        if (returnType == typeof(Task))
        {
            (resultType, kind) = (typeof(object), ReturnKind.Task);
        }
        else if (returnType == typeof(ValueTask))
        {
            (resultType, kind) = (typeof(object), ReturnKind.ValueTask);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            (resultType, kind) = (returnType.GetGenericArguments()[0], ReturnKind.TaskOfT);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            (resultType, kind) = (returnType.GetGenericArguments()[0], ReturnKind.ValueTaskOfT);
        }
        else
        {
            throw new NotSupportedException($"Grain method {method.DeclaringType}.{method.Name} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }

        var invokerType = typeof(GrainMethodInvoker<>).MakeGenericType(resultType);
        return (GrainMethodInvoker)Activator.CreateInstance(invokerType, method, kind)!;
    }

    internal enum ReturnKind
    {
        Task,
        ValueTask,
        TaskOfT,
        ValueTaskOfT,
    }
}

internal sealed class GrainMethodInvoker<TResult> : GrainMethodInvoker
{
    private readonly Func<object, object?[]?, ValueTask<TResult>> body;
    private readonly ReturnKind kind;

    public GrainMethodInvoker(MethodInfo method, ReturnKind kind)
        : base(method)
    {
        if (IsOneWay && kind is not (ReturnKind.Task or ReturnKind.ValueTask))
        {
            throw new NotSupportedException($"One-way method {Name} must return Task or ValueTask: nobody waits for its result.");
        }

        this.kind = kind;
        body = Compile(method, kind);
    }

    /// <summary>Whether the method returns a result (Task&lt;T&gt; or ValueTask&lt;T&gt;) rather than only completing.</summary>
    public bool HasResult => kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;

    /// <summary>Whether the method returns Task&lt;T&gt;, whose completed task can be handed to the caller as is.</summary>
    public bool ReturnsTaskOfResult => kind == ReturnKind.TaskOfT;

    public ValueTask<TResult> Execute(object grain, object?[]? arguments) => body(grain, arguments);

    public override Request CreateRequest(object?[]? arguments) => new Request<TResult>(this, arguments);

    public override ValueTask InvokeUntypedAsync(object target, object?[]? arguments)
    {
        var result = body(target, arguments);
        return result.IsCompletedSuccessfully ? default : new ValueTask(result.AsTask());
    }

    public override object? ReturnValue(Request request)
    {
        if (IsOneWay)
        {
            return kind == ReturnKind.Task ? Task.CompletedTask : default(ValueTask);
        }

        var call = (Request<TResult>)request;
        if (call.TryGetEarlyAnswer(out var answer))
        {
            return kind switch
            {
                ReturnKind.Task => Task.CompletedTask,
                ReturnKind.ValueTask => default(ValueTask),
                ReturnKind.TaskOfT => answer,
                _ => new ValueTask<TResult>(answer!),
            };
        }

        var task = call.Task;
        return kind switch
        {
            ReturnKind.Task or ReturnKind.TaskOfT => task,
            ReturnKind.ValueTask => new ValueTask(task),
            _ => new ValueTask<TResult>(task),
        };
    }

    private static Func<object, object?[]?, ValueTask<TResult>> Compile(MethodInfo method, ReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters();
        var call = Expression.Call(
            Expression.Convert(grain, method.DeclaringType!),
            method,
            parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        Expression body = kind switch
        {
            ReturnKind.TaskOfT => Expression.New(typeof(ValueTask<TResult>).GetConstructor([typeof(Task<TResult>)])!, call),
            ReturnKind.ValueTaskOfT => call,
            ReturnKind.Task => Expression.Call(typeof(TaskAdapters).GetMethod(nameof(TaskAdapters.FromTask))!, call),
            _ => Expression.Call(typeof(TaskAdapters).GetMethod(nameof(TaskAdapters.FromValueTask))!, call),
        };
        return Expression.Lambda<Func<object, object?[]?, ValueTask<TResult>>>(body, grain, arguments).Compile();
    }
}
