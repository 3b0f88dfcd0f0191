#!/usr/bin/env bash
# PDF extraction speed and memory: mahdar's reader (read_pdf, through mahdar-read-document)
# against poppler's pdftotext on the same PDFs, run side by side (the machine is shared and
# noisy: read the ratios, not the absolute times), and peak RSS on a 500-page PDF made here.
#
#   bench/pdf_extract.sh [--rounds N]        # N rounds (default 5), best time of each kept
#
# Needs: a build with mahdar-read-document (MAHDAR_BUILD, default <repo>/build), poppler-utils
# (pdftotext), GNU time (/usr/bin/time), weasyprint (to make the 500-page PDF). Writes nothing
# into the repository; the 500-page PDF goes to a temporary folder removed on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${MAHDAR_BUILD:-$ROOT/build}
READ=$BUILD/mahdar-read-document
[ -x "$READ" ] || READ=$BUILD/tests/mahdar-read-document
[ -x "$READ" ] || { echo "no mahdar-read-document in $BUILD" >&2; exit 1; }
ROUNDS=5
[ "${1:-}" = --rounds ] && ROUNDS=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DOCS=$ROOT/tests/fixtures/documents

# The 500-page PDF: the English corpus reports, repeated, in two columns (WeasyPrint).
{
    echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>'
    echo '@page { size: A4; margin: 20mm; @bottom-center { content: "- " counter(page) " -"; } }'
    echo 'body { font-size: 10pt; } .c { column-count: 2; hyphens: auto; text-align: justify; }'
    echo '</style></head><body><div class="c">'
    for i in $(seq 1 125); do
        for f in "$ROOT"/corpus/en/*.md; do
            sed -e 's/&/\&amp;/g; s/</\&lt;/g' -e 's/^#\+ \(.*\)/<h2>\1<\/h2>/' -e 's/^\([^<].*\)$/<p>\1<\/p>/' "$f"
        done
    done
    echo '</div></body></html>'
} > "$WORK/long.html"
weasyprint "$WORK/long.html" "$WORK/long.pdf" 2>/dev/null
PAGES=$(pdfinfo "$WORK/long.pdf" | awk '/^Pages:/ { print $2 }')

# Time of one run of a command, in seconds.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

best() { sort -g | head -1; }

set_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

SET=("$WORK/long.pdf" "$DOCS/pdf-two-columns.pdf" "$DOCS/pdf-arabic-chromium.pdf"
     "$DOCS/pdf-arabic-libreoffice.pdf")
printf '%-28s %6s %12s %12s %8s\n' file pages "mahdar p/s" "pdftotext p/s" ratio
for f in "${SET[@]}"; do
    p=$(set_pages "$f")
    ours=() theirs=()
    for _ in $(seq 1 "$ROUNDS"); do # side by side: one of each per round
        ours+=("$(seconds "$READ" "$f")")
        theirs+=("$(seconds pdftotext -q "$f" /dev/null)")
    done
    o=$(printf '%s\n' "${ours[@]}" | best)
    t=$(printf '%s\n' "${theirs[@]}" | best)
    printf '%-28s %6s %12.1f %12.1f %8.2f\n' "$(basename "$f")" "$p" \
        "$(echo "$p / $o" | bc -l)" "$(echo "$p / $t" | bc -l)" "$(echo "$t / $o" | bc -l)"
done
echo "(ratio = mahdar pages/s ÷ pdftotext pages/s; best of $ROUNDS rounds, process start included)"

rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'; }
echo
echo "peak RSS on the $PAGES-page PDF ($(du -k "$WORK/long.pdf" | cut -f1) KB):"
echo "  mahdar-read-document: $(rss "$READ" "$WORK/long.pdf") KB"
echo "  pdftotext:            $(rss pdftotext -q "$WORK/long.pdf" /dev/null) KB"
