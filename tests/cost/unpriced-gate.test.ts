import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { EngineOptions } from '../../src/engine/context.js';
import { analyse } from '../../src/engine/analyse.js';
import { render } from '../../src/report/render.js';
import { buildPlan, constants, ref, writePlan } from '../helpers/plan.js';
import { service, taskDef } from './helpers.js';

/** An ECS service whose task count is an expression known only after apply: its monthly delta is unknown. */
const unknownDelta = () => {
  const after = { ...service(), desired_count: null };
  return writePlan(
    'unknown-delta.json',
    buildPlan([
      { address: 'aws_ecs_task_definition.api', after: taskDef() },
      {
        address: 'aws_ecs_service.api',
        after,
        unknown: { desired_count: true },
        expressions: { ...constants(after), desired_count: ref('aws_autoscaling_group.x.desired_capacity') },
      },
    ]),
  );
};
const UNKNOWN = 'the monthly cost delta is unknown, so the cost limit cannot be checked';
const run = (extra: Partial<EngineOptions>) =>
  analyse([unknownDelta()], { asOf: '2026-11-22', failOn: 'never', prices: 'snapshot', maxIncrease: 100, ...extra });

const configWith = (yaml: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'cpc-cfg-')), '.container-plan-check.yml');
  writeFileSync(file, yaml);
  return file;
};

describe('unpriced: what an unknown delta does to a cost limit', () => {
  it('fails by default', async () => {
    const { report } = await run({});
    expect(report.cost?.monthlyDelta).toBeNull();
    expect(report.gate).toEqual({ passed: false, reasons: [UNKNOWN] });
  });

  it('warn passes with a warning, shown in the text and Markdown reports', async () => {
    const { report } = await run({ unpriced: 'warn' });
    expect(report.gate).toEqual({ passed: true, reasons: [], warnings: [`${UNKNOWN} (unpriced: warn)`] });
    expect(render(report, 'text')).toContain(`gate warning: ${UNKNOWN} (unpriced: warn)`);
    expect(render(report, 'markdown')).toContain(`> ⚠️ ${UNKNOWN} &#40;unpriced&#58; warn&#41;`);
  });

  it('ignore passes silently', async () => {
    expect((await run({ unpriced: 'ignore' })).report.gate).toEqual({ passed: true, reasons: [] });
  });

  it('without a cost limit there is nothing to decide', async () => {
    expect((await run({ maxIncrease: undefined })).report.gate).toEqual({ passed: true, reasons: [] });
  });

  it('cost.unpriced in the configuration, overridden by the option', async () => {
    const settingsFile = configWith('cost:\n  unpriced: warn\n');
    expect((await run({ settingsFile })).report.gate.passed).toBe(true);
    expect((await run({ settingsFile, unpriced: 'fail' })).report.gate.reasons).toEqual([UNKNOWN]);
  });
});

describe('CLI price options', () => {
  const cli = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
    return { code, out, err };
  };

  it('--unpriced warn lets an unknown delta pass a --max-increase', async () => {
    const plan = unknownDelta();
    expect((await cli(['--fail-on', 'never', '--prices', 'snapshot', '--max-increase', '10', plan])).code).toBe(1);
    const warned = await cli(['--fail-on', 'never', '--prices', 'snapshot', '--max-increase', '10', '--unpriced', 'warn', plan]);
    expect(warned.code).toBe(0);
    expect(warned.out).toContain('gate warning: ');
  });

  it('refuses unknown values in one line, exit 2', async () => {
    expect(await cli(['--prices', 'cheap', 'plan.json'])).toEqual({
      code: 2,
      out: '',
      err: 'container-plan-check: --prices must be auto, live, snapshot\n',
    });
    expect(await cli(['--unpriced', 'maybe', 'plan.json'])).toEqual({
      code: 2,
      out: '',
      err: 'container-plan-check: --unpriced must be fail, warn, ignore\n',
    });
  });

  it('merge takes no --prices (the reports were priced by their runs)', async () => {
    const r = await cli(['merge', '--prices', 'live', 'report.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('merge takes no --prices');
  });

  it('a cost.unpriced value that is not fail, warn or ignore is refused', async () => {
    const r = await cli(['--config', configWith('cost:\n  unpriced: sometimes\n'), unknownDelta()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unpriced/);
  });
});
