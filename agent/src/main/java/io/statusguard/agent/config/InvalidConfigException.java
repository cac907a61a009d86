package io.statusguard.agent.config;

/** A configuration value the agent cannot run with; the message names the key and says why. */
public final class InvalidConfigException extends Exception {
  public InvalidConfigException(String message) {
    super(message);
  }
}
