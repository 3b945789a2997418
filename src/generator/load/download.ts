import {createHash} from 'node:crypto';
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {ChartInputError} from '../errors';
import {CHART_SCHEMA_FILE as SCHEMA_FILE, CHART_VALUES_FILE as VALUES_FILE, MANIFEST_FILE} from '../../reference/files';
import type {VersionManifest} from '../../reference/manifest';

export const DEFAULT_TIMEOUT_MS = 30_000;

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Why a fetch failed: a timeout, or the network error undici hides in `cause` (its message is only "fetch failed"). */
function failureReason(error: unknown, timeoutMs: number): string {
  const failure = error as Error & {cause?: {code?: string; message?: string}};
  if (failure.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = failure.cause?.code ?? failure.cause?.message;
  return cause && !failure.message.includes(cause) ? `${failure.message} (${cause})` : failure.message;
}

async function fetchVerified(url: string, expected: string, timeoutMs: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, {signal: AbortSignal.timeout(timeoutMs), redirect: 'follow'});
  } catch (error) {
    throw new ChartInputError(url, undefined, `download failed: ${failureReason(error, timeoutMs)}`);
  }
  let body: Buffer;
  try {
    if (!response.ok) throw new ChartInputError(url, undefined, `download failed: HTTP ${response.status} ${response.statusText}`.trim());
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof ChartInputError) throw error;
    throw new ChartInputError(url, undefined, `download failed: ${failureReason(error, timeoutMs)}`);
  }
  const actual = sha256(body);
  if (actual !== expected) {
    throw new ChartInputError(url, undefined, `checksum mismatch: expected sha256 ${expected}, got ${actual}`);
  }
  return body;
}

async function cachedIfValid(file: string, expected: string): Promise<boolean> {
  try {
    return sha256(await readFile(file)) === expected;
  } catch {
    return false;
  }
}

/**
 * Makes `<cacheDir>/<version>/` hold the version's chart files from the
 * manifest, downloading what is missing or does not match its sha256. Both
 * files are downloaded and verified before either is put in the cache.
 * Returns the chart directory.
 */
export async function ensureChartFiles(
  manifest: VersionManifest,
  version: string,
  cacheDir: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string> {
  const entry = manifest.versions.find((candidate) => candidate.version === version);
  if (!entry) throw new ChartInputError(MANIFEST_FILE, version, 'no such version in the manifest');
  const dir = path.join(cacheDir, version);
  const wanted = [SCHEMA_FILE, VALUES_FILE].map((name) => {
    const file = entry.files[name];
    if (!file) throw new ChartInputError(MANIFEST_FILE, `${version}/${name}`, 'the manifest gives no URL and sha256 for this file');
    return {name, ...file};
  });
  const missing = [];
  for (const file of wanted) if (!(await cachedIfValid(path.join(dir, file.name), file.sha256))) missing.push(file);
  if (missing.length === 0) return dir;

  const bodies = await Promise.all(missing.map((file) => fetchVerified(file.url, file.sha256, timeoutMs)));
  await mkdir(dir, {recursive: true});
  for (const [index, file] of missing.entries()) {
    const temporary = path.join(dir, `.${file.name}.${process.pid}.part`);
    await writeFile(temporary, bodies[index]);
    await rename(temporary, path.join(dir, file.name)).catch(async (error: unknown) => {
      await rm(temporary, {force: true});
      throw error;
    });
  }
  return dir;
}
