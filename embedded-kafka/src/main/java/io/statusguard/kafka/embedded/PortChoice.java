package io.statusguard.kafka.embedded;

import java.io.IOException;

/** Chooses a port for each listener the options leave open: {@link LocalPorts#free} but in tests. */
@FunctionalInterface
interface PortChoice {
  int next() throws IOException;
}
