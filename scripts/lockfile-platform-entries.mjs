// Adds lockfile entries for platform-specific optional packages that the
// registry this project installs from does not serve (for example
// @swc/html-darwin-arm64). Without an entry for each optional dependency,
// `npm ci` refuses the lockfile as out of sync; with one that names the
// package's os/cpu, npm skips it on other platforms without fetching it.
// Run after `npm install` changes package-lock.json: node scripts/lockfile-platform-entries.mjs
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

const PLATFORMS = {
  'darwin-arm64': {os: ['darwin'], cpu: ['arm64']},
  'darwin-x64': {os: ['darwin'], cpu: ['x64']},
  'linux-arm-gnueabihf': {os: ['linux'], cpu: ['arm']},
  'linux-arm64-gnu': {os: ['linux'], cpu: ['arm64'], libc: ['glibc']},
  'linux-arm64-musl': {os: ['linux'], cpu: ['arm64'], libc: ['musl']},
  'linux-ppc64-gnu': {os: ['linux'], cpu: ['ppc64'], libc: ['glibc']},
  'linux-s390x-gnu': {os: ['linux'], cpu: ['s390x'], libc: ['glibc']},
  'linux-x64-gnu': {os: ['linux'], cpu: ['x64'], libc: ['glibc']},
  'linux-x64-musl': {os: ['linux'], cpu: ['x64'], libc: ['musl']},
  'win32-arm64-msvc': {os: ['win32'], cpu: ['arm64']},
  'win32-ia32-msvc': {os: ['win32'], cpu: ['ia32']},
  'win32-x64-msvc': {os: ['win32'], cpu: ['x64']},
};

const file = path.resolve(import.meta.dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    if (lock.packages[target]) continue;
    const suffix = Object.keys(PLATFORMS).find((platform) => name.endsWith(`-${platform}`));
    if (!suffix) throw new Error(`${location}: optional dependency ${name} has no lockfile entry and no known platform`);
    lock.packages[target] = {version, optional: true, ...PLATFORMS[suffix]};
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
