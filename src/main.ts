import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { engineOptions } from './cli.js';
import { analyse } from './engine.js';
import { readRunContext } from './github/context.js';
import { readInputs } from './github/inputs.js';
import { annotate, setReportOutputs } from './github/outputs.js';
import { publishComment } from './github/publish.js';
import { expandPatterns } from './glob.js';
import { InputError, oneLine } from './plan/errors.js';
import { render } from './report/render.js';

/**
 * The action: run the engine, then write the report everywhere it is read (report file,
 * outputs, job summary, annotations, SARIF, PR comment), and only then apply the gate.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const ctx = readRunContext(process.env, inputs.prNumber);
    const plans = await expandPatterns(inputs.plan);
    if (plans.length === 0) throw new InputError(undefined, 'the plan input names no file');
    const { report } = await analyse(plans, engineOptions(inputs.engine, new Date().toISOString().slice(0, 10)));

    const reportPath = join(process.env.RUNNER_TEMP || process.cwd(), 'container-plan-check', 'report.json');
    await writeOut(reportPath, render(report, 'json'));
    setReportOutputs(report, reportPath);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(render(report, 'markdown', { linkBase: ctx.linkBase })).write();
    annotate(report, process.env.GITHUB_WORKSPACE);
    if (inputs.sarifFile) await writeOut(inputs.sarifFile, render(report, 'sarif', { linkBase: ctx.linkBase }));

    const url = await publishComment(report, ctx, { token: inputs.token, mode: inputs.commentMode, when: inputs.commentWhen, tag: inputs.commentTag }, core);
    core.setOutput('comment-url', url);

    if (!report.gate.passed) core.setFailed(report.gate.reasons.join('; '));
  } catch (e) {
    core.setFailed(oneLine(e));
  }
}

async function writeOut(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (e) {
    throw new InputError(path, `cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
