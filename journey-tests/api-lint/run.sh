#!/usr/bin/env bash
# The API as its users see it: each service's OpenAPI document must pass Spectral's standard ruleset and the
# OWASP API Security 2023 ruleset (spectral:oas + @stoplight/spectral-owasp-ruleset, see .spectral.yaml) with no
# errors, and a TypeScript client generated from it with openapi-typescript must type-check with tsc --strict.
#
#   journey-tests/api-lint/run.sh                 documents written by the journey tests
#                                                 (journey-tests/target/openapi/<service>.json)
#   journey-tests/api-lint/run.sh --stack         documents fetched from a running local stack (ports 8081-8084)
#   journey-tests/api-lint/run.sh --dir DIR       documents *.json in DIR
#
# Needs node + npm; installs the pinned tools from package-lock.json (npm ci) into node_modules the first time.
# Network: only the npm registry, for that install. Exit status 0 only when every document passes both checks.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
docs="$here/../target/openapi"
case "${1:-}" in
  --stack)
    docs="$here/../target/openapi-stack"
    mkdir -p "$docs"
    for pair in client-service:8081 booking-service:8082 notification-service:8083 gallery-service:8084; do
      curl -sSf "http://localhost:${pair#*:}/q/openapi?format=json" -o "$docs/${pair%%:*}.json"
    done ;;
  --dir) docs="$(cd "$2" && pwd)" ;;
  "") ;;
  *) echo "usage: $0 [--stack | --dir DIR]" >&2; exit 2 ;;
esac
shopt -s nullglob
files=("$docs"/*.json)
if [ ${#files[@]} -eq 0 ]; then
  echo "No OpenAPI documents in $docs: run the journey tests (or use --stack with a running local stack)." >&2
  exit 2
fi
cd "$here"
if [ ! -x node_modules/.bin/spectral ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the pinned lint tools (npm ci) ..."
  npm ci --no-audit --no-fund --loglevel=error
fi
rm -rf generated target && mkdir -p generated target
status=0
for doc in "${files[@]}"; do
  service="$(basename "$doc" .json)"
  echo "== $service ($doc)"
  node_modules/.bin/spectral lint --quiet --ruleset .spectral.yaml --format json --output "target/$service.spectral.json" \
      --fail-severity error "$doc" > /dev/null 2>"target/$service.spectral.err" || true
  if [ ! -s "target/$service.spectral.json" ]; then
    echo "  spectral did not run:"; cat "target/$service.spectral.err"; status=1; continue
  fi
  node report.cjs "$service" "target/$service.spectral.json" || status=1
  ts="generated/$(echo "$service" | tr '-' '_').ts"
  if ! node_modules/.bin/openapi-typescript "$doc" --output "$ts" --silent > "target/$service.openapi-ts.log" 2>&1; then
    echo "  openapi-typescript failed:"; cat "target/$service.openapi-ts.log"; status=1; continue
  fi
  echo "$service: TypeScript client generated ($ts)"
done
echo "== tsc --strict over the generated clients"
if node_modules/.bin/tsc -p tsconfig.json; then
  echo "tsc: generated clients type-check"
else
  echo "tsc: the generated clients do not type-check"; status=1
fi
if [ $status -eq 0 ]; then echo "API LINT PASSED"; else echo "API LINT FAILED"; fi
exit $status
