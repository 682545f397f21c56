#!/usr/bin/env bash
# The email rendering tests open the release in Debian's Chromium. Installs it when it is
# missing and we may (root with apt-get); otherwise says what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "karnameh: installing Debian's chromium for the rendering tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "karnameh: the tests need Chromium: run 'sudo apt-get install -y chromium' (Debian/Ubuntu)" >&2
exit 1
