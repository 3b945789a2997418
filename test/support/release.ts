/**
 * Shared by the release tests: where the project and the real chart files
 * are, running commands as child processes, a local release server and
 * byte-for-byte snapshots of directories.
 */
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `<version>/values.schema.json` + `values.yaml` of each released chart (read-only). */
export const CHART_SOURCE = path.resolve(process.env.CHART_SOURCE ?? path.resolve(PROJECT_ROOT, '../shared/charts/vcluster'));

export const CHART_FILES = ['values.schema.json', 'values.yaml'] as const;

export interface Manifest {
  $comment?: string;
  chart: string;
  versions: Array<{version: string; files: Record<string, {url: string; sha256: string}>}>;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** This process's environment without CHART_SOURCE (and CHART_CACHE_DIR), plus `extra`. */
export function envWithout(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const {CHART_SOURCE: _source, CHART_CACHE_DIR: _cache, ...inherited} = process.env;
  return {...inherited, ...extra};
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function show(result: RunResult): string {
  return `exit ${result.code ?? result.signal} after ${Math.round(result.ms)} ms\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
}

/** Runs a command to its end (killing it after `killAfterMs`), capturing its output. */
export function run(
  command: string,
  args: readonly string[],
  options: {cwd?: string; env?: NodeJS.ProcessEnv; killAfterMs?: number} = {},
): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: options.cwd ?? PROJECT_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code, signal, stdout, stderr, ms: performance.now() - started});
    });
  });
}

/** Every file under `dir` (relative path → bytes), for byte-for-byte comparisons; empty if `dir` is missing. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), {withFileTypes: true})) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else files.set(child, readFileSync(path.join(dir, child)));
    }
  };
  walk('');
  return files;
}

/** Every file under `dir` with its modification time. */
export function mtimes(dir: string): Map<string, number> {
  return new Map([...snapshot(dir).keys()].map((file) => [file, statSync(path.join(dir, file)).mtimeMs]));
}

export interface ReleaseServer {
  origin: string;
  /** Request paths served so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `<chartSource>/<V>/<file>` under `/v<V>/chart/<file>` on 127.0.0.1, like the release URLs; anything else is a 404. */
export async function startReleaseServer(chartSource = CHART_SOURCE): Promise<ReleaseServer> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    const match = /^\/v([^/]+)\/chart\/([^/]+)$/.exec(url);
    const file = match && (CHART_FILES as readonly string[]).includes(match[2]) ? path.join(chartSource, match[1], match[2]) : undefined;
    if (request.method !== 'GET' || !file || !existsSync(file)) {
      response.writeHead(404, {'content-type': 'text/plain'}).end('not found\n');
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, {'content-type': 'text/plain; charset=utf-8', 'content-length': body.length}).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SilentServer {
  origin: string;
  /** Connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

/** Accepts connections on 127.0.0.1 and never answers (nor closes them). */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>();
  const state = {connections: 0};
  const server = net.createServer((socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The project's chart-versions.json with every release URL moved to `origin` (same paths as the local server). */
export function manifestAt(origin: string): Manifest {
  const manifest = readJson<Manifest>(path.join(PROJECT_ROOT, 'chart-versions.json'));
  for (const entry of manifest.versions) {
    for (const [name, file] of Object.entries(entry.files)) {
      assert(file.url.endsWith(`/v${entry.version}/chart/${name}`), `unexpected release URL ${file.url}`);
      file.url = `${origin}/v${entry.version}/chart/${name}`;
    }
  }
  return manifest;
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
