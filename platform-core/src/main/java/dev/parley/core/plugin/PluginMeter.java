package dev.parley.core.plugin;

/** The metrics of one {@link PluginKey}, looked up once and then updated on every call. */
public interface PluginMeter {

  /** Counts nothing. */
  PluginMeter NONE =
      new PluginMeter() {
        @Override
        public void ran(long nanos) {}

        @Override
        public void failed(String reason) {}

        @Override
        public void refused() {}
      };

  /** The plugin was called (whatever the outcome) and that took so long. */
  void ran(long nanos);

  /** The call failed (or was not made) for that reason. */
  void failed(String reason);

  /** The plugin refused (an action rejected, an action server answered 400): not a failure. */
  void refused();
}
