#include "http_support.h"

#include "support.h"

#include <chrono>
#include <stdexcept>

namespace mahdar::test {

TestServer::TestServer(const std::string& db_path, std::optional<std::filesystem::path> web)
    : pool_(db_path, [this](std::string_view n) { return labels_.resolve_country(n); }, word_lists()),
      services_{pool_, labels_, web ? std::optional(std::filesystem::canonical(*web)) : std::nullopt} {
    pool_.set_lexicon(&lexicon());
    configure_server(server_);
    register_routes(server_, services_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind a test port");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 200 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

TestServer::~TestServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
}

httplib::Client TestServer::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
}

nlohmann::json get_json(httplib::Client& client, const std::string& path, int* status) {
    auto res = client.Get(path.c_str());
    if (status) *status = res ? res->status : -1;
    if (!res) return nullptr;
    return nlohmann::json::parse(res->body, nullptr, false);
}

ServedIndex::ServedIndex(const std::vector<std::filesystem::path>& inputs) {
    std::string args = "--db " + db;
    for (const auto& in : inputs) args += " " + in.string();
    auto r = run_indexer(args);
    if (r.status != 0) throw std::runtime_error("mahdar-indexer " + args + ": " + r.output);
    server = std::make_unique<TestServer>(db);
}

nlohmann::json ServedIndex::get(const std::string& path, int* status) {
    auto c = server->client();
    return get_json(c, path, status);
}

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace mahdar::test
