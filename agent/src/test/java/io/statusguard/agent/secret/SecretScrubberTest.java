package io.statusguard.agent.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScrubberTest {
  /** Test card numbers of the major schemes: 13 to 19 digits, all passing Luhn. */
  private static final String VISA_13 = "4222222222222";
  private static final String VISA_16 = "4111111111111111";
  private static final String AMEX_15 = "378282246310005";
  private static final String DINERS_14 = "30569309025904";
  private static final String MAESTRO_19 = "6759649826438453";
  private static final String UNIONPAY_19 = "6212345678901265";
  private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
      + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  @Test
  void nullStaysNullAndCleanTextIsReturnedAsTheSameInstance() {
    String clean = "Duplicate transaction for ReferenceID abc-123 at 2024-01-15 12:30";

    assertThat(SecretScrubber.scrub(null)).isNull();
    assertThat(SecretScrubber.scrub(clean)).isSameAs(clean);
    assertThat(SecretScrubber.scrub("")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {VISA_13, VISA_16, AMEX_15, DINERS_14, MAESTRO_19, UNIONPAY_19,
      "4000056655665556", "5555555555554444", "6011111111111117"})
  void masksCardNumbersOfThirteenToNineteenDigitsThatPassLuhn(String card) {
    assertThat(SecretScrubber.scrub(card)).isEqualTo("[card]");
    assertThat(SecretScrubber.scrub("card " + card + " declined")).isEqualTo("card [card] declined");
  }

  @Test
  void masksNineteenDigitCards() {
    String nineteen = withLuhnCheckDigit("622126000000000000");

    assertThat(nineteen).hasSize(19);
    assertThat(SecretScrubber.scrub("pan=" + nineteen + ";")).isEqualTo("pan=[card];");
  }

  @Test
  void masksCardNumbersWrittenInGroupsWithSingleSpacesOrDashes() {
    assertThat(SecretScrubber.scrub("4111 1111 1111 1111")).isEqualTo("[card]");
    assertThat(SecretScrubber.scrub("4111-1111-1111-1111")).isEqualTo("[card]");
    assertThat(SecretScrubber.scrub("3782 822463 10005 ok")).isEqualTo("[card] ok");
    assertThat(SecretScrubber.scrub("4111-1111 1111-1111")).isEqualTo("[card]");
    assertThat(SecretScrubber.scrub("4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1")).isEqualTo("[card]");
  }

  @Test
  void masksCardNumbersGluedToWordsAndInsidePathSegments() {
    assertThat(SecretScrubber.scrub("/x/card4111111111111111"))
        .isEqualTo("/x/card[card]");
    assertThat(SecretScrubber.scrub("/cards/4111-1111-1111-1111/check"))
        .isEqualTo("/cards/[card]/check");
    assertThat(SecretScrubber.scrub("{\"pan\":\"" + VISA_16 + "\"}"))
        .isEqualTo("{\"pan\":\"[card]\"}");
    assertThat(SecretScrubber.scrub("x" + VISA_16 + "y")).isEqualTo("x[card]y");
  }

  @Test
  void masksTheCardAmongNeighbouringDigitGroups() {
    assertThat(SecretScrubber.scrub("4111 1111 1111 1111 2024")).isEqualTo("[card] 2024");
    assertThat(SecretScrubber.scrub("12 4111111111111111")).isEqualTo("12 [card]");
    assertThat(SecretScrubber.scrub(VISA_16 + " " + AMEX_15)).isEqualTo("[card] [card]");
  }

  @Test
  void leavesDigitRunsThatFailLuhnAlone() {
    String notLuhn = "4111111111111112";

    assertThat(SecretScrubber.scrub(notLuhn)).isSameAs(notLuhn);
    assertThat(SecretScrubber.scrub("4111 1111 1111 1112")).isEqualTo("4111 1111 1111 1112");
  }

  @Test
  void leavesRunsOfTwelveOrTwentyDigitsAlone() {
    String twelve = "411111111116";
    String twenty = "41111111111111111113";

    assertThat(SecretScrubber.scrub(twelve)).isSameAs(twelve);
    assertThat(SecretScrubber.scrub(twenty)).isSameAs(twenty);
    // A card number is not recognised inside a longer run of digits.
    assertThat(SecretScrubber.scrub("9" + VISA_16 + "9999")).isEqualTo("9" + VISA_16 + "9999");
  }

  @Test
  void doubleSeparatorsSplitDigitGroups() {
    String split = "4111  1111  1111  1111";

    assertThat(SecretScrubber.scrub(split)).isSameAs(split);
    assertThat(SecretScrubber.scrub("4111--1111--1111--1111")).isEqualTo("4111--1111--1111--1111");
  }

  @Test
  void masksCardNumbersWrittenInNonAsciiDigits() {
    String fullWidth = "４１１１１１１１１１１１１１１１";
    String arabicIndic = "٤١١١١١١١١١١١١١١١";

    assertThat(SecretScrubber.scrub("card " + fullWidth)).isEqualTo("card [card]");
    assertThat(SecretScrubber.scrub(arabicIndic)).isEqualTo("[card]");
  }

  @Test
  void keepsUnicodeTextAroundWhatItMasks() {
    assertThat(SecretScrubber.scrub("Karte ü " + VISA_16 + " abgelehnt — 💳"))
        .isEqualTo("Karte ü [card] abgelehnt — 💳");
    String clean = "Paiement refusé: carte désactivée 🚫";
    assertThat(SecretScrubber.scrub(clean)).isSameAs(clean);
  }

  @Test
  void masksBearerAndBasicCredentials() {
    assertThat(SecretScrubber.scrub("Authorization: Bearer abc.DEF-123_x/y+z="))
        .isEqualTo("Authorization: Bearer [token]");
    assertThat(SecretScrubber.scrub("bearer 0123456789abcdef rejected"))
        .isEqualTo("bearer [token] rejected");
    assertThat(SecretScrubber.scrub("Basic dXNlcjpwYXNzd29yZA==")).isEqualTo("Basic [token]");
    assertThat(SecretScrubber.scrub("Bearer " + JWT)).isEqualTo("Bearer [token]");
  }

  @Test
  void leavesBearerAndBasicFollowedByPlainWordsAlone() {
    String prose = "The Bearer Token is invalid; basic validation failed";

    assertThat(SecretScrubber.scrub(prose)).isSameAs(prose);
  }

  @Test
  void masksJwtShapedTokensAnywhere() {
    assertThat(SecretScrubber.scrub("token expired: " + JWT + ".")).isEqualTo(
        "token expired: [token].");
    assertThat(SecretScrubber.scrub("/sessions/" + JWT + "/refresh"))
        .isEqualTo("/sessions/[token]/refresh");
    assertThat(SecretScrubber.scrub("x " + "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."))
        .isEqualTo("x [token]");
  }

  @Test
  void leavesDottedNamesAndVersionsAlone() {
    String names = "api.example.com v1.2.3 io.statusguard.agent.secret statusguard-agent.jar";

    assertThat(SecretScrubber.scrub(names)).isSameAs(names);
  }

  @Test
  void masksValuesAssignedToCredentialNames() {
    assertThat(SecretScrubber.scrub("token=abc&x=1")).isEqualTo("token=[token]&x=1");
    assertThat(SecretScrubber.scrub("access_token=abc123")).isEqualTo("access_token=[token]");
    assertThat(SecretScrubber.scrub("password: hunter2 now")).isEqualTo("password: [token] now");
    assertThat(SecretScrubber.scrub("{\"clientSecret\":\"s3 cr\\\"et\",\"EM\":\"x\"}"))
        .isEqualTo("{\"clientSecret\":\"[token]\",\"EM\":\"x\"}");
    assertThat(SecretScrubber.scrub("X-API-KEY = 'k-123'")).isEqualTo("X-API-KEY = '[token]'");
    assertThat(SecretScrubber.scrub("apikey=k1,secret=s2;passwd=p3"))
        .isEqualTo("apikey=[token],secret=[token];passwd=[token]");
  }

  @Test
  void masksCredentialsInJsonQuotedInsideAString() {
    assertThat(SecretScrubber.scrub("{\\\"password\\\":\\\"hunter2\\\",\\\"a\\\":1}"))
        .isEqualTo("{\\\"password\\\":\\\"[token]\\\",\\\"a\\\":1}");
  }

  @Test
  void leavesCredentialNamesWithoutValuesAlone() {
    String text = "token expired, password required, secret= , apikey";

    assertThat(SecretScrubber.scrub(text)).isSameAs(text);
  }

  @Test
  void masksCardVerificationCodes() {
    assertThat(SecretScrubber.scrub("CVV 123 invalid")).isEqualTo("CVV [cvv] invalid");
    assertThat(SecretScrubber.scrub("{\"cvv2\":\"1234\"}")).isEqualTo("{\"cvv2\":\"[cvv]\"}");
    assertThat(SecretScrubber.scrub("cvc=987, cid: 4321, csc#555"))
        .isEqualTo("cvc=[cvv], cid: [cvv], csc#[cvv]");
  }

  @Test
  void leavesCvvWordsWithoutACodeAlone() {
    String text = "cvv missing, cvc 12, cid 12345, acid 123, cvvx 123";

    assertThat(SecretScrubber.scrub(text)).isSameAs(text);
  }

  @Test
  void masksEverythingInATypicalErrorBody() {
    String body = "{\"SC\":400,\"EC\":\"3C463000\",\"EM\":\"Card 4111 1111 1111 1111 cvv 123"
        + " rejected for Bearer a1b2c3d4e5\"}";

    assertThat(SecretScrubber.scrub(body)).isEqualTo("{\"SC\":400,\"EC\":\"3C463000\",\"EM\":\"Card"
        + " [card] cvv [cvv] rejected for Bearer [token]\"}");
  }

  @Test
  void cutsLongInputBeforeScanningWithoutLeavingHalfACardBehind() {
    String prefix = "a ".repeat((SecretScrubber.MAX_INPUT_LENGTH - 10) / 2);
    String text = prefix + "4111 1111 1111 1111 and more text after it";

    String scrubbed = SecretScrubber.scrub(text);

    assertThat(scrubbed.length()).isLessThanOrEqualTo(SecretScrubber.MAX_INPUT_LENGTH);
    assertThat(scrubbed).doesNotContain("4111").doesNotContain("1111");
    assertThat(scrubbed).startsWith("a a a");
  }

  @Test
  void cutsLongInputWithoutSplittingASurrogatePair() {
    String text = "x".repeat(SecretScrubber.MAX_INPUT_LENGTH - 1) + "💳 tail";

    String scrubbed = SecretScrubber.scrub(text);

    assertThat(scrubbed.length()).isLessThanOrEqualTo(SecretScrubber.MAX_INPUT_LENGTH);
    assertThat(scrubbed.isEmpty() || !Character.isHighSurrogate(
        scrubbed.charAt(scrubbed.length() - 1))).isTrue();
  }

  @Test
  void scansAdversarialInputOfTheMaximumLength() {
    String[] adversarial = {
        "1 ".repeat(100_000), "1-".repeat(100_000), "a-".repeat(100_000), "a.".repeat(100_000),
        "token=".repeat(50_000), "Bearer ".repeat(50_000), "cvv ".repeat(50_000),
        "eyJ.".repeat(50_000), "\"password\":\"".repeat(20_000), "4".repeat(200_000)};

    for (String text : adversarial) {
      String scrubbed = SecretScrubber.scrub(text);

      assertThat(scrubbed).isNotNull();
      assertThat(scrubbed.length()).isLessThanOrEqualTo(SecretScrubber.MAX_INPUT_LENGTH + 64);
    }
  }

  @Test
  void neverFailsOnRandomText() {
    Random random = new Random(99);
    String alphabet = "0123456789 -_.=:\"'\\{}abcXYZ Bearer basic cvv cid token= password: eyJ💳é\t";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(300); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }

      assertThat(SecretScrubber.scrub(text.toString())).as(text.toString())
          .isNotEqualTo(SecretScrubber.REDACTED);
    }
  }

  @Test
  void neverLeavesAValidCardNumberInRandomText() {
    Random random = new Random(20261126L);
    String[] fillers = {" ", "-", "x", "/", "\"", ":", "é", "  ", "0 ", "12-", "cvv ", "cvv: "};
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      String card = randomCard(random);
      text.append(fillers[random.nextInt(fillers.length)]);
      text.append(separated(card, random));
      text.append(fillers[random.nextInt(fillers.length)].replaceAll("[0-9]", "z"));

      String scrubbed = SecretScrubber.scrub(text.toString());

      assertThat(scrubbed).as(text.toString()).doesNotContain(card);
      assertThat(scrubbed.replaceAll("[ -]", "")).as(text.toString()).doesNotContain(card);
    }
  }

  private static String randomCard(Random random) {
    int digits = SecretScrubber.MIN_CARD_DIGITS
        + random.nextInt(SecretScrubber.MAX_CARD_DIGITS - SecretScrubber.MIN_CARD_DIGITS + 1);
    StringBuilder body = new StringBuilder();
    body.append(1 + random.nextInt(9));
    while (body.length() < digits - 1) {
      body.append(random.nextInt(10));
    }
    return withLuhnCheckDigit(body.toString());
  }

  private static String separated(String card, Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < card.length(); i++) {
      if (i > 0 && random.nextInt(5) == 0) {
        out.append(random.nextBoolean() ? ' ' : '-');
      }
      out.append(card.charAt(i));
    }
    return out.toString();
  }

  private static String withLuhnCheckDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return body + (10 - sum % 10) % 10;
  }
}
