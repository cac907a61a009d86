package io.statusguard.agent.profile;

import java.util.List;

/** How a user's provider profile combines with the built-in one (configuration key {@code profile.mode}). */
public enum ProfileMode {
  /** The user's profile alone: the built-in routes no longer apply. */
  REPLACE,
  /** The user's routes first, for the user's hosts; then the built-in ones, for theirs. */
  EXTEND;

  /** The profiles to try in order, given the user's. */
  public List<ProviderProfile> profiles(ProviderProfile user) {
    return this == REPLACE ? List.of(user) : List.of(user, ProviderProfile.builtIn());
  }
}
