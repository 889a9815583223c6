// Runs before `npm start`: builds the web app when dist/web is missing or older than its
// sources, so a fresh clone needs only `npm ci && npm start`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';


const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'src/web'), path.join(root, 'src/domain')];
const sourceTime = Math.max(...sources.map(newestMtime), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
if (existsSync(output) && statSync(output).mtimeMs >= sourceTime) process.exit(0);

process.stdout.write('Building the web app (once, ~10 s)…\n');
const { build } = await import('vite');
await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
