import { useEffect, useState } from 'react';
import { api, botPath } from '../api.js';
import { useT } from '../i18n.js';
import ErrorBox from '../components/ErrorBox.jsx';
import ConfusionMatrix from '../components/ConfusionMatrix.jsx';
import LabelledBarChart from '../components/LabelledBarChart.jsx';
import SortableTable from '../components/SortableTable.jsx';
import StoryFailure from '../components/StoryFailure.jsx';
import TrainingBar from '../components/TrainingBar.jsx';
import { accuracy, confusion, intentRows, misclassified } from '../evaluation.js';
import { pollJob } from '../training.js';

/** Where the NLU is evaluated: held-out by default; the training data only by explicit choice. */
export const NLU_SOURCES = ['crossValidation', 'testFile', 'trainingData'];
const FOLDS = 5;

const isTrainingFile = (name) => name.startsWith('data/') && /nlu/i.test(name);
const isTestFile = (name) => name.startsWith('tests/');

function StoryInput({ files, value, onChange }) {
  const t = useT();
  const names = Object.keys(files).filter(isTestFile).sort();
  return (
    <div className="test-input">
      <label>
        <span>{t('testFile')}</span>
        <select id="stories-file" onChange={(e) => onChange(files[e.target.value] || '')} defaultValue={names[0] || ''}>
          <option value="">—</option>
          {names.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <label>
        <span>{t('orPaste')}</span>
        <textarea id="stories-yaml" rows={8} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      </label>
    </div>
  );
}

function NluSource({ source, setSource, files, testYaml, setTestYaml, testName, setTestName }) {
  const t = useT();
  const testNames = Object.keys(files).filter(isTestFile).sort();
  const upload = async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    setTestName(file.name);
    setTestYaml(await file.text());
  };
  return (
    <fieldset className="nlu-source">
      <legend>{t('evaluateOn')}</legend>
      <label className="choice">
        <input type="radio" name="nlu-source" value="crossValidation" checked={source === 'crossValidation'} onChange={() => setSource('crossValidation')} />
        <span>{t('sourceCrossValidation', { folds: FOLDS })}</span>
      </label>
      <p className="small muted hint">{t('crossValidationHint', { folds: FOLDS })}</p>
      <label className="choice">
        <input type="radio" name="nlu-source" value="testFile" checked={source === 'testFile'} onChange={() => setSource('testFile')} />
        <span>{t('sourceTestFile')}</span>
      </label>
      {source === 'testFile' ? (
        <div className="test-input">
          <label>
            <span>{t('uploadTestFile')}</span>
            <input type="file" accept=".yml,.yaml,.jsonl,.json,.txt" onChange={upload} />
          </label>
          {testNames.length > 0 ? (
            <label>
              <span>{t('projectTestFile')}</span>
              <select id="nlu-file" value={testNames.includes(testName) ? testName : ''} onChange={(e) => { setTestName(e.target.value); setTestYaml(files[e.target.value] || ''); }}>
                <option value="">—</option>
                {testNames.map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
          ) : null}
          <label>
            <span>{t('orPaste')}</span>
            <textarea id="nlu-yaml" rows={8} spellCheck={false} value={testYaml} onChange={(e) => { setTestName(''); setTestYaml(e.target.value); }} />
          </label>
        </div>
      ) : null}
      <label className="choice">
        <input type="radio" name="nlu-source" value="trainingData" checked={source === 'trainingData'} onChange={() => setSource('trainingData')} />
        <span>{t('sourceTrainingData')}</span>
      </label>
      {source === 'trainingData' ? <p className="warning" role="note">⚠ {t('trainingDataWarning')}</p> : null}
    </fieldset>
  );
}

/** What the scores were measured on, said plainly above them. */
function MethodNote({ result }) {
  const t = useT();
  if (result.method === 'cross_validation') {
    return <p className="method ok-note" data-testid="nlu-method">{t('methodCrossValidation', { folds: result.folds, examples: result.examples })}</p>;
  }
  if (result.source === 'trainingData') {
    return <p className="method warning" data-testid="nlu-method">⚠ {t('methodTrainingData', { examples: result.examples })}</p>;
  }
  return <p className="method" data-testid="nlu-method">{t('methodTestFile', { name: result.sourceName || t('pastedData'), examples: result.examples })}</p>;
}

function NluResult({ result }) {
  const t = useT();
  const intents = result.intent_evaluation || result;
  const rows = intentRows(intents);
  const acc = accuracy(intents);
  const wrong = misclassified(intents);
  const fixed = (v) => (typeof v === 'number' ? v.toFixed(2) : '');
  return (
    <article className="card" data-testid="nlu-result">
      <h3>{t('nluEvaluation')}</h3>
      <MethodNote result={result} />
      <p className="big">{t('accuracy')}: <strong>{acc === null ? '—' : (acc * 100).toFixed(1) + '%'}</strong></p>
      <h4>{t('f1PerIntent')}</h4>
      <div className="chart-and-table">
        <LabelledBarChart testId="f1-chart" label={t('f1PerIntent')} data={rows.map((r) => ({ name: r.intent, value: r.f1 }))} domain={[0, 1]} format={fixed} />
        <SortableTable
          testId="intent-table"
          rowKey="intent"
          initialSort={{ key: 'f1', direction: 'asc' }}
          rows={rows}
          columns={[
            { key: 'intent', label: t('intent') },
            { key: 'precision', label: t('precision'), numeric: true, format: fixed },
            { key: 'recall', label: t('recall'), numeric: true, format: fixed },
            { key: 'f1', label: 'F1', numeric: true, format: fixed },
            { key: 'support', label: t('support'), numeric: true },
          ]}
        />
      </div>
      <ConfusionMatrix matrix={confusion(intents)} />
      <h4>{t('misclassified')}</h4>
      {wrong.length === 0 ? <p>{t('none')}</p> : (
        <SortableTable
          rowKey="key"
          rows={wrong.map((w, i) => ({ ...w, key: i, confidence: typeof w.confidence === 'number' ? w.confidence : null }))}
          initialSort={{ key: 'confidence', direction: 'desc' }}
          columns={[
            { key: 'text', label: t('text') },
            { key: 'expected', label: t('expected') },
            { key: 'predicted', label: t('predicted') },
            { key: 'confidence', label: t('confidence'), numeric: true, format: fixed },
          ]}
        />
      )}
    </article>
  );
}

function StoryResult({ stories }) {
  const t = useT();
  const failedStories = (stories.stories || []).filter((s) => !s.passed);
  const data = [
    { name: t('passed'), value: stories.passed, fill: '#2b8a57' },
    { name: t('failed'), value: stories.total - stories.passed, fill: '#c83c28' },
  ];
  return (
    <article className="card" data-testid="story-result">
      <h3>{t('storyTests')}</h3>
      <p className="big">{t('storiesSummary', { passed: stories.passed, total: stories.total })}</p>
      <div className="chart-and-table">
        <LabelledBarChart testId="story-chart" label={t('storiesSummary', { passed: stories.passed, total: stories.total })} data={data} labelWidth={90} />
        <SortableTable
          testId="story-table"
          rowKey="story"
          initialSort={{ key: 'result', direction: 'asc' }}
          rows={(stories.stories || []).map((s) => ({ story: s.story, result: s.passed ? t('passed') : t('failed'), step: s.failed_step ?? '' }))}
          columns={[
            { key: 'story', label: t('story') },
            { key: 'result', label: t('result') },
            { key: 'step', label: t('step'), numeric: true },
          ]}
        />
      </div>
      {failedStories.length > 0 ? (
        <>
          <h4>{t('failedStories')}</h4>
          {failedStories.map((s) => <StoryFailure key={s.story} story={s} />)}
        </>
      ) : null}
    </article>
  );
}

export default function Evaluation({ tenant, bot }) {
  const t = useT();
  const [files, setFiles] = useState({});
  const [source, setSource] = useState('crossValidation');
  const [testYaml, setTestYaml] = useState('');
  const [testName, setTestName] = useState('');
  const [storiesYaml, setStoriesYaml] = useState('');
  const [nlu, setNlu] = useState(null);
  const [stories, setStories] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState('');
  const [progress, setProgress] = useState(null);

  useEffect(() => {
    setNlu(null);
    setStories(null);
    setTestYaml('');
    setTestName('');
    setSource('crossValidation');
    if (!tenant || !bot) return;
    api('GET', botPath(tenant, bot, '/files'))
      .then((out) => {
        setFiles(out.files);
        const storyFile = Object.keys(out.files).sort().find(isTestFile);
        setStoriesYaml(storyFile ? out.files[storyFile] : '');
      })
      .catch(setError);
  }, [tenant, bot]);

  if (!tenant || !bot) return <p>{t('noBot')}</p>;

  const trainingYaml = Object.keys(files).filter(isTrainingFile).sort().map((n) => files[n]).join('\n');
  const nluReady = source === 'crossValidation' || (source === 'testFile' ? !!testYaml.trim() : !!trainingYaml.trim());

  const runNlu = async () => {
    setBusy('nlu');
    setError(null);
    setNlu(null);
    try {
      if (source === 'crossValidation') {
        setProgress({ stage: 'queued', percent: 0 });
        const started = await api('POST', botPath(tenant, bot, `/test/nlu/cross-validation?folds=${FOLDS}`));
        const out = await pollJob(api, botPath(tenant, bot, `/jobs/${encodeURIComponent(started.job)}`), started, setProgress);
        setNlu({ ...out, source });
      } else {
        const body = source === 'testFile' ? testYaml : trainingYaml;
        const out = await api('POST', botPath(tenant, bot, '/test/nlu'), { body, contentType: 'application/x-yaml' });
        setNlu({ ...out, source, sourceName: source === 'testFile' ? testName : '' });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy('');
      setProgress(null);
    }
  };

  const runStories = async () => {
    setBusy('stories');
    setError(null);
    try {
      setStories(await api('POST', botPath(tenant, bot, '/test/stories'), { body: storiesYaml, contentType: 'application/x-yaml' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy('');
    }
  };

  return (
    <section aria-labelledby="eval-title">
      <h2 id="eval-title">{t('navEvaluation')}: {tenant} / {bot}</h2>
      <ErrorBox error={error} />
      <div className="grid2">
        <article className="card" aria-labelledby="nlu-title">
          <h3 id="nlu-title">{t('nluEvaluation')}</h3>
          <NluSource source={source} setSource={setSource} files={files} testYaml={testYaml} setTestYaml={setTestYaml} testName={testName} setTestName={setTestName} />
          <button type="button" className="primary" onClick={runNlu} disabled={!!busy || !nluReady}>{t('runEvaluation')}</button>
          {busy === 'nlu' && source === 'crossValidation' ? <TrainingBar progress={progress} label={t('crossValidating')} /> : null}
          {busy === 'nlu' && source !== 'crossValidation' ? <progress aria-label={t('running')} /> : null}
        </article>
        <article className="card" aria-labelledby="stories-title">
          <h3 id="stories-title">{t('storyTests')}</h3>
          <StoryInput files={files} value={storiesYaml} onChange={setStoriesYaml} />
          <button type="button" className="primary" onClick={runStories} disabled={!!busy || !storiesYaml.trim()}>{t('runStories')}</button>
          {busy === 'stories' ? <progress aria-label={t('running')} /> : null}
        </article>
      </div>
      {nlu ? <NluResult result={nlu} /> : null}
      {stories ? <StoryResult stories={stories} /> : null}
    </section>
  );
}
