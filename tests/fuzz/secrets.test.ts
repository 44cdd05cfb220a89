import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadPlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import { buildPlan, writePlan } from '../helpers/plan.js';
import { FUZZ, sensitivePlanArb } from './arbitraries.js';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

let n = 0;
describe('sensitive values never reach any output (property-based)', () => {
  it('text, markdown and json reports and stderr carry no sensitive string', async () => {
    await fc.assert(
      fc.asyncProperty(sensitivePlanArb, async ({ plan, secrets }) => {
        const file = writePlan(`sens-${n++}.json`, plan);
        for (const format of ['text', 'markdown', 'json']) {
          const r = await cli('--format', format, file);
          expect([0, 1]).toContain(r.code);
          for (const s of secrets) {
            expect(r.out).not.toContain(s);
            expect(r.err).not.toContain(s);
          }
        }
      }),
      { seed: FUZZ.seed, numRuns: Math.max(10, Math.floor(FUZZ.numRuns / 3)) },
    );
  });

  it('the streaming loader (compact changes, tags dropped unless marked) collects every sensitive string the whole-file loader does', async () => {
    await fc.assert(
      fc.asyncProperty(sensitivePlanArb, async ({ plan, secrets }) => {
        const file = writePlan(`sens-stream-${n++}.json`, plan);
        const whole = buildModel(await loadPlan(file, { streamThresholdBytes: Infinity })).sensitiveStrings;
        const streamed = buildModel(await loadPlan(file, { streamThresholdBytes: 0, twoPassThresholdBytes: 0 })).sensitiveStrings;
        expect(streamed).toEqual(whole);
        for (const s of secrets) if (s.length >= 4) expect(streamed.has(s) || [...streamed].some((x) => x.includes(s))).toBe(true);
      }),
      { seed: FUZZ.seed, numRuns: Math.max(10, Math.floor(FUZZ.numRuns / 3)) },
    );
  });
});

/** A distinctive count (10037 … 99937): no price, date, size or rule text of the report spells it. */
const countArb = fc.integer({ min: 100, max: 999 }).map((x) => x * 100 + 37);
const RUNS = { seed: FUZZ.seed, numRuns: Math.max(8, Math.floor(FUZZ.numRuns / 5)) };

/** Report text with the dollar figures and unit prices taken out (they may be computed from sensitive values). */
const withoutDollars = (s: string) => s.replace(/[-−+]?\$[\d,]+(\.\d+)?/g, '$');
const spells = (text: string, n: number) =>
  new RegExp(`(?<![\\d.,])(${n}|${n.toLocaleString('en-US')})(?![\\d])`).test(withoutDollars(text));

function containerPlan(o: {
  desired: number;
  min: number;
  max: number;
  ngDesired: number;
  memory: number;
  sens: { desired: boolean; bounds: boolean; size: boolean; scaling: boolean };
}) {
  return buildPlan([
    {
      address: 'aws_ecs_task_definition.api',
      after: {
        family: 'api',
        cpu: '1024',
        memory: String(o.memory),
        network_mode: 'awsvpc',
        requires_compatibilities: ['FARGATE'],
        container_definitions: JSON.stringify([{ name: 'app', image: 'nginx', essential: true }]),
      },
      ...(o.sens.size ? { sensitive: { cpu: true, memory: true } } : {}),
    },
    {
      address: 'aws_ecs_service.api',
      after: { name: 'api', cluster: 'prod', task_definition: 'api', desired_count: o.desired, launch_type: 'FARGATE' },
      ...(o.sens.desired ? { sensitive: { desired_count: true } } : {}),
    },
    {
      address: 'aws_appautoscaling_target.api',
      after: {
        service_namespace: 'ecs',
        resource_id: 'service/prod/api',
        scalable_dimension: 'ecs:service:DesiredCount',
        min_capacity: o.min,
        max_capacity: o.max,
      },
      ...(o.sens.bounds ? { sensitive: { min_capacity: true, max_capacity: true } } : {}),
    },
    {
      address: 'aws_eks_node_group.general',
      after: {
        cluster_name: 'prod',
        node_group_name: 'general',
        ami_type: 'AL2023_x86_64_STANDARD',
        capacity_type: 'ON_DEMAND',
        instance_types: ['m5.large'],
        disk_size: null,
        launch_template: [],
        scaling_config: [{ desired_size: o.ngDesired, min_size: o.ngDesired, max_size: o.ngDesired }],
      },
      unknown: { disk_size: true },
      ...(o.sens.scaling ? { sensitive: { scaling_config: true } } : {}),
    },
  ]);
}

describe('numbers derived from sensitive values are never shown (property-based)', () => {
  it('random sensitive counts, bounds, task sizes and node group sizes: (sensitive) and quantity null, never the number', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          desired: countArb,
          min: countArb,
          max: countArb,
          ngDesired: countArb,
          memory: fc.constantFrom(2048, 3072, 5120, 7168),
          sens: fc.record({ desired: fc.boolean(), bounds: fc.boolean(), size: fc.boolean(), scaling: fc.boolean() }),
        }),
        async (o) => {
          const file = writePlan(`sens-num-${n++}.json`, containerPlan(o));
          const json = JSON.parse((await cli('--format', 'json', '--fail-on', 'never', file)).out);
          const cost = (a: string) => json.plans[0].cost.resources.find((r: { address: string }) => r.address === a);
          const svc = cost('aws_ecs_service.api');
          const ng = cost('aws_eks_node_group.general');
          const shown = [
            ...(o.sens.desired ? [] : [o.desired]),
            ...(o.sens.bounds ? [] : [o.min, o.max]),
            ...(o.sens.scaling ? [] : [o.ngDesired]),
          ];
          const hidden = [
            ...(o.sens.desired ? [o.desired] : []),
            ...(o.sens.bounds ? [o.min, o.max] : []),
            ...(o.sens.scaling ? [o.ngDesired] : []),
          ].filter((h) => !shown.includes(h));
          if (o.sens.desired || o.sens.size) {
            expect(svc.components.length).toBeGreaterThan(0);
            for (const k of svc.components) expect([k.quantity, k.quantitySensitive]).toEqual([null, true]);
            expect(svc.monthlyAfter).not.toBeNull();
          }
          if (o.sens.desired) expect(svc.description).toContain('× (sensitive)');
          if (o.sens.size) expect(svc.description).not.toMatch(/\d vCPU|\d GB/);
          if (o.sens.scaling) {
            for (const k of ng.components) expect([k.quantity, k.quantitySensitive]).toEqual([null, true]);
            expect(ng.description).toMatch(/^\(sensitive\) ×/);
          }
          for (const format of ['text', 'markdown', 'json', 'sarif']) {
            const { out } = await cli('--format', format, '--fail-on', 'never', file);
            for (const h of hidden) expect(spells(out, h), `${format} spells ${h}`).toBe(false);
            // Hours derived from a sensitive count (count × 730 × vCPU or GB) are not shown either.
            if (o.sens.desired)
              for (const q of [o.desired * 730, o.desired * 730 * (o.memory / 1024)])
                expect(spells(out, q), `${format} spells ${q}`).toBe(false);
          }
        },
      ),
      RUNS,
    );
  });
});

/** Sensitive values that are also the report's own words. */
const wordArb = fc.constantFrom(
  'error',
  'warning',
  'info',
  'create',
  'update',
  'delete',
  'container',
  'container-plan-check',
  '2026',
  '2026-11-22',
  'gate',
  'passed',
  'failed',
  'USD',
  'month',
  'FARGATE',
  'awsvpc',
  'aws_ecs_service',
  'cost',
  'plan',
);

describe('sensitive values equal to report words never rewrite the report (property-based)', () => {
  it('random common-word sensitive strings: tool name, date, actions and severities intact; the values are never quoted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ a: wordArb, b: wordArb, c: wordArb, d: wordArb, e: wordArb }), async ({ a, b, c, d, e }) => {
        const containers = JSON.stringify([{ name: c, image: 'nginx', essential: true, environment: [{ name: 'X', value: d }] }]);
        const plan = buildPlan([
          {
            address: 'aws_ecs_task_definition.api',
            after: {
              family: 'api',
              cpu: '256',
              memory: '512',
              network_mode: a,
              requires_compatibilities: ['FARGATE'],
              container_definitions: containers,
              tags: { t: e },
            },
            sensitive: { network_mode: true, container_definitions: true, tags: { t: true } },
          },
          {
            address: 'aws_ecs_service.api',
            after: { name: 'api', cluster: 'prod', task_definition: 'api', desired_count: 2, launch_type: b, scheduling_strategy: e },
            sensitive: { launch_type: true, scheduling_strategy: true },
          },
        ]);
        const file = writePlan(`sens-word-${n++}.json`, plan);
        const json = JSON.parse((await cli('--format', 'json', '--fail-on', 'never', file)).out);
        expect(json.tool.name).toBe('container-plan-check');
        expect(json.asOf).toBe('2026-11-22');
        expect(json.plans[0].resources.map((r: { action: string }) => r.action)).toEqual(['create', 'create']);
        for (const f of json.plans[0].findings) {
          expect(['error', 'warning', 'info']).toContain(f.severity);
          // Where a finding is about a sensitive attribute, its value is shown as (sensitive).
          if (['launch_type', 'network_mode', 'scheduling_strategy'].includes(f.path)) expect(f.message).toContain('(sensitive)');
          if (f.path === 'launch_type') expect(f.message).not.toContain(`launch_type ${JSON.stringify(b)}`);
          if (f.path === 'network_mode') expect(f.message).not.toContain(`network_mode ${JSON.stringify(a)}`);
        }
        const text = (await cli('--format', 'text', '--fail-on', 'never', file)).out;
        expect(text.startsWith('container-plan-check ')).toBe(true);
        expect(text).toContain('as of 2026-11-22');
        expect(text).toContain('+ create');
        const md = (await cli('--format', 'markdown', '--fail-on', 'never', file)).out;
        expect(md).not.toContain('(sensitive)-');
        expect(md).toContain('2026-11-22');
      }),
      RUNS,
    );
  });
});

describe('counts that are not whole numbers of 0 or more are never priced (property-based)', () => {
  it('negative, fractional, huge or infinite desired_count: unknown cost, a note, and a max-increase gate that fails', async () => {
    const bad = fc.oneof(
      fc.integer({ min: -1_000_000, max: -1 }).map(String),
      fc
        .double({ min: 0.01, max: 1000, noNaN: true })
        .filter((x) => !Number.isInteger(x))
        .map(String),
      fc.constantFrom('1e309', '-1e309', '1e300', '9007199254740993'),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (raw) => {
        const plan = JSON.stringify(
          buildPlan([
            {
              address: 'aws_ecs_task_definition.api',
              after: {
                family: 'api',
                cpu: '256',
                memory: '512',
                network_mode: 'awsvpc',
                requires_compatibilities: ['FARGATE'],
                container_definitions: JSON.stringify([{ name: 'app', image: 'nginx', essential: true }]),
              },
            },
            {
              address: 'aws_ecs_service.api',
              after: { name: 'api', cluster: 'prod', task_definition: 'api', desired_count: 424242, launch_type: 'FARGATE' },
            },
          ]),
        ).replaceAll('424242', raw);
        const file = writePlan(`bad-count-${n++}.json`, plan);
        const r = await cli('--format', 'json', '--fail-on', 'never', '--max-increase', '100', file);
        const json = JSON.parse(r.out);
        const svc = json.plans[0].cost.resources.find((x: { address: string }) => x.address === 'aws_ecs_service.api');
        expect(svc.monthlyAfter).toBeNull();
        expect(svc.notes.join(' ')).toContain('desired_count is not a whole number');
        expect(json.gate.passed).toBe(false);
        expect(r.code).toBe(1);
        const md = (await cli('--format', 'markdown', '--fail-on', 'never', '--max-increase', '100', file)).out;
        expect(md).not.toMatch(/∞|Infinity|NaN|−\$|× -|× 0\b/);
      }),
      RUNS,
    );
  });
});
