package io.statusguard.simulator.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTest {

  @Test
  void successLeadsWithStatusAndZeroCode() {
    Reply reply = Reply.ok(CompactJson.object().put("transactionID", "x"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.body()).isEqualTo("{\"SC\":200,\"EC\":\"0\",\"transactionID\":\"x\"}");
  }

  @Test
  void errorCarriesItsEightCharacterCodeAndMessage() {
    Reply reply = Reply.error(ErrorCondition.INVALID_FIELD, "amount");

    assertThat(reply.body()).isEqualTo("{\"SC\":400,\"EC\":\"3C400002\",\"EM\":\"Invalid Field: amount\"}");
  }

  @Test
  void everyConditionHasAnEightHexCharacterCode() {
    for (ErrorCondition condition : ErrorCondition.values()) {
      assertThat(condition.code()).as(condition.name()).matches("[0-9A-F]{8}");
    }
  }

  @Test
  void ipBlockIsXml() {
    Reply reply = Reply.ipNotAllowed();

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.contentType()).isEqualTo("application/xml");
    assertThat(reply.body()).startsWith("<Error><Code>Forbidden</Code>");
  }
}
