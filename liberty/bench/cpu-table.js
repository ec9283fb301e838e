// Where a turn's CPU goes: reads async-profiler's collapsed stacks (one "frame;frame;... count"
// line per stack) and attributes each sample to a part of the turn by the frame nearest the leaf
// that belongs to a known part. Prints a Markdown table, largest part first.
// usage: node cpu-table.js profile.collapsed
const fs = require('fs');

// [part, frame pattern]: the first pattern (in this order) found nearest the leaf decides.
const PARTS = [
  ['GC', /^(G1|GC|ParallelGC|ConcurrentGCThread|WorkerThread::run|GCTaskThread|VM_G1)|gc\/|G1ParScan|G1Conc/],
  ['JIT compiler', /^(C2Compiler|Compile::|CompileBroker|C1_|Compilation::|ciEnv)/],
  ['ONNX Runtime (encoders, classifiers)', /ai\.onnxruntime|onnxruntime::|libonnxruntime/],
  ['NLU (classifiers, extractors, featurising)', /dev\.parley\.plugins\.(nlu|entity)|org\.tribuo|ai\.djl\.huggingface|tokenizers/],
  ['policies', /dev\.parley\.plugins\.policy|dev\.parley\.plugins\.dialogue/],
  ['encryption', /javax\.crypto|com\.sun\.crypto|sun\.security|dev\.parley\.core\.crypto/],
  ['H2 database', /org\.h2\./],
  ['PostgreSQL driver', /org\.postgresql\./],
  ['JPA / Hibernate / transactions', /org\.hibernate|com\.ibm\.ws\.jpa|com\.ibm\.tx|com\.ibm\.ws\.tx|jakarta\.persistence|com\.ibm\.ejs\.j2c|com\.ibm\.ws\.rsadapter/],
  ['group commit (tracker store)', /GroupCommitTrackerStore|RetryingBatchWriter|JpaEventLog/],
  ['cache (Infinispan)', /org\.infinispan|org\.jgroups/],
  ['logging', /java\.util\.logging|com\.ibm\.ws\.logging|com\.ibm\.ws\.collector|TurnObserver\.log/],
  ['metrics', /io\.smallrye\.metrics|io\.micrometer|com\.ibm\.ws\.microprofile\.metrics|io\.openliberty\.microprofile\.metrics|org\.eclipse\.microprofile\.metrics|dev\.parley\.core\.plugin\.MicroProfileMeter/],
  ['plugin guard, fault tolerance', /dev\.parley\.core\.plugin\.(Guarded|WorkerCircuit|PluginGuard|PluginCircuits)|io\.github\.resilience4j|com\.ibm\.ws\.microprofile\.faulttolerance|io\.openliberty\.microprofile\.faulttolerance/],
  ['tracker copy and events', /dev\.parley\.core\.tracker\.(Tracker|DialogueState|ConversationRepository|TrackerCache)/],
  ['JSON', /com\.fasterxml\.jackson|dev\.parley\.core\.json/],
  ['dialogue loop, forms, responses', /dev\.parley\.core\.turn\./],
  ['rest of the core', /dev\.parley\.core\./],
  ['HTTP, JAX-RS, CDI (Liberty)', /com\.ibm\.ws\.(http|webcontainer|jaxrs|tcpchannel|channelfw|cdi)|org\.apache\.cxf|org\.jboss\.weld|com\.ibm\.ws\.threading|com\.ibm\.io\.async|sun\.nio\.ch|io\.openliberty/],
];

// A stack that passes a turn on to its owner in a cluster, or takes one from another member, counts
// as that wherever its leaf is (socket writes and JSON would otherwise count as HTTP and JSON), except
// the passed-on turn's own work on its owner (under ChannelTurns), which counts as the turn's parts.
// JGroups' reader threads and acknowledgements are not told apart from Infinispan's: "cache".
const FORWARDING = [
  'passing turns on to their owner (cluster)',
  /dev\.parley\.core\.cluster\.(MemberForwarder|MemberRequests)|dev\.parley\.core\.rest\.MemberTurns|org\.jgroups\.fork\.|org\.apache\.hc\./,
];
const TURN_ITSELF = /dev\.parley\.core\.rest\.ChannelTurns\./;

const file = process.argv[2];
const totals = new Map(PARTS.map(([part]) => [part, 0]));
totals.set(FORWARDING[0], 0);
totals.set('other (JVM, kernel, unknown)', 0);
let all = 0;
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  const space = line.lastIndexOf(' ');
  if (space < 0) continue;
  const count = Number(line.slice(space + 1));
  const frames = line.slice(0, space).replace(/\//g, '.').split(';').reverse();
  let part = 'other (JVM, kernel, unknown)';
  const passing = frames.some((frame) => FORWARDING[1].test(frame));
  if (passing && !frames.some((frame) => TURN_ITSELF.test(frame))) part = FORWARDING[0];
  else search: for (const frame of frames) {
    for (const [name, pattern] of PARTS) {
      if (pattern.test(frame)) { part = name; break search; }
    }
  }
  totals.set(part, totals.get(part) + count);
  all += count;
}
console.log(`\nwhere the CPU went (${all} samples, ${file})`);
console.log('| part of the turn | share of CPU |');
console.log('|---|---|');
for (const [part, n] of [...totals].sort((a, b) => b[1] - a[1])) {
  if (n > 0) console.log(`| ${part} | ${(100 * n / all).toFixed(1)} % |`);
}
