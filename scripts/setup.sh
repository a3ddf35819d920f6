#!/usr/bin/env bash
# Installs the system tools the checks need where they are missing: Java 17 (PMD) and Debian's
# Chromium (browser tests and screenshots). Everything else comes from npm. Idempotent; needs root
# (or sudo) only when something is missing.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if [ "${KEYPLAN_SKIP_BROWSER:-}" != "1" ] && [ ! -x /usr/bin/chromium ]; then
  need+=(chromium fonts-liberation)
fi

if [ ${#need[@]} -eq 0 ]; then
  echo "setup: java and chromium already present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "setup: done"
