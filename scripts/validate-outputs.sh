#!/usr/bin/env bash
# Every document the product writes, from every bundled example, checked against the OOXML
# schemas (issue #13): each report rendered with the default profile and with the example
# variant profile, the task tables with --per-unit, and the batch summary. Any package or schema
# error fails. Usage: scripts/validate-outputs.sh [VALIDATOR] (default ../shared/ooxml/validate).
set -euo pipefail
cd "$(dirname "$0")/.."
validator="${1:-../shared/ooxml/validate}"
if [ ! -x "$validator" ]; then
  echo "OOXML validator not found at $validator" >&2
  exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export FAZHI_CACHE_DIR="$out/cache"

count=0
while IFS= read -r -d '' file; do
  count=$((count + 1))
  node bin/fazhi.js render "$file" -o "$out/plain/$count" >/dev/null 2>&1 || { echo "render failed: $file" >&2; exit 1; }
  node bin/fazhi.js render "$file" --profile profiles/示例省变体.yaml -o "$out/variant/$count" >/dev/null 2>&1 || { echo "render --profile failed: $file" >&2; exit 1; }
  if grep -q 'lead_unit:' "$file"; then
    node bin/fazhi.js tasks "$file" --per-unit -o "$out/tasks/$count" >/dev/null 2>&1 || { echo "tasks failed: $file" >&2; exit 1; }
  fi
done < <(find data -name '*.yaml' ! -name units.yaml -print0 | sort -z)

# Batch exits 1 when the roster lists units without a report (缺报); the summary is written anyway.
while IFS= read -r -d '' dir; do
  count=$((count + 1))
  node bin/fazhi.js batch "$dir" -o "$out/batch/$count" >/dev/null 2>&1 || true
  ls "$out/batch/$count"/*.docx >/dev/null 2>&1 || { echo "batch wrote no summary: $dir" >&2; exit 1; }
done < <(find data -mindepth 2 -maxdepth 2 -type d -print0 | sort -z)

mapfile -d '' docs < <(find "$out" -name '*.docx' -print0)
echo "validating ${#docs[@]} documents"
"$validator" -q "${docs[@]}"
