// mahdar-indexer: index reports and JSON Lines passages into a Xapian database, and look after
// that database (commands/).
#include "commands/index_command.h"

#include <cstring>

int main(int argc, char** argv) {
    return mahdar::index_command(argc, argv);
}
