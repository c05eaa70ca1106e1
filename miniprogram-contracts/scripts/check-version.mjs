// Semver of the package against the previous release's document (previous/openapi.json, version in previous/version):
// optic (`optic diff --check`, its breaking-change rules) compares the two; a breaking change needs a higher major in
// package.json, any other change a higher version. The `application/problem+json` responses are left out of both
// copies before the diff (optic takes minutes on the hundreds of inline refusal schemas; refusal codes only grow, and
// the ProblemCode enum stays compared), so the check covers paths, operations, parameters, request and success bodies.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (p) => readFileSync(join(root, p), 'utf8');
const current = JSON.parse(read('package.json')).version;
const previous = read('previous/version').trim();
const major = (v) => Number(/^(\d+)\.\d+\.\d+/.exec(v)?.[1] ?? NaN);
const compare = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};

const strip = (text) => {
  const doc = JSON.parse(text);
  for (const item of Object.values(doc.paths ?? {}))
    for (const op of Object.values(item))
      if (op && typeof op === 'object' && op.responses)
        op.responses = Object.fromEntries(Object.entries(op.responses).filter(([, r]) => !r?.content?.['application/problem+json']));
  return JSON.stringify(doc, null, 1);
};
const before = strip(read('previous/openapi.json'));
const after = strip(read('openapi.json'));
const dir = mkdtempSync(join(tmpdir(), 'westudio-semver-'));
try {
  writeFileSync(join(dir, 'previous.json'), before);
  writeFileSync(join(dir, 'current.json'), after);
  const optic = spawnSync(join(root, 'node_modules', '.bin', 'optic'), ['diff', 'previous.json', 'current.json', '--check'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, OPTIC_TELEMETRY_LEVEL: 'off', CI: 'true' }, timeout: 300_000,
  });
  if (optic.error) throw optic.error;
  const output = `${optic.stdout}${optic.stderr}`;
  const breaking = (output.match(/This is a breaking change/g) ?? []).length;
  if (optic.status !== 0 && breaking === 0) {
    console.error(output);
    throw new Error(`optic diff exited ${optic.status} without naming a breaking change`);
  }
  const changed = read('previous/openapi.json') !== read('openapi.json');
  console.log(`optic: ${breaking} breaking change(s) since ${previous}; package.json says ${current}`);
  if (breaking > 0) {
    const lines = output.split('\n').filter((l) => /breaking change/.test(l)).slice(0, 12);
    console.log(lines.map((l) => `  ${l.trim()}`).join('\n'));
    if (!(major(current) > major(previous))) {
      console.error(`A breaking change needs a major version above ${previous} (package.json has ${current}).`);
      process.exit(1);
    }
  } else if (changed && compare(current, previous) <= 0) {
    console.error(`openapi.json changed since ${previous}: raise the version in package.json (minor for an addition, patch for a fix).`);
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
