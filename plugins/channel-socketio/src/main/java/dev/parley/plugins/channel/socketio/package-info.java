/**
 * Rasa's socket.io channel ({@code user_uttered}, {@code bot_uttered}, {@code session_request} /
 * {@code session_confirm}, {@code session_persistence}) over Engine.IO 4 and Socket.IO 5, written
 * against the published protocol documents. WebSocket transport only: clients must connect with
 * {@code transports: ["websocket"]}.
 */
package dev.parley.plugins.channel.socketio;
