import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { docsBaseFromEnv } from './checks/run.js';
import { engineOptions } from './cli.js';
import { analyse } from './engine.js';
import { expandPatterns } from './glob.js';
import { oneLine } from './plan/errors.js';
import { render } from './report/render.js';

/** The action: read the inputs, run the engine, write the summary and outputs. */
export async function run(): Promise<void> {
  try {
    const plans = await expandPatterns(core.getInput('plan', { required: true }));
    if (plans.length === 0) throw new Error('the plan input names no file');
    const options = engineOptions(
      {
        region: core.getInput('region'),
        asOf: core.getInput('as-of'),
        tfDir: core.getInput('tf-dir') || process.env.GITHUB_WORKSPACE,
        config: core.getInput('config'),
        failOn: core.getInput('fail-on'),
        maxIncrease: core.getInput('max-increase'),
        maxIncreasePercent: core.getInput('max-increase-percent'),
        docsBase: docsBaseFromEnv(process.env),
      },
      new Date().toISOString().slice(0, 10),
    );
    const { report } = await analyse(plans, options);

    const dir = join(process.env.RUNNER_TEMP || process.cwd(), 'container-plan-check');
    await mkdir(dir, { recursive: true });
    const reportPath = join(dir, 'report.json');
    await writeFile(reportPath, render(report, 'json'));
    core.setOutput('report-json', reportPath);
    core.setOutput('resources', String(report.plans.reduce((n, p) => n + p.resources.length, 0)));
    core.setOutput('gate', report.gate.passed ? 'passed' : 'failed');

    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(render(report, 'markdown')).write();
    for (const p of report.plans) if (p.error) core.error(p.error);
    if (!report.gate.passed) core.setFailed(report.gate.reasons.join('; '));
  } catch (e) {
    core.setFailed(oneLine(e));
  }
}
