# Sourced by tests/kotlin/run.sh and tests/android/run.sh: the JVM toolchain both need, installed
# on first use on a fresh Debian machine and cached after.
#   kotlinc            npm package `kotlin-compiler` (bundles kotlin-test and kotlinx-coroutines),
#                      into .tools/kotlin-compiler-$KOTLIN_VERSION
#   JNA                Debian `libjna-java`, /usr/share/java/jna.jar
# Sets: KOTLIN_VERSION, kotlin_home, klib, jna. Call from the repository root.

KOTLIN_VERSION="${KOTLIN_VERSION:-2.4.20}"
tools=".tools/kotlin-compiler-$KOTLIN_VERSION"
kotlin_home="$tools/node_modules/kotlin-compiler"
if [ ! -x "$kotlin_home/bin/kotlinc" ]; then
  echo "== Kotlin: installing kotlin-compiler $KOTLIN_VERSION from npm into $tools"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "kotlin-compiler@$KOTLIN_VERSION"
fi
chmod +x "$kotlin_home"/bin/* 2>/dev/null || true
klib="$kotlin_home/lib"
for jar in kotlin-stdlib.jar kotlin-test.jar kotlinx-coroutines-core-jvm.jar; do
  [ -f "$klib/$jar" ] || { echo "kotlin-compiler $KOTLIN_VERSION has no lib/$jar" >&2; exit 1; }
done

jna=/usr/share/java/jna.jar
if [ ! -f "$jna" ]; then
  echo "== Kotlin: installing JNA (Debian libjna-java)"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y -q libjna-java >/dev/null; then
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q libjna-java >/dev/null
  fi
fi

classpath="$jna:$klib/kotlinx-coroutines-core-jvm.jar:$klib/kotlin-test.jar"

# kotlin_compile LABEL OUT_DIR JAR_NAME SOURCE... — compiles the sources into OUT_DIR/JAR_NAME,
# only when a source or the compiler changed (kotlinc takes most of a minute). Sets `jar`.
kotlin_compile() {
  local label="$1" dir="$2" name="$3"
  shift 3
  local stamp
  stamp="$(cat "$@" | sha256sum | cut -c1-16)-$KOTLIN_VERSION"
  jar="$dir/$name"
  if [ ! -f "$jar" ] || [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "== $label: compiling $# files with kotlinc $KOTLIN_VERSION"
    rm -rf "$dir" && mkdir -p "$dir"
    local start
    start=$(date +%s)
    JAVA_OPTS="${JAVA_OPTS:--Xss4m}" "$kotlin_home/bin/kotlinc" -nowarn -jvm-target 17 \
      -cp "$classpath" -d "$jar" "$@"
    echo "$stamp" >"$dir/stamp"
    echo "   compiled in $(($(date +%s) - start)) s"
  else
    echo "== $label: $jar is up to date"
  fi
}
