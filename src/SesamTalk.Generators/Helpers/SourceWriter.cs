using System;
using System.Text;

namespace SesamTalk.Generators.Helpers;

/// <summary>
/// A small indented writer over <see cref="StringBuilder"/>: the Roslyn cookbook's advice for emitting source
/// (cheaper and more readable than SyntaxFactory with NormalizeWhitespace).
/// </summary>
internal sealed class SourceWriter
{
    private const string Indent = "    ";
    private readonly StringBuilder _text = new();
    private int _depth;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _depth; i++)
            {
                _text.Append(Indent);
            }

            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the returned scope is disposed.</summary>
    public Block Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return new Block(this);
    }

    public override string ToString()
    {
        if (_depth != 0)
        {
            throw new InvalidOperationException("Unbalanced blocks in generated source.");
        }

        return _text.ToString();
    }

    private void Close(string closing)
    {
        _depth--;
        Line(closing);
    }

    internal readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;

        public Block(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close("}");
    }
}
