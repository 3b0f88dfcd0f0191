# Shared by scripts/serve and scripts/test: install what is missing, configure, build.
# Sourced, not run.

MAHDAR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAHDAR_BUILD="${MAHDAR_BUILD:-$MAHDAR_ROOT/build}"

BUILD_PACKAGES="g++ cmake make pkg-config libxapian-dev libicu-dev libcpp-httplib-dev nlohmann-json3-dev catch2 xapian-tools libstemmer-dev
    libpoppler-cpp-dev libzip-dev libpugixml-dev libxml2-dev
    libtesseract-dev tesseract-ocr-ara tesseract-ocr-fra tesseract-ocr-eng
    clang libclang-rt-14-dev"
# What only the tests use: the browser of web/tests, and JSON Schema for tests/openapi_check.py.
TEST_PACKAGES="chromium python3-jsonschema"

# Installs the Debian packages named in $@ that are not installed yet.
ensure_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "mahdar: installing ${missing[*]}" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "mahdar: need root or sudo to install: ${missing[*]}" >&2
            echo "mahdar: install them yourself (apt-get install ${missing[*]}) and run this again" >&2
            exit 1
        fi
    fi
    $sudo apt-get update -qq || { echo "mahdar: apt-get update failed" >&2; exit 1; }
    # env: sudo drops DEBIAN_FRONTEND; --force-conf*: keep changed configuration files, never ask.
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Options::=--force-confdef \
        -o Dpkg::Options::=--force-confold "${missing[@]}" </dev/null >/dev/null ||
        { echo "mahdar: apt-get install ${missing[*]} failed" >&2; exit 1; }
}

# Node.js and npm for the browser tests: the machine's own if it has them (some images ship a
# nodejs that bundles npm and conflicts with Debian's npm package), else Debian's.
ensure_node() {
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then return 0; fi
    ensure_packages nodejs npm
}

# Configures (once) and builds everything.
build_all() {
    cmake -S "$MAHDAR_ROOT" -B "$MAHDAR_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$MAHDAR_BUILD" -j "$(nproc)"
}
