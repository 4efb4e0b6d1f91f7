// the writers of results, pages and text moved to SanctionsSim.IO (#28 item 3): the commands parse and call them
global using SanctionsSim.IO;
global using SanctionsSim.IO.Pages;
global using SanctionsSim.IO.Results;
global using SanctionsSim.IO.Text;
global using SanctionsSim.IO.Jobs;
global using SanctionsSim.IO.Inputs;
global using SanctionsSim.Plotting.Reports;
