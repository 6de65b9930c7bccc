using System.Text;

namespace Photon.TestSupport;

/// <summary>The last lines a child process wrote, kept for error messages (older lines are dropped).</summary>
internal sealed class BoundedOutput(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private long _written;

    /// <summary>How many lines were ever written; a mark for <see cref="ContainsSince"/>.</summary>
    public long Mark
    {
        get
        {
            lock (_lock)
                return _written;
        }
    }

    public void Add(string line)
    {
        lock (_lock)
        {
            _lines.Enqueue(line);
            _written++;
            while (_lines.Count > capacity)
                _lines.Dequeue();
        }
    }

    /// <summary>Whether a line written after <paramref name="mark"/> (and still kept) contains <paramref name="text"/>.</summary>
    public bool ContainsSince(long mark, string text)
    {
        lock (_lock)
        {
            var firstKept = _written - _lines.Count;
            var index = firstKept;
            foreach (var line in _lines)
            {
                if (index++ >= mark && line.Contains(text, StringComparison.Ordinal))
                    return true;
            }
            return false;
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_lock)
            return [.. _lines];
    }

    public override string ToString()
    {
        lock (_lock)
        {
            var text = new StringBuilder();
            foreach (var line in _lines)
                text.AppendLine(line);
            return text.ToString();
        }
    }
}
