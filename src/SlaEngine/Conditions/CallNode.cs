namespace SlaEngine.Conditions;

/// <summary>A function call: <c>exists(x)</c>, <c>count(type)</c>, <c>count(type, 30 days)</c> or <c>days_since(x)</c>.</summary>
internal sealed class CallNode : ConditionNode
{
    /// <summary>Initializes a new instance of the <see cref="CallNode"/> class.</summary>
    /// <param name="function">The function.</param>
    /// <param name="argument">The attribute name or event type.</param>
    /// <param name="argumentIsString">Whether the argument was written as a string literal.</param>
    /// <param name="window">The window of <c>count</c>, if any.</param>
    /// <param name="offset">The offset of the function name.</param>
    /// <param name="argumentOffset">The offset of the argument.</param>
    public CallNode(ConditionFunction function, string argument, bool argumentIsString, CountWindow? window, int offset = 0, int argumentOffset = 0)
        : base(offset)
    {
        Function = function;
        Argument = argument;
        ArgumentIsString = argumentIsString;
        Window = window;
        ArgumentOffset = argumentOffset;
    }

    /// <summary>Gets the function.</summary>
    public ConditionFunction Function { get; }

    /// <summary>Gets the attribute name or event type.</summary>
    public string Argument { get; }

    /// <summary>Gets a value indicating whether the argument was written as a string literal.</summary>
    public bool ArgumentIsString { get; }

    /// <summary>Gets the window of <c>count</c>, if any.</summary>
    public CountWindow? Window { get; }

    /// <summary>Gets the offset of the argument in the text.</summary>
    public int ArgumentOffset { get; }

    /// <summary>Gets the function's name as written in conditions.</summary>
    public string FunctionName => NameOf(Function);

    /// <summary>Gets the name of a function as written in conditions.</summary>
    /// <param name="function">The function.</param>
    /// <returns>The name.</returns>
    public static string NameOf(ConditionFunction function) => function switch
    {
        ConditionFunction.Exists => "exists",
        ConditionFunction.Count => "count",
        _ => "days_since",
    };
}
