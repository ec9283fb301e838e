import { useT } from '../i18n.js';
import { stageText } from '../training.js';

/** Training progress: a determinate bar once the server reports a percent, with the stage. */
export default function TrainingBar({ progress, label }) {
  const t = useT();
  const title = label || t('training');
  const percent = progress && Number.isFinite(progress.percent) ? progress.percent : null;
  const text = progress ? stageText(t, progress.stage) : '';
  return (
    <div className="progress" role="status">
      {percent === null ? (
        <progress aria-label={title} />
      ) : (
        <progress aria-label={title} max={100} value={percent} aria-valuetext={`${percent} % ${text}`} />
      )}{' '}
      {title} {percent === null ? null : <span data-testid="training-stage">{percent} % · {text}</span>}
    </div>
  );
}
