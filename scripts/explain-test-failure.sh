#!/usr/bin/env bash
# After a failed `./mvnw verify`: prints, briefly, why. CI shows only the end of a run's output, and there
# Maven's summary names a failed test but not its cause (a devstack server that died, say), so this prints
# the devstack's last log lines and then, last of all, each failed test's chain of causes. Reads reports and
# logs only; changes nothing.
set -uo pipefail
cd "$(dirname "$0")/.."

logs="${WAYMARK_HOME:-.waymark}/logs"
for log in "$logs/postgres.log" "$logs/kafka.log" "$logs/keycloak.log" "$logs/devstack.log"; do
  [ -s "$log" ] || continue
  echo "==== last lines of $log"
  tail -n 4 "$log" | cut -c 1-240
done

shown=0
for report in */target/surefire-reports/*.txt */target/failsafe-reports/*.txt; do
  [ -f "$report" ] || continue
  grep -qE '<<< (FAILURE|ERROR)!' "$report" || continue
  [ "$shown" -lt 5 ] || break
  shown=$((shown + 1))
  echo "==== $report"
  # each failing test and its exception, then every cause in the chain with the last lines of its message
  # (a devstack failure carries the end of the server's log there); stack frames left out
  awk '
    function flush() { for (i = (n > 8 ? n - 8 : 0); i < n; i++) print buf[i]; n = 0; inmsg = 0 }
    /<<< (FAILURE|ERROR)!/ && !/^Tests run/ { flush(); print; getline; inmsg = 1; print; next }
    /^Caused by: / { flush(); if (seen[$0]++) next; inmsg = 1; print; next }
    /^[ \t]+(at |\.\.\. [0-9]+ more)/ { flush(); next }
    inmsg { buf[n++] = $0 }
    END { flush() }
  ' "$report" | cut -c 1-240 | head -n 50
done
