/**
 * Channels: how users reach a bot (Rasa's socket.io, Direct Line, ...). A {@link
 * dev.parley.plugin.channel.ChannelFactory} found through {@link java.util.ServiceLoader} creates
 * one {@link dev.parley.plugin.channel.Channel} per server. The core owns the transport (HTTP and
 * WebSocket on the server's port), finds the bot, reads the channel's section of the bot's {@code
 * credentials.yml} and hands the channel a {@link dev.parley.plugin.channel.ChannelHost} that runs
 * turns through the same lock, idempotency, persistence and owner routing as the REST channel. The
 * channel only translates its wire protocol to {@link dev.parley.plugin.channel.ChannelTurn}s and
 * the bot's {@link dev.parley.plugin.channel.OutgoingMessage}s back.
 */
package dev.parley.plugin.channel;
