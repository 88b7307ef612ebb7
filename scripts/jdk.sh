# Sourced by the project's scripts: points JAVA_HOME at a JDK 21 or newer, or stops with a clear message.
# Order: $JAVA_HOME, the java on the PATH, then every JDK under /usr/lib/jvm and /opt (newest first).

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

find_jdk21() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local dir
  for dir in $(ls -d /usr/lib/jvm/* /opt/*jdk* /opt/java/* 2>/dev/null | sort -rV); do
    candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    if [ -x "$dir/bin/javac" ]; then
      local major
      major=$(java_major "$dir")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        echo "$dir"
        return 0
      fi
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk21); then
  echo "eventshop needs a JDK 21 or newer, and none was found (looked at JAVA_HOME, the PATH and /usr/lib/jvm)." >&2
  echo "Install one, or set JAVA_HOME to it, and run this again." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
