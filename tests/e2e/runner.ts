import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * Runs the built action (dist/index.js) as the runner does: a child process whose environment
 * carries the inputs as INPUT_<NAME> (upper-cased, hyphens kept), the defaults of action.yml for
 * inputs not given, the event payload file, and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist/index.js');
const PR_PAYLOAD = join(import.meta.dirname, 'fixtures/pull_request.json');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunSpec {
  apiUrl: string;
  graphqlUrl?: string;
  token: string;
  /** Inputs as in a workflow's `with:`. */
  inputs: Record<string, string>;
  event?: 'pull_request' | 'push' | 'workflow_run';
  /** Edits to the pull_request payload (e.g. a fork's head repository). */
  payload?: (p: any) => void;
  runId?: number;
  runAttempt?: number;
  workspace: string;
}

export function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'cpc-e2e-'));
}

const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };

export async function runAction(spec: RunSpec): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-runner-'));
  const event = spec.event ?? 'pull_request';
  const payload =
    event === 'pull_request'
      ? JSON.parse(readFileSync(PR_PAYLOAD, 'utf8'))
      : event === 'push'
        ? {
            ref: 'refs/heads/main',
            after: '3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c',
            repository: { full_name: 'acme/infra', name: 'infra', owner: { login: 'acme' } },
          }
        : {};
  spec.payload?.(payload);
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: payload.pull_request?.head?.sha ?? payload.after ?? '4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d',
    GITHUB_REF: event === 'pull_request' ? 'refs/pull/42/merge' : 'refs/heads/main',
    GITHUB_RUN_ID: String(spec.runId ?? 9000000001),
    GITHUB_RUN_ATTEMPT: String(spec.runAttempt ?? 1),
    GITHUB_RUN_NUMBER: '17',
    GITHUB_WORKFLOW: 'plan',
    GITHUB_JOB: 'plan',
    GITHUB_ACTION: 'container-plan-check',
    GITHUB_ACTION_REPOSITORY: 'acme-tools/container-plan-check',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_API_URL: spec.apiUrl,
    GITHUB_GRAPHQL_URL: spec.graphqlUrl ?? `${spec.apiUrl}/graphql`,
    GITHUB_WORKSPACE: spec.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
  };
  for (const [name, def] of Object.entries(actionYml.inputs)) {
    const given = spec.inputs[name];
    const value = given ?? (def.default === '${{ github.token }}' ? spec.token : (def.default ?? ''));
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  for (const name of Object.keys(spec.inputs)) if (!(name in actionYml.inputs)) throw new Error(`action.yml has no input ${name}`);

  const child = spawn(process.execPath, [DIST], { cwd: spec.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  return {
    code,
    stdout,
    stderr,
    outputs: readOutputs(outputFile),
    summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
  };
}

/** GITHUB_OUTPUT entries: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}
