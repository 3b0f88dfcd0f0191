// mahdar-indexer: index reports and JSON Lines passages into a Xapian database, and look after
// that database (commands/): `mahdar-indexer stats DB`, else the index command.
#include "commands/index_command.h"
#include "commands/stats_command.h"

#include <cstring>

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "stats") == 0) return mahdar::stats_command(argc, argv);
    return mahdar::index_command(argc, argv);
}
