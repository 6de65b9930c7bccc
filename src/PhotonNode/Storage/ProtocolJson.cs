using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Photon.Protocol.Events;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Transfers;

namespace Photon.Node.Storage;

/// <summary>
/// The JSON codec of protocol records (docs/node.md "Storage"): state changes, events and whole
/// <see cref="NodeState"/>s, so that decoding gives a record <c>Equals</c> to the original and encoding is
/// byte-stable across processes.
/// </summary>
/// <remarks>
/// Rules, applied by a resolver modifier so that <c>src/Protocol</c> carries no serializer attributes:
/// <list type="bullet">
/// <item>Only what rebuilds a record is written: properties with a public setter or bound to a constructor
/// parameter. Derived values (a locks tree, a locked amount, an EIP-712 domain, a balance hash) are
/// recomputed by the records themselves when read.</item>
/// <item>The abstract records <see cref="StateChange"/>, <see cref="Event"/> and <see cref="PaymentTask"/>
/// carry a <c>$type</c> discriminator: the concrete type's name.</item>
/// <item>Protobuf messages are the base64 of their canonical bytes; dictionaries and sets are arrays sorted
/// by their keys' JSON text (hash orders differ between processes).</item>
/// </list>
/// </remarks>
public static class ProtocolJson
{
    private static readonly Type[] PolymorphicBases = [typeof(StateChange), typeof(Event), typeof(PaymentTask)];

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Encode<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <exception cref="JsonException">The text is not a valid encoding of <typeparamref name="T"/>.</exception>
    public static T Decode<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(OnlyRebuildingProperties);
        resolver.Modifiers.Add(Discriminators);
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            RespectNullableAnnotations = true,
            Converters = { new ProtobufMessageConverterFactory(), new SortedCollectionConverterFactory(), new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }

    private static void OnlyRebuildingProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("Photon.", StringComparison.Ordinal) != true)
            return;
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
                typeInfo.Properties.RemoveAt(i);
        }
    }

    private static void Discriminators(JsonTypeInfo typeInfo)
    {
        if (Array.IndexOf(PolymorphicBases, typeInfo.Type) < 0)
            return;
        var options = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var derived in ConcreteSubtypes(typeInfo.Type))
            options.DerivedTypes.Add(new JsonDerivedType(derived, derived.Name));
        typeInfo.PolymorphismOptions = options;
    }

    private static IEnumerable<Type> ConcreteSubtypes(Type baseType) =>
        baseType.Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && baseType.IsAssignableFrom(t) && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
}
