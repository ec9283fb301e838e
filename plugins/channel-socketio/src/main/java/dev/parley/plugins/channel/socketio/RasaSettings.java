package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.ChannelBot;

/**
 * The {@code socketio:} section of a bot's credentials.yml, with Rasa's defaults.
 *
 * @param userMessageEvent the event the client sends messages with ({@code user_uttered})
 * @param botMessageEvent the event the bot's messages are emitted as ({@code bot_uttered})
 * @param namespace the Socket.IO namespace ({@code /})
 * @param sessionPersistence whether the sender is the client's {@code session_id} (else the
 *     socket's id)
 * @param metadataKey the field of a user message that holds its metadata ({@code customData})
 */
record RasaSettings(
    String userMessageEvent,
    String botMessageEvent,
    String namespace,
    boolean sessionPersistence,
    String metadataKey) {

  static RasaSettings of(ChannelBot bot) {
    String namespace = bot.setting("namespace", "/");
    return new RasaSettings(
        bot.setting("user_message_evt", "user_uttered"),
        bot.setting("bot_message_evt", "bot_uttered"),
        namespace.startsWith("/") ? namespace : "/" + namespace,
        bot.flag("session_persistence", false),
        bot.setting("metadata_key", "customData"));
  }
}
