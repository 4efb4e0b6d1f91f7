// The entry point of a standalone test silo: Orleans.TestingHost passes the parent's process id and the cluster's
// configuration; the silo finds SanctionsSim.Orleans's grains through the project reference.
await Orleans.TestingHost.StandaloneSiloHost.Main(args);
