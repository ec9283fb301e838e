package dev.parley.core.nlu;

import dev.parley.core.bot.MessageParser;
import dev.parley.core.config.NluRoleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/**
 * Chooses how a turn's message is parsed: by this server's NLU ({@link NluService}), or, when
 * {@code PARLEY_NLU_URL} names an NLU server, by that server ({@link RemoteMessageParser}).
 */
@ApplicationScoped
public class MessageParsers {

  private static final Logger LOG = Logger.getLogger(MessageParsers.class.getName());

  /** The configured parser. */
  @Produces
  MessageParser parser(NluRoleSettings settings, NluService local, RemoteMessageParser remote) {
    if (settings.nluUrl().isPresent()) {
      LOG.info(() -> "Parsing through the NLU server at " + settings.nluUrl().get());
      return remote;
    }
    return local;
  }
}
