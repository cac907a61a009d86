package io.statusguard.simulator.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountBookTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Optional<Card> CARD = Optional.of(Card.of("4111111111111111"));

  private final AccountBook book = new AccountBook(2, ResourceIds.seeded(1));

  private Account create(String referenceId, boolean rejectDuplicateCard) {
    AccountCreation creation = book.create(referenceId, CARD, rejectDuplicateCard, T0);
    assertThat(creation).isInstanceOf(AccountCreation.Created.class);
    return ((AccountCreation.Created) creation).account();
  }

  @Test
  void keepsAFingerprintAndTheLastFourDigitsOnly() {
    Account account = create("a1", false);

    assertThat(account.card().orElseThrow().last4()).isEqualTo("1111");
    assertThat(account.card().orElseThrow().fingerprint()).doesNotContain("4111111111111111").hasSize(64);
  }

  @Test
  void rejectsADuplicateCardOnlyWhenAsked() {
    Account first = create("a1", false);

    AccountCreation listed = book.create("a2", CARD, false, T0);
    AccountCreation rejected = book.create("a3", CARD, true, T0);

    assertThat(((AccountCreation.Created) listed).duplicateAccountIds()).containsExactly(first.id());
    assertThat(rejected).isInstanceOf(AccountCreation.DuplicateCard.class);
  }

  @Test
  void evictionForgetsTheCardOfTheOldestAccount() {
    create("a1", false);
    book.create("a2", Optional.empty(), false, T0);
    book.create("a3", Optional.empty(), false, T0);

    assertThat(book.findByReference("a1")).isEmpty();
    assertThat(book.create("a4", CARD, true, T0)).isInstanceOf(AccountCreation.Created.class);
  }

  @Test
  void deleteReportsThePreviousState() {
    Account account = create("a1", false);

    assertThat(book.delete(account.id(), false)).hasValueSatisfying(a -> assertThat(a.deleted()).isFalse());
    assertThat(book.delete(account.id(), false)).hasValueSatisfying(a -> assertThat(a.deleted()).isTrue());
    assertThat(book.delete("AAAAAAAAAAAAAAAAAAAAAA", false)).isEmpty();
  }
}
