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

# Shared machines are noisy: peers and Margin alternate for $rounds rounds, and each side
# keeps its fastest median, so a burst of other load cannot fall on one side only.
rounds=${BENCH_ROUNDS:-2}
peers=bench/results/peers.txt
ours=bench/results/margin.txt
: > "$peers"
: > "$ours"
for round in $(seq "$rounds"); do
    for script in bench/peers/*.py; do
        echo "bench: round $round/$rounds, peer $script" >&2
        JAX_PLATFORMS=cpu "$venv/bin/python" "$script" --repeats "$repeats" >> "$peers"
    done
    "$bench" list | while read -r name _; do
        echo "bench: round $round/$rounds, $name" >&2
        "$bench" run "$name" "$repeats" >> "$ours"
    done
done

# The fastest of a workload's medians in FILE, and (ours only) the largest peak memory.
fastest() { awk -v n="$2" '$1 == n { sub("ms=", "", $2); if (best == "" || $2 + 0 < best + 0) best = $2 } END { print best }' "$1"; }
peak() { awk -v n="$1" '$1 == n { sub("peak_rss_mib=", "", $3); if ($3 + 0 > most + 0) most = $3 } END { print most }' "$ours"; }

# A workload compared with another workload's peer line (the matrix products alone against
# the peer's whole computation) names that line: jax[mlp3-sigmoid-grad]=<ms>.
"$bench" list | while read -r name peer compared; do
    margin_ms=$(fastest "$ours" "$name")
    peer_ms=$(fastest "$peers" "$compared")
    [ "$compared" = "$name" ] || peer="$peer[$compared]"
    if [ -z "$peer_ms" ]; then
        peer_ms=missing ratio=n/a
    else
        ratio=$(awk -v a="$margin_ms" -v b="$peer_ms" 'BEGIN { printf "%.2f", a / b }')
    fi
    echo "$name margin=$margin_ms $peer=$peer_ms ratio=$ratio peak_rss_mib=$(peak "$name")"
done | tee bench/results/latest.txt
