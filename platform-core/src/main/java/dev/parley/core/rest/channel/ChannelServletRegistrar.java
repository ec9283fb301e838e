package dev.parley.core.rest.channel;

import dev.parley.plugin.channel.Channel;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Maps {@link ChannelServlet} when the application starts: at {@code /channels/*} (every bot's
 * channels) and at the root segment of each channel's socket paths (e.g. {@code /socket.io/*}),
 * where the bot bound to Rasa's paths answers: the segments {@link ChannelPlugins} checked when it
 * created the channels, not what a channel answers later.
 */
@WebListener
public class ChannelServletRegistrar implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(ChannelServletRegistrar.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ChannelPlugins plugins = CDI.current().select(ChannelPlugins.class).get();
    Map<String, Channel> channels = plugins.all();
    Set<String> mappings = new LinkedHashSet<>();
    mappings.add(ChannelServlet.BOT_ROOT + "/*");
    plugins.rootSegments().forEach(segment -> mappings.add("/" + segment + "/*"));
    ServletRegistration.Dynamic servlet =
        event.getServletContext().addServlet("parley-channels", ChannelServlet.class);
    Set<String> taken = servlet.addMapping(mappings.toArray(String[]::new));
    servlet.setAsyncSupported(true);
    if (!taken.isEmpty()) {
      LOG.warning(() -> "channel paths already mapped by something else: " + taken);
    }
    LOG.info(() -> "Channels " + channels.keySet() + " answer at " + mappings);
  }
}
