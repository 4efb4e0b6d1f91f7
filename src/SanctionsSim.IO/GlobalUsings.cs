global using SanctionsSim.IO.Text;
