/**
 * Channel plugins on the server: the channels of the {@link
 * dev.parley.plugin.channel.ChannelFactory}s that {@code plugin}'s registry found, the bot's {@code
 * credentials.yml} sections, the WebSocket endpoints and HTTP servlet that carry the channels'
 * traffic, and the {@link dev.parley.plugin.channel.ChannelHost} through which their turns take the
 * REST channel's way (access, checks, owner routing, {@code ChannelTurns}). Part of the {@code
 * rest} adapters: nothing outside {@code rest} may use it.
 */
package dev.parley.core.rest.channel;
