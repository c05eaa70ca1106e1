// Checks test/mistakes.ts the strict way: with every `// @ts-expect-error` removed, the compiler must report an error on
// each line below a directive and nowhere else (so each directive catches the mistake it is written for, not another).
// `tsc --noEmit` before it already failed on an unused directive (TS2578).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../', import.meta.url));
const file = ts.sys.resolvePath(`${root}test/mistakes.ts`);
const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
const original = readFileSync(file, 'utf8').split('\n');
const directives = original.flatMap((line, i) => (/^\s*\/\/ @ts-expect-error\s*$/.test(line) ? [i] : []));
if (directives.length < 10) throw new Error(`test/mistakes.ts has ${directives.length} @ts-expect-error lines; expected at least 10`);
const stripped = original.map((line, i) => (directives.includes(i) ? '' : line)).join('\n');

const host = ts.createCompilerHost(config.options);
const readFile = host.readFile.bind(host);
host.readFile = (name) => (ts.sys.resolvePath(name) === file ? stripped : readFile(name));
const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true }, host });
const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file && ts.sys.resolvePath(d.file.fileName) === file);
const byLine = new Map();
for (const d of diagnostics) {
  const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  byLine.set(line, [...(byLine.get(line) ?? []), ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 160)]);
}
let failures = 0;
for (const i of directives) {
  const hit = byLine.has(i + 1) ? i + 1 : undefined;
  if (hit === undefined) { console.error(`mistakes.ts:${i + 2}: no error below this @ts-expect-error`); failures++; continue; }
  console.log(`mistakes.ts:${hit + 1} caught: ${byLine.get(hit)[0]}`);
  byLine.delete(hit);
}
for (const [line, messages] of byLine) { console.error(`mistakes.ts:${line + 1}: error not marked as expected: ${messages[0]}`); failures++; }
if (failures > 0) process.exit(1);
console.log(`${directives.length} deliberate mistakes, each caught by tsc --strict`);
