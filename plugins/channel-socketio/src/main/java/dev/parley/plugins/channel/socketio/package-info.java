/**
 * Rasa's socket.io channel ({@code user_uttered}, {@code bot_uttered}, {@code session_request} /
 * {@code session_confirm}, {@code session_persistence}) over Engine.IO 4 and Socket.IO 5, written
 * against the published protocol documents. Both transports: WebSocket, and HTTP long-polling with
 * the upgrade to a WebSocket.
 */
package dev.parley.plugins.channel.socketio;
