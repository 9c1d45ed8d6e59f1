using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SlaEngine.Import.Maps;

/// <summary>
/// Reads a map file's YAML into a <see cref="MapNode"/> tree with positions. Untrusted input is handled safely: more
/// than 1 MiB, nesting deeper than 64, type tags, anchors and aliases, and a second document are errors; no .NET type is
/// ever created from the YAML.
/// </summary>
internal static class MapYamlReader
{
    /// <summary>The largest map file read, in bytes.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists.</summary>
    public const int MaxDepth = 64;

    public static MapNode? Read(string text, MapDiagnostics diagnostics)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxDocumentBytes)
        {
            diagnostics.Error(ImportDiagnosticCodes.MapYamlNotAllowed, 1, 1, "the map file is larger than 1 MiB; it was not read");
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        MapNode? root = null;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                MapNode? complete = null;
                switch (parser.Current)
                {
                    case DocumentStart start when !start.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Error(ImportDiagnosticCodes.MapYamlNotAllowed, Line(start.Start), Column(start.Start), "a map file holds exactly one YAML document; a second document starts here");
                            return root;
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case AnchorAlias alias:
                        diagnostics.Error(ImportDiagnosticCodes.MapYamlNotAllowed, Line(alias.Start), Column(alias.Start), "aliases (*" + alias.Value.Value + ") are not allowed in a map file; write the value out");
                        complete = new MapScalar(string.Empty, true, Line(alias.Start), Column(alias.Start));
                        break;
                    case Scalar scalar:
                        Check(scalar, diagnostics);
                        complete = new MapScalar(scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, Line(scalar.Start), Column(scalar.Start));
                        break;
                    case MappingStart mapping:
                        Check(mapping, diagnostics);
                        stack.Push(new Frame(true, Line(mapping.Start), Column(mapping.Start)));
                        break;
                    case SequenceStart sequence:
                        Check(sequence, diagnostics);
                        stack.Push(new Frame(false, Line(sequence.Start), Column(sequence.Start)));
                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = stack.Pop();
                        complete = frame.IsMapping
                            ? new MapMapping(frame.Entries, frame.Line, frame.Column)
                            : new MapSequence(frame.Items, frame.Line, frame.Column);
                        break;
                }

                if (stack.Count > MaxDepth)
                {
                    var top = stack.Peek();
                    diagnostics.Error(ImportDiagnosticCodes.MapYamlNotAllowed, top.Line, top.Column, "mappings and lists nest deeper than 64 levels");
                    return null;
                }

                if (complete is null)
                {
                    continue;
                }

                if (stack.Count == 0)
                {
                    root = complete;
                }
                else
                {
                    stack.Peek().Add(complete, diagnostics);
                }
            }
        }
        catch (YamlException e)
        {
            diagnostics.Error(ImportDiagnosticCodes.MapYamlSyntax, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column), "YAML syntax error: " + Clean(e.Message));
            return null;
        }

        if (root is null or MapScalar { IsNull: true })
        {
            diagnostics.Error(ImportDiagnosticCodes.MapYamlSyntax, 1, 1, "the map file is empty; it needs at least `leads` with an `id` column");
            return null;
        }

        return root;
    }

    private static void Check(NodeEvent node, MapDiagnostics diagnostics)
    {
        if (!node.Tag.IsEmpty && !(node is Scalar { Style: not ScalarStyle.Plain } && node.Tag.Value == "!"))
        {
            diagnostics.Error(ImportDiagnosticCodes.MapYamlNotAllowed, Line(node.Start), Column(node.Start), "YAML type tags (" + node.Tag.Value + ") are not allowed in a map file");
        }

        if (!node.Anchor.IsEmpty)
        {
            diagnostics.Error(ImportDiagnosticCodes.MapYamlNotAllowed, Line(node.Start), Column(node.Start), "anchors (&" + node.Anchor.Value + ") are not allowed in a map file");
        }
    }

    private static string Clean(string message)
    {
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("(Line:", StringComparison.Ordinal) && close >= 0 ? message[(close + 3)..] : message;
        text = text.Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    private sealed class Frame
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private MapScalar? _pendingKey;
        private bool _expectingValue;
        private bool _skipValue;

        public Frame(bool isMapping, int line, int column)
        {
            IsMapping = isMapping;
            Line = line;
            Column = column;
        }

        public bool IsMapping { get; }

        public int Line { get; }

        public int Column { get; }

        public List<MapNode> Items { get; } = [];

        public List<KeyValuePair<MapScalar, MapNode>> Entries { get; } = [];

        public void Add(MapNode node, MapDiagnostics diagnostics)
        {
            if (!IsMapping)
            {
                Items.Add(node);
                return;
            }

            if (_expectingValue)
            {
                if (!_skipValue)
                {
                    Entries.Add(new(_pendingKey!, node));
                }

                _expectingValue = false;
                return;
            }

            _expectingValue = true;
            _skipValue = false;
            if (node is not MapScalar key)
            {
                diagnostics.Error(ImportDiagnosticCodes.MapWrongKind, node.Line, node.Column, "a key must be a single value, not " + node.KindName);
                _skipValue = true;
                return;
            }

            if (!_keys.Add(key.Value))
            {
                diagnostics.Error(ImportDiagnosticCodes.MapUnknownKey, key.Line, key.Column, "`" + key.Value + "` appears twice in this mapping");
                _skipValue = true;
                return;
            }

            _pendingKey = key;
        }
    }
}
