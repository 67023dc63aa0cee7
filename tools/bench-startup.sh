#!/usr/bin/env bash
# Whole-process timings of the native `symbolic` against giac and Maxima on the README's speed-table tasks.
# Each task: median CPU time (user + system) and wall time of RUNS runs (default 5) after one warm-up run, the commands interleaved
# (symbolic, giac, maxima, symbolic, …) so that a change of machine load falls on all of them alike.
#
#   tools/bench-startup.sh [PATH-TO-symbolic]      # default: publishes it to artifacts/native first
#   TASKS='Plebański' tools/bench-startup.sh …      # only the tasks whose name matches the regular expression
#
# Needs: the peers (`apt-get install xcas maxima maxima-share`, see ../shared/peers/README.md) and their
# scripts in $PEERS (default ../shared/peers beside the repository). A missing peer is reported as such.
# Prints the load average before and after: on a loaded machine the numbers are not comparable.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${RUNS:-5}"
PEERS="${PEERS:-$ROOT/../shared/peers}"
SYM="${1:-}"
if [ -z "$SYM" ]; then
  echo "publishing the native binary to artifacts/native …" >&2
  dotnet publish src/Symbolic.Cli -o artifacts/native --nologo >/dev/null
  SYM="$ROOT/artifacts/native/symbolic"
fi
SYM="$(cd "$(dirname "$SYM")" && pwd)/$(basename "$SYM")"
[ -x "$SYM" ] || { echo "no executable $SYM" >&2; exit 2; }
[ -d "$PEERS" ] || { echo "no peer scripts in $PEERS (set PEERS=…)" >&2; exit 2; }
have() { command -v "$1" >/dev/null 2>&1; }
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
printf '1+1;\n' > "$scratch/one.giac"

# one run: "WALL CPU" in milliseconds (CPU = user + system of the whole process tree), run in the peers' folder
# (they read helper files from it). On a loaded machine wall time is mostly waiting for a core; CPU time is not.
time_once() {
  # /usr/bin/time counts the CPU of the whole process tree (children are waited for)
  /usr/bin/time -f '%e %U %S' -o "$scratch/t" bash -c "cd \"$PEERS\" && $1" >/dev/null 2>&1 || { echo "FAIL FAIL"; return; }
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$scratch/t"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

# task | symbolic command | giac command | maxima command (empty: none)
S="\"$SYM\""
PD="$ROOT/tests/Symbolic.Benchmarks/peers/plebanski-demianski"   # the Plebański–Demiański scripts (giac's read giac_gr.giac from $PEERS)
FLRW='ds^2 = -dt^2 + a(t)^2\left(\frac{dr^2}{1-kr^2} + r^2 d\theta^2 + r^2\sin^2\theta d\phi^2\right)'
SCHW='ds^2 = -(1-\frac{2m}{r})dt^2 + \frac{dr^2}{1-2m/r} + r^2 d\theta^2 + r^2\sin^2\theta d\phi^2'
tasks=(
  "start-up (eval 1+1 / 1+1)|$S eval 1+1|giac $scratch/one.giac|maxima -q --batch-string='1+1;'"
  "two-body Euler–Lagrange (Cartesian → polar)|$S run $ROOT/examples/two-body-polar.sym|giac giac_T1_euler_lagrange.giac|maxima -q --batch maxima_T1_euler_lagrange.mac"
  "sphere (Christoffel, Riemann, Ricci)|$S run $ROOT/examples/sphere.sym|giac giac_T2_sphere.giac|maxima -q --batch maxima_T2_sphere.mac"
  "Schwarzschild (Christoffel, Riemann, Ricci, Kretschmann)|$S curvature '$SCHW' --what christoffel,riemann,ricci,kretschmann --assume 'r>0'|giac giac_T3_schwarzschild.giac|maxima -q --batch maxima_T3_schwarzschild.mac"
  "FLRW (Ricci scalar, Einstein)|$S curvature '$FLRW' --coords t,r,\\\\theta,\\\\phi --what ricci,scalar,einstein|giac giac_T6_flrw.giac|maxima -q --batch maxima_T6_flrw.mac"
  "Kerr Ricci + Kretschmann (symbolic: sin θ, cos θ as typed; peers: hand-rationalised c = cos θ)|$S run $ROOT/examples/kerr.sym|giac giac_T4c_kerr_rational.giac|maxima -q --batch maxima_T4c_kerr_kretschmann_rational.mac"
  "Plebański–Demiański with Λ and charge: Ricci, R = 4Λ|$S run $PD/pd_ricci.sym|giac $PD/giac_pd_ricci.giac|maxima -q --batch $PD/maxima_pd_ricci.mac"
  "Plebański–Demiański with Λ and charge: Einstein tensor|$S run $PD/pd_einstein.sym|giac $PD/giac_pd_einstein.giac|maxima -q --batch $PD/maxima_pd_einstein.mac"
  "Plebański–Demiański with Λ and charge: Kretschmann|$S run $PD/pd_kretschmann.sym||"
)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   ($(nproc) cores, $RUNS runs each; median CPU ms (wall ms))"
printf '| %s | %s | %s | %s | %s |\n' task symbolic giac maxima "CPU ratio (fastest peer / symbolic)"
printf '|---|---|---|---|---|\n'
for t in "${tasks[@]}"; do
  IFS='|' read -r name sc gc mc <<<"$t"
  [[ -n "${TASKS:-}" && ! "$name" =~ $TASKS ]] && continue
  cmds=("$sc"); names=(symbolic)
  if have giac && [ -n "$gc" ]; then cmds+=("$gc"); names+=(giac); fi
  if have maxima && [ -n "$mc" ]; then cmds+=("$mc"); names+=(maxima); fi
  for c in "${cmds[@]}"; do time_once "$c" >/dev/null; done   # warm-up: file cache
  declare -A wall=() cpu=()
  for ((i = 0; i < RUNS; i++)); do
    for k in "${!cmds[@]}"; do read -r w c < <(time_once "${cmds[$k]}"); wall[$k]+="$w "; cpu[$k]+="$c "; done
  done
  declare -A med=([symbolic]=- [giac]=- [maxima]=-) shown=([symbolic]=- [giac]=- [maxima]=-)
  for k in "${!cmds[@]}"; do
    n=${names[$k]}
    if grep -q FAIL <<<"${cpu[$k]}"; then med[$n]=FAIL; shown[$n]=FAIL; continue; fi
    med[$n]=$(tr ' ' '\n' <<<"${cpu[$k]}" | grep . | median)
    shown[$n]="${med[$n]} ($(tr ' ' '\n' <<<"${wall[$k]}" | grep . | median))"
  done
  best=$(for n in giac maxima; do [[ "${med[$n]}" =~ ^[0-9]+$ ]] && echo "${med[$n]}"; done | sort -n | head -1)
  ratio=-
  if [[ -n "$best" && "${med[symbolic]}" =~ ^[0-9]+$ ]]; then ratio=$(awk -v p="$best" -v s="${med[symbolic]}" 'BEGIN {printf "%.1f×", p / (s > 0 ? s : 1)}'); fi
  printf '| %s | %s | %s | %s | %s |\n' "$name" "${shown[symbolic]}" "${shown[giac]}" "${shown[maxima]}" "$ratio"
  unset wall cpu med shown
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
