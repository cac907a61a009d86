package io.statusguard.simulator.internal.api;

import io.statusguard.simulator.SimulatorConfig;

/**
 * The provider's operations behind authentication, routing and body parsing: given a {@link Call} it
 * returns the provider's {@link Reply}. Thread-safe.
 */
public final class ProviderApi {
  private final ClientOperations clients;
  private final KeyOperations keys = new KeyOperations();
  private final QueryOperations queries = new QueryOperations();
  private final AccountOperations accounts;
  private final TransactionOperations transactions;

  private ProviderApi(SimulatorConfig config, UpstreamNetwork network) {
    this.clients = new ClientOperations(config.transactionLimit());
    this.accounts = new AccountOperations(config.referenceLookupWindow());
    this.transactions = new TransactionOperations(
        config.transactionLimit(), config.referenceLookupWindow(), config.minPollInterval(), network);
  }

  public static ProviderApi create(SimulatorConfig config, UpstreamNetwork network) {
    return new ProviderApi(config, network);
  }

  public Reply handle(Call call) {
    return switch (call.operation()) {
      case RETRIEVE_CLIENT -> clients.retrieve(call);
      case CREATE_KEY -> keys.create(call);
      case RETRIEVE_KEY -> keys.retrieve(call);
      case DELETE_KEY -> keys.delete(call);
      case QUERY_CARD -> queries.queryCard(call);
      case QUERY_BANK -> queries.queryBank(call);
      case QUERY_OFAC -> queries.queryOfac(call);
      case CREATE_ACCOUNT -> accounts.create(call);
      case RETRIEVE_ACCOUNT -> accounts.retrieve(call);
      case UPDATE_ACCOUNT -> accounts.update(call);
      case DELETE_ACCOUNT -> accounts.delete(call);
      case CREATE_TRANSACTION -> transactions.create(call);
      case RETRIEVE_TRANSACTION -> transactions.retrieve(call);
      case CAPTURE_TRANSACTION -> transactions.capture(call);
      case DELETE_TRANSACTION -> transactions.delete(call);
      case DELETE_RTP_TRANSACTION -> transactions.deleteRtp(call);
      case CREATE_SUB_CLIENT -> clients.createSubClient(call);
      case RETRIEVE_SUB_CLIENT -> clients.retrieveSubClient(call);
      case UPDATE_SUB_CLIENT -> clients.updateSubClient(call);
    };
  }
}
