/**
 * The GitHub workflows: each is valid against GitHub's workflow schema
 * (@action-validator/cli, the validator kept on npm, run offline), and their
 * jobs and steps do what the README says: CI runs the README's test command
 * as .ci/run does (Node 20, Debian's Chromium, npm ci, chart files downloaded
 * and verified, npm and Docusaurus caches); deploy.yml publishes main with
 * the official Pages actions; the preview and the site share one address
 * (.github/actions/pages-address, whose script is run here) and do not
 * overwrite each other.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {parse, stringify} from 'yaml';
import {projectRoot} from '../support/buildDir';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  container?: {image: string; options?: string};
  permissions?: Record<string, string>;
  environment?: {name: string; url?: string};
  needs?: string | string[];
  if?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, {branches?: string[]; types?: string[]} | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOWS = path.join(projectRoot, '.github', 'workflows');
const ADDRESS_ACTION = path.join(projectRoot, '.github', 'actions', 'pages-address', 'action.yml');
const VALIDATOR = path.join(projectRoot, 'node_modules', '.bin', 'action-validator');

const read = <T>(file: string): T => parse(readFileSync(file, 'utf8')) as T;
const workflow = (name: string): Workflow => read<Workflow>(path.join(WORKFLOWS, name));
const stepUsing = (job: Job, action: string): Step | undefined => job.steps.find((step) => step.uses?.split('@')[0] === action);
const stepRunning = (job: Job, command: RegExp): Step | undefined => job.steps.find((step) => step.run !== undefined && command.test(step.run));
const indexOf = (job: Job, step: Step | undefined): number => (step ? job.steps.indexOf(step) : -1);

function validate(file: string): {status: number | null; output: string} {
  const result = spawnSync(VALIDATOR, [file], {encoding: 'utf8'});
  return {status: result.status, output: `${result.stdout}${result.stderr}`};
}

/** The README's test command: the last command of the quick start's second code block. */
function readmeTestCommand(): string {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const quickStart = readme.split(/^## /mu).find((section) => section.startsWith('Quick start'));
  assert.ok(quickStart, 'the README has a Quick start');
  const blocks = [...quickStart.matchAll(/```bash\n([^]*?)```/gu)].map((match) => match[1].trim());
  assert.ok(blocks.length >= 2, 'the quick start has two commands');
  return blocks[1].split('&&').pop()!.trim();
}

describe('GitHub workflows', () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'workflows-'));
  after(() => rmSync(temp, {recursive: true, force: true}));

  it('are valid against GitHub\'s schema, the local action too', () => {
    const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/u.test(file));
    assert.deepEqual(files.sort(), ['ci.yml', 'deploy.yml', 'preview.yml']);
    for (const file of [...files.map((name) => path.join(WORKFLOWS, name)), ADDRESS_ACTION]) {
      const {status, output} = validate(file);
      assert.equal(status, 0, `${path.relative(projectRoot, file)}:\n${output}`);
    }
  });

  it('the validator rejects a broken workflow (control)', () => {
    const broken = workflow('ci.yml') as unknown as Record<string, unknown>;
    broken.on = {pul_request: null};
    delete (broken.jobs as Record<string, Record<string, unknown>>).test['runs-on'];
    const file = path.join(temp, 'broken.yml');
    writeFileSync(file, stringify(broken));
    const {status, output} = validate(file);
    assert.notEqual(status, 0);
    assert.match(output, /pul_request/u);
  });

  it('every action is pinned to a major version and every job runs Node 20', () => {
    for (const name of ['ci.yml', 'deploy.yml', 'preview.yml']) {
      for (const [jobName, job] of Object.entries(workflow(name).jobs)) {
        for (const step of job.steps) {
          if (step.uses && !step.uses.startsWith('./')) assert.match(step.uses, /^[\w-]+\/[\w-]+@v\d+$/u, `${name} ${jobName}: ${step.uses}`);
        }
        const node = stepUsing(job, 'actions/setup-node');
        if (node) assert.equal(node.with?.['node-version'], 20, `${name} ${jobName}: Node 20`);
      }
    }
  });

  it('ci.yml runs the README\'s test command on pull requests and main, as .ci/run does', () => {
    const ci = workflow('ci.yml');
    assert.ok('pull_request' in ci.on, 'on pull requests');
    assert.deepEqual(ci.on.push?.branches, ['main'], 'on main');
    assert.deepEqual(ci.permissions, {contents: 'read'});
    const job = ci.jobs.test;
    assert.match(job.container?.image ?? '', /^debian:bookworm$/u, "Debian's Chromium: a Debian 12 container, as the project's machines");
    const chromium = stepRunning(job, /apt-get install\b.*\bchromium\b/u);
    assert.ok(chromium, 'installs chromium with apt-get');
    assert.match(chromium.run!, /\bgit\b/u, 'and git, which the tests use');
    assert.ok(indexOf(job, chromium) < indexOf(job, stepUsing(job, 'actions/checkout')), 'git before the checkout');
    assert.equal(stepUsing(job, 'actions/setup-node')?.with?.cache, 'npm', 'npm cache');

    const install = stepRunning(job, /^npm ci\b/u);
    const cache = job.steps.find((step) => step.uses?.startsWith('actions/cache@') && step.with?.path === 'node_modules/.cache');
    assert.ok(install && cache, 'npm ci and a cache of node_modules/.cache');
    assert.ok(indexOf(job, install) < indexOf(job, cache), 'the Docusaurus cache is restored after npm ci, which empties node_modules');
    assert.match(String(cache.with?.key), /hashFiles\('package-lock\.json'\)/u, 'keyed by the lock file');
    assert.match(String(cache.with?.['restore-keys']), /hashFiles\('package-lock\.json'\)/u, 'restoring the last run of the same lock file');

    const download = stepRunning(job, /^npm run gen-partials$/u);
    const test = job.steps.find((step) => step.run === readmeTestCommand());
    assert.ok(download, 'downloads the chart files with gen-partials');
    assert.ok(test, `runs "${readmeTestCommand()}", the README's test command`);
    assert.ok(indexOf(job, download) < indexOf(job, test));
    assert.ok(!JSON.stringify(ci).includes('CHART_SOURCE'), 'no CHART_SOURCE: the files are downloaded and checked against their sha256');
    const charts = job.steps.find((step) => step.uses?.startsWith('actions/cache@') && step.with?.path === '.chart-cache');
    assert.match(String(charts?.with?.key), /hashFiles\('chart-versions\.json'\)/u, 'downloaded chart files cached by the manifest');
  });

  it('deploy.yml builds main and publishes it with the official Pages actions', () => {
    const deploy = workflow('deploy.yml');
    assert.deepEqual(deploy.on.push?.branches, ['main']);
    assert.ok('workflow_dispatch' in deploy.on, 'preview.yml can run it');
    const {build, publish} = deploy.jobs;

    assert.equal(build.if, "github.event_name == 'push'");
    assert.deepEqual(build.permissions, {contents: 'write', pages: 'read'});
    const address = stepUsing(build, './.github/actions/pages-address');
    const buildStep = stepRunning(build, /^npm run build$/u);
    assert.ok(address?.id && buildStep, 'the site address, then the build');
    assert.deepEqual(buildStep.env, {DOCS_URL: `\${{ steps.${address.id}.outputs.url }}`, DOCS_BASE_URL: `\${{ steps.${address.id}.outputs.base-url }}`});
    assert.equal(address.with, undefined, 'the site itself: no subpath');
    const push = stepUsing(build, 'JamesIves/github-pages-deploy-action');
    assert.deepEqual(push?.with && {branch: push.with.branch, folder: push.with.folder, clean: push.with['clean-exclude'], force: push.with.force}, {branch: 'gh-pages', folder: 'build', clean: 'pr-preview/', force: false}, 'the build goes to the root of gh-pages, previews kept, no force-push');

    assert.equal(publish.needs, 'build');
    assert.deepEqual(publish.permissions, {contents: 'read', pages: 'write', 'id-token': 'write'});
    assert.equal(publish.environment?.name, 'github-pages');
    assert.equal(stepUsing(publish, 'actions/checkout')?.with?.ref, 'gh-pages', 'deploys the branch: the site and every preview');
    const order = ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages'].map((action) => indexOf(publish, stepUsing(publish, action)));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `the Pages actions in order: ${order}`);
    assert.equal(stepUsing(publish, 'actions/upload-pages-artifact')?.with?.path, '.');
    assert.equal(publish.environment?.url, `\${{ steps.${stepUsing(publish, 'actions/deploy-pages')?.id}.outputs.page_url }}`);
  });

  it('preview.yml publishes under the site\'s base path, into the folder deploy.yml keeps, and has it deployed', () => {
    const preview = workflow('preview.yml');
    const deploy = workflow('deploy.yml');
    assert.deepEqual(preview.on.pull_request?.types, ['opened', 'reopened', 'synchronize', 'closed']);
    assert.equal(preview.permissions?.actions, 'write', 'may run deploy.yml');
    assert.equal(preview.permissions?.pages, 'read', 'may read the Pages address');
    const job = preview.jobs.preview;
    const address = stepUsing(job, './.github/actions/pages-address')!;
    const action = stepUsing(job, 'rossjrw/pr-preview-action')!;
    const umbrella = String(action.with?.['umbrella-dir']);
    const keep = String(stepUsing(deploy.jobs.build, 'JamesIves/github-pages-deploy-action')!.with?.['clean-exclude']);
    assert.equal(`${umbrella}/`, keep, 'previews live in the folder the main deployment keeps');
    assert.equal(address.with?.subpath, `${umbrella}/pr-\${{ github.event.number }}/`, "the preview's base path is its folder");
    assert.equal(action.with?.['pages-base-url'], `\${{ steps.${address.id}.outputs.host-path }}`, 'the PR comment links the same address');
    const buildStep = stepRunning(job, /^npm run build$/u)!;
    assert.deepEqual(buildStep.env, {DOCS_URL: `\${{ steps.${address.id}.outputs.url }}`, DOCS_BASE_URL: `\${{ steps.${address.id}.outputs.base-url }}`});
    const dispatch = stepRunning(job, /gh workflow run deploy\.yml/u);
    assert.ok(dispatch && indexOf(job, dispatch) > indexOf(job, action), 'deploys gh-pages after the preview changed it');
  });

  it('the address action gives the site and its previews one base path', () => {
    const action = read<{runs: {steps: Step[]}}>(ADDRESS_ACTION);
    assert.ok(action.runs.steps.some((step) => step.uses?.startsWith('actions/configure-pages@')), 'from actions/configure-pages');
    const script = action.runs.steps.find((step) => step.run)!;
    const run = (env: Record<string, string>): Record<string, string> => {
      const output = path.join(temp, 'output');
      writeFileSync(output, '');
      const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script.run!], {env: {PATH: process.env.PATH, GITHUB_OUTPUT: output, ...env}, encoding: 'utf8'});
      assert.equal(result.status, 0, result.stderr);
      return Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((line) => line.split(/=(.*)/su).slice(0, 2) as [string, string]));
    };
    const project = {ORIGIN: 'https://owner.github.io', HOST: 'owner.github.io'};
    for (const basePath of ['/repo', '/repo/']) {
      assert.deepEqual(run({...project, BASE_PATH: basePath, SUBPATH: ''}), {url: 'https://owner.github.io', 'base-url': '/repo/', 'host-path': 'owner.github.io/repo'});
      assert.deepEqual(run({...project, BASE_PATH: basePath, SUBPATH: 'pr-preview/pr-7/'}), {url: 'https://owner.github.io', 'base-url': '/repo/pr-preview/pr-7/', 'host-path': 'owner.github.io/repo'});
    }
    // A custom domain serves the site at its root.
    for (const basePath of ['', '/']) {
      assert.deepEqual(run({ORIGIN: 'https://docs.example', HOST: 'docs.example', BASE_PATH: basePath, SUBPATH: 'pr-preview/pr-7/'}), {url: 'https://docs.example', 'base-url': '/pr-preview/pr-7/', 'host-path': 'docs.example'});
    }
  });
});
