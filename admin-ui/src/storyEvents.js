// A story replay's events (Rasa's tracker event JSON) as lines a person reads.

/** [{kind: 'user' | 'bot' | 'action' | 'slot' | 'loop', text}] without listen and session noise. */
export function conversationLines(events = []) {
  const lines = [];
  for (const e of events) {
    switch (e.event) {
      case 'user': {
        const intent = e.parse_data && e.parse_data.intent ? e.parse_data.intent.name : null;
        const confidence = e.parse_data && e.parse_data.intent ? e.parse_data.intent.confidence : null;
        const label = intent ? ` → ${intent}${typeof confidence === 'number' ? ` (${(confidence * 100).toFixed(0)}%)` : ''}` : '';
        lines.push({ kind: 'user', text: `${e.text ?? ''}${label}` });
        break;
      }
      case 'bot':
        lines.push({ kind: 'bot', text: e.text ?? '' });
        break;
      case 'action':
        if (e.name && e.name !== 'action_listen' && e.name !== 'action_session_start') {
          lines.push({ kind: 'action', text: e.name });
        }
        break;
      case 'slot':
        lines.push({ kind: 'slot', text: `${e.name} = ${JSON.stringify(e.value)}` });
        break;
      case 'active_loop':
        lines.push({ kind: 'loop', text: e.name ?? 'null' });
        break;
      default:
        break;
    }
  }
  return lines;
}
