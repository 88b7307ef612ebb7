# Sourced by run-tests: the programs some tests drive, installed from the machine's package manager where that is
# possible (root, or sudo without a password), or else a stop with the one command that installs them.

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      return 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null
}

# need <command> <hint> <debian packages...>: the command must be on the PATH, installed here if it can be.
need() {
  local command="$1" hint="$2"
  shift 2
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$#" -gt 0 ]; then
    echo "Installing $* for the tests that need $command"
    apt_install "$@" && command -v "$command" >/dev/null 2>&1 && return 0
  fi
  echo "The tests need $command, which is not installed and could not be installed here. $hint" >&2
  exit 1
}

ensure_test_tools() {
  # The analytics dashboard and the trace screenshot are tested in a real headless Chromium through ChromeDriver.
  need chromium "Install it with: sudo apt-get install -y chromium chromium-driver" chromium chromium-driver
  need chromedriver "Install it with: sudo apt-get install -y chromium-driver" chromium-driver
  # docker-compose.yml is validated by a real Compose implementation, which needs no Docker engine for that.
  need docker-compose "Install it with: sudo apt-get install -y docker-compose" docker-compose
  # The compose conformance test runs the compose file's PostgreSQL init script with psql.
  need psql "Install it with: sudo apt-get install -y postgresql-client" postgresql-client
  # Every Kubernetes overlay is rendered with kubectl's built-in Kustomize (kubectl 1.27 or newer; no cluster needed).
  need kubectl "Install kubectl 1.27 or newer from the Kubernetes project's release binaries, as k8s/README.md says."
  # The Dockerfile linter, pinned by tests/deployment-checks/package-lock.json.
  if [ ! -x tests/deployment-checks/node_modules/.bin/dockerfile-utils ]; then
    need npm "Install Node.js 20 or newer with npm (sudo apt-get install -y nodejs npm)." nodejs npm
    npm ci --prefix tests/deployment-checks --no-audit --no-fund --loglevel=error
  fi
}
