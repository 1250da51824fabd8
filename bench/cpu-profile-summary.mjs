// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by package or
// project folder, and the inclusive time of the frames whose name matches a pattern.
// Usage: node bench/cpu-profile-summary.mjs FILE.cpuprofile [NAME_REGEX]
import { readFileSync } from 'node:fs';

const [file, pattern] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/cpu-profile-summary.mjs FILE.cpuprofile [NAME_REGEX]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0;
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const where = (url) => {
  if (!url) return '(native/vm)';
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1];
  const project = url.match(/\/(electron|shared|db|bench)\/(.*?)[^/]*$/);
  if (project) return `${project[1]}/${project[2]}`;
  return url.startsWith('node:') ? url : url.replace(/^.*\//, '');
};
const bySelf = new Map();
const byPlace = new Map();
for (const [id, us] of selfUs) {
  const { callFrame } = nodes.get(id);
  const key = `${callFrame.functionName || '(anonymous)'} ${where(callFrame.url)}:${callFrame.lineNumber + 1}`;
  bySelf.set(key, (bySelf.get(key) ?? 0) + us);
  byPlace.set(where(callFrame.url), (byPlace.get(where(callFrame.url)) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
console.log('\nself time by place:');
for (const [key, us] of top(byPlace, 25)) console.log(`${pct(us)}  ${key}`);
console.log('\nself time by function:');
for (const [key, us] of top(bySelf, 30)) console.log(`${pct(us)}  ${key}`);
if (pattern) {
  const re = new RegExp(pattern);
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { callFrame } = nodes.get(at);
      const name = `${callFrame.functionName || '(anonymous)'} ${where(callFrame.url)}`;
      if (!re.test(name) || seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  console.log(`\ninclusive time of frames matching /${pattern}/:`);
  for (const [key, us] of top(inclusive, 40)) console.log(`${pct(us)}  ${key}`);
}
