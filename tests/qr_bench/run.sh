#!/usr/bin/env bash
# The QR reading benchmark (issue 17, DESIGN §7): camera-like frames and screenshots generated
# from seeds, read by the core's decoder and by the references on the same pixels:
#   core       photoday-core's qr_decode (the Rust bench times it in memory), with rqrr (the
#              core's decoder before issue 17) and rxing's stock reader for comparison
#   zxing-cpp  PyPI zxing-cpp, default settings, QR only          (venv .venv-bench)
#   zbar       Debian libzbar0 through PyPI pyzbar                  (venv .venv-bench)
#   android    the app's first camera decoder, QrLumaDecoder.kt here (ZXing core, Debian
#              libzxing-core-java) on the JVM
# then times zxing-cpp and the core once more image by image, alternating (the fair ratio on a
# shared machine), and prints the Markdown tables (also target/qr_bench/report.md).
#
#   tests/qr_bench/run.sh [--quick]        (--quick: a smoke run of a few frames per condition)
#
# Installs what it needs on a fresh Debian machine (zbar, ZXing core, python3-venv; kotlinc as
# tests/kotlin/toolchain.sh does). The full run takes about ten minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

quick="${1:-}"
target_dir="${CARGO_TARGET_DIR:-target}"
# Absolute: cargo runs the bench from core/.
mkdir -p "$target_dir/qr_bench"
out="$(cd "$target_dir/qr_bench" && pwd)"
venv=.venv-bench
py="$venv/bin/python"
requirements=("zxing-cpp==3.1.1" "pyzbar==0.1.9" "numpy==2.4.6")
zxing_jar=/usr/share/java/core.jar

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q "$@" >/dev/null || {
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q "$@" >/dev/null
  }
}
[ -f /usr/lib/x86_64-linux-gnu/libzbar.so.0 ] || [ -n "$(ldconfig -p | grep libzbar.so.0)" ] \
  || { echo "== installing libzbar0"; apt_install libzbar0; }
[ -f "$zxing_jar" ] || { echo "== installing libzxing-core-java"; apt_install libzxing-core-java; }
if ! "$py" -c 'import zxingcpp, pyzbar, numpy' 2>/dev/null; then
  echo "== installing ${requirements[*]} into $venv"
  python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv; rm -rf "$venv"; python3 -m venv "$venv"; }
  "$py" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
fi
# shellcheck source=../kotlin/toolchain.sh
source tests/kotlin/toolchain.sh
classpath="$zxing_jar"
kotlin_compile "QR bench (Android decoder)" "$target_dir/qr_bench-kotlin" bench.jar \
  tests/qr_bench/QrLumaDecoder.kt tests/qr_bench/AndroidDecoderBench.kt

echo "== frames and the core's decoder"
nice -n 10 cargo bench -q -p photoday-core -j2 --bench qr_frames -- --out "$out" $quick
echo "== zxing-cpp and ZBar; then zxing-cpp and the core timed image by image (paired)"
nice -n 10 "$py" tests/qr_bench/ref_decoders.py "$out" zxing-cpp zbar \
  --paired nice -n 10 cargo bench -q -p photoday-core --bench qr_frames -- --serve
echo "== the Android app's first decoder (ZXing core $(dpkg-query -W -f='${Version}' libzxing-core-java 2>/dev/null) on the JVM)"
nice -n 10 java -cp "$zxing_jar:$klib/kotlin-stdlib.jar:$jar" AndroidDecoderBenchKt "$out"
echo "== report"
"$py" tests/qr_bench/report.py "$out"

[ -n "$quick" ] && exit 0
echo "== DESIGN §7's cell again: 64 more pass frames at 120 px, σ 1 (core, zxing-cpp, ZBar, Android)"
target_out="$(dirname "$out")/qr_target"
mkdir -p "$target_out"
nice -n 10 cargo bench -q -p photoday-core -j2 --bench qr_frames -- --target --out "$target_out"
nice -n 10 "$py" tests/qr_bench/ref_decoders.py "$target_out" zxing-cpp zbar
nice -n 10 java -cp "$zxing_jar:$klib/kotlin-stdlib.jar:$jar" AndroidDecoderBenchKt "$target_out"
"$py" tests/qr_bench/report.py "$target_out" | grep -E '^\| (payload|---|pass)'
