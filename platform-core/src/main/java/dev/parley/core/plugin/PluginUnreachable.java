package dev.parley.core.plugin;

/** No connection to a remote plugin; the only failure the action server's calls retry. */
public class PluginUnreachable extends PluginFailure {

  private static final long serialVersionUID = 1L;

  /** The connection failed. */
  public PluginUnreachable(String message, Throwable cause) {
    super(UNREACHABLE, message, cause);
  }
}
