// Holds a conversation with a Parley bot over Rasa's socket.io protocol, using the official
// socket.io-client. Usage: node socketio-conversation.js <config JSON>, where the config is
// {"url", "path", "token", "sessionId", "steps": ["text" | {"button": "title"}], "transports"},
// where "transports" is optional: absent means ["websocket"]; "default" means the client's default
// (polling first, then the upgrade to websocket, which the script waits for before it disconnects).
// Prints {"sessionConfirm", "turns": [[bot_uttered payloads of step 1], ...], "transports": [the
// Engine.IO transport it opened with, the one at the end]} as JSON.
'use strict';
const { io } = require('socket.io-client');

const config = JSON.parse(process.argv[2]);
const timer = setTimeout(() => fail(new Error('no answer within 80 s')), 80000);

function fail(error) {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
}

async function main() {
  const options = {
    path: config.path,
    query: config.token ? { token: config.token } : {},
    reconnection: false,
  };
  const clientDefault = config.transports === 'default';
  if (!clientDefault) {
    options.transports = config.transports || ['websocket'];
  }
  const socket = io(config.url, options);
  // The transport the Engine.IO connection opened with, and the end of its upgrade.
  const transports = [];
  const upgraded = new Promise((resolve) => socket.io.on('open', () => {
    transports.push(socket.io.engine.transport.name);
    socket.io.engine.on('upgrade', resolve);
  }));
  socket.on('connect_error', fail);
  socket.on('parley_error', (error) => fail(new Error('parley_error ' + JSON.stringify(error))));
  let received = [];
  socket.on('bot_uttered', (payload) => received.push(payload));

  const confirmed = new Promise((resolve) => socket.once('session_confirm', resolve));
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.emit('session_request', { session_id: config.sessionId });
  const sessionConfirm = await confirmed;

  const turns = [];
  for (const step of config.steps) {
    let message = step;
    if (typeof step === 'object') {
      const last = turns[turns.length - 1] || [];
      const replies = last.flatMap((payload) => payload.quick_replies || []);
      const button = replies.find((reply) => reply.title === step.button);
      if (!button) {
        throw new Error('no button ' + step.button + ' in ' + JSON.stringify(last));
      }
      message = button.payload;
    }
    received = [];
    // Like Rasa, the server acknowledges a message once the bot's answers are sent.
    await socket.timeout(25000).emitWithAck('user_uttered', {
      message,
      session_id: sessionConfirm,
    });
    turns.push(received);
  }
  if (clientDefault && socket.io.engine.transport.name !== 'websocket') {
    await upgraded;
  }
  transports.push(socket.io.engine.transport.name);
  socket.disconnect();
  clearTimeout(timer);
  process.stdout.write(JSON.stringify({ sessionConfirm, turns, transports }));
}

main().catch(fail);
