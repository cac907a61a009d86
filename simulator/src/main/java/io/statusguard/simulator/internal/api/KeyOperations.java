package io.statusguard.simulator.internal.api;

import io.statusguard.simulator.internal.ledger.ApiKey;
import io.statusguard.simulator.internal.ledger.ResourceIds;
import java.util.Optional;

/** CreateKey, RetrieveKey and DeleteKey. Stateless; the keys live in the ledger's key ring. */
final class KeyOperations {

  Reply create(Call call) {
    ApiKey key = call.ledger().keys().create(call.now());
    return Reply.ok(CompactJson.object().put("keyID", key.id()));
  }

  Reply retrieve(Call call) {
    String keyId = call.pathParameter("KeyID").orElse("");
    if (!ResourceIds.isWellFormed(keyId)) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "KeyID");
    }
    Optional<ApiKey> found = call.ledger().keys().find(keyId);
    if (found.isEmpty()) {
      return Reply.error(ErrorCondition.NOT_FOUND);
    }
    if (found.get().deleted()) {
      return Reply.error(ErrorCondition.GONE);
    }
    return Reply.ok(CompactJson.object()
        .put("keyID", keyId)
        .put("created", found.get().createdAt().toString()));
  }

  Reply delete(Call call) {
    String keyId = call.pathParameter("KeyID").orElse("");
    if (!ResourceIds.isWellFormed(keyId)) {
      return Reply.error(ErrorCondition.INVALID_RESOURCE_ID, "KeyID");
    }
    Optional<ApiKey> before = call.ledger().keys().delete(keyId);
    if (before.isEmpty()) {
      return Reply.error(ErrorCondition.NOT_FOUND);
    }
    return before.get().deleted() ? Reply.error(ErrorCondition.GONE) : Reply.ok(CompactJson.object());
  }
}
