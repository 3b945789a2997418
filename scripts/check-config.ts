// `npm run check-config -- [--release V] [--upgrade-to V] [--distro D] [--json] [--out FILE] FILE...`
//
// Checks vcluster.yaml files where there is no browser (CI, pre-commit), with
// the checker's own code (src/checker/): against a release, or upgraded to a
// later one. A thin wrapper, as gen-partials is over the generator: it reads
// the release data, the curated moves and the chart schemas gen-partials
// publishes into static/schemas/ (generating them first when they are
// missing), and writes what src/checker/configReport.ts makes of each file.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {checkFileReport, jsonReport, textReport, upgradeFileReport, type FileReport} from '../src/checker/configReport';
import {LEGACY_DISTROS, type LegacyDistro} from '../src/checker/legacy/legacyValues';
import {checkerRelease} from '../src/checker/release';
import {LEGACY_RELEASE} from '../src/checker/upgradeConfig';
import {compileChartSchema} from '../src/reference/chartSchema';
import {publishedDirFor, publishedRootFor} from '../src/reference/files';
import type {MovesData} from '../src/reference/moves';
import {Releases, type ReleasesData} from '../src/reference/releases';
import {MOVES_FILE, PUBLISHED_SCHEMA, RELEASES_FILE} from '../src/reference/urls';

const ROOT = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run check-config -- [options] FILE...

Checks each vcluster.yaml FILE against a vCluster release, or upgrades one
FILE to a later release, with the same code as the site's config checker.

  --release V      The release the files are written for (default: the current
                   docs release). "${LEGACY_RELEASE}" for a values file of the
                   charts before 0.20 (with --distro).
  --upgrade-to V   Upgrade FILE from --release to V. The upgraded file goes to
                   stdout (or --out), the findings to stderr.
  --distro D       The distro a file of the charts before 0.20 ran: ${LEGACY_DISTROS.join(', ')}.
  --out FILE       With --upgrade-to: write the upgraded file to FILE, whole
                   (written only when the upgrade runs through).
  --json           Print the report as JSON on stdout (format 1; see README).
  -h, --help       Show this help.

Each finding is printed as FILE:LINE:COLUMN: severity: message.
Exit status: 0 without errors; 1 with errors (schema problems, problems left
after an upgrade, a file that cannot be read or parsed); 2 on a usage error
(an unknown option or release, a target older than the release).`;

class UsageError extends Error {}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The published release data and moves; gen-partials makes them when they are missing. */
function loadData(): {line: Releases; moves: MovesData} {
  const root = publishedRootFor(ROOT);
  const files = [RELEASES_FILE, MOVES_FILE].map((name) => path.join(root, name));
  if (!files.every((file) => existsSync(file))) generate();
  return {line: new Releases(readJson<ReleasesData>(files[0])), moves: readJson<MovesData>(files[1])};
}

let generated = false;
function generate(): void {
  if (generated) return;
  generated = true;
  process.stderr.write('check-config: the release data is missing; running npm run gen-partials first\n');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-partials.mjs'), '--quiet'], {cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit']});
  if (run.status !== 0) throw new Error('gen-partials failed; run it yourself (npm run gen-partials) and try again');
}

function schemaOf(version: string): object {
  const file = path.join(publishedDirFor(ROOT, version), PUBLISHED_SCHEMA);
  if (!existsSync(file)) generate();
  return readJson<object>(file);
}

/** Writes a file whole: into a temporary file beside it, then renamed into place. */
function writeWhole(file: string, text: string): void {
  const temporary = `${file}.check-config-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, {force: true});
    throw error;
  }
}

function main(argv: string[]): number {
  const {values, positionals} = (() => {
    try {
      return parseArgs({
        args: argv,
        options: {
          release: {type: 'string'},
          'upgrade-to': {type: 'string'},
          distro: {type: 'string'},
          out: {type: 'string'},
          json: {type: 'boolean', default: false},
          help: {type: 'boolean', short: 'h', default: false},
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\nRun with --help to see the options.`);
    }
  })();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!positionals.length) throw new UsageError('name at least one FILE to check.\nRun with --help to see the options.');
  const target = values['upgrade-to'];
  if (values.out !== undefined && target === undefined) throw new UsageError('--out writes an upgraded file: it needs --upgrade-to.');
  if (target !== undefined && positionals.length > 1) throw new UsageError('--upgrade-to upgrades one FILE at a time (its result is one file).');
  if (values.distro !== undefined && !LEGACY_DISTROS.includes(values.distro as LegacyDistro)) throw new UsageError(`--distro ${values.distro}: the distros of the charts before 0.20 are ${LEGACY_DISTROS.join(', ')}.`);

  const {line, moves} = loadData();
  const release = values.release ?? line.current;
  const known = (version: string, option: string) => {
    if (!line.has(version)) throw new UsageError(`${option} ${version}: not a release this site knows (${line.data.releases.join(', ')}).`);
  };
  if (release !== LEGACY_RELEASE) known(release, '--release');
  if (target !== undefined) {
    known(target, '--upgrade-to');
    if (release !== LEGACY_RELEASE && line.indexOf(target) < line.indexOf(release)) throw new UsageError(`--upgrade-to ${target} is older than --release ${release}; an upgrade goes to a later release.`);
  }

  const reports: FileReport[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      reports.push({file, release, findings: [], error: {reason: 'unreadable', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`}});
      continue;
    }
    if (target !== undefined) {
      const schema = schemaOf(target);
      reports.push(
        upgradeFileReport(
          file,
          {text, ...(release === LEGACY_RELEASE ? {from: LEGACY_RELEASE} : {from: release}), to: target, ...(values.distro ? {distro: values.distro as LegacyDistro} : {})},
          {line, moves, validate: compileChartSchema(schema)},
        ),
      );
    } else {
      if (release === LEGACY_RELEASE) throw new UsageError(`--release ${LEGACY_RELEASE} converts a file: give --upgrade-to as well.`);
      const schema = schemaOf(release);
      reports.push(checkFileReport(file, text, checkerRelease(line, release, schema, compileChartSchema(schema))));
    }
  }

  const report = jsonReport(reports);
  const upgraded = reports[0]?.upgrade;
  if (target !== undefined && upgraded && values.out !== undefined) writeWhole(values.out, upgraded.text);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const upgradedName = () => values.out ?? '<upgraded>';
    // With --upgrade-to and no --out, stdout is the upgraded file: the findings go to stderr.
    const findings = textReport(reports, upgradedName);
    if (target !== undefined) {
      process.stderr.write(findings);
      if (upgraded && values.out === undefined) process.stdout.write(upgraded.text);
    } else process.stdout.write(findings);
  }
  return report.exitCode;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`check-config: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`check-config: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
