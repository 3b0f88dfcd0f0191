// Starts a real mahdar-searchd for the browser tests: indexes the fixture reports
// ($MAHDAR_FIXTURES) and this folder's fixtures/ with the real mahdar-indexer into a temporary
// folder, serves web/ on a free port, and removes everything again in stop().

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = resolve(here, '..', '..');
const REPO = resolve(WEB_DIR, '..');
const START_TIMEOUT_MS = 20000;

/** A required path from the environment; for a run by hand, the default build's paths. */
function path_from_env(name, fallback) {
  const value = process.env[name] || fallback;
  if (!existsSync(value)) {
    throw new Error(`${name}=${value} does not exist (set ${name}; see web/tests/README.md)`);
  }
  return value;
}

/**
 * `files`: more documents to index beside the fixtures (paths from the repository's root);
 * `empty`: index nothing (an index with no documents yet).
 */
export async function start_server({ files = [], empty = false } = {}) {
  const searchd = path_from_env('MAHDAR_SEARCHD', join(REPO, 'build/searchd/mahdar-searchd'));
  const indexer = path_from_env('MAHDAR_INDEXER', join(REPO, 'build/indexer/mahdar-indexer'));
  const fixtures = path_from_env('MAHDAR_FIXTURES', join(REPO, 'tests/fixtures/reports'));
  const tmp = await mkdtemp(join(tmpdir(), 'mahdar-web-'));
  const db = join(tmp, 'index');
  // An empty index: one passage indexed, then its document removed.
  const one = join(tmp, 'one.jsonl');
  if (empty) await writeFile(one, '{"doc_id": "placeholder", "doc_title": "Placeholder", "text": "A placeholder passage, removed at once.", "lang": "en"}\n');
  const sources = empty ? [one] : [fixtures, join(here, '..', 'fixtures'), ...files.map((f) => join(REPO, f))];
  let indexed = spawnSync(indexer, ['--db', db, '--quiet', ...sources], { encoding: 'utf8' });
  if (empty && indexed.status === 0) indexed = spawnSync(indexer, ['remove', db, 'placeholder'], { encoding: 'utf8' });
  if (indexed.status !== 0) {
    await rm(tmp, { recursive: true, force: true });
    throw new Error(`mahdar-indexer exited ${indexed.status}: ${indexed.stderr}`);
  }
  const child = spawn(searchd, ['--db', db, '--web', WEB_DIR, '--listen', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log = (log + d).slice(-20000); });
  let url;
  try {
    url = await read_url(child);
  } catch (e) {
    child.kill('SIGKILL');
    await rm(tmp, { recursive: true, force: true });
    throw new Error(`${e.message}\n--- mahdar-searchd stderr ---\n${log}`);
  }
  return {
    url,
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(tmp, { recursive: true, force: true });
    },
    /** Stops the server but keeps the index (to test a lost connection). */
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resolves with the base URL printed as "listening on http://127.0.0.1:PORT". */
function read_url(child) {
  return new Promise((resolve_url, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('mahdar-searchd did not start in time')),
      START_TIMEOUT_MS);
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve_url(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mahdar-searchd exited with ${code} before listening`));
    });
  });
}
