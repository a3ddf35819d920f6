#!/usr/bin/env bash
# Installs the system tools the checks need where they are missing: a Java runtime >= 21 (apex-ls;
# it runs PMD too), Java 17 for PMD when there is no Java at all, and Debian's Chromium (browser tests
# and screenshots). Everything else comes from npm. Idempotent; needs root (or sudo) only when
# something is missing. The Java search order is the one scripts/lib/java.ts uses in the tests:
# $JAVA_HOME, java on PATH, /usr/lib/jvm/*, /opt/*.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
apt_updated=0
apt_update() {
  if [ "$apt_updated" = "0" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
}

# Major version of a java binary ("17.0.15" -> 17, "1.8.0" -> 8), empty when it does not run.
java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)\(\.\([0-9]*\)\)\{0,1\}.*/\1 \3/p' | head -n1 |
    awk '{ if ($1 == 1) print $2; else print $1 }'
}

# First java >= $1 in the search order; prints its path.
find_java() {
  local min=$1 candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in $(ls -d /usr/lib/jvm/*/bin/java /opt/*/bin/java 2>/dev/null | sort -r); do candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    v=$(java_major "$c")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$c"; return 0; fi
  done
  return 1
}

need=()
if [ "${KEYPLAN_SKIP_BROWSER:-}" != "1" ] && [ ! -x /usr/bin/chromium ]; then
  need+=(chromium fonts-liberation)
fi

if java21=$(find_java 21); then
  echo "setup: apex-ls runtime $java21 (Java $(java_major "$java21"))"
else
  echo "setup: no Java >= 21 found (\$JAVA_HOME, PATH, /usr/lib/jvm, /opt); trying Debian packages"
  apt_update
  for pkg in openjdk-25-jre-headless openjdk-21-jre-headless; do
    if apt-cache show "$pkg" >/dev/null 2>&1; then
      $SUDO apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null && break
    fi
  done
  if java21=$(find_java 21); then
    echo "setup: installed apex-ls runtime $java21"
  else
    echo "setup: ERROR apex-ls needs Java 21 or newer and none could be installed from Debian" >&2
    echo "setup: (no openjdk-21/-25 package in this release). Install a JDK >= 21 under /usr/lib/jvm" >&2
    echo "setup: or /opt, or set JAVA_HOME, then rerun npm run setup." >&2
    exit 1
  fi
fi
# PMD runs on 17+; any runtime found above serves. Only a machine without Java at all gets 17.
find_java 17 >/dev/null || need+=(openjdk-17-jre-headless)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: java and chromium already present"
  exit 0
fi

echo "setup: installing ${need[*]}"
apt_update
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "setup: done"
