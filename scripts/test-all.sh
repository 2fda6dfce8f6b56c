#!/usr/bin/env bash
# Runs every test suite from a clean checkout: installs what is missing (npm packages through
# `npm ci`; redis-server and chromium from Debian when running as root), checks formatting and lint,
# typechecks, builds every package, packs them and tries the tarballs in a new project
# (scripts/pack-check.mjs), runs Jest,
# and ends with one line `tests: N passed, N failed[, N skipped]` computed from Jest's results.
# Suites whose tool could not be installed report as skipped (loudly), never as passed.
set -uo pipefail
cd "$(dirname "$0")/.."

say() { printf '%s\n' "$*" >&2; }
loud() { say ""; say "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; say "!!! $*"; say "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; say ""; }

# npm packages: install exactly the lock file when node_modules is missing or older than it.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "== npm ci"
  npm ci --no-audit --no-fund >&2 || { loud "npm ci failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

# System packages the Redis, Sentinel and browser suites need (Debian's own builds). Debian's Python
# packages live under /usr/bin/python3, which may not be the python3 first on PATH.
py=/usr/bin/python3
[ -x "$py" ] || py=python3
have_python_channels() { "$py" -c 'import channels_redis, channels, daphne' >/dev/null 2>&1; }
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# redis-cli creates the Redis Cluster of the cluster suites (redis-tools, which redis-server depends on).
command -v redis-cli >/dev/null 2>&1 || need+=(redis-tools)
command -v redis-sentinel >/dev/null 2>&1 || need+=(redis-sentinel)
[ -x /usr/bin/chromium ] || need+=(chromium)
have_python_channels || need+=(python3-channels-redis python3-django-channels daphne)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "== apt-get install ${need[*]}"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"; } >&2 \
      || loud "apt-get install ${need[*]} failed"
  else
    loud "cannot install ${need[*]} (not root or no apt-get)"
  fi
fi
command -v redis-server >/dev/null 2>&1 || loud "redis-server is not available: the Redis suites will be SKIPPED"
command -v redis-sentinel >/dev/null 2>&1 || loud "redis-sentinel is not available: the Sentinel suites will be SKIPPED"
command -v redis-cli >/dev/null 2>&1 || loud "redis-cli is not available: the Redis Cluster suites will be SKIPPED"
redis_major=$(redis-server --version 2>/dev/null | sed -n 's/.* v=\([0-9]*\)\..*/\1/p')
[ "${redis_major:-0}" -ge 7 ] 2>/dev/null \
  || loud "redis-server is older than 7.0 (no sharded pub/sub): the Redis Cluster suites will be SKIPPED"
[ -x /usr/bin/chromium ] || loud "/usr/bin/chromium is not available: the browser suite will be SKIPPED"
have_python_channels \
  || loud "python3 channels_redis/channels/daphne are not available: the Python interop suite will be SKIPPED"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Checks that run before the tests, each counted as one result in the closing line.
checks_passed=0
checks_failed=0
check() {
  local name=$1
  shift
  say "== $name"
  if "$@" >&2; then
    checks_passed=$((checks_passed + 1))
  else
    checks_failed=$((checks_failed + 1))
    loud "$name failed"
  fi
}
check "format (prettier --check)" npx prettier --check .
check "lint (eslint)" npx eslint .
check "typecheck (tsc --noEmit, every package and test)" npx tsc -p tsconfig.json --noEmit
check "build (every package, tsc -b)" npm run build
check "pack (npm pack, install the tarballs in a new project, strict typecheck, run the quickstart)" \
  timeout --kill-after=10 900 node scripts/pack-check.mjs

say "== jest"
timeout --kill-after=30 1500 npx jest --ci --json --outputFile="$results/jest.json" "$@" >&2
jest_rc=$?

if [ ! -s "$results/jest.json" ]; then
  loud "jest wrote no results (exit $jest_rc)"
  echo "tests: $checks_passed passed, $((1 + checks_failed)) failed"
  exit 1
fi
node -e '
  const r = require(process.argv[1]);
  const checksPassed = Number(process.argv[2]);
  const checksFailed = Number(process.argv[3]);
  // A suite that failed to run (syntax error, crash) has no test results: count it as one failure.
  const broken = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
  const passed = r.numPassedTests + checksPassed;
  const failed = r.numFailedTests + broken + checksFailed;
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  process.exit(failed > 0 || r.numTotalTests === 0 ? 1 : 0);
' "$results/jest.json" "$checks_passed" "$checks_failed"
