#!/usr/bin/env node
/*
 * A TCP round-robin balancer for liberty/bench/hosts.sh, run in the client host's namespace.
 * usage: node hosts-balancer.js LISTEN_PORT HOST:PORT [HOST:PORT ...]
 *
 * Listens on 127.0.0.1:LISTEN_PORT and hands each new connection to the next backend in turn,
 * piping bytes both ways (no HTTP parsing, so it costs little CPU). The load tool keeps one
 * keep-alive connection per worker and gives each turn to a conversation chosen at random, so
 * consecutive messages of one conversation reach random hosts: no stickiness.
 * A backend that refuses the connection is skipped for that connection (each backend is tried at
 * most once), so a killed host costs its open connections only.
 */
const net = require('net');

const [listenPort, ...targets] = process.argv.slice(2);
if (!listenPort || !targets.length) {
  console.error('usage: node hosts-balancer.js LISTEN_PORT HOST:PORT [HOST:PORT ...]');
  process.exit(2);
}
const backends = targets.map((t) => {
  const at = t.lastIndexOf(':');
  return { host: t.slice(0, at), port: Number(t.slice(at + 1)) };
});
let next = 0;

function connect(client, attempt) {
  if (attempt >= backends.length) {
    client.destroy();
    return;
  }
  const backend = backends[next];
  next = (next + 1) % backends.length;
  const upstream = net.connect({ host: backend.host, port: backend.port });
  let connected = false;
  upstream.setNoDelay(true);
  upstream.on('connect', () => {
    connected = true;
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  });
  upstream.on('error', () => {
    if (!connected) connect(client, attempt + 1);
    else client.destroy();
  });
  upstream.on('close', () => {
    if (connected) client.destroy();
  });
  client.on('close', () => upstream.destroy());
}

const server = net.createServer((client) => {
  client.pause();
  client.setNoDelay(true);
  client.on('error', () => client.destroy());
  connect(client, 0);
});
server.listen(Number(listenPort), '127.0.0.1', () => {
  console.log(`balancing 127.0.0.1:${listenPort} over ${targets.join(' ')}`);
});
process.on('SIGTERM', () => process.exit(0));
