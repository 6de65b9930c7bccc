using Photon.Node.Cli;

return PhotonCli.Run(args, Console.Out, Console.Error);
