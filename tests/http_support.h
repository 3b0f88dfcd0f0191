// Test support: the real mahdar-searchd routes on a real port, in a thread of the test.
#pragma once

#include "facets/labels.h"
#include "http/guarded_server.h"
#include "http/routes.h"
#include "search/searcher.h"
#include "support.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace mahdar::test {

/// Starts the API (and optionally the web root) on 127.0.0.1 port 0; stops it on destruction.
class TestServer {
public:
    explicit TestServer(const std::string& db_path, std::optional<std::filesystem::path> web = std::nullopt);
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;
    int port() const { return port_; }
    /// A new client for this server (clients are not thread-safe: one per thread).
    httplib::Client client() const;

private:
    ReferenceData data_;
    Labels labels_{data_};
    ContextPool pool_;
    Services services_;
    GuardedServer server_{ServerLimits{8}};
    int port_ = -1;
    std::thread thread_;
};

/// The HTTP tests' fixture: an index the real mahdar-indexer builds from `inputs` (files or
/// folders) in a temporary folder, and a TestServer over it. Throws with the indexer's output
/// when it fails.
struct ServedIndex {
    TempDir tmp;
    std::string db = (tmp / "db").string();
    std::unique_ptr<TestServer> server;
    explicit ServedIndex(const std::vector<std::filesystem::path>& inputs);
    /// GET `path` from the server (see get_json()).
    nlohmann::json get(const std::string& path, int* status = nullptr);
};

/// GET `path` and parse the JSON body; `status` receives the HTTP status (-1 on no answer).
nlohmann::json get_json(httplib::Client& client, const std::string& path, int* status = nullptr);

/// Percent-encodes a query parameter value.
std::string url_encode(const std::string& s);

} // namespace mahdar::test
