package io.statusguard.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuiltInProfileTest {
  @Test
  void isTheSharedDocumentOfModuleProviderProfile() throws Exception {
    String text;
    try (InputStream in = ClassLoader.getSystemResourceAsStream(ProviderProfile.BUILT_IN_RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(text).contains("\nerrorModel:\n", "\nroutes:\n", "\nhosts:\n");
    assertThat(ProviderProfile.builtIn().name()).isEqualTo("default-provider");
  }

  @Test
  void appliesToEveryHostAsEachClientHasItsOwn() {
    assertThat(ProviderProfile.builtIn().hosts()).containsExactly(HostPattern.any());
    assertThat(ProviderProfile.builtIn().appliesTo("a0oh0e4eiwloxnwr75liqg.provider.example"))
        .isTrue();
  }

  @Test
  void namesEveryOperationOfTheProvidersReference() {
    assertThat(ProviderProfile.builtIn().routes()).extracting(ProviderRoute::operation)
        .containsExactly("RetrieveClient", "CreateKey", "RetrieveKey", "DeleteKey", "QueryCard",
            "QueryBank", "QueryOFAC", "CreateAccount", "RetrieveAccount", "RetrieveAccount",
            "UpdateAccount", "UpdateAccount", "DeleteAccount", "CreateTransaction",
            "RetrieveTransaction", "RetrieveTransaction", "CaptureTransaction", "DeleteTransaction",
            "DeleteRTPTransaction",
            "CreateSubClient", "ListSubClients", "RetrieveSubClient", "UpdateSubClient",
            "DeleteSubClient",
            "CreateSubClient", "ListSubClients", "RetrieveSubClient", "UpdateSubClient",
            "DeleteSubClient");
  }

  @Test
  void everyRouteNamesTheClientAndTheVariantFlagsOfTheReference() {
    assertThat(ProviderProfile.builtIn().routes())
        .allSatisfy(route -> assertThat(route.client().name()).isEqualTo("ClientID"));
    assertThat(ProviderProfile.builtIn().routes())
        .filteredOn(route -> !route.flags().isEmpty())
        .extracting(route -> route.operation() + route.flags())
        .containsExactly("QueryCard[AVS, Fees, ANI]",
            "CreateAccount[RejectDuplicateCard, OKToAddDuplicateCard]",
            "DeleteAccount[DeleteDuplicateCard]", "CreateTransaction[authorize]",
            "DeleteTransaction[void, reversal]");
  }

  @Test
  void byReferenceRoutesTakeTheReferenceIdFromTheQuery() {
    assertThat(ProviderProfile.builtIn().routes())
        .filteredOn(route -> route.resource() != null && route.resource().queryName() != null)
        .extracting(route -> route.method() + " " + route.template() + " "
            + route.resource().name() + "=" + route.resource().queryName())
        .containsExactly(
            "GET /v1/clients/{ClientID}/accounts ReferenceID=referenceID",
            "GET /v1/clients/{ClientID}/transactions ReferenceID=referenceID");
  }
}
