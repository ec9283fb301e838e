// Chat widgets in a real browser: Debian's headless Chromium, driven by playwright-core (no
// browser download), opens two pages served from a static server of its own on 127.0.0.1 (so the
// pages' origin is not Parley's, as in a real embedding) and holds a form conversation with
// buttons on each: widgets/webchat.html embeds Microsoft's Web Chat over Direct Line,
// widgets/socketio.html a minimal widget over socket.io-client. Run by WidgetsE2EIT:
//   node widgets.e2e.mjs '<config JSON>'
// where the config is {"chromium", "directline": {"domain", "secret"}, "socketio": {"url",
// "path", "token", "session"}, "screenshots"?}. On each page it types the first message, clicks
// the button titled "Italian", types "4". Prints {"webchat": {...}, "socketio": {...}} as JSON,
// each with the bot's texts shown after each step, the buttons offered, and the sender.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const config = JSON.parse(process.argv[2]);
const HERE = dirname(fileURLToPath(import.meta.url));
const FILES = {
  '/webchat.html': join(HERE, 'widgets/webchat.html'),
  '/socketio.html': join(HERE, 'widgets/socketio.html'),
  '/lib/webchat.js': join(HERE, 'node_modules/botframework-webchat/dist/webchat.js'),
  '/lib/socket.io.min.js': join(HERE, 'node_modules/socket.io-client/dist/socket.io.min.js'),
};
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FIRST = 'I want to book a table';
const BUTTON = 'Italian';
const LAST = '4';

const timer = setTimeout(() => fail(new Error('the widgets did not finish within 80 s')), 80000);
const cleanups = [];

function fail(error) {
  console.error(error && error.stack ? error.stack : String(error));
  Promise.allSettled(cleanups.map((cleanup) => cleanup())).finally(() => process.exit(1));
}

function serve() {
  const server = createServer((request, response) => {
    const file = FILES[new URL(request.url, 'http://page').pathname];
    if (!file) {
      response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end(); // no icon
      return;
    }
    const type = file.endsWith('.html') ? 'text/html' : 'text/javascript';
    response.writeHead(200, { 'Content-Type': type + '; charset=utf-8' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      cleanups.push(() => new Promise((done) => server.close(done)));
      resolve(`http://127.0.0.1:${server.address().port}`);
    }),
  );
}

async function newPage() {
  const profile = mkdtempSync(join(tmpdir(), 'parley-widgets-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 900, height: 900 },
    locale: 'en-US',
  });
  cleanups.push(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(20000);
  const problems = [];
  page.on('pageerror', (error) => problems.push('page error: ' + error));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push('console: ' + message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed ${request.url()}: ${request.failure() && request.failure().errorText}`),
  );
  return { page, problems };
}

/** Waits until the page shows more than `count` bot texts; returns the new ones. */
async function botTextsAfter(page, selector, count, problems) {
  try {
    await page.waitForFunction(
      ([css, n]) => document.querySelectorAll(css).length > n,
      [selector, count],
      { timeout: 20000 },
    );
  } catch (error) {
    const shown = await page.locator('body').innerText();
    await shot(page, 'failed-' + count);
    throw new Error(
      `no new bot text (${selector}) after ${count}: ${problems.join(' | ')}\nthe page: ${shown}`,
    );
  }
  await page.waitForTimeout(300); // the turn's other messages, if any
  const texts = await page.locator(selector).allInnerTexts();
  return texts.slice(count).map((text) => text.trim());
}

async function shot(page, name) {
  if (config.screenshots) {
    await page.screenshot({ path: join(config.screenshots, name + '.png'), fullPage: true });
  }
}

async function webChat(origin) {
  const { page, problems } = await newPage();
  const query = new URLSearchParams(config.directline);
  await page.goto(`${origin}/webchat.html?${query}`);
  // Type only once Direct Line is online (its connectionStatus$ is 2): a message sent while it was
  // still connecting was never posted (seen twice against a freshly started server: no bubble,
  // not even the user's).
  await page.waitForFunction(
    () => window.directLine && window.directLine.connectionStatus$.getValue() === 2,
    null,
    { timeout: 20000 },
  );
  const bot = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  const turns = [];
  let shown = 0;
  const step = async (act) => {
    await act();
    const texts = await botTextsAfter(page, bot, shown, problems);
    shown += texts.length;
    turns.push(texts);
  };
  await step(async () => {
    await input.fill(FIRST);
    await input.press('Enter');
  });
  const buttons = await page.locator('.webchat__suggested-action').allInnerTexts();
  await shot(page, 'webchat-1-buttons');
  const toolbar = page.getByRole('toolbar', { name: 'Suggested actions' });
  await step(() => toolbar.getByRole('button', { name: BUTTON, exact: true }).click());
  await step(async () => {
    await input.fill(LAST);
    await input.press('Enter');
  });
  await shot(page, 'webchat-2-done');
  const sender = await page.evaluate(() => window.directLine.conversationId);
  return { sender, turns, buttons: buttons.map((b) => b.trim()), problems };
}

async function socketIo(origin) {
  const { page, problems } = await newPage();
  const query = new URLSearchParams(config.socketio);
  await page.goto(`${origin}/socketio.html?${query}`);
  await page.waitForSelector('body[data-session]');
  const bot = '#log li.bot .text';
  const input = page.getByLabel('message');
  const turns = [];
  let shown = 0;
  const step = async (act) => {
    await act();
    const texts = await botTextsAfter(page, bot, shown, problems);
    shown += texts.length;
    turns.push(texts);
  };
  await step(async () => {
    await input.fill(FIRST);
    await input.press('Enter');
  });
  const buttons = await page.locator('#log button.choice').allInnerTexts();
  await shot(page, 'socketio-1-buttons');
  await step(() => page.getByRole('button', { name: BUTTON, exact: true }).click());
  await step(async () => {
    await input.fill(LAST);
    await input.press('Enter');
  });
  await shot(page, 'socketio-2-done');
  const sender = await page.evaluate(() => document.body.dataset.session);
  const transports = await page.evaluate(() => window.widget.transports);
  return { sender, turns, buttons: buttons.map((b) => b.trim()), transports, problems };
}

async function main() {
  const origin = await serve();
  const result = { origin };
  result.webchat = await webChat(origin);
  result.socketio = await socketIo(origin);
  clearTimeout(timer);
  await Promise.allSettled(cleanups.map((cleanup) => cleanup()));
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

main().catch(fail);
