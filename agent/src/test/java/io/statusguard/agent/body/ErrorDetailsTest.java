package io.statusguard.agent.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.BodyTap;
import io.statusguard.agent.bootstrap.ResponseObservation;
import io.statusguard.event.BodyFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ErrorDetailsTest {
  private static final String JSON = "application/json; charset=utf-8";

  private static ErrorDetails read(String body, String contentType) {
    return ErrorDetails.read(body.getBytes(StandardCharsets.UTF_8), null, contentType);
  }

  @Test
  void readsTheProvidersFieldsFromAJsonObject() {
    ErrorDetails details = read("{\"SC\":409,\"EC\":\"3C463000\",\"EM\":\"Duplicate\","
        + "\"duplicateAccountIDs\":[\"A0oH0E4EiWloxnwr75liQg\"]}", JSON);

    assertThat(details.format()).isEqualTo(BodyFormat.JSON);
    assertThat(details.providerStatus()).isEqualTo(409);
    assertThat(details.errorCode()).isEqualTo("3C463000");
    assertThat(details.errorMessage()).isEqualTo("Duplicate");
  }

  @Test
  void findsTheFieldsInAnyOrderAfterNestedValuesAndWhitespace() {
    ErrorDetails details = read(" \r\n\uFEFF{ \"data\" : {\"EM\":\"inner\",\"list\":[1,[2,{\"SC\":1}],"
        + "\"]}\"]}, \"EM\" : \"Limits Lock\" , \"n\":-1.5e3, \"t\":true, \"z\":null,"
        + "\"EC\":\"3C51010D\",\"SC\":429}", "text/plain");

    assertThat(details.format()).isEqualTo(BodyFormat.JSON);
    assertThat(details.providerStatus()).isEqualTo(429);
    assertThat(details.errorCode()).isEqualTo("3C51010D");
    assertThat(details.errorMessage()).isEqualTo("Limits Lock");
  }

  @Test
  void acceptsABodyCutAnywhereAndDropsAValueCutShort() {
    String body = "{\"SC\":422,\"EC\":\"3C422001\",\"EM\":\"Transaction Limit exceeded\"}";
    for (int length = 0; length <= body.length(); length++) {
      ErrorDetails details = read(body.substring(0, length), JSON);

      assertThat(details.format()).isEqualTo(BodyFormat.JSON);
      assertThat(details.providerStatus()).isIn(0, 422);
      assertThat(details.errorCode()).isIn(null, "3C422001");
      assertThat(details.errorMessage()).isIn(null, "Transaction Limit exceeded");
    }
    assertThat(read(body.substring(0, 9), JSON).providerStatus())
        .as("a number that reaches the cut may be longer").isZero();
    assertThat(read(body.substring(0, 10), JSON).providerStatus()).isEqualTo(422);
  }

  @Test
  void marksXmlByItsLeadingAngleBracketOrItsContentType() {
    String ipBlock = "<Error><Code>Forbidden</Code><Message>IP address not allowed</Message></Error>";

    assertThat(read(ipBlock, "application/xml").format()).isEqualTo(BodyFormat.XML);
    assertThat(read(ipBlock, JSON).format()).isEqualTo(BodyFormat.XML);
    assertThat(read("  <?xml version=\"1.0\"?><Error/>", null).format()).isEqualTo(BodyFormat.XML);
    assertThat(read("", "application/xml").format()).isEqualTo(BodyFormat.XML);
    assertThat(read("", "application/problem+xml").format()).isEqualTo(BodyFormat.XML);
    assertThat(read(ipBlock, "application/xml").errorMessage()).isNull();
  }

  @Test
  void aBodyNeverReadTakesTheFormatItsContentTypeDeclares() {
    assertThat(read("", JSON).format()).isEqualTo(BodyFormat.JSON);
    assertThat(read("", JSON).providerStatus()).isZero();
    assertThat(read("", "text/html").format()).isEqualTo(BodyFormat.OTHER);
    assertThat(read("", null).format()).isEqualTo(BodyFormat.OTHER);
  }

  @Test
  void anythingButAnObjectOrXmlIsOther() {
    assertThat(read("[{\"SC\":404}]", JSON).format()).isEqualTo(BodyFormat.OTHER);
    assertThat(read("Not Found", "text/plain").format()).isEqualTo(BodyFormat.OTHER);
    assertThat(read("404", JSON).format()).isEqualTo(BodyFormat.OTHER);
  }

  @Test
  void unescapesTheMessageAndReplacesControlCharacters() {
    ErrorDetails details = read("{\"EM\":\"Caf\\u00e9 \\\"quoted\\\" a\\/b\\tc\\nd \\ud83d\\ude00 "
        + "\u00fcber\"}", JSON);

    assertThat(details.errorMessage()).isEqualTo("Café \"quoted\" a/b c d \ud83d\ude00 über");
  }

  @Test
  void badEscapesDoNotStopTheScan() {
    ErrorDetails details = read("{\"EM\":\"bad \\uZZZZ \\q\",\"SC\":404}", JSON);

    assertThat(details.errorMessage()).isEqualTo("bad \uFFFD q");
    assertThat(details.providerStatus()).isEqualTo(404);
  }

  @Test
  void keepsOnlyCodesAndStatusesThatLookLikeTheProviders() {
    assertThat(read("{\"SC\":\"404\",\"EC\":0}", JSON).providerStatus()).isEqualTo(404);
    assertThat(read("{\"SC\":\"404\",\"EC\":0}", JSON).errorCode()).isEqualTo("0");
    assertThat(read("{\"SC\":4040}", JSON).providerStatus()).isZero();
    assertThat(read("{\"SC\":-1}", JSON).providerStatus()).isZero();
    assertThat(read("{\"SC\":{\"x\":1},\"EC\":[1]}", JSON).providerStatus()).isZero();
    assertThat(read("{\"EC\":\"has space\"}", JSON).errorCode()).isNull();
    assertThat(read("{\"EC\":\"0123456789abcdef0\"}", JSON).errorCode()).isNull();
    assertThat(read("{\"EM\":12}", JSON).errorMessage()).isNull();
  }

  @Test
  void masksCardNumbersTokensAndCvvsInTheMessage() {
    ErrorDetails details = read("{\"EM\":\"card 4111 1111 1111 1111 declined, cvv 123, "
        + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\"}", JSON);

    assertThat(details.errorMessage()).doesNotContain("4111", "1111", "123", "eyJ")
        .contains("declined");
  }

  @Test
  void boundsTheMessageAndNeverKeepsPartOfACardNumberAtTheCut() {
    String card = "4111-1111-1111-1111";
    String longMessage = "x".repeat(ProviderFieldScanner.MAX_RAW_MESSAGE_CHARS - 10) + " " + card;

    ErrorDetails details = read("{\"EM\":\"" + longMessage + "\"}", JSON);

    assertThat(details.errorMessage()).hasSizeLessThanOrEqualTo(ErrorDetails.MAX_MESSAGE_CHARS)
        .doesNotContain("4111").doesNotContain("-1");
    String atTheEventsBound = "y".repeat(ErrorDetails.MAX_MESSAGE_CHARS - 4) + " 4111 1111 1111 111";
    assertThat(read("{\"EM\":\"" + atTheEventsBound + "\"}", JSON).errorMessage())
        .hasSizeLessThanOrEqualTo(ErrorDetails.MAX_MESSAGE_CHARS).doesNotContain("4111");
  }

  @Test
  void decodesGzipAndBothKindsOfDeflate() throws IOException {
    byte[] body = "{\"SC\":404,\"EC\":\"3C404000\",\"EM\":\"Not Found\"}"
        .getBytes(StandardCharsets.UTF_8);

    for (byte[] encoded : new byte[][] {gzip(body), deflate(body, false)}) {
      String encoding = encoded[0] == (byte) 0x1f ? "gzip" : "deflate";
      ErrorDetails details = ErrorDetails.read(encoded, encoding, JSON);
      assertThat(details.errorMessage()).as(encoding).isEqualTo("Not Found");
    }
    assertThat(ErrorDetails.read(deflate(body, true), "deflate", JSON).providerStatus())
        .isEqualTo(404);
    assertThat(ErrorDetails.read(gzip(body), "X-GZIP", JSON).providerStatus()).isEqualTo(404);
  }

  @Test
  void aGzipPrefixYieldsWhatItDecodesTo() throws IOException {
    Random random = new Random(7);
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      pad.append((char) ('a' + random.nextInt(26)));
    }
    byte[] body = ("{\"SC\":429,\"EC\":\"3C51010D\",\"EM\":\"Limits Lock\",\"pad\":\"" + pad
        + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] encoded = gzip(body);

    ErrorDetails details = ErrorDetails.read(Arrays.copyOf(encoded, encoded.length / 2), "gzip", JSON);

    assertThat(details.errorMessage()).isEqualTo("Limits Lock");
  }

  @Test
  void aGzipBombDecodesNoMoreThanTheBound() throws IOException {
    byte[] zeros = new byte[20_000_000];
    byte[] bomb = gzip(zeros);
    assertThat(bomb.length).isLessThan(BodyTap.MAX_CAPTURED_BYTES * 10);

    byte[] decoded = ContentDecoding.decode(Arrays.copyOf(bomb, Math.min(bomb.length,
        BodyTap.MAX_CAPTURED_BYTES)), "gzip");

    assertThat(decoded).hasSizeLessThanOrEqualTo(ContentDecoding.MAX_DECODED_BYTES);
    assertThat(ErrorDetails.read(bomb, "gzip", JSON).format()).isEqualTo(BodyFormat.OTHER);
  }

  @Test
  void anEncodingItCannotUndoOrBytesNotInItAreOther() {
    byte[] body = "{\"SC\":404}".getBytes(StandardCharsets.UTF_8);

    assertThat(ErrorDetails.read(body, "br", JSON).format()).isEqualTo(BodyFormat.OTHER);
    assertThat(ErrorDetails.read(body, "gzip", JSON).format()).isEqualTo(BodyFormat.OTHER);
    assertThat(ErrorDetails.read(body, "gzip, br", JSON).format()).isEqualTo(BodyFormat.OTHER);
    assertThat(ErrorDetails.read(body, "identity", JSON).providerStatus()).isEqualTo(404);
  }

  @Test
  void survivesDeepNestingHugeStringsAndRandomBytes() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + ",\"SC\":500}";
    assertThat(read(deep, JSON).providerStatus()).isEqualTo(500);
    assertThat(read("{\"a\":" + "{\"b\":".repeat(50_000), JSON).format()).isEqualTo(BodyFormat.JSON);
    assertThat(read("{\"EM\":\"" + "\\".repeat(9_999) + "\"}", JSON).format())
        .isEqualTo(BodyFormat.JSON);
    assertThat(read("{\"" + "k".repeat(100_000) + "\":1,\"SC\":404}", JSON).providerStatus())
        .isEqualTo(404);

    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes = new byte[random.nextInt(BodyTap.MAX_CAPTURED_BYTES)];
      random.nextBytes(bytes);
      if (bytes.length > 0 && i % 2 == 0) {
        bytes[0] = '{';
      }
      ErrorDetails details = ErrorDetails.read(bytes, i % 3 == 0 ? "gzip" : null, JSON);
      assertThat(details.format()).isNotNull();
      assertThat(details.errorMessage() == null
          || details.errorMessage().length() <= ErrorDetails.MAX_MESSAGE_CHARS).isTrue();
    }
  }

  @Test
  void readsWhatATapCaptured() throws IOException {
    byte[] body = "{\"SC\":403,\"EC\":\"3C403000\",\"EM\":\"Permission denied\"}"
        .getBytes(StandardCharsets.UTF_8);
    BodyTap tap = BodyTap.create(ResponseObservation.ofHttpClient("GET",
        URI.create("http://provider/"), 403, null, 0, 1, JSON), "gzip", ended -> { });
    BodyTap.tee(new ByteArrayInputStream(gzip(body)), tap).readAllBytes();

    ErrorDetails details = ErrorDetails.read(tap, JSON);

    assertThat(details.errorMessage()).isEqualTo("Permission denied");
    assertThat(details.errorCode()).isEqualTo("3C403000");
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate =
        new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      deflate.write(bytes);
    }
    return out.toByteArray();
  }
}
