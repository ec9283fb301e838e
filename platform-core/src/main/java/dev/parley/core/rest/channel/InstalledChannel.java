package dev.parley.core.rest.channel;

import dev.parley.core.plugin.RegisteredChannel;
import java.util.List;
import java.util.Optional;

/**
 * A channel the server found, as the admin API lists it: its factory and jar, the URL paths it
 * serves, and why it is off if it is.
 *
 * @param registered the channel's factory and the jar it came from
 * @param paths the URL paths it serves: {@code /channels/{tenant}/{bot}/{id}/}, then its socket
 *     paths at the root (e.g. {@code /socket.io/}); empty when it is off
 * @param error why it is off (its factory failed, or it claims a path outside the channels' space);
 *     empty when it serves
 */
public record InstalledChannel(
    RegisteredChannel registered, List<String> paths, Optional<String> error) {

  /** Checks the components and copies the paths. */
  public InstalledChannel {
    paths = List.copyOf(paths);
    if (error.isPresent() && !paths.isEmpty()) {
      throw new IllegalArgumentException("a channel that is off serves no paths");
    }
  }

  /** A channel that serves at these paths. */
  static InstalledChannel available(RegisteredChannel registered, List<String> paths) {
    return new InstalledChannel(registered, paths, Optional.empty());
  }

  /** A channel left out, and why. */
  static InstalledChannel off(RegisteredChannel registered, String error) {
    return new InstalledChannel(registered, List.of(), Optional.of(error));
  }

  /** Whether the channel serves. */
  public boolean available() {
    return error.isEmpty();
  }
}
