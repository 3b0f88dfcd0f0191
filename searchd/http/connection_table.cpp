#include "http/connection_table.h"

#include <algorithm>
#include <sys/socket.h>
#include <unistd.h>

namespace mahdar {

void ConnectionTable::start(socket_t sock) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_[sock] = {ConnectionState::reading, Clock::now()};
}

void ConnectionTable::set_state(socket_t sock, ConnectionState state) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(sock);
    if (it == entries_.end() || it->second.state == state) return;
    it->second.state = state;
    it->second.since = Clock::now();
}

bool ConnectionTable::evicted(socket_t sock) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(sock);
    return it != entries_.end() && it->second.evicted;
}

void ConnectionTable::finish(socket_t sock) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        entries_.erase(sock);
    }
    open_.fetch_sub(1);
}

std::size_t ConnectionTable::evict(std::size_t n, Clock::duration min_reading) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::pair<std::pair<int, Clock::time_point>, socket_t>> candidates;
    std::size_t pending = 0;
    auto now = Clock::now();
    for (const auto& [sock, e] : entries_) {
        if (e.evicted) ++pending;
        else if (e.state == ConnectionState::idle) candidates.push_back({{0, e.since}, sock});
        else if (e.state == ConnectionState::reading && now - e.since >= min_reading)
            candidates.push_back({{1, e.since}, sock});
    }
    if (pending >= n) return 0;
    std::sort(candidates.begin(), candidates.end());
    std::size_t count = std::min(n - pending, candidates.size());
    for (std::size_t i = 0; i < count; ++i) {
        socket_t sock = candidates[i].second;
        entries_[sock].evicted = true;
        ::shutdown(sock, SHUT_RDWR);
    }
    return count;
}

void ConnectionTable::close_idle() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [sock, e] : entries_)
        if (e.state == ConnectionState::idle && !e.evicted) {
            e.evicted = true;
            ::shutdown(sock, SHUT_RDWR);
        }
}

void ConnectionTable::linger(socket_t sock) {
    ::shutdown(sock, SHUT_WR);
    std::lock_guard<std::mutex> lock(mutex_);
    if (lingering_.size() >= 1024) { // a flood: no politeness
        ::close(sock);
        return;
    }
    lingering_.push_back({sock, Clock::now() + std::chrono::seconds(1)});
}

void ConnectionTable::drain_lingering() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto now = Clock::now();
    auto done = [now](const Lingering& l) {
        char buf[4096];
        for (;;) {
            ssize_t n = ::recv(l.sock, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) continue;
            bool open = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && now < l.until;
            if (!open) ::close(l.sock);
            return !open;
        }
    };
    lingering_.erase(std::remove_if(lingering_.begin(), lingering_.end(), done), lingering_.end());
}

void ConnectionTable::close_lingering() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& l : lingering_) ::close(l.sock);
    lingering_.clear();
}

} // namespace mahdar
