package io.statusguard.simulator.internal.ledger;

import java.util.List;

/** How a CreateAccount ended in the ledger. */
public sealed interface AccountCreation {

  /** Stored; {@code duplicateAccountIds} lists other live accounts holding the same card. */
  record Created(Account account, List<String> duplicateAccountIds) implements AccountCreation {
    public Created {
      duplicateAccountIds = List.copyOf(duplicateAccountIds);
    }
  }

  /** Refused: another account already uses this ReferenceID. */
  record ReferenceReused(String existingAccountId) implements AccountCreation {}

  /** Refused under {@code ?RejectDuplicateCard}: these live accounts already hold the card. */
  record DuplicateCard(List<String> duplicateAccountIds) implements AccountCreation {
    public DuplicateCard {
      duplicateAccountIds = List.copyOf(duplicateAccountIds);
    }
  }
}
