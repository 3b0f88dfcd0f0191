// Step 3 of a search: results as the JSON of the API (README "API").
#pragma once

#include "common/result.h"
#include "search/searcher.h"

#include <nlohmann/json.hpp>

namespace mahdar {

nlohmann::json hit_json(const Passage& p);
nlohmann::json to_json(const SearchResult& r);
nlohmann::json to_json(const PassageView& v);
nlohmann::json to_json(const DocumentView& v);
nlohmann::json to_json(const HealthView& h);
nlohmann::json to_json(Facet f, const std::vector<FacetValue>& values);
nlohmann::json to_json(const Error& e);

} // namespace mahdar
