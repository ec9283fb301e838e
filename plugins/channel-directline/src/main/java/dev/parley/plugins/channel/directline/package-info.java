/**
 * A subset of Bot Framework Direct Line 3.0 as a channel: start a conversation with the bot's key
 * or a token, post activities, read them with a watermark, and the WebSocket stream. Buttons are
 * sent as suggested actions ({@code postBack}). Conversations live in this server's memory.
 */
package dev.parley.plugins.channel.directline;
