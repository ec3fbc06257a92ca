# bench-env.sh — sourced by the benchmark scripts: repository root as the
# working directory, the flowc under test ($1 or ./flowc), build/bench for
# generated inputs, /usr/bin/time for peak memory.
set -eu
cd "$(dirname "${BASH_SOURCE[0]}")/.."
flowc=${1:-./flowc}
dir=build/bench
mkdir -p "$dir"
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)"; exit 2; }
