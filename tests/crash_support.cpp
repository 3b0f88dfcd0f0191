#include "crash_support.h"

#include "format/schema.h"

#include <xapian.h>

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace mahdar::test {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t passages_per_document = 50;

int exit_status_of(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

// In the forked child: the environment and limits of `spawn`, output to `log`, then exec.
[[noreturn]] void exec_indexer(const std::vector<std::string>& args, const fs::path& log, const Spawn& spawn) {
    if (spawn.flush_threshold) setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(spawn.flush_threshold).c_str(), 1);
    if (spawn.file_size_limit) {
        std::signal(SIGXFSZ, SIG_IGN); // ignored dispositions survive exec: writes fail with EFBIG
        rlimit limit{spawn.file_size_limit, spawn.file_size_limit};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        close(fd);
    }
    std::vector<char*> argv{const_cast<char*>(MAHDAR_INDEXER)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(MAHDAR_INDEXER, argv.data());
    _exit(127);
}

} // namespace

std::string passages_jsonl(const std::string& prefix, std::size_t passages, int version) {
    static const char* topics[] = {"remittance costs for migrant workers", "fair recruitment in labour corridors",
                                   "the return of migrants in safety and dignity", "data on missing migrants",
                                   "access to basic services for migrants"};
    std::ostringstream out;
    for (std::size_t i = 0; i < passages; ++i) {
        std::size_t doc = i / passages_per_document;
        out << "{\"doc_id\": \"" << prefix << '-' << doc << "\", \"doc_title\": \"Statements " << prefix << ' ' << doc
            << "\", \"lang\": \"en\", \"date\": \"2024-03-1" << version % 10
            << "\", \"para\": " << i % passages_per_document + 1
            << ", \"text\": \"In version " << version << ", passage " << i << " of " << prefix
            << ", the delegation said that " << topics[(i + static_cast<std::size_t>(version)) % 5]
            << " remained a priority for the region.\"}\n";
    }
    return out.str();
}

std::map<std::string, std::size_t> documents_of(const std::map<std::string, std::size_t>& files) {
    std::map<std::string, std::size_t> out;
    for (const auto& [prefix, passages] : files)
        for (std::size_t i = 0; i < passages; i += passages_per_document)
            out[prefix + "-" + std::to_string(i / passages_per_document)] =
                std::min(passages_per_document, passages - i);
    return out;
}

BackgroundIndexer::BackgroundIndexer(const std::vector<std::string>& args, const fs::path& log, Spawn spawn) {
    pid_ = fork();
    if (pid_ == 0) exec_indexer(args, log, spawn);
}

BackgroundIndexer::~BackgroundIndexer() {
    if (pid_ > 0 && !status_) {
        ::kill(pid_, SIGKILL);
        wait();
    }
}

bool BackgroundIndexer::running() {
    if (pid_ <= 0 || status_) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
    status_ = exit_status_of(status);
    return false;
}

bool BackgroundIndexer::kill_now() {
    bool was_running = running();
    if (was_running) ::kill(pid_, SIGKILL);
    return was_running;
}

int BackgroundIndexer::wait() {
    if (status_) return *status_;
    if (pid_ <= 0) return -1;
    int status = 0;
    waitpid(pid_, &status, 0);
    status_ = exit_status_of(status);
    return *status_;
}

int run_indexer_args(const std::vector<std::string>& args, const fs::path& log, Spawn spawn) {
    return BackgroundIndexer(args, log, spawn).wait();
}

std::optional<std::map<std::string, std::size_t>> passages_by_document(const fs::path& db, std::string* why) {
    try {
        Xapian::Database index(db.string());
        std::map<std::string, std::size_t> out;
        const std::string prefix(schema::parent);
        for (auto t = index.allterms_begin(prefix); t != index.allterms_end(prefix); ++t) {
            std::string id = (*t).substr(prefix.size());
            if (!id.empty() && id[0] == ':') id.erase(0, 1);
            out[id] = t.get_termfreq();
        }
        return out;
    } catch (const Xapian::Error& e) {
        if (why) *why = e.get_description();
        return std::nullopt;
    }
}

std::string folder_state(const fs::path& db) {
    std::set<std::string> files;
    std::error_code ec;
    for (auto it = fs::directory_iterator(db, ec); it != fs::directory_iterator(); it.increment(ec)) {
        struct stat st {};
        if (::stat(it->path().c_str(), &st) != 0) continue;
        files.insert(it->path().filename().string() + ' ' + std::to_string(st.st_size) + ' ' +
                     std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec));
    }
    std::string out;
    for (const auto& f : files) out += f + '\n';
    return out;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace mahdar::test
