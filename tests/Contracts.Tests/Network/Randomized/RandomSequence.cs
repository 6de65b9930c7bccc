using System.Text;
using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Randomized;

/// <summary>
/// One random sequence of operations over three pairs of four parties (plus an outsider and a
/// monitor), run against the chain and a C# model side by side. The model predicts every outcome
/// (acceptance, or the exact custom error and its arguments, following the contract's order of
/// checks) and every balance; after each step the chain is read in one batch and compared with the
/// model, and the network's token balance must equal what its live channels hold. The sequence ends
/// by settling every channel, after which the network must hold nothing.
/// </summary>
internal sealed partial class RandomSequence
{
    /// <summary>Actor indices: 0–3 the parties of the pairs, then an outsider and a monitor.</summary>
    public const int ActorCount = 6;

    private const int OutsiderActor = 4;
    private const int MonitorActor = 5;

    private static readonly (int A, int B)[] Pairs = [(0, 1), (1, 2), (2, 3)];

    private readonly NetworkFixture _fixture;
    private readonly TokenNetworkSetup _setup;
    private readonly IReadOnlyList<Party> _actors;
    private readonly Random _random;
    private readonly RandomStats _stats;
    private readonly StringBuilder _log = new();
    private readonly List<ModelChannel> _channels = [];
    private readonly ModelChannel?[] _live = new ModelChannel?[Pairs.Length];
    private readonly ModelChannel?[] _lastSettled = new ModelChannel?[Pairs.Length];
    private readonly UInt256[] _balances = new UInt256[ActorCount];
    private UInt256 _network;
    private ulong _counter;
    private ulong _head;
    private int _step;

    private RandomSequence(NetworkFixture fixture, RandomActors actors, int seed, RandomStats stats)
    {
        _fixture = fixture;
        _setup = actors.Setup;
        _actors = actors.NewSenders();
        _random = new Random(seed);
        _stats = stats;
    }

    private ulong SettleTimeoutMin => _fixture.Parameters.SettleTimeoutMin;

    private ulong PunishWindow => _fixture.Parameters.PunishWindow;

    private TokenNetworkContract Reader => _setup.Reader;

    /// <summary>Runs the sequence of <paramref name="seed"/>; any failure names the seed and lists the steps taken.</summary>
    public static async Task RunAsync(NetworkFixture fixture, RandomActors actors, int seed, RandomStats stats)
    {
        var sequence = new RandomSequence(fixture, actors, seed, stats);
        try
        {
            await sequence.RunAsync();
        }
        catch (Exception e)
        {
            throw new RandomSequenceException(
                $"random sequence with seed {seed} failed at step {sequence._step} "
                + $"(run it alone: PHOTON_RANDOM_SEED={seed} PHOTON_RANDOM_SEQUENCES=1): {e.Message}\nsteps:\n{sequence._log}",
                e);
        }
    }

    private async Task RunAsync()
    {
        await ReadStartAsync();
        var steps = _random.Next(20, 35);
        for (var i = 0; i < steps; i++)
        {
            await StepAsync();
            await CheckChainAsync();
        }
        await DrainAsync();
        Assert.True(_network.IsZero, $"the model network still holds {_network} after every channel was settled");
        _stats.Sequences++;
    }

    private async Task ReadStartAsync()
    {
        var requests = new List<RpcRequest> { new("eth_blockNumber", []), Call(Reader.Address, TokenNetworkContract.EncodeChannelCounter()) };
        requests.Add(BalanceOf(_setup.Network));
        requests.AddRange(_actors.Select(a => BalanceOf(a.Address)));
        var results = await _fixture.Anvil.Rpc.BatchAsync(requests);
        _head = (ulong)results[0].GetResult<UInt256>();
        _counter = (ulong)TokenNetworkContract.DecodeChannelCounter(Output(results[1]));
        _network = UInt256.FromBigEndian(Output(results[2]));
        for (var i = 0; i < ActorCount; i++)
            _balances[i] = UInt256.FromBigEndian(Output(results[3 + i]));
        Assert.True(_network.IsZero, $"the network starts the sequence holding {_network}");
    }

    private async Task StepAsync()
    {
        _step++;
        _stats.Steps++;
        var pair = _random.Next(Pairs.Length);
        var channel = _live[pair];
        var roll = _random.Next(100);
        if (channel is null)
        {
            if (roll < 80 || _lastSettled[pair] is not { } settled)
                await OpenAsync(pair);
            else if (roll < 95)
                await StaleAsync(settled);
            else
                await MineAsync(_random.Next(1, 8));
        }
        else if (channel.State == ModelState.Opened)
        {
            switch (roll)
            {
                case < 15: await DepositAsync(channel); break;
                case < 27: await WithdrawAsync(channel); break;
                case < 62: Pay(channel); break;
                case < 72: await CloseAsync(channel, forceValid: false); break;
                case < 78: await CooperativeSettleAsync(channel, forceValid: false); break;
                case < 82: await OpenAsync(pair); break;
                case < 85: await UpdateAsync(channel); break;
                case < 88: await SettleAsync(channel, forceValid: false); break;
                default: await MineAsync(_random.Next(1, 8)); break;
            }
        }
        else
        {
            switch (roll)
            {
                case < 40: await UpdateAsync(channel); break;
                case < 65: await SettleAsync(channel, forceValid: false); break;
                case < 80: await MineAsync(_random.Next(1, 8)); break;
                default: await StaleAsync(channel); break;
            }
        }
    }

    /// <summary>Operations a channel's state forbids: each must be refused with the error of the contract's first failing check.</summary>
    private async Task StaleAsync(ModelChannel channel)
    {
        switch (_random.Next(6))
        {
            case 0: await DepositAsync(channel); break;
            case 1: await WithdrawAsync(channel); break;
            case 2: await CloseAsync(channel, forceValid: false); break;
            case 3: await CooperativeSettleAsync(channel, forceValid: false); break;
            case 4: await UpdateAsync(channel); break;
            default: await SettleAsync(channel, forceValid: false); break;
        }
    }

    /// <summary>Settles whatever is still live, cooperatively or by close and settle, checking the chain after each step.</summary>
    private async Task DrainAsync()
    {
        foreach (var channel in _live.OfType<ModelChannel>().ToList())
        {
            _step++;
            if (channel.State == ModelState.Opened)
            {
                if (_random.Next(2) == 0)
                {
                    await CooperativeSettleAsync(channel, forceValid: true);
                    await CheckChainAsync();
                    continue;
                }
                await CloseAsync(channel, forceValid: true);
                await CheckChainAsync();
            }
            _step++;
            await SettleAsync(channel, forceValid: true);
            await CheckChainAsync();
        }
    }

    private async Task MineAsync(int blocks)
    {
        Log($"mine {blocks}");
        await _fixture.MineAsync((ulong)blocks);
        _head += (ulong)blocks;
    }

    /// <summary>Mines until the chain's head is <paramref name="head"/>: the next transaction goes into head + 1.</summary>
    private async Task MineToAsync(ulong head)
    {
        if (head > _head)
            await MineAsync((int)(head - _head));
    }

    /// <summary>
    /// Sends a transaction whose outcome the model predicted and checks it: acceptance mined in the next
    /// block, or a refusal with exactly the predicted error and arguments (refusals are found at gas
    /// estimation, so they mine nothing). Returns the receipt of an accepted transaction.
    /// </summary>
    private async Task<TransactionReceipt?> SubmitAsync(string operation, string description, Expected expected, Func<Task<TransactionReceipt>> send)
    {
        Log($"{operation}: {description} → expect {expected}");
        _stats.Count(operation, expected);
        TransactionReceipt receipt;
        try
        {
            receipt = await send();
        }
        catch (ContractErrorException e)
        {
            Assert.True(expected.Error is not null, $"{operation} was refused with {e.ErrorName}{e.Arguments}; the model expected acceptance");
            Assert.True(
                expected.Error == e.ErrorName && expected.DecodedArguments().Equals(e.Arguments),
                $"{operation} was refused with {e.ErrorName}{e.Arguments}; the model expected {expected}");
            Assert.True(e.Receipt is null, $"the refused {operation} was mined in block {e.Receipt?.BlockNumber}");
            return null;
        }
        Assert.True(expected.Error is null, $"{operation} was accepted in block {receipt.BlockNumber}; the model expected {expected}");
        Assert.True(receipt.BlockNumber == _head + 1, $"{operation} was mined in block {receipt.BlockNumber}, the model's head is {_head}");
        _head = receipt.BlockNumber;
        return receipt;
    }

    private void Log(string line) => _log.Append("  ").Append(_step).Append(". ").AppendLine(line);

    private Party Actor(int index) => _actors[index];

    private Address Address(int index) => _actors[index].Address;

    /// <summary>An amount in [low, high] (small numbers: the model's amounts are far below 2^63).</summary>
    private UInt256 Between(UInt256 low, UInt256 high) => (ulong)low + (ulong)_random.NextInt64(0, (long)((ulong)high - (ulong)low) + 1);

    private Hash256 RandomHash()
    {
        Span<byte> bytes = stackalloc byte[32];
        _random.NextBytes(bytes);
        return new Hash256(bytes);
    }

    private static RpcRequest Call(Address to, byte[] data) => new("eth_call", [new CallRequest { To = to, Data = data }, "latest"]);

    private RpcRequest BalanceOf(Address account) => Call(_setup.Token, Erc20Contract.EncodeBalanceOf(account));

    private static byte[] Output(RpcResult result) => result.GetResult<byte[]>() ?? throw new InvalidOperationException("eth_call returned null");
}
