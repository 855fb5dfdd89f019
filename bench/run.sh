#!/usr/bin/env bash
# make bench: every workload of MarginBench against its peer (JAX or matplotlib) in one run,
# printed as `<workload> margin=<ms> <peer>=<ms> ratio=<margin/peer> peak_rss_mib=<MiB>`.
# Margin runs each workload in its own process (peak memory is that workload's); the peers
# run from bench/peers/*.py in a virtual environment made here from PyPI (bench/.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
bench=.build/release/MarginBench
venv=bench/.venv
repeats=${BENCH_REPEATS:-10}
mkdir -p bench/results

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import jax, matplotlib' 2>/dev/null; then
    echo "bench: creating $venv (jax, jaxlib, matplotlib from PyPI)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r bench/peers/requirements.txt
fi

peers=bench/results/peers.txt
: > "$peers"
for script in bench/peers/*.py; do
    echo "bench: running peer $script" >&2
    JAX_PLATFORMS=cpu "$venv/bin/python" "$script" --repeats "$repeats" >> "$peers"
done

"$bench" list | while read -r name peer; do
    echo "bench: running $name" >&2
    ours=$("$bench" run "$name" "$repeats")
    margin_ms=$(sed -n 's/.* ms=\([0-9.]*\).*/\1/p' <<< "$ours")
    peak=$(sed -n 's/.* peak_rss_mib=\([0-9.]*\).*/\1/p' <<< "$ours")
    peer_ms=$(awk -v n="$name" '$1 == n { sub("ms=", "", $2); print $2 }' "$peers")
    if [ -z "$peer_ms" ]; then
        echo "$name margin=$margin_ms $peer=missing ratio=n/a peak_rss_mib=$peak"
    else
        ratio=$(awk -v a="$margin_ms" -v b="$peer_ms" 'BEGIN { printf "%.2f", a / b }')
        echo "$name margin=$margin_ms $peer=$peer_ms ratio=$ratio peak_rss_mib=$peak"
    fi
done | tee bench/results/latest.txt
