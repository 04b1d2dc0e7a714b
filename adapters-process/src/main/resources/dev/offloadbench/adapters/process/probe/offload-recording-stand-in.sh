#!/bin/sh
# offload-bench's RECORDING STAND-IN for `offload`, put first on the PATH only while offload-bench
# probes a recipe (never for a timed run). It is not Offload and runs no test: it writes the
# folder it was started in and its arguments (NUL-separated) to a file of its own under
# $OFFLOAD_BENCH_PROBE_OFFLOAD_DIR, then exits 0, so the recipe goes on as after a passing run.
dir="${OFFLOAD_BENCH_PROBE_OFFLOAD_DIR:-}"
if [ -z "$dir" ]; then
  echo "offload-bench probe stand-in: OFFLOAD_BENCH_PROBE_OFFLOAD_DIR is not set; nothing recorded" >&2
  exit 0
fi
record="$dir/offload.$(date +%s%N).$$"
printf '%s\0' "$PWD" "$@" > "$record.part" && mv "$record.part" "$record"
if [ "${1:-}" = "--version" ]; then
  echo "offload (offload-bench probe stand-in: records its arguments, runs nothing)"
fi
exit 0
