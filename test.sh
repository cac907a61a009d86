#!/usr/bin/env bash
# README's test command: installs what the tests need on a fresh machine, then runs every test of every
# module (unit tests, the agent's integration tests in child JVMs, the end-to-end tests on an embedded
# Kafka broker). Extra arguments go to Maven, e.g. ./test.sh -pl analyzer -am
set -euo pipefail
cd "$(dirname "$0")"

need_java17() {
  command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'
}
if ! need_java17 || ! command -v mvn >/dev/null 2>&1; then
  echo "test.sh: installing JDK 17 and Maven from Debian packages" >&2
  apt-get update -qq
  apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
fi

# Two modules at a time (-T 2): most of the run is the agent's client-version modules, each waiting on
# child JVMs and a broker, which overlap well on two cores (about 22 minutes instead of 26 to 30).
exec mvn -B -ntp -T 2 verify "$@"
