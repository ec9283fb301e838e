import { useT } from '../i18n.js';
import { conversationLines } from '../storyEvents.js';

/**
 * A failed test story in context: every step with the failing one marked, expected and predicted
 * side by side, and the conversation as the bot saw it up to the failure.
 */
export default function StoryFailure({ story }) {
  const t = useT();
  const lines = conversationLines(story.conversation);
  return (
    <details className="story-failure card" open data-testid="story-failure">
      <summary>
        <strong>{story.story}</strong> — {t('failedAtStep', { step: story.failed_step })}
      </summary>
      <div className="grid2">
        <div>
          <h4>{t('storySteps')}</h4>
          <ol className="story-steps">
            {story.steps.map((s, i) => {
              const failing = i + 1 === story.failed_step;
              const after = i + 1 > story.failed_step;
              return (
                <li key={i} className={failing ? 'failing-step' : after ? 'not-reached' : 'passed-step'} aria-current={failing ? 'step' : undefined}>
                  <code>{s}</code>
                  {failing ? <span className="badge bad">{t('failsHere')}</span> : null}
                </li>
              );
            })}
          </ol>
          <dl className="expected-predicted" data-testid="expected-predicted">
            <div><dt>{t('expected')}</dt><dd><code>{story.expected}</code></dd></div>
            <div><dt>{t('predicted')}</dt><dd><code>{story.predicted}</code></dd></div>
          </dl>
        </div>
        <div>
          <h4>{t('asTheBotSawIt')}</h4>
          {lines.length === 0 ? <p className="muted">{t('none')}</p> : (
            <ol className="bot-view" data-testid="bot-view">
              {lines.map((l, i) => (
                <li key={i} className={`ev-${l.kind}`}><span className="ev-type">{t(`ev_${l.kind}`)}</span> <span className="ev-text">{l.text}</span></li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </details>
  );
}
