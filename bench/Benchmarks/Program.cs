using BenchmarkDotNet.Running;
using Photon.Benchmarks.Gas;
using Photon.Benchmarks.Relay;

// `-- gas [--trace]` measures the contracts' gas on Anvil; `-- relay` the relay; anything else goes to BenchmarkDotNet.
if (args is ["gas", ..])
    return await GasCommand.RunAsync(Console.Out, trace: args.Contains("--trace"));
// `-- relay [messages] [samples]`: two clients through a real relay process on loopback.
if (args is ["relay", ..])
    return await RelayBenchCommand.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000);
// `-- node [payments] [samples]`: four persisting nodes on Anvil through a real relay.
if (args is ["node", ..])
    return await Photon.Benchmarks.Node.NodeBenchCommand.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200);
// `-- routes [nodes] [channels] [queries]`: pathfinder route queries on a generated Lightning-sized graph.
if (args is ["routes", ..])
    return await Photon.Benchmarks.Pathfinder.RouteBenchCommand.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50_000, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
BenchmarkSwitcher.FromAssembly(typeof(RelayBenchCommand).Assembly).Run(args);
return 0;
