#!/usr/bin/env bash
# `npm test`: every check the project has, in order — type check, lint, unit tests, dataset check,
# both builds, web-ext lint (zero errors and zero warnings), then the end-to-end suites in Debian's
# Chromium and Firefox ESR. Never skips: a missing browser is a failure that names what to install.
# Ends with one line "N passed, N failed" (unit + e2e tests, plus one per gate) and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium
FIREFOX=/usr/bin/firefox-esr
E2E_TIMEOUT_PER_BROWSER=${E2E_TIMEOUT_PER_BROWSER:-200}
REPORTS=.tmp/test-reports
rm -rf "$REPORTS" && mkdir -p "$REPORTS"

passed=0
failed=0
failures=()
timings=()

banner() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
record_failure() { failed=$((failed + 1)); failures+=("$1"); printf '\033[31mFAILED: %s\033[0m\n' "$1"; }

# gate NAME CMD...: one check that passes or fails as a whole.
gate() {
  local name=$1; shift
  banner "$name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
  else
    record_failure "$name"
  fi
  timings+=("$name: $((SECONDS - start))s")
}

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x "$FIREFOX" ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  printf '\033[31mThe end-to-end tests need Debian browsers that are missing: %s\033[0m\n' "${missing[*]}" >&2
  printf 'Install them (as root):  apt-get update && apt-get install -y %s\n' "${missing[*]}" >&2
  printf 'or run: bash scripts/setup.sh\n' >&2
  echo "0 passed, 1 failed"
  exit 1
fi

gate "type check (tsc --noEmit)" npx tsc --noEmit -p .
gate "lint (eslint)" npx eslint .

banner "unit tests (vitest)"
start=$SECONDS
npx vitest run --reporter=default --reporter=json --outputFile="$REPORTS/vitest.json"
unit_status=$?
timings+=("unit tests: $((SECONDS - start))s")
if [ -f "$REPORTS/vitest.json" ]; then
  read -r unit_passed unit_failed < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrors ?? 0));' "$REPORTS/vitest.json")
else
  unit_passed=0; unit_failed=0
fi
passed=$((passed + unit_passed))
failed=$((failed + unit_failed))
if [ "$unit_status" -ne 0 ]; then
  [ "$unit_failed" -gt 0 ] || failed=$((failed + 1))
  failures+=("unit tests")
fi

gate "dataset check (npm run data:check)" npm run --silent data:check
gate "build for Chrome (wxt build)" npx wxt build
gate "build for Firefox (wxt build -b firefox --mv3)" npx wxt build -b firefox --mv3

lint_firefox() {
  [ -f .output/firefox-mv3/manifest.json ] || { echo "no Firefox build to lint"; return 1; }
  npx web-ext lint --source-dir .output/firefox-mv3 --output json --no-input > "$REPORTS/web-ext-lint.json"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const m of [...r.errors, ...r.warnings]) console.log(`${m._type}: ${m.code} ${m.file ?? ""}: ${m.message}`);
    console.log(`web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
    process.exit(r.summary.errors + r.summary.warnings === 0 ? 0 : 1);' "$REPORTS/web-ext-lint.json"
}
gate "web-ext lint (zero errors, zero warnings)" lint_firefox

# e2e BROWSER: runs tests/e2e/*.<browser>.e2e.ts with node:test; counts come from a TAP copy of the report.
e2e() {
  local browser=$1 build=$2
  banner "end-to-end tests in $browser"
  local start=$SECONDS
  if [ ! -f "$build/manifest.json" ]; then
    record_failure "e2e $browser: no build at $build"
    return
  fi
  local files=(tests/e2e/*."$browser".e2e.ts)
  local tap="$REPORTS/e2e-$browser.tap"
  timeout --kill-after=10 "$E2E_TIMEOUT_PER_BROWSER" \
    node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$tap" "${files[@]}"
  local status=$?
  local e2e_passed e2e_failed
  e2e_passed=$(grep -E '^# pass ' "$tap" 2>/dev/null | awk '{print $3}' | tail -1)
  e2e_failed=$(grep -E '^# fail ' "$tap" 2>/dev/null | awk '{print $3}' | tail -1)
  passed=$((passed + ${e2e_passed:-0}))
  failed=$((failed + ${e2e_failed:-0}))
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    record_failure "e2e $browser: timed out after ${E2E_TIMEOUT_PER_BROWSER}s"
  elif [ "$status" -ne 0 ]; then
    [ "${e2e_failed:-0}" -gt 0 ] || failed=$((failed + 1))
    failures+=("e2e $browser")
  fi
  timings+=("e2e $browser: $((SECONDS - start))s")
}
e2e chromium .output/chrome-mv3
e2e firefox .output/firefox-mv3

banner "summary"
printf '%s\n' "${timings[@]}"
if [ ${#failures[@]} -gt 0 ]; then
  printf '\033[31mFailed:\033[0m\n'; printf '  - %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#failures[@]} -eq 0 ]
