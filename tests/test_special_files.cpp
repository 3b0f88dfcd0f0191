// Special files among the inputs (issue 18, item 5): FIFOs, sockets and devices are skipped by
// name, never opened — opening a FIFO blocks until a writer comes, reading /dev/zero never
// ends — whether they sit in a folder, are named on the command line or stand as a sidecar.
#include "support.h"

#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace mahdar;
namespace fs = std::filesystem;

namespace {

const char* report = "# Consultation on labour mobility\n\n12 March 2023\n\n"
                     "1. Ms. Rania Khoury said that remittance costs remained too high for seasonal workers.\n";

// A listening UNIX socket at `path`; closed (and the name left) by the caller.
int unix_socket(const fs::path& path) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::snprintf(a.sun_path, sizeof a.sun_path, "%s", path.c_str());
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    listen(fd, 1);
    return fd;
}

// The indexer, killed after 20 s: before, a FIFO could hold it in open() for ever.
test::CommandResult index_within_20s(const std::string& args) {
    return test::run_command("timeout -s KILL 20 " + std::string(MAHDAR_INDEXER) + " " + args + " 2>&1");
}

} // namespace

TEST_CASE("FIFOs sockets and device links in a folder are passed over and the reports beside them indexed",
          "[special_files]") {
    test::TempDir tmp;
    test::write_file(tmp / "in" / "report.md", report);
    REQUIRE(mkfifo((tmp / "in" / "pipe.md").c_str(), 0644) == 0);
    REQUIRE(mkfifo((tmp / "in" / "report.md.meta.json").c_str(), 0644) == 0); // a FIFO as sidecar
    fs::create_symlink(tmp / "in" / "pipe.md", tmp / "in" / "link-to-pipe.md");
    fs::create_symlink("/dev/zero", tmp / "in" / "zero.txt");
    int fd = unix_socket(tmp / "in" / "socket.md");
    auto r = index_within_20s("--db " + (tmp / "db").string() + " " + (tmp / "in").string());
    close(fd);
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("files 1 indexed") != std::string::npos);
}

TEST_CASE("a FIFO a socket or a device named on the command line is refused by name and the rest indexed",
          "[special_files]") {
    test::TempDir tmp;
    test::write_file(tmp / "report.md", report);
    REQUIRE(mkfifo((tmp / "pipe.md").c_str(), 0644) == 0);
    int fd = unix_socket(tmp / "socket.md");
    auto r = index_within_20s("--db " + (tmp / "db").string() + " " + (tmp / "pipe.md").string() + " " +
                              (tmp / "socket.md").string() + " /dev/zero " + (tmp / "report.md").string());
    close(fd);
    INFO(r.output);
    CHECK(r.status == 3);
    for (std::string name : {"pipe.md", "socket.md", "/dev/zero"})
        CHECK(r.output.find(name + ": not a regular file (a FIFO, socket or device); skipped") != std::string::npos);
    CHECK(r.output.find("files 1 indexed") != std::string::npos);
}
