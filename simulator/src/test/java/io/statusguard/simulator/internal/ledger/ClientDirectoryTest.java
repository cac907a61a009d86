package io.statusguard.simulator.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientDirectoryTest {
  private static final String CLIENT = "A0oH0E4EiWloxnwr75liQg";

  private final ClientDirectory directory =
      ClientDirectory.of(List.of(CLIENT), 10, 10, ResourceIds.seeded(1));

  @Test
  void resolvesConfiguredClientsOnly() {
    assertThat(directory.resolve(CLIENT)).hasValueSatisfying(l -> assertThat(l.clientId()).isEqualTo(CLIENT));
    assertThat(directory.resolve("B0oH0E4EiWloxnwr75liQg")).isEmpty();
    assertThat(directory.resolve("")).isEmpty();
  }

  @Test
  void subClientSharesItsParentsLedgerOnceItExists() {
    Ledger parent = directory.resolve(CLIENT).orElseThrow();
    String subClientId = parent.subClients().create("Shop").id();

    assertThat(directory.resolve(CLIENT + "_" + subClientId)).containsSame(parent);
    assertThat(directory.resolve(CLIENT + "_00000000")).isEmpty();
    assertThat(directory.resolve(CLIENT + "_abc")).isEmpty();
  }
}
