using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace SlaEngine.Conditions;

/// <summary>
/// A policy's <c>fields:</c> schema: the lead attributes rules may read, with their types. Immutable.
/// Names are case-sensitive, like lead attribute names.
/// </summary>
internal sealed class FieldSchema
{
    /// <summary>Initializes a new instance of the <see cref="FieldSchema"/> class.</summary>
    /// <param name="fields">The fields by name; copied.</param>
    public FieldSchema(IReadOnlyDictionary<string, FieldType> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields.ToImmutableDictionary(StringComparer.Ordinal);
        Sorted = [.. Fields.OrderBy(f => f.Key, StringComparer.Ordinal)];
    }

    /// <summary>Gets the fields sorted by name (ordinal), for a merge with a lead's sorted attributes.</summary>
    internal KeyValuePair<string, FieldType>[] Sorted { get; }

    /// <summary>Gets the fields by name.</summary>
    public IReadOnlyDictionary<string, FieldType> Fields { get; }

    /// <summary>Looks a field up.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="type">Its type when declared.</param>
    /// <returns>Whether the field is declared.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out FieldType? type) => Fields.TryGetValue(name, out type);
}
