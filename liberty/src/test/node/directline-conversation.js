// Holds a conversation with a Parley bot over Direct Line 3.0 (WebSocket stream), using
// Microsoft's botframework-directlinejs. Usage: node directline-conversation.js <config JSON>,
// where the config is {"domain", "secret", "steps": ["text" | {"button": "title"}]}.
// Prints {"conversationId", "turns": [[bot activities of step 1], ...]} as JSON.
'use strict';
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine } = require('botframework-directlinejs');

const config = JSON.parse(process.argv[2]);
const timer = setTimeout(() => fail(new Error('no answer within 80 s')), 80000);

function fail(error) {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
}

const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

async function main() {
  const directLine = new DirectLine({
    secret: config.secret,
    domain: config.domain,
    webSocket: true,
  });
  const botActivities = [];
  directLine.activity$.subscribe(
    (activity) => {
      if (activity.from && activity.from.role === 'bot') {
        botActivities.push(activity);
      }
    },
    fail,
  );
  const turns = [];
  for (const step of config.steps) {
    let activity = { type: 'message', from: { id: 'it-user' }, text: step };
    if (typeof step === 'object') {
      const last = turns[turns.length - 1] || [];
      const actions = last.flatMap((a) => (a.suggestedActions && a.suggestedActions.actions) || []);
      const action = actions.find((candidate) => candidate.title === step.button);
      if (!action) {
        throw new Error('no suggested action ' + step.button + ' in ' + JSON.stringify(last));
      }
      // What Web Chat sends for a postBack action with a string value.
      activity = { type: 'message', from: { id: 'it-user' }, text: action.value, value: action.value };
    }
    const id = await new Promise((resolve, reject) =>
      directLine.postActivity(activity).subscribe(resolve, reject),
    );
    for (let waited = 0; waited < 20000; waited += 50) { // a loaded machine can take seconds
      if (botActivities.some((a) => a.replyToId === id)) {
        break;
      }
      await sleep(50);
    }
    await sleep(200);
    turns.push(botActivities.filter((a) => a.replyToId === id));
  }
  clearTimeout(timer);
  process.stdout.write(JSON.stringify({ conversationId: directLine.conversationId, turns }));
  directLine.end();
  process.exit(0);
}

main().catch(fail);
