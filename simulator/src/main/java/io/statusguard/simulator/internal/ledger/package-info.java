/** What the simulated provider remembers per client: bounded books of accounts, transactions and keys. */
package io.statusguard.simulator.internal.ledger;
