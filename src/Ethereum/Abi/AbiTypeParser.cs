using System.Globalization;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Reads ABI types and human-readable parameter lists from text, one token at a time.
/// Grammar (whitespace allowed between tokens):
/// <code>
/// type       := base ('[' digits? ']')*
/// base       := elementary | '(' params? ')' | 'tuple' '(' params? ')'
/// params     := param (',' param)*
/// param      := type 'indexed'? ('memory' | 'calldata' | 'storage')? identifier?
/// </code>
/// Nesting is limited to <see cref="MaxNesting"/> levels so hostile text cannot exhaust the stack.
/// </summary>
internal sealed class AbiTypeParser(string text)
{
    public const int MaxNesting = 32;

    private static readonly HashSet<string> DataLocations = ["memory", "calldata", "storage"];

    private readonly string _text = text;
    private int _position;

    public bool AtEnd
    {
        get
        {
            SkipSpaces();
            return _position >= _text.Length;
        }
    }

    public AbiType ReadType() => ReadType(0);

    public void ExpectEnd()
    {
        if (!AtEnd)
            throw Error($"unexpected '{_text[_position]}'");
    }

    public bool TryRead(char c)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }
        return false;
    }

    public void Expect(char c)
    {
        if (!TryRead(c))
            throw Error(_position < _text.Length ? $"expected '{c}', found '{_text[_position]}'" : $"expected '{c}' at the end");
    }

    /// <summary>Reads an identifier (letters, digits, '_' and '$', not starting with a digit), or null if none is next.</summary>
    public string? TryReadIdentifier()
    {
        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && IsIdentifierChar(_text[_position], _position == start))
            _position++;
        return _position > start ? _text[start.._position] : null;
    }

    public string ReadIdentifier(string what) =>
        TryReadIdentifier() ?? throw Error($"expected {what}");

    /// <summary>Reads <c>( param, … )</c>; the opening parenthesis is expected next.</summary>
    public List<AbiParameter> ReadParameterList(bool allowIndexed) => ReadParameterList(allowIndexed, 0, allowEmpty: true);

    /// <summary>Applies array suffixes such as <c>[2][]</c> (the whole remaining text) to <paramref name="element"/>.</summary>
    public static AbiType ApplySuffixes(AbiType element, string suffixes)
    {
        var parser = new AbiTypeParser(suffixes);
        var type = parser.ReadSuffixes(element);
        parser.ExpectEnd();
        return type;
    }

    /// <summary>Refuses the identifier just read, pointing at its start.</summary>
    public AbiException Unexpected(string word)
    {
        _position -= word.Length;
        return Error($"unexpected '{word}'");
    }

    // The reason may quote a character of the text: escaped, like the text, so no control character reaches a log.
    public AbiException Error(string reason) =>
        new($"cannot parse '{MessageText.Quote(_text, 100)}' at character {_position}: {MessageText.Escape(reason)}");

    private AbiType ReadType(int depth)
    {
        if (depth > MaxNesting)
            throw Error($"types nest deeper than {MaxNesting} levels");
        SkipSpaces();
        AbiType type;
        if (_position < _text.Length && _text[_position] == '(')
        {
            type = new AbiTupleType(ReadParameterList(false, depth + 1, allowEmpty: false));
        }
        else
        {
            var start = _position;
            var name = TryReadIdentifier() ?? throw Error(_position < _text.Length ? $"expected a type, found '{_text[_position]}'" : "expected a type");
            if (name == "tuple")
            {
                SkipSpaces();
                if (_position >= _text.Length || _text[_position] != '(')
                    throw Error("'tuple' must be followed by its components in parentheses");
                type = new AbiTupleType(ReadParameterList(false, depth + 1, allowEmpty: false));
            }
            else
            {
                type = Elementary(name, start);
            }
        }
        return ReadSuffixes(type);
    }

    private AbiType ReadSuffixes(AbiType type)
    {
        var depth = 0;
        while (TryRead('['))
        {
            if (++depth > MaxNesting)
                throw Error($"arrays nest deeper than {MaxNesting} levels");
            SkipSpaces();
            var start = _position;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                _position++;
            var digits = _text[start.._position];
            Expect(']');
            if (digits.Length == 0)
            {
                type = new AbiArrayType(type);
                continue;
            }
            if (digits.Length > 1 && digits[0] == '0')
                throw Error($"array length '{digits}' has a leading zero");
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                throw Error($"array length {digits} is too large");
            type = new AbiFixedArrayType(type, length);
        }
        return type;
    }

    private List<AbiParameter> ReadParameterList(bool allowIndexed, int depth, bool allowEmpty)
    {
        Expect('(');
        var parameters = new List<AbiParameter>();
        if (TryRead(')'))
        {
            return allowEmpty ? parameters : throw Error("() is refused: tuples need at least one component");
        }
        do
        {
            var type = ReadType(depth);
            var indexed = false;
            var name = "";
            var word = TryReadIdentifier();
            if (word == "indexed")
            {
                if (!allowIndexed)
                    throw Error("'indexed' is only allowed on event parameters");
                indexed = true;
                word = TryReadIdentifier();
            }
            if (word is not null && DataLocations.Contains(word))
                word = TryReadIdentifier();
            if (word is not null)
                name = word;
            parameters.Add(new AbiParameter(name, type, indexed));
        }
        while (TryRead(','));
        Expect(')');
        return parameters;
    }

    private AbiType Elementary(string name, int start)
    {
        try
        {
            return name switch
            {
                "address" => AbiType.Address,
                "bool" => AbiType.Bool,
                "string" => AbiType.String,
                "bytes" => AbiType.Bytes,
                "uint" => AbiType.UInt256,
                "int" => AbiType.Int256,
                _ when name.StartsWith("uint", StringComparison.Ordinal) => AbiType.UInt(Width(name, 4, start)),
                _ when name.StartsWith("int", StringComparison.Ordinal) => AbiType.Int(Width(name, 3, start)),
                _ when name.StartsWith("bytes", StringComparison.Ordinal) => AbiType.FixedBytes(Width(name, 5, start)),
                _ when name.StartsWith("fixed", StringComparison.Ordinal) || name.StartsWith("ufixed", StringComparison.Ordinal) =>
                    throw new AbiException($"fixed-point type '{name}' is not supported (Solidity cannot use it either)"),
                "function" => throw new AbiException("the 'function' type is not supported"),
                _ => throw new AbiException($"unknown type '{name}'"),
            };
        }
        // Refusals of the name (and of widths, from the type constructors) point at its start.
        catch (AbiException e) when (!e.Reason.StartsWith("cannot parse", StringComparison.Ordinal))
        {
            _position = start;
            throw Error(e.Reason);
        }
    }

    // The width digits after a prefix: decimal, no sign, no leading zero.
    private int Width(string name, int prefixLength, int start)
    {
        var digits = name.AsSpan(prefixLength);
        if (digits.Length is 0 or > 3 || digits[0] == '0' || digits.ContainsAnyExceptInRange('0', '9'))
        {
            _position = start;
            throw Error($"unknown type '{name}'");
        }
        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            _position++;
    }

    private static bool IsIdentifierChar(char c, bool first) =>
        char.IsAsciiLetter(c) || c == '_' || c == '$' || (!first && char.IsAsciiDigit(c));
}
