#!/usr/bin/env bash
# Builds the starting corpora of the fuzz targets in fuzz/corpus/<target>/
# from the story files of the repository (data/demo, data/hostile) and, when
# present, ../shared/seeds. Nothing here is committed: fuzz/corpus is
# ignored by git. Run from anywhere: `fuzz/seed-corpus.sh`.
set -euo pipefail
cd "$(dirname "$0")"
stories=(../data/demo/*.txt ../data/hostile/*.txt)
if [ -d ../../shared/seeds ]; then
    stories+=(../../shared/seeds/*.txt)
else
    echo "note: ../shared/seeds is absent; seeding from data/ only" >&2
fi
for t in html segment numbers extract; do mkdir -p "corpus/$t"; done
n=0
for f in "${stories[@]}"; do
    n=$((n + 1))
    cp "$f" "corpus/segment/story-$n"
    # The same text as a minimal page, for HTML cleaning.
    { printf '<html><head><title>t</title></head><body><article>\n'
      sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/^$/<\/p><p>/' "$f"
      printf '</article></body></html>\n'; } > "corpus/html/story-$n.html"
    # extract: the first byte picks the format (0 text, 2 HTML).
    { printf '\0'; cat "$f"; } > "corpus/extract/story-$n.txt"
    { printf '\2'; cat "corpus/html/story-$n.html"; } > "corpus/extract/story-$n.html"
    # numbers: one sentence-sized line per file.
    i=0
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        i=$((i + 1))
        printf '%s' "$line" > "corpus/numbers/story-$n-$i"
    done < "$f"
done
for t in html segment numbers extract; do
    echo "corpus/$t: $(ls "corpus/$t" | wc -l) inputs"
done
