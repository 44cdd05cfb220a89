import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { engineOptions } from '../engine/options.js';
import { analyse } from '../engine/analyse.js';
import { readRunContext } from '../github/context.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { annotate, setReportOutputs } from '../github/outputs.js';
import { publishComment } from '../github/publish.js';
import { expandPatterns } from '../load/glob.js';
import { labelStack } from '../engine/stack-label.js';
import { InputError, oneLine } from '../plan/errors.js';
import { plain } from '../report/escape.js';
import { render, renderChunks } from '../report/render.js';
import type { Report } from '../report/schema.js';

/**
 * The action: run the engine on the plans (or merge the reports of per-stack runs), then write
 * the report everywhere it is read (report file, outputs, job summary, annotations, SARIF, PR
 * comment), and only then apply the gate.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const ctx = readRunContext(process.env, inputs.prNumber);
    const report = await reportOf(inputs);

    const reportPath = join(process.env.RUNNER_TEMP || process.cwd(), 'container-plan-check', 'report.json');
    await writeOut(reportPath, renderChunks(report, 'json'));
    setReportOutputs(report, reportPath);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(render(report, 'markdown', { linkBase: ctx.linkBase })).write();
    // Merged reports were annotated by the runs that wrote them.
    if (!inputs.reports) annotate(report, process.env.GITHUB_WORKSPACE);
    if (inputs.sarifFile) await writeOut(inputs.sarifFile, render(report, 'sarif', { linkBase: ctx.linkBase }));

    const url = await publishComment(
      report,
      ctx,
      { token: inputs.token, mode: inputs.commentMode, when: inputs.commentWhen, tag: inputs.commentTag, author: inputs.commentAuthor },
      core,
    );
    core.setOutput('comment-url', url);

    for (const w of report.gate.warnings ?? []) core.warning(plain(w), { title: 'container-plan-check: cost gate' });
    if (!report.gate.passed) core.setFailed(report.gate.reasons.join('; '));
  } catch (e) {
    core.setFailed(oneLine(e));
  }
}

/** The report of the plans, labelled with `stack-name`; or the merge of `reports`. */
async function reportOf(inputs: ActionInputs): Promise<Report> {
  const options = engineOptions(inputs.engine, new Date().toISOString().slice(0, 10));
  if (inputs.reports) {
    // The merge (and the report's zod schemas) is loaded only to merge.
    const { mergeReportFiles } = await import('../engine/merge.js');
    const merged = await mergeReportFiles(await expandPatterns(inputs.reports), options);
    for (const w of merged.warnings) core.warning(plain(w), { title: 'container-plan-check: reports' });
    return merged.report;
  }
  const plans = await expandPatterns(inputs.plan);
  if (plans.length === 0) throw new InputError(undefined, 'the plan input names no file');
  const { report } = await analyse(plans, options);
  return inputs.stackName ? labelStack(report, inputs.stackName) : report;
}

async function writeOut(path: string, text: string | Iterable<string>): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (e) {
    throw new InputError(path, `cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
