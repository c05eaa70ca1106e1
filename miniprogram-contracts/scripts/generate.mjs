// Generates the TypeScript of the package from openapi.json (which the API's contract test writes):
//   schema.d.ts            paths / components / operations, by openapi-typescript
//   src/problem-codes.ts   the ProblemCode type, a constant per code and its Chinese message (components.schemas.ProblemCode)
// `node scripts/generate.mjs --check` writes nothing and exits 1 when a committed file differs from what it would write.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url);
const check = process.argv.includes('--check');
const documentUrl = new URL('openapi.json', root);
const document = JSON.parse(await readFile(documentUrl, 'utf8'));

const header = '// Generated from openapi.json by `npm run generate` (openapi-typescript). Do not edit: regenerate.\n\n';
const schema = header + astToString(await openapiTS(document, { alphabetize: false }));

const catalogue = document.components?.schemas?.ProblemCode?.['x-problem-codes'];
if (!Array.isArray(catalogue) || catalogue.length === 0) throw new Error('openapi.json has no components.schemas.ProblemCode x-problem-codes');
const constName = (code) => code.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const q = (s) => JSON.stringify(s);
const codes = [
  '// Generated from openapi.json (components.schemas.ProblemCode, x-problem-codes) by `npm run generate`. Do not edit.',
  '// The catalogue itself is api/WeStudio.Api/Infrastructure/ProblemCode.cs.',
  '',
  "import type { components } from '../schema.js';",
  '',
  '/** Every refusal code the API sends (`ProblemDetails.code`). */',
  "export type ProblemCode = components['schemas']['ProblemCode'];",
  '',
  '/** One constant per refusal code, e.g. `ProblemCodes.TokenExpired === "token_expired"`. */',
  'export const ProblemCodes = {',
  ...catalogue.map((c) => `  ${constName(c.code)}: ${q(c.code)},`),
  '} as const satisfies Record<string, ProblemCode>;',
  '',
  '/** The sentence the mini-program shows (Chinese) for each refusal code. */',
  'export const ProblemMessages: { readonly [C in ProblemCode]: string } = {',
  ...catalogue.map((c) => `  ${c.code}: ${q(c.message)},`),
  '};',
  '',
  '/** The HTTP statuses each refusal code comes with (the first is the usual one). */',
  'export const ProblemStatuses: { readonly [C in ProblemCode]: readonly number[] } = {',
  ...catalogue.map((c) => `  ${c.code}: [${c.statuses.join(', ')}],`),
  '};',
  '',
].join('\n');

// The README's table of refusal codes, between its markers.
const readmeUrl = new URL('README.md', root);
const readme = await readFile(readmeUrl, 'utf8');
const start = readme.indexOf('<!-- problem-codes:start');
const end = readme.indexOf('<!-- problem-codes:end -->');
if (start < 0 || end < start) throw new Error('README.md lacks the problem-codes markers');
const startLineEnd = readme.indexOf('\n', start) + 1;
const table = [
  '| code | HTTP | 显示给用户的提示 |',
  '|---|---|---|',
  ...catalogue.map((c) => `| \`${c.code}\` | ${c.statuses.join(', ')} | ${c.message} |`),
  '',
].join('\n');
const readmeText = readme.slice(0, startLineEnd) + table + readme.slice(end);

let drift = false;
for (const [path, text] of [['schema.d.ts', schema], ['src/problem-codes.ts', codes], ['README.md', readmeText]]) {
  const url = new URL(path, root);
  const current = await readFile(url, 'utf8').catch(() => null);
  if (current === text) continue;
  if (check) {
    console.error(`${path} differs from what openapi.json generates: run \`npm run generate\` in miniprogram-contracts and commit it.`);
    drift = true;
  } else {
    await writeFile(url, text);
    console.log(`wrote ${fileURLToPath(url)}`);
  }
}
if (drift) process.exit(1);
