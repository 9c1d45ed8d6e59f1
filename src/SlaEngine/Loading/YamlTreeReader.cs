using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using SlaEngine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SlaEngine.Loading;

/// <summary>
/// Reads YAML text into a <see cref="YamlNode"/> tree with YamlDotNet's event parser, enforcing the limits for
/// untrusted input (1 MiB, nesting depth 64, 10,000 alias-expanded nodes, no type tags; see <c>docs/limits.md</c>).
/// </summary>
/// <remarks>
/// Only the low-level parser is used: no object graph is ever deserialized and no .NET type is instantiated from a tag.
/// Any explicit tag (<c>!foo</c>, <c>!!str</c>, <c>!!python/object</c>) is an error. The limits are checked while
/// parsing, so a hostile document is rejected after reading at most <see cref="MaxDocumentBytes"/> bytes and
/// expanding at most <see cref="MaxAliasExpansion"/> aliased nodes.
/// </remarks>
internal static partial class YamlTreeReader
{
    /// <summary>The largest document accepted, in UTF-8 bytes (1 MiB).</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The largest number of nodes that aliases may add to the tree when expanded.</summary>
    public const long MaxAliasExpansion = 10_000;

    /// <summary>Reads a single YAML document.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    /// <returns>The root node; <see langword="null"/> when the document is empty or could not be read.</returns>
    public static YamlNode? Read(string text, DiagnosticBag diagnostics)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxDocumentBytes)
        {
            diagnostics.Error(
                DiagnosticCodes.DocumentTooLarge,
                1,
                1,
                DiagnosticBag.Invariant($"the document is larger than {MaxDocumentBytes} bytes (1 MiB); it was not read"));
            return null;
        }

        // YamlDotNet reads a NUL as the end of the text: whatever follows it would be silently dropped.
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var (nulLine, nulColumn) = PositionAt(text, nul);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, nulLine, nulColumn, "YAML syntax error: a NUL character (U+0000) is not allowed in YAML text");
            return null;
        }

        var state = new ReaderState(diagnostics, text);
        var parser = new Parser(new StringReader(text));
        try
        {
            return state.Run(parser);
        }
        catch (YamlException ex)
        {
            var (line, column) = InsideText(text, ex.Start.Line, ex.Start.Column);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, line, column, "YAML syntax error: " + CleanMessage(ex.Message));
            return null;
        }
        catch (LimitExceededException)
        {
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // YamlDotNet occasionally fails on malformed input with a non-YAML exception; it is still a syntax error here.
            var mark = parser.Current?.Start;
            var (line, column) = InsideText(text, mark?.Line ?? 1, mark?.Column ?? 1);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, line, column, "YAML syntax error: the document could not be read past this point");
            return null;
        }
    }

    /// <summary>
    /// Keeps a reported position inside the text: YamlDotNet puts the end of a text without a final line break on the
    /// line after it, which no editor can show; that becomes the end of the last line.
    /// </summary>
    private static (int Line, int Column) InsideText(string text, long line, long column)
    {
        var (lastLine, lastColumn) = PositionAt(text, text.Length);
        if (line >= lastLine)
        {
            return line > lastLine || column > lastColumn ? (lastLine, lastColumn) : ((int)line, (int)Math.Max(1, column));
        }

        return ((int)Math.Max(1, line), (int)Math.Max(1, column));
    }

    /// <summary>The 1-based line and column of <paramref name="index"/>, counting YAML line breaks (CR LF, CR, LF, NEL, LS, PS).</summary>
    private static (int Line, int Column) PositionAt(string text, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < index; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < index && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static string CleanMessage(string message)
    {
        var cleaned = MarkPrefix().Replace(message, string.Empty).Trim();
        if (cleaned.Length > 0 && char.IsUpper(cleaned[0]))
        {
            cleaned = char.ToLowerInvariant(cleaned[0]) + cleaned[1..];
        }

        return cleaned.TrimEnd('.');
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    private sealed class LimitExceededException : Exception
    {
    }

    private sealed class Frame
    {
        public Frame(bool isMapping, int line, int column, string? anchor)
        {
            IsMapping = isMapping;
            Line = line;
            Column = column;
            Anchor = anchor;
        }

        public bool IsMapping { get; }

        public int Line { get; }

        public int Column { get; }

        public string? Anchor { get; }

        public List<YamlNode> Items { get; } = [];

        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public bool ExpectingValue { get; set; }

        public YamlScalar? PendingKey { get; set; }

        public bool SkipValue { get; set; }

        public long Size { get; set; } = 1;

        public int Height { get; set; } = 1;
    }

    private sealed class ReaderState
    {
        private readonly DiagnosticBag _diagnostics;
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, (YamlNode Node, long Size, int Height)> _anchors = new(StringComparer.Ordinal);
        private long _aliasExpansion;
        private YamlNode? _root;
        private bool _rootSet;

        private readonly string _text;
        private readonly (int Line, int Column) _end;

        public ReaderState(DiagnosticBag diagnostics, string text)
        {
            _diagnostics = diagnostics;
            _text = text;
            _end = PositionAt(text, text.Length);
        }

        public YamlNode? Run(IParser parser)
        {
            var documents = 0;
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            _diagnostics.Error(
                                DiagnosticCodes.MultipleDocuments,
                                Line(start.Start),
                                Column(start.Start),
                                "a policy file holds exactly one YAML document; a second document starts here");
                            return null;
                        }

                        break;
                    case Scalar scalar:
                        CheckTag(scalar);
                        var (line, column) = Inside(scalar.Start);
                        var node = new YamlScalar(scalar.Value, StyleOf(scalar.Style), line, column, _text, (int)Math.Min(scalar.Start.Index, int.MaxValue), (int)Math.Min(scalar.End.Index, int.MaxValue));
                        Remember(scalar, node, 1, 0);
                        Emit(node, 1, 0);
                        break;
                    case MappingStart mapping:
                        CheckTag(mapping);
                        Push(new Frame(true, Line(mapping.Start), Column(mapping.Start), AnchorOf(mapping)), mapping.Start);
                        break;
                    case SequenceStart sequence:
                        CheckTag(sequence);
                        Push(new Frame(false, Line(sequence.Start), Column(sequence.Start), AnchorOf(sequence)), sequence.Start);
                        break;
                    case MappingEnd or SequenceEnd:
                        Pop();
                        break;
                    case AnchorAlias alias:
                        ResolveAlias(alias);
                        break;
                }
            }

            return _rootSet ? _root : null;
        }

        /// <summary>A scalar's position, kept inside the text: an empty value at the very end is placed after YamlDotNet's end of text, on a line that does not exist.</summary>
        private (int Line, int Column) Inside(Mark mark)
        {
            var line = Line(mark);
            var column = Column(mark);
            return line > _end.Line || (line == _end.Line && column > _end.Column) ? _end : (line, column);
        }

        private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

        private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

        private static string ShortTag(string tag) =>
            tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

        private static string? AnchorOf(NodeEvent node) => node.Anchor.IsEmpty ? null : node.Anchor.Value;

        private static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal or ScalarStyle.Folded => YamlScalarStyle.Block,
            _ => YamlScalarStyle.Plain,
        };

        private void CheckTag(NodeEvent node)
        {
            if (!node.Tag.IsEmpty)
            {
                _diagnostics.Error(
                    DiagnosticCodes.TypeTagNotAllowed,
                    Line(node.Start),
                    Column(node.Start),
                    DiagnosticBag.Invariant($"YAML type tags are not allowed (found `{ShortTag(node.Tag.Value)}`); remove the tag"));
            }
        }

        private void Push(Frame frame, Mark start)
        {
            if (_stack.Count + 1 > MaxDepth)
            {
                _diagnostics.Error(
                    DiagnosticCodes.NestingTooDeep,
                    Line(start),
                    Column(start),
                    DiagnosticBag.Invariant($"the document nests mappings and lists deeper than {MaxDepth} levels"));
                throw new LimitExceededException();
            }

            _stack.Push(frame);
        }

        private void Pop()
        {
            var frame = _stack.Pop();
            YamlNode node = frame.IsMapping
                ? new YamlMapping(frame.Entries.ToImmutableArray(), frame.Line, frame.Column)
                : new YamlSequence(frame.Items.ToImmutableArray(), frame.Line, frame.Column);
            if (frame.Anchor is not null)
            {
                _anchors[frame.Anchor] = (node, frame.Size, frame.Height);
            }

            Emit(node, frame.Size, frame.Height);
        }

        private void Remember(NodeEvent nodeEvent, YamlNode node, long size, int height)
        {
            if (!nodeEvent.Anchor.IsEmpty)
            {
                _anchors[nodeEvent.Anchor.Value] = (node, size, height);
            }
        }

        private void ResolveAlias(AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                _diagnostics.Error(
                    DiagnosticCodes.UnknownAlias,
                    Line(alias.Start),
                    Column(alias.Start),
                    DiagnosticBag.Invariant($"the alias `*{alias.Value.Value}` refers to no anchor defined before it"));
                Emit(new YamlScalar(string.Empty, YamlScalarStyle.Plain, Line(alias.Start), Column(alias.Start)), 1, 0);
                return;
            }

            _aliasExpansion += target.Size;
            if (_aliasExpansion > MaxAliasExpansion)
            {
                _diagnostics.Error(
                    DiagnosticCodes.AliasExpansionTooLarge,
                    Line(alias.Start),
                    Column(alias.Start),
                    DiagnosticBag.Invariant($"aliases expand to more than {MaxAliasExpansion} nodes; the document was not read"));
                throw new LimitExceededException();
            }

            if (_stack.Count + target.Height > MaxDepth)
            {
                _diagnostics.Error(
                    DiagnosticCodes.NestingTooDeep,
                    Line(alias.Start),
                    Column(alias.Start),
                    DiagnosticBag.Invariant($"the alias `*{alias.Value.Value}` nests mappings and lists deeper than {MaxDepth} levels"));
                throw new LimitExceededException();
            }

            Emit(target.Node, target.Size, target.Height);
        }

        private void Emit(YamlNode node, long size, int height)
        {
            if (_stack.Count == 0)
            {
                _root = node;
                _rootSet = true;
                return;
            }

            var parent = _stack.Peek();
            parent.Size = Math.Min(parent.Size + size, long.MaxValue / 4);
            parent.Height = Math.Max(parent.Height, height + 1);
            if (!parent.IsMapping)
            {
                parent.Items.Add(node);
                return;
            }

            if (!parent.ExpectingValue)
            {
                parent.ExpectingValue = true;
                parent.PendingKey = null;
                parent.SkipValue = false;
                if (node is not YamlScalar key)
                {
                    _diagnostics.Error(
                        DiagnosticCodes.NonScalarKey,
                        node.Line,
                        node.Column,
                        DiagnosticBag.Invariant($"a key must be a plain value, not {node.KindName}"));
                    parent.SkipValue = true;
                }
                else if (!parent.Keys.Add(key.Value))
                {
                    _diagnostics.Error(
                        DiagnosticCodes.DuplicateKey,
                        key.Line,
                        key.Column,
                        DiagnosticBag.Invariant($"duplicate key `{key.Value}`; a key may appear only once in a mapping"));
                    parent.SkipValue = true;
                }
                else
                {
                    parent.PendingKey = key;
                }

                return;
            }

            parent.ExpectingValue = false;
            if (!parent.SkipValue && parent.PendingKey is not null)
            {
                parent.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(parent.PendingKey, node));
            }
        }
    }
}
