// mahdar-indexer: index reports and JSON Lines passages into a Xapian database, and look after
// that database (commands/): `mahdar-indexer stats DB`, `mahdar-indexer remove DB ID…`,
// `mahdar-indexer lexicon …` (the cross-language lexicon), else the index command.
// --version: the program's and its libraries' versions.
#include "commands/index_command.h"
#include "commands/lexicon_command.h"
#include "commands/remove_command.h"
#include "commands/stats_command.h"
#include "common/version.h"

#include <iostream>

#include <string_view>

int main(int argc, char** argv) {
    std::string_view command = argc > 1 ? argv[1] : "";
    if (command == "--version") {
        std::cout << mahdar::version_line("mahdar-indexer") << '\n';
        return 0;
    }
    if (command == "stats") return mahdar::stats_command(argc - 1, argv + 1);
    if (command == "lexicon") return mahdar::lexicon_command(argc - 1, argv + 1);
    if (command == "remove") return mahdar::remove_command(argc - 1, argv + 1);
    return mahdar::index_command(argc, argv);
}
