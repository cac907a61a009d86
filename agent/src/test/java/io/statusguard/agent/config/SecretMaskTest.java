package io.statusguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule"
      + " required username=\"svc-payments\" password=\"c0rrect-h0rse\";";

  @Test
  void hidesTheWholeJaasConfigAndEachOfItsOptionValues() {
    SecretMask mask = SecretMask.of(Map.of("sasl.jaas.config", JAAS));

    assertThat(mask.mask("cannot parse " + JAAS)).isEqualTo("cannot parse [hidden]");
    assertThat(mask.mask("bad credentials c0rrect-h0rse for svc-payments"))
        .isEqualTo("bad credentials [hidden] for [hidden]");
  }

  @Test
  void hidesPasswordsSecretsTokensAndPrivateKeys() {
    SecretMask mask = SecretMask.of(Map.of(
        "ssl.key.password", "key-pw-123",
        "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----abc",
        "sasl.oauthbearer.client.credentials.client.secret", "oauth-s3cret",
        "security.protocol", "SASL_SSL"));

    assertThat(mask.mask("key-pw-123 / -----BEGIN PRIVATE KEY-----abc / oauth-s3cret / SASL_SSL"))
        .isEqualTo("[hidden] / [hidden] / [hidden] / SASL_SSL");
  }

  @Test
  void hidesAssignedCredentialsAndCardNumbersEvenWithoutSettings() {
    assertThat(SecretMask.NONE.mask("user=svc password=\"p w\" token: abc; secret='x' credential=c1"))
        .isEqualTo("user=svc password=\"[token]\" token: [token]; secret='[token]' credential=[token]");
    assertThat(SecretMask.NONE.mask("Failed to send record for 4111 1111 1111 1111"))
        .isEqualTo("Failed to send record for [card]");
  }

  @Test
  void leavesOrdinaryTextAndShortValuesAlone() {
    SecretMask mask = SecretMask.of(Map.of("ssl.key.password", "pw", "acks", "all"));

    assertThat(mask.mask("Invalid username or password; acks=all pw"))
        .isEqualTo("Invalid username or password; acks=all pw");
    assertThat(mask.mask(null)).isNull();
  }
}
