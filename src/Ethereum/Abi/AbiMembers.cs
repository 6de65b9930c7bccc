namespace Photon.Ethereum.Abi;

/// <summary>
/// The members of a tuple-shaped encoding: the components of a tuple or parameter list, or
/// <see cref="Count"/> repetitions of one element type (arrays are encoded as tuples of their elements).
/// </summary>
internal readonly struct AbiMembers
{
    private readonly IReadOnlyList<AbiParameter>? _parameters;
    private readonly AbiType? _element;

    private AbiMembers(IReadOnlyList<AbiParameter>? parameters, AbiType? element, int count)
    {
        _parameters = parameters;
        _element = element;
        Count = count;
    }

    public int Count { get; }

    /// <summary>Bytes of the head part: the sum of the members' head sizes.</summary>
    public long HeadSize
    {
        get
        {
            if (_parameters is null)
                return (long)_element!.HeadSize * Count;
            long size = 0;
            foreach (var parameter in _parameters)
                size += parameter.Type.HeadSize;
            return size;
        }
    }

    public static AbiMembers Of(IReadOnlyList<AbiParameter> parameters) => new(parameters, null, parameters.Count);

    public static AbiMembers Repeat(AbiType element, int count) => new(null, element, count);

    public AbiType TypeAt(int index) => _parameters is null ? _element! : _parameters[index].Type;

    public string? NameAt(int index) => _parameters?[index].Name;
}
