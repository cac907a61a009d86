package io.statusguard.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statusguard.agent.endpoint.Endpoint;
import io.statusguard.agent.endpoint.EndpointTemplater;
import io.statusguard.agent.endpoint.ProviderRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileReaderTest {
  private static final String PETSTORE = "classpath:io/statusguard/agent/profile/petstore.yaml";

  @Test
  void readsAProfileForAnotherApi() throws Exception {
    ProviderProfile petstore = ProfileReader.load(PETSTORE);

    assertThat(petstore.name()).isEqualTo("petstore");
    assertThat(petstore.hosts()).extracting(HostPattern::toString)
        .containsExactly("petstore.test", "*.petstore.test");
    assertThat(petstore.routes()).extracting(ProviderRoute::operation).containsExactly("listPets",
        "findPetsByStatus", "getPetById", "updatePetWithForm", "placeOrder", "getOrderById");
    assertThat(petstore.routes().get(4).flags()).containsExactly("dryRun");
  }

  @Test
  void templatesAnotherApiWithNoCodeOfItsOwn() throws Exception {
    EndpointTemplater templater = EndpointTemplater.create(
        ProviderRoutes.of(List.of(ProfileReader.load(PETSTORE))));

    Endpoint pet = templater.template("GET", "eu.petstore.test", 443, "/api/v3/pets/1234", null);
    Endpoint byStatus = templater.template("GET", "petstore.test", 443, "/api/v3/pets/findByStatus",
        "status=sold");
    Endpoint order = templater.template("GET", "petstore.test", 443,
        "/api/v3/stores/s-9/orders/77", null);
    Endpoint elsewhere = templater.template("GET", "zoo.test", 443, "/api/v3/pets/1234", null);

    assertThat(pet.operation()).isEqualTo("getPetById");
    assertThat(pet.template()).isEqualTo("/api/v3/pets/{petId}");
    assertThat(pet.resourceType()).isEqualTo("petId");
    assertThat(pet.resourceId()).isEqualTo("1234");
    assertThat(byStatus.operation()).isEqualTo("findPetsByStatus");
    assertThat(byStatus.template()).isEqualTo("/api/v3/pets/findByStatus");
    assertThat(order.operation()).isEqualTo("getOrderById");
    assertThat(order.clientId()).isEqualTo("s-9");
    assertThat(order.resourceId()).isEqualTo("77");
    assertThat(elsewhere.operation()).isNull();
    assertThat(elsewhere.template()).isEqualTo("/api/v3/pets/{id}");
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("profile.yaml");
    Files.writeString(file, "hosts: [api.example]\nroutes:\n  - {operation: Ping, method: GET,"
        + " path: /ping}\n");

    ProviderProfile profile = ProfileReader.load(file.toString());

    assertThat(profile.name()).isEqualTo("unnamed");
    assertThat(profile.routes()).hasSize(1);
    assertThat(profile.appliesTo("API.example")).isTrue();
  }

  @Test
  void namesAMissingFile(@TempDir Path dir) {
    String missing = dir.resolve("none.yaml").toString();

    assertThatThrownBy(() -> ProfileReader.load(missing))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessageStartingWith("profile " + missing + ": cannot be read");
  }

  @Test
  void namesAMissingResource() {
    assertThatThrownBy(() -> ProfileReader.load("classpath:no/such.yaml"))
        .hasMessage("profile classpath:no/such.yaml: no such resource on the class path");
  }

  @Test
  void rejectsAFileOverTheSizeBound(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.yaml");
    Files.write(file, new byte[ProfileReader.MAX_BYTES + 1]);

    assertThatThrownBy(() -> ProfileReader.load(file.toString()))
        .hasMessageContaining("larger than " + ProfileReader.MAX_BYTES + " bytes");
  }

  @Test
  void reportsARouteWithoutPathAtTheRoute() {
    String yaml = String.join("\n",
        "hosts: [\"*\"]",
        "routes:",
        "  - operation: Ping",
        "    method: GET",
        "    path: /ping",
        "  - operation: Pong",
        "    method: GET",
        "");

    assertInvalid(yaml, 6, 5, "route 2 has no path");
  }

  @Test
  void reportsAnEmptyPathAtItsKey() {
    assertInvalid("hosts: [\"*\"]\nroutes:\n  - operation: Ping\n    method: GET\n    path:\n",
        5, 5, "route 1 has no path");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "colour: blue                          | 3 | 1 | unknown key 'colour' in the profile; known keys: errorModel, hosts, name, routes",
      "hosts: [x]                            | 3 | 1 | duplicate key 'hosts' in the profile (first at line 1)",
      "errorModel: [a]                       | 3 | 13 | errorModel must be a mapping",
  })
  void reportsTopLevelMistakesWhereTheyAre(String line, int lineNumber, int column,
      String problem) {
    assertInvalid("hosts: [\"*\"]\nroutes: []\n" + line + "\n", lineNumber, column, problem);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "methd: GET                  | 6 | 5  | unknown key 'methd' in route 1; known keys: client, flags, method, operation, path, resource",
      "method: GET                 | 6 | 5  | duplicate key 'method' in route 1 (first at line 4)",
      "resource: AccountID         | 6 | 15 | route 1 resource: 'AccountID' is not a placeholder of this route; it has {ClientID}, {KeyID}",
      "client: KeyID               | 6 | 13 | -",
      "flags: [void, VOID]         | 6 | 12 | route 1 flags: flag 'VOID' is listed twice",
      "flags: void                 | 6 | 12 | flags must be a list",
      "flags: [[a]]                | 6 | 13 | a flag must be a text",
  })
  void reportsRouteMistakesWhereTheyAre(String line, int lineNumber, int column, String problem)
      throws Exception {
    String yaml = String.join("\n",
        "hosts: [\"*\"]",
        "routes:",
        "  - operation: RetrieveKey",
        "    method: GET",
        "    path: /v1/clients/{ClientID}/keys/{KeyID}",
        "    " + line,
        "");

    if (problem.equals("-")) {
      assertThat(read(yaml).routes().get(0).client().name()).isEqualTo("KeyID");
    } else {
      assertInvalid(yaml, lineNumber, column, problem);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/v1/{Id                | bad placeholder '{Id' in '/v1/{Id'",
      "/v1/x{Id}              | bad placeholder 'x{Id}' in '/v1/x{Id}'",
      "/v1/{}                 | bad placeholder '{}' in '/v1/{}'",
      "/v1/{9lives}           | bad placeholder '{9lives}' in '/v1/{9lives}'",
      "/v1/{Id}/{Id}          | placeholder {Id} appears twice",
      "/v1/{Id}?q={Id}        | placeholder {Id} appears twice",
      "/v1/items?q={a b}      | bad placeholder '{a b}' in 'q={a b}'",
      "/v1/items?q=x          | bad placeholder 'x' in 'q=x'",
      "/v1/items?q&Q          | query parameter 'Q' is listed twice",
      "/v1/items?             | query parameter '' must be a name",
      "v1/items               | path 'v1/items' must start with '/'",
      "/v1//items             | path '/v1//items' has an empty segment",
      "/v1/a%20b              | path segment 'a%20b' must be 1 to 64 characters",
  })
  void reportsBadPathsAtThePath(String path, String problem) {
    String yaml = "hosts: [\"*\"]\nroutes:\n  - operation: Op\n    method: GET\n    path: \""
        + path + "\"\n";

    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessageStartingWith("profile test.yaml line 5, column 11: route 1: " + problem);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "FETCH    | Op      | 4 | 13 | route 1: method 'FETCH' is not one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT",
      "get      | Op      | 4 | 13 | route 1: method 'get' is not one of",
      "GET      | 'a b'   | 3 | 16 | route 1: operation 'a b' must be a letter",
      "GET      | '[x]'   | 3 | 16 | operation must be a text",
  })
  void reportsBadMethodsAndOperations(String method, String operation, int line, int column,
      String problem) {
    String yaml = "hosts: [\"*\"]\nroutes:\n  - operation: " + operation + "\n    method: "
        + method + "\n    path: /x\n";

    assertThatThrownBy(() -> read(yaml))
        .hasMessageStartingWith("profile test.yaml line " + line + ", column " + column + ": "
            + problem);
  }

  @Test
  void reportsADuplicateRouteWithTheLineOfTheFirst() {
    String yaml = String.join("\n",
        "hosts: [\"*\"]",
        "routes:",
        "  - {operation: RetrieveThing, method: GET, path: \"/things/{ThingID}\"}",
        "  - {operation: Other, method: POST, path: \"/things/{ThingID}\"}",
        "  - {operation: RetrieveIt, method: GET, path: \"/things/{ID}\"}",
        "");

    assertInvalid(yaml, 5, 5, "route 3 (GET /things/{ID} -> RetrieveIt) is never used: route 1 at"
        + " line 3 (GET /things/{ThingID} -> RetrieveThing) matches every request it would");
  }

  @Test
  void reportsARouteThatAnEarlierOneShadows() {
    String yaml = String.join("\n",
        "hosts: [\"*\"]",
        "routes:",
        "  - {operation: ListThings, method: GET, path: /things}",
        "  - {operation: FindThing, method: GET, path: \"/things?ref={Ref}\"}",
        "");

    assertThatThrownBy(() -> read(yaml))
        .hasMessageStartingWith("profile test.yaml line 4, column 5: route 2 (GET /things?ref ->"
            + " FindThing) is never used: route 1 at line 3");
  }

  @Test
  void acceptsAMoreSpecificRouteBeforeAGeneralOne() throws Exception {
    String yaml = String.join("\n",
        "hosts: [\"*\"]",
        "routes:",
        "  - {operation: FindThing, method: GET, path: \"/things?ref={Ref}\"}",
        "  - {operation: ListThings, method: GET, path: /things}",
        "  - {operation: Special, method: GET, path: /things/special}",
        "  - {operation: RetrieveThing, method: GET, path: \"/things/{ThingID}\"}",
        "");

    assertThat(read(yaml).routes()).hasSize(4);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'hosts: []'                    | 1 | 8  | hosts is empty; \"*\" stands for every host",
      "'hosts: [\"a.test:443\"]'      | 1 | 9  | host 'a.test:443' has a port",
      "'hosts: [\"a.test/x\"]'        | 1 | 9  | host 'a.test/x' has '/'",
      "'hosts: a.test'                | 1 | 8  | hosts must be a list",
      "'hosts: [\"\"]'                | 1 | 9  | a host is empty",
  })
  void reportsBadHosts(String hosts, int line, int column, String problem) {
    assertThatThrownBy(() -> read(hosts + "\nroutes: []\n"))
        .hasMessageStartingWith("profile test.yaml line " + line + ", column " + column + ": "
            + problem);
  }

  @Test
  void requiresHostsAndRoutes() {
    assertInvalid("name: x\nroutes: []\n", 1, 1, "the profile has no hosts");
    assertInvalid("name: x\nhosts: [\"*\"]\n", 1, 1, "the profile has no routes");
  }

  @Test
  void acceptsAProfileOfHostsAlone() throws Exception {
    assertThat(read("hosts: [api.example]\nroutes: []\n").routes()).isEmpty();
  }

  @Test
  void reportsYamlSyntaxWhereTheParserStopped() {
    assertThatThrownBy(() -> read("hosts: [\"*\"]\nroutes:\n  - operation: [Ping\n"))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessageStartingWith("profile test.yaml line 4, column 1: not valid YAML: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void rejectsAnEmptyDocumentAndOneThatIsNoMapping() {
    assertThatThrownBy(() -> read("# nothing\n")).hasMessage("profile test.yaml: the profile is empty");
    assertThatThrownBy(() -> read("- a\n- b\n")).hasMessageStartingWith(
        "profile test.yaml line 1, column 1: the profile must be a mapping with the keys");
  }

  @Test
  void rejectsMoreThanOneDocument() {
    assertThatThrownBy(() -> read("hosts: [a]\nroutes: []\n---\nhosts: [b]\nroutes: []\n"))
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void rejectsAliasesOfCollections() {
    String yaml = "hosts: &h [a, b]\nroutes: []\nerrorModel: {x: *h}\n";

    assertThatThrownBy(() -> read(yaml)).hasMessageContaining("not valid YAML");
  }

  @Test
  void neverInstantiatesATypeTheDocumentNames() {
    String yaml = "hosts: !!java.io.File [\"/tmp\"]\nroutes: []\n";

    assertThatThrownBy(() -> read(yaml)).isInstanceOf(InvalidProfileException.class);
  }

  @Test
  void replaceUsesTheUsersProfileAloneAndExtendTriesItBeforeTheBuiltInOne() throws Exception {
    List<ProviderProfile> replaced = ProfileReader.configured(PETSTORE, ProfileMode.REPLACE);
    List<ProviderProfile> extended = ProfileReader.configured(PETSTORE, ProfileMode.EXTEND);

    assertThat(replaced).extracting(ProviderProfile::name).containsExactly("petstore");
    assertThat(extended).extracting(ProviderProfile::name)
        .containsExactly("petstore", "default-provider");
    assertThat(ProfileReader.configured(null, ProfileMode.REPLACE))
        .containsExactly(ProviderProfile.builtIn());

    String provider = "/v1/clients/A0oH0E4EiWloxnwr75liQg";
    EndpointTemplater replacing = EndpointTemplater.create(ProviderRoutes.of(replaced));
    EndpointTemplater extending = EndpointTemplater.create(ProviderRoutes.of(extended));
    assertThat(replacing.template("GET", "pay.example", 443, provider, null).operation()).isNull();
    assertThat(extending.template("GET", "pay.example", 443, provider, null).operation())
        .isEqualTo("RetrieveClient");
    assertThat(extending.template("GET", "petstore.test", 443, "/api/v3/pets", null).operation())
        .isEqualTo("listPets");
  }

  @Test
  void matchesFixedSegmentsDecoded() throws Exception {
    ProviderProfile profile = read("hosts: [\"*\"]\nroutes:\n"
        + "  - {operation: Menu, method: GET, path: /menü/today}\n");
    EndpointTemplater templater = EndpointTemplater.create(ProviderRoutes.of(List.of(profile)));

    assertThat(templater.template("GET", "h", 80, "/men%C3%BC/today", null).operation())
        .isEqualTo("Menu");
  }

  private static ProviderProfile read(String yaml) throws InvalidProfileException {
    return ProfileReader.read(yaml, "test.yaml");
  }

  private static void assertInvalid(String yaml, int line, int column, String problem) {
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessage("profile test.yaml line " + line + ", column " + column + ": " + problem)
        .satisfies(e -> {
          assertThat(((InvalidProfileException) e).line()).isEqualTo(line);
          assertThat(((InvalidProfileException) e).column()).isEqualTo(column);
        });
  }
}
