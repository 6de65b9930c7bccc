using BenchmarkDotNet.Running;
using Photon.Benchmarks.Gas;

// `-- gas [--trace]` measures the contracts' gas on Anvil; anything else goes to BenchmarkDotNet.
if (args is ["gas", ..])
    return await GasCommand.RunAsync(Console.Out, trace: args.Contains("--trace"));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
