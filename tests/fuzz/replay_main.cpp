// A main for the fuzz harnesses when libFuzzer is not linked in (any compiler): feeds each file
// of the seed folders to LLVMFuzzerTestOneInput, then deterministic variants of each — cut at
// several lengths, bytes flipped, a stretch repeated — so the tests run every reader over
// broken forms of real documents on every build. libFuzzer's own runs (fuzz_* under clang)
// explore much further; this only replays. The process may map at most 1 GiB: an allocation
// a file's claims would make larger (a page 3 km tall rendered to a bitmap: 2.8 GB) fails here,
// and the reader must survive that; libFuzzer's runs (-rss_limit_mb=2048) fail on it outright.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run(const std::string& bytes) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

// Variants of `seed`: prefixes, flipped bytes at spread positions, a middle stretch doubled.
void run_variants(const std::string& seed, std::size_t& runs) {
    std::uint64_t state = 0x9E3779B97F4A7C15ull ^ seed.size();
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (std::size_t cut : {seed.size() / 2, seed.size() * 9 / 10, seed.size() ? seed.size() - 1 : 0, std::size_t{16}}) {
        run(seed.substr(0, std::min(cut, seed.size())));
        ++runs;
    }
    for (int round = 0; round < 24 && !seed.empty(); ++round) {
        std::string v = seed;
        for (int k = 0; k < 1 + round % 8; ++k) v[next() % v.size()] ^= static_cast<char>(1 + next() % 255);
        run(v);
        ++runs;
    }
    if (seed.size() > 8) {
        std::size_t a = next() % (seed.size() / 2), len = 1 + next() % (seed.size() / 2);
        run(seed.substr(0, a + len) + seed.substr(a));
        ++runs;
    }
}

} // namespace

int main(int argc, char** argv) {
    rlimit mapped{1ull << 30, 1ull << 30};
    if (setrlimit(RLIMIT_AS, &mapped) != 0) std::perror("setrlimit(RLIMIT_AS)");
    std::size_t files = 0, runs = 0;
    for (int i = 1; i < argc; ++i) {
        std::vector<std::filesystem::path> paths;
        if (std::filesystem::is_directory(argv[i])) {
            for (const auto& e : std::filesystem::directory_iterator(argv[i]))
                if (e.is_regular_file()) paths.push_back(e.path());
        } else {
            paths.emplace_back(argv[i]);
        }
        for (const auto& p : paths) {
            std::ifstream in(p, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            run(ss.str());
            ++files;
            ++runs;
            run_variants(ss.str(), runs);
        }
    }
    std::printf("replayed %zu seed files, %zu inputs, no crash\n", files, runs);
    return files ? 0 : 1;
}
