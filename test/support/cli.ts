/**
 * Running gen-partials as a separate process, and comparing output
 * directories byte for byte.
 */
import {spawn} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {PROJECT_ROOT} from './chart';

export const CLI_MAIN = path.join(PROJECT_ROOT, 'test', 'support', 'cliMain.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Replaces the environment (default: this process's, without CHART_SOURCE so every test says where its chart is). */
  env?: NodeJS.ProcessEnv;
  /** Run as this user (needs root). */
  uid?: number;
  gid?: number;
  /** The entry point: the TypeScript sources through tsx (default), or a script such as scripts/gen-partials.mjs. */
  script?: string;
}

export function runGenPartials(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const {CHART_SOURCE: _ignored, ...inherited} = process.env;
  const env = options.env ?? inherited;
  const command = options.script ? [options.script] : ['--import', 'tsx', CLI_MAIN];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, ...args], {
      cwd: PROJECT_ROOT,
      env,
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stdout, stderr}));
  });
}

/** `n partials written, n unchanged, n removed` from the summary line. */
export function summaryCounts(stdout: string): {written: number; unchanged: number; removed: number} {
  const match = /(\d+) partials written, (\d+) unchanged, (\d+) removed/.exec(stdout);
  if (!match) throw new Error(`no summary line in:\n${stdout}`);
  return {written: Number(match[1]), unchanged: Number(match[2]), removed: Number(match[3])};
}

export interface Entry {
  kind: 'file' | 'dir';
  content?: string;
  mtimeMs: number;
  ino: number;
  mode: number;
}

/** Everything under `dir` (or `dir` itself when it is a file), with contents and times, keyed by relative path. */
export function snapshot(dir: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const visit = (relative: string) => {
    const full = path.join(dir, relative);
    const stats = statSync(full);
    const base = {mtimeMs: stats.mtimeMs, ino: stats.ino, mode: stats.mode};
    if (stats.isDirectory()) {
      entries.set(relative || '.', {kind: 'dir', ...base});
      for (const name of readdirSync(full).sort()) visit(relative ? `${relative}/${name}` : name);
    } else entries.set(relative || '.', {kind: 'file', content: readFileSync(full, 'utf8'), ...base});
  };
  visit('');
  return entries;
}

/** Only the files and their contents: what "the same output" means. */
export function contents(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [relative, entry] of snapshot(dir)) if (entry.kind === 'file') files.set(relative, entry.content!);
  return files;
}
