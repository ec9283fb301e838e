// End-to-end test of the console in Debian's headless Chromium, driven by playwright-core (no
// browser download). Run by liberty's ConsoleE2EIT against the server it started:
//   PARLEY_URL=http://127.0.0.1:PORT ADMIN_PASSWORD=... GOOD_ZIP=... BROKEN_ZIP=...
//   OTHER_TENANT=... OTHER_USER=... OTHER_PASSWORD=... SCREENSHOTS=dir node e2e/console.e2e.mjs
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readProjectZip } from '../src/project.js';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const BASE = env('PARLEY_URL');
const SHOTS = env('SCREENSHOTS');
const TENANT = process.env.E2E_TENANT || 'e2e-shop';
const BOT = 'mood';
const OTHER_TENANT = env('OTHER_TENANT');
mkdirSync(SHOTS, { recursive: true });

let passed = 0;
let failed = 0;
const results = [];
async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed += 1;
    results.push(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    failed += 1;
    results.push(`FAIL ${name}: ${err && err.stack ? err.stack : err}`);
    throw err;
  } finally {
    console.log(results[results.length - 1]);
  }
}
function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Each browser window is Chromium started with the flags below and a fresh profile of its own
// (--user-data-dir, which Playwright takes as launchPersistentContext's first argument).
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
const profiles = [];
const contexts = [];
const pageErrors = [];
async function newPage(width = 1280, height = 800) {
  const profile = mkdtempSync(join(tmpdir(), 'parley-e2e-chromium-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width, height },
    locale: 'en-US',
  });
  contexts.push(context);
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(30000);
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('dialog', (dialog) => dialog.accept());
  return page;
}
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const go = async (page, route) => {
  await page.evaluate((r) => { window.location.hash = r; }, route);
  await page.waitForTimeout(150);
};

async function signIn(page, user, password) {
  await page.goto(`${BASE}/console/`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

async function selectBot(page, tenant, bot) {
  // The console picks a tenant of its own once its tenant list arrives; a choice made before that
  // is overridden, so choose again until the tenant's bots are offered.
  const bots = page.getByLabel('Bot', { exact: true });
  const deadline = Date.now() + 30000;
  for (;;) {
    await page.getByLabel('Tenant', { exact: true }).selectOption(tenant);
    try {
      await bots.locator(`option[value="${bot}"]`).waitFor({ state: 'attached', timeout: 2000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
  await bots.selectOption(bot);
}

let exitCode = 1;
try {
  const page = await newPage();

  await step('sign in page, wrong password shows the error, then sign in with the keyboard', async () => {
    await page.goto(`${BASE}/console/`);
    await page.getByLabel('User name').waitFor();
    await shot(page, '01-sign-in');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('wrong');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'wrong user name or password' }).waitFor();
    await page.getByLabel('Password').fill(env('ADMIN_PASSWORD'));
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-as').filter({ hasText: 'admin' }).waitFor();
  });

  await step('create a tenant and a bot with a display name; the id is proposed and checked; the API key is shown once', async () => {
    await page.getByLabel('New tenant name').fill(TENANT);
    await page.getByRole('button', { name: 'Create tenant' }).click();
    const card = page.getByRole('article', { name: `Tenant ${TENANT}` });
    await card.waitFor();
    await card.getByLabel('Bot name', { exact: true }).fill('Mood Bot');
    const id = card.getByLabel('Bot id (in URLs and the API)');
    check((await id.inputValue()) === 'mood-bot', `id proposed from the name: ${await id.inputValue()}`);
    await id.fill('Mood Bot');
    await card.getByText('The id may only have letters, digits, "-", "_" and ".".').waitFor();
    await id.fill(BOT);
    await card.getByLabel('Rasa project zip').setInputFiles(env('GOOD_ZIP'));
    await card.getByRole('button', { name: 'Create and train' }).click();
    const key = page.getByTestId('api-key');
    await key.waitFor({ timeout: 120000 });
    check((await key.textContent()).startsWith('pk_'), 'API key shown');
    await card.getByText('Mood Bot').first().waitFor();
    await shot(page, '02-tenants-and-bots');
    await page.getByRole('button', { name: 'Close' }).click();
    check((await page.getByTestId('api-key').count()) === 0, 'the key is gone once closed');
  });

  await step('upload a zip with an error and see it at its file and line', async () => {
    await selectBot(page, TENANT, BOT);
    await go(page, '#/bot');
    await page.getByRole('heading', { name: `Bot definition: ${TENANT} / ${BOT}` }).waitFor();
    await page.getByLabel('Upload project zip and train').setInputFiles(env('BROKEN_ZIP'));
    // nothing trains before the preview is confirmed
    const preview = page.getByTestId('train-preview');
    await preview.waitFor();
    const diff = await preview.getByTestId('file-diffs').innerText();
    check(diff.includes('data/stories.yml') && diff.includes('utter_cheer_up_now'), `the preview shows the changed line: ${diff.slice(0, 400)}`);
    check((await page.getByTestId('versions').innerText()).includes('v1') && !(await page.getByTestId('versions').innerText()).includes('v2'), 'not trained yet');
    await shot(page, '03a-upload-diff-preview');
    await preview.getByRole('button', { name: 'Confirm and train' }).click();
    const problem = page.locator('tr.problem').first();
    await problem.waitFor({ timeout: 120000 });
    const row = await problem.innerText();
    check(row.includes('data/stories.yml'), `problem names the file: ${row}`);
    const line = Number(row.split('\t')[1]);
    check(line > 0, `problem has a line: ${row}`);
    // the editor opens the file at the problem: listed under it and underlined at its line
    const listed = await page.getByTestId('line-problems').innerText();
    check(listed.includes(`line ${line}:`), `line ${line} is listed under the editor: ${listed}`);
    const marked = page.locator('.cm-lintRange-error');
    await marked.first().waitFor();
    const markedText = await marked.first().innerText();
    check(markedText.includes('utter_cheer_up_now'), `the marked line is the broken one: ${markedText}`);
    check((await page.locator('.cm-lineNumbers').innerText()).includes(String(line)), 'line numbers are shown');
    await shot(page, '03-definition-validation-error');
  });

  await step('fix the file in the editor and train; the versions list shows both', async () => {
    await page.getByRole('button', { name: /Edit data\/stories\.yml/ }).click();
    const editor = page.locator('.cm-content[data-file="data/stories.yml"]');
    check((await editor.getAttribute('contenteditable')) === 'true', 'the editor takes typing once Edit is on');
    // the validate-only endpoint checks while typing: the error is marked at its line before training
    await page.getByTestId('live-check').filter({ hasText: /problem/ }).waitFor({ timeout: 30000 });
    await page.locator('.cm-lintRange-error').filter({ hasText: 'utter_cheer_up_now' }).first().waitFor();
    await page.getByTestId('line-problems').getByRole('button').first().click();
    const broken = readProjectZip(readFileSync(env('BROKEN_ZIP')))['data/stories.yml'];
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(broken.replaceAll('utter_cheer_up_now', 'utter_cheer_up') + '\n# reviewed in the console\n');
    await page.getByTestId('live-check').filter({ hasText: 'no problems' }).waitFor({ timeout: 30000 });
    check((await page.locator('.cm-lintRange-error').count()) === 0, 'the mark is gone once fixed');
    check((await page.getByTestId('line-problems').count()) === 0, 'no problems listed once fixed');
    await page.getByRole('button', { name: 'Save & train' }).click();
    const preview = page.getByTestId('train-preview');
    await preview.getByLabel('Version note (optional)').fill('fix the cheer-up response name');
    await preview.getByRole('button', { name: 'Confirm and train' }).click();
    await page.getByText('Version 2 trained and active.').waitFor({ timeout: 120000 });
    await page.getByTestId('versions').getByText('v2').waitFor();
    const versions = await page.getByTestId('versions').innerText();
    check(versions.includes('v2') && versions.includes('v1'), `versions listed: ${versions}`);
    check(versions.includes('data/stories.yml'), `v2 changed stories.yml: ${versions}`);
    check(versions.includes('admin'), `the versions table says who trained them: ${versions}`);
    check(versions.includes('fix the cheer-up response name'), `the version note is listed: ${versions}`);
    await page.getByTestId('versions').getByText('Diff against v1').click();
    const versionDiff = page.getByTestId('versions').getByTestId('file-diffs');
    await versionDiff.waitFor();
    const shown = await versionDiff.innerText();
    check(shown.includes('data/stories.yml') && shown.includes('# reviewed in the console'), `v2's diff against v1: ${shown.slice(0, 300)}`);
    await shot(page, '04-definition-and-training');
  });

  await step('roll back asks first, naming both versions', async () => {
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    const dialog = page.getByRole('alertdialog', { name: /Roll back from v2 to v1\?/ });
    await dialog.waitFor();
    await shot(page, '04b-rollback-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    check((await page.getByTestId('versions').innerText()).match(/v2\s*active/), 'Escape keeps v2 active');
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    await dialog.getByRole('button', { name: 'Roll back to v1' }).click();
    await page.getByText('Version 1 is active.').waitFor({ timeout: 60000 });
  });

  await step('structured edits: move an example to another intent and back, add one, add a response variation; the YAML shows them; train', async () => {
    await page.getByRole('tab', { name: 'Intents' }).click();
    const greet = page.getByTestId('intent-greet');
    await greet.locator('summary').click();
    await greet.getByLabel('Move “good afternoon” to another intent').selectOption({ label: 'goodbye' });
    const goodbye = page.getByTestId('intent-goodbye');
    await goodbye.locator('summary').click();
    await goodbye.getByText('good afternoon', { exact: true }).waitFor();
    check((await greet.getByText('good afternoon', { exact: true }).count()) === 0, 'moved out of greet');
    await shot(page, '04c-intent-editor');
    await goodbye.getByLabel('Move “good afternoon” to another intent').selectOption({ label: 'greet' });
    await greet.getByText('good afternoon', { exact: true }).waitFor();
    await greet.getByLabel('New example').fill('howdy partner');
    await greet.getByRole('button', { name: 'Add example' }).click();
    await greet.getByText('howdy partner', { exact: true }).waitFor();
    await page.getByTestId('live-check').filter({ hasText: 'no problems' }).waitFor({ timeout: 30000 });
    await page.getByRole('tab', { name: 'Responses' }).click();
    const greetResponse = page.getByTestId('response-utter_greet');
    await greetResponse.locator('summary').click();
    await greetResponse.getByRole('button', { name: 'Add variation' }).click();
    await greetResponse.getByLabel('Variation 2', { exact: true }).fill('Hi! How is your day?');
    await shot(page, '04d-response-editor');
    await page.getByRole('tab', { name: 'YAML files' }).click();
    await page.getByRole('button', { name: /^data\/nlu\.yml/ }).click();
    const nlu = await page.locator('.cm-content[data-file="data/nlu.yml"]').innerText();
    check(nlu.includes('    - good afternoon\n    - howdy partner'), `the example is written into the YAML: ${nlu.slice(0, 400)}`);
    await page.getByRole('button', { name: 'Save & train' }).click();
    const preview = page.getByTestId('train-preview');
    const diff = await preview.getByTestId('file-diffs').innerText();
    check(diff.includes('data/nlu.yml') && diff.includes('howdy partner') && diff.includes('Hi! How is your day?'), `the preview shows both edits: ${diff.slice(0, 400)}`);
    await preview.getByRole('button', { name: 'Confirm and train' }).click();
    await page.getByText('Version 3 trained and active.').waitFor({ timeout: 120000 });
  });

  await step('while typing, an option Parley ignores is marked at its line as a warning, not an error', async () => {
    await page.getByRole('tab', { name: 'YAML files' }).click();
    await page.getByRole('button', { name: /^config\.yml/ }).click();
    await page.getByRole('button', { name: /Edit config\.yml/ }).click();
    const config = readProjectZip(readFileSync(env('GOOD_ZIP')))['config.yml'];
    await page.locator('.cm-content[data-file="config.yml"]').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(config.replace('pipeline: null', 'pipeline:\n  - name: LogisticRegressionIntentClassifier\n  - name: FallbackClassifier\n    threshold: 0.3\n    core_fallback_action_name: action_default_fallback'));
    await page.locator('.cm-lintRange-warning').filter({ hasText: 'core_fallback_action_name' }).first().waitFor({ timeout: 30000 });
    const status = page.getByTestId('live-check');
    await status.filter({ hasText: /no problems, \d+ warning/ }).waitFor({ timeout: 30000 });
    check(Number(await status.getAttribute('data-warnings')) >= 1 && (await status.getAttribute('data-errors')) === '0', `counted as a warning, not an error: ${await status.innerText()}`);
    check((await page.locator('.cm-lintRange-error').count()) === 0, 'no error mark for an ignored option');
    check((await page.locator('.cm-lint-marker-warning').count()) >= 1, 'a warning marker in the gutter');
    const listed = await page.getByTestId('line-warnings').innerText();
    check(listed.includes("option 'core_fallback_action_name' is ignored by Parley"), `the warning is listed under the editor: ${listed}`);
    await shot(page, '04e-editor-warning');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByTestId('live-check').waitFor({ state: 'detached' });
  });

  await step('a setting outside its declared bounds is refused by the server, naming the setting', async () => {
    await page.getByRole('tab', { name: 'YAML files' }).click();
    await page.getByRole('button', { name: /^config\.yml/ }).click();
    await page.getByRole('button', { name: /Edit config\.yml/ }).click();
    const config = readProjectZip(readFileSync(env('GOOD_ZIP')))['config.yml'];
    await page.locator('.cm-content[data-file="config.yml"]').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(config.replace('pipeline: null', 'pipeline:\n  - name: LogisticRegressionIntentClassifier\n    epochs: -5'));
    await page.getByRole('button', { name: 'Save & train' }).click();
    await page.getByTestId('train-preview').getByRole('button', { name: 'Confirm and train' }).click();
    const error = page.getByRole('alert').filter({ hasText: 'epochs' });
    await error.waitFor({ timeout: 120000 });
    const text = await error.innerText();
    check(text.includes("'epochs' must be at least 1, got -5"), `the refusal names the setting and its bound: ${text}`);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    check((await page.getByTestId('versions').innerText()).match(/v3\s*active/), 'v3 stays active');
  });

  let sender;
  await step('chat: intent, confidence, top 3, actions and slots per turn', async () => {
    await selectBot(page, 'demo', 'demo');
    await go(page, '#/chat');
    await page.getByRole('heading', { name: 'Test chat: demo / demo' }).waitFor();
    sender = await page.getByTestId('sender').innerText();
    const input = page.getByLabel('Message to the bot');
    await input.fill('hi');
    await input.press('Enter');
    await page.getByTestId('intent').first().filter({ hasText: 'greet' }).waitFor();
    await input.fill('I want a chicken set meal');
    await input.press('Enter');
    await page.getByTestId('slots').nth(1).filter({ hasText: 'meal_kind=chicken' }).waitFor();
    await input.fill('large');
    await input.press('Enter');
    await page.getByTestId('slots').nth(2).filter({ hasText: 'size=large' }).waitFor();
    const details = await page.getByTestId('turn-details').nth(1).innerText();
    check(details.includes('order_meal'), `intent shown: ${details}`);
    check(details.includes('order_form'), `action shown: ${details}`);
    check(/\d+\.\d%/.test(details), `confidence shown: ${details}`);
    await shot(page, '05-test-chat');
  });

  await step('typing <img src=x onerror=...> in the chat shows it as text and runs nothing', async () => {
    const evil = '<img src=x onerror="window.__parleyXss=1;document.title=\'pwned\'">';
    const input = page.getByLabel('Message to the bot');
    await input.fill(evil);
    await input.press('Enter');
    await page.getByTestId('user-text').filter({ hasText: evil }).waitFor();
    await page.waitForTimeout(500);
    check((await page.locator('.chat img').count()) === 0, 'no <img> element in the chat');
    check((await page.evaluate(() => window.__parleyXss)) === undefined, 'the handler did not run');
    check((await page.title()) !== 'pwned', 'title untouched');
    await shot(page, '06-xss-as-text');
  });

  await step('the conversation timeline of the chat', async () => {
    await go(page, '#/conversations');
    await page.getByLabel('Sender starts with').fill(sender);
    await page.getByRole('button', { name: 'Find' }).click();
    const row = page.getByRole('button', { name: new RegExp(sender) });
    const summary = await row.innerText();
    check(summary.includes('hi') && /\d+ messages?/.test(summary) && summary.includes('last intent'), `the list shows the first message, turns and last intent: ${summary}`);
    await row.click();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const text = await timeline.innerText();
    check(text.includes('I want a chicken set meal'), `user message in the timeline: ${text.slice(0, 300)}`);
    check(text.includes('meal_kind = chicken'), 'slot event in the timeline');
    check(text.includes('<img src=x'), 'the XSS attempt is in the timeline as text');
    check((await page.locator('.timeline img').count()) === 0, 'no <img> in the timeline');
    const privacy = await page.getByTestId('privacy-note').innerText();
    check(/sensitive/.test(privacy), `the privacy note says what is (or is not) masked: ${privacy}`);
    await shot(page, '07-conversation-timeline');
  });

  await step('story tests: a failed story shows its steps, the failing one, expected vs predicted and the bot view', async () => {
    await go(page, '#/evaluation');
    await page.getByRole('heading', { name: 'Evaluation: demo / demo' }).waitFor();
    await page.getByRole('button', { name: 'Run story tests' }).click();
    const stories = page.getByTestId('story-result');
    await stories.waitFor({ timeout: 120000 });
    const summary = await stories.innerText();
    check(/\d+ of \d+ stories passed/.test(summary), `story summary: ${summary}`);
    await stories.locator('.recharts-bar-rectangle').first().waitFor();
    const yaml = page.locator('#stories-yaml');
    await yaml.fill((await yaml.inputValue()).replace('- action: utter_greet', '- action: utter_confirm_order'));
    await page.getByRole('button', { name: 'Run story tests' }).click();
    const failure = page.getByTestId('story-failure').first();
    await failure.waitFor({ timeout: 120000 });
    const marked = await failure.locator('[aria-current="step"]').innerText();
    check(marked.includes('utter_confirm_order'), `the failing step is marked: ${marked}`);
    const side = await failure.getByTestId('expected-predicted').innerText();
    check(side.includes('utter_confirm_order') && side.includes('utter_greet'), `expected and predicted: ${side}`);
    const seen = await failure.getByTestId('bot-view').innerText();
    check(seen.includes('greet'), `the conversation as the bot saw it: ${seen}`);
    await shot(page, '08a-story-failure');
  });

  await step('NLU evaluation: cross-validation by default with progress; every bar labelled beside a sortable table', async () => {
    check(await page.getByLabel(/5-fold cross-validation/).isChecked(), 'cross-validation is the default');
    await page.getByLabel(/training data itself/).check();
    await page.getByRole('note').filter({ hasText: 'optimistic' }).waitFor();
    await page.getByLabel(/5-fold cross-validation/).check();
    await page.getByRole('button', { name: 'Run NLU evaluation' }).click();
    await page.getByTestId('training-stage').filter({ hasText: /fold \d of 5/ }).first().waitFor({ timeout: 60000 });
    await shot(page, '08b-cross-validation-progress');
    await Promise.race([
      page.getByTestId('nlu-result').waitFor({ timeout: 300000 }),
      page.getByRole('alert').waitFor({ timeout: 300000 }),
    ]);
    check(
      (await page.getByTestId('nlu-result').count()) > 0,
      `NLU evaluation shown, not an error: ${await page.getByRole('alert').allInnerTexts()}`,
    );
    const method = await page.getByTestId('nlu-method').innerText();
    check(method.includes('5-fold stratified cross-validation'), `the method is named: ${method}`);
    const intents = await page.getByTestId('intent-table').locator('tbody tr').count();
    const labels = await page.locator('[data-testid="f1-chart"] .recharts-yAxis .recharts-cartesian-axis-tick').count();
    check(intents > 4 && labels === intents, `every bar labelled: ${labels} labels for ${intents} intents`);
    const values = await page.locator('[data-testid="f1-chart"] .recharts-label-list text, [data-testid="f1-chart"] .bar-value').count();
    // Recharts draws no value label on a zero-length bar; the table beside the chart has every value
    const f1s = await page.getByTestId('intent-table').locator('tbody tr td:nth-child(4)').allInnerTexts();
    const nonZero = f1s.filter((v) => Number(v) > 0).length;
    check(values >= nonZero && f1s.length === intents, `every non-empty bar shows its value (${values} of ${nonZero}; F1s ${f1s})`);
    const firstIntent = () => page.getByTestId('intent-table').locator('tbody tr td').first().innerText();
    const before = await firstIntent();
    await page.getByTestId('intent-table').getByRole('button', { name: /Intent/ }).click();
    const sorted = await page.getByTestId('intent-table').locator('tbody tr td:first-child').allInnerTexts();
    check(JSON.stringify(sorted) === JSON.stringify([...sorted].sort((a, b) => a.localeCompare(b))), `sorted by intent: ${sorted} (was ${before} first)`);
    await page.getByTestId('confusion').waitFor();
    const cells = await page.locator('[data-testid="confusion"] td').count();
    check(cells > 1, `the confusion matrix has cells (${cells})`);
    await shot(page, '08-evaluation');
  });

  await step('dashboard, plugins, users and the Chinese UI', async () => {
    await go(page, '#/dashboard');
    // the server samples every 10 s; the demo bot's chat turns show up within one or two samples
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="total-turns"]')?.textContent) > 0, null, { timeout: 30000 });
    await shot(page, '09-dashboard');
    await go(page, '#/plugins');
    await page.locator('.plugin-form').first().waitFor();
    check((await page.locator('.plugin-form input, .plugin-form select').count()) > 0, 'plugin forms have fields');
    await shot(page, '10-plugins');
    await go(page, '#/users');
    await page.getByRole('heading', { name: 'Console users of demo' }).waitFor();
    await shot(page, '11-users');
    await page.getByLabel('Language').selectOption('zh');
    await go(page, '#/chat');
    await page.getByRole('link', { name: '测试对话' }).waitFor();
    await shot(page, '12-chat-zh');
    await page.getByLabel('语言').selectOption('en');
  });

  await step('narrow window: no page scrolls sideways at 390 px', async () => {
    const narrow = await newPage(390, 844);
    await signIn(narrow, 'admin', env('ADMIN_PASSWORD'));
    await selectBot(narrow, 'demo', 'demo');
    for (const route of ['tenants', 'bot', 'chat', 'conversations', 'evaluation', 'dashboard', 'plugins', 'users']) {
      await go(narrow, '#/' + route);
      await narrow.locator('main h2').first().waitFor();
      if (route === 'bot') await narrow.locator('.cm-editor').waitFor();
      if (route === 'conversations') await narrow.locator('.convlist li').first().waitFor();
      await narrow.waitForTimeout(300);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await shot(narrow, `13-narrow-${route}`);
      check(overflow <= 2, `no sideways scrolling at 390 px on ${route} (overflow ${overflow})`);
    }
    await go(narrow, '#/bot');
    await narrow.getByRole('tab', { name: 'Intents' }).click();
    await narrow.getByTestId('intent-editor').waitFor();
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await shot(narrow, '13-narrow-bot-intents');
    check(overflow <= 2, `no sideways scrolling at 390 px in the intent editor (overflow ${overflow})`);
  });

  await step('a tenant admin of another tenant cannot reach this one', async () => {
    const other = await newPage();
    await signIn(other, env('OTHER_USER'), env('OTHER_PASSWORD'));
    await other.getByLabel('Tenant', { exact: true }).locator('option').first().waitFor({ state: 'attached' });
    const tenants = await other.getByLabel('Tenant', { exact: true }).locator('option').allInnerTexts();
    check(!tenants.includes(TENANT) && !tenants.includes('demo'), `only their tenant listed: ${tenants}`);
    const status = await other.evaluate(async (path) => (await fetch(path)).status, `/api/admin/tenants/${TENANT}/bots/${BOT}/files`);
    check(status === 404, `another tenant's files: HTTP ${status}`);
    const post = await other.evaluate(async (path) => (await fetch(path, { method: 'POST' })).status, `/api/admin/tenants/${TENANT}/bots/${BOT}/key`);
    check(post === 403 || post === 404, `another tenant's key without CSRF token: HTTP ${post}`);
    await other.evaluate((s) => sessionStorage.setItem('parley.selection', JSON.stringify(s)), { tenant: TENANT, bot: BOT });
    await other.reload();
    await other.getByTestId('signed-in-as').waitFor();
    await other.getByLabel('Tenant', { exact: true }).locator('option').first().waitFor({ state: 'attached' });
    await other.waitForFunction((own) => JSON.parse(sessionStorage.getItem('parley.selection') || '{}').tenant === own, OTHER_TENANT);
    const chosen = await other.getByLabel('Tenant', { exact: true }).inputValue();
    check(chosen === OTHER_TENANT, `the console falls back to the user's own tenant: ${chosen}`);
    await shot(other, '14-other-tenant-admin');
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.getByRole('button', { name: 'Sign in' }).waitFor();
    const after = await other.evaluate(async () => (await fetch('/api/admin/session', { headers: { 'X-Parley-Client': 'console' } })).status);
    check(after === 401, `signed out: HTTP ${after}`);
  });

  await step('rename a bot, then delete it through the keyboard-usable confirm dialog', async () => {
    await go(page, '#/tenants');
    const card = page.getByRole('article', { name: `Tenant ${TENANT}` });
    await card.getByRole('button', { name: `Rename ${BOT}` }).click();
    await card.getByLabel(`Display name of ${BOT}`).fill('Mood helper');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Mood helper').waitFor();
    await card.getByRole('button', { name: `Delete bot ${BOT}` }).click();
    const dialog = page.getByRole('alertdialog', { name: /Delete bot Mood helper\?/ });
    await dialog.waitFor();
    check((await page.evaluate(() => document.activeElement.textContent)) === 'Cancel', 'focus starts on Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    check((await card.getByText('Mood helper').count()) === 1, 'Escape keeps the bot');
    await card.getByRole('button', { name: `Delete bot ${BOT}` }).click();
    await dialog.waitFor();
    await shot(page, '15-delete-bot-confirm');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await card.getByText('No bots yet.').waitFor();
    const status = await page.evaluate(async (path) => (await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"sender":"s","message":"hi"}' })).status, `/api/tenants/${TENANT}/bots/${BOT}/webhooks/rest/webhook`);
    check(status === 404, `the deleted bot's channel: HTTP ${status}`);
  });

  check(pageErrors.length === 0, `no script errors in the pages: ${pageErrors.join(' | ')}`);
  exitCode = 0;
} catch (err) {
  exitCode = 1;
} finally {
  for (const context of contexts) await context.close().catch(() => {});
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(exitCode);
}
