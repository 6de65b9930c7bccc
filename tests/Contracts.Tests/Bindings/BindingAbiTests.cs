using System.Reflection;
using Photon.Contracts.Bindings;
using Photon.Ethereum.Abi;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// Each binding's hand-written ABI is exactly the ABI solc makes of the normative interface: every
/// function with its inputs, outputs and mutability, every event with its indexed flags, every
/// custom error, with the parameter names, and nothing else. Each function, event and view also
/// has its typed member in the binding.
/// </summary>
public sealed class BindingAbiTests
{
    public static TheoryData<string> Interfaces => ["ISecretRegistry", "ITokenNetworkRegistry", "ITokenNetwork"];

    [Theory]
    [MemberData(nameof(Interfaces))]
    public async Task The_declared_functions_are_exactly_the_interface_s(string name)
    {
        var (compiled, declared) = await AbisAsync(name);

        Assert.Equal(Describe(compiled.Functions), Describe(declared.Functions));
        Assert.Equal(Json(compiled.Functions.Select(f => f.ToAbiJson())), Json(declared.Functions.Select(f => f.ToAbiJson())));
        Assert.NotEmpty(declared.Functions);
    }

    [Theory]
    [MemberData(nameof(Interfaces))]
    public async Task The_declared_events_are_exactly_the_interface_s(string name)
    {
        var (compiled, declared) = await AbisAsync(name);

        Assert.Equal(Describe(compiled.Events), Describe(declared.Events));
        Assert.Equal(Json(compiled.Events.Select(e => e.ToAbiJson())), Json(declared.Events.Select(e => e.ToAbiJson())));
        Assert.NotEmpty(declared.Events);
    }

    [Theory]
    [MemberData(nameof(Interfaces))]
    public async Task The_declared_errors_are_exactly_the_interface_s(string name)
    {
        var (compiled, declared) = await AbisAsync(name);

        Assert.Equal(Describe(compiled.Errors), Describe(declared.Errors));
        Assert.Equal(Json(compiled.Errors.Select(e => e.ToAbiJson())), Json(declared.Errors.Select(e => e.ToAbiJson())));
    }

    [Theory]
    [MemberData(nameof(Interfaces))]
    public async Task The_whole_JSON_ABI_is_the_interface_s_and_the_selectors_are_solc_s(string name)
    {
        var compilation = await InterfaceCompilation.CompileAsync();
        var contract = compilation[name];
        var declared = DeclaredAbi(name);

        Assert.Null(declared.Constructor);
        Assert.False(declared.HasFallback);
        Assert.False(declared.HasReceive);
        Assert.Equal(Fragments(contract.Abi.ToJson()), Fragments(declared.ToJson()));
        Assert.Equal(
            contract.MethodIdentifiers.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"),
            declared.Functions.OrderBy(f => f.Signature, StringComparer.Ordinal).Select(f => $"{f.Signature} {f.SelectorHex[2..]}"));
    }

    [Fact]
    public void The_interfaces_declare_errors_where_the_bindings_expect_them()
    {
        Assert.Empty(SecretRegistryContract.Abi.Errors);
        Assert.NotEmpty(TokenNetworkRegistryContract.Abi.Errors);
        Assert.NotEmpty(TokenNetworkContract.Abi.Errors);
    }

    [Theory]
    [InlineData(typeof(SecretRegistryContract), typeof(SecretRegistryEvent))]
    [InlineData(typeof(TokenNetworkRegistryContract), typeof(TokenNetworkRegistryEvent))]
    [InlineData(typeof(TokenNetworkContract), typeof(TokenNetworkEvent))]
    public void Every_function_has_its_typed_members_and_every_event_its_record(Type binding, Type eventBase)
    {
        var abi = (ContractAbi)binding.GetProperty("Abi", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var missing = new List<string>();
        foreach (var function in abi.Functions)
        {
            var pascal = char.ToUpperInvariant(function.Name[0]) + function.Name[1..];
            var isView = function.StateMutability is AbiStateMutability.View or AbiStateMutability.Pure;
            Expect(binding, BindingFlags.Static, "Encode" + pascal, typeof(byte[]), missing);
            var asyncMethod = Expect(binding, BindingFlags.Instance, pascal + "Async", null, missing);
            if (asyncMethod is not null && !isView && asyncMethod.ReturnType != typeof(Task<Photon.Ethereum.JsonRpc.TransactionReceipt>))
                missing.Add($"{pascal}Async returns {asyncMethod.ReturnType.Name}, not a receipt");
            if (function.Outputs.Count > 0)
                Expect(binding, BindingFlags.Static, "Decode" + pascal, null, missing);
        }
        var records = eventBase.Assembly.GetTypes().Where(t => t.IsSealed && t.IsSubclassOf(eventBase)).Select(t => t.Name).Order().ToList();
        Assert.Empty(missing);
        Assert.Equal(abi.Events.Select(e => e.Name).Order(), records);
    }

    private static MethodInfo? Expect(Type binding, BindingFlags kind, string name, Type? returnType, List<string> missing)
    {
        var methods = binding.GetMethods(BindingFlags.Public | kind).Where(m => m.Name == name).ToList();
        if (methods.Count != 1)
        {
            missing.Add($"{name} ({methods.Count} found)");
            return null;
        }
        if (returnType is not null && methods[0].ReturnType != returnType)
            missing.Add($"{name} returns {methods[0].ReturnType.Name}");
        return methods[0];
    }

    private static async Task<(ContractAbi Compiled, ContractAbi Declared)> AbisAsync(string name) =>
        ((await InterfaceCompilation.CompileAsync())[name].Abi, DeclaredAbi(name));

    private static ContractAbi DeclaredAbi(string name) => name switch
    {
        "ISecretRegistry" => SecretRegistryContract.Abi,
        "ITokenNetworkRegistry" => TokenNetworkRegistryContract.Abi,
        "ITokenNetwork" => TokenNetworkContract.Abi,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not one of our interfaces"),
    };

    // Human-readable forms (names, types, indexed flags, mutability, outputs), sorted: a failure shows the differing member.
    private static List<string> Describe<T>(IEnumerable<T> members) where T : notnull =>
        [.. members.Select(m => m.ToString()!).Order(StringComparer.Ordinal)];

    private static List<string> Json(IEnumerable<System.Text.Json.Nodes.JsonObject> fragments) =>
        [.. fragments.Select(f => f.ToJsonString()).Order(StringComparer.Ordinal)];

    private static List<string> Fragments(string abiJson) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(abiJson)!.AsArray().Select(f => f!.ToJsonString()).Order(StringComparer.Ordinal)];
}
