import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analyse.js';
import { render } from '../../src/report/render.js';
import { Report } from '../../src/report/schema.js';
import { makeAjv } from './ajv.js';

/**
 * The SARIF 2.1.0 JSON schema (OASIS, rtm.5) as shipped in the npm package
 * @microsoft/sarif-matcher-utils (lib/schemas/sarif-2.1.0-rtm.5.json), a dev dependency
 * (SARIF_SCHEMA may name another copy).
 */
function schemaPath(): string | undefined {
  if (process.env.SARIF_SCHEMA) return process.env.SARIF_SCHEMA;
  try {
    const p = createRequire(import.meta.url)
      .resolve('@microsoft/sarif-matcher-utils/package.json')
      .replace(/package\.json$/, 'lib/schemas/sarif-2.1.0-rtm.5.json');
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const LINKS = 'https://github.example/acme-tools/container-plan-check/blob/v1/';

function reportWithEveryKind(): Report {
  const base = { title: 'Fargate task size', path: 'memory', docs: 'docs/rules/FARGATE_CPU_MEMORY.md' };
  return Report.parse({
    schemaVersion: 1,
    tool: { name: 'container-plan-check', version: '0.1.0' },
    asOf: '2026-11-22',
    plans: [
      {
        path: 'plans/prod.json',
        terraformVersion: '1.9.8',
        formatVersion: '1.2',
        error: null,
        resources: [],
        cost: null,
        findings: [
          {
            ...base,
            rule: 'FARGATE_CPU_MEMORY',
            severity: 'error',
            address: 'aws_ecs_task_definition.web',
            message: 'cpu 1024 with memory 1024 MiB is not a Fargate size',
            file: 'ecs/web.tf',
            line: 12,
            existing: false,
            suppressed: false,
          },
          {
            ...base,
            rule: 'ECS_CIRCUIT_BREAKER',
            severity: 'warning',
            address: 'aws_ecs_service.web',
            message: 'no deployment circuit breaker',
            path: null,
            file: null,
            line: null,
            existing: true,
            suppressed: false,
            docs: 'docs/rules/ECS_CIRCUIT_BREAKER.md',
          },
          {
            ...base,
            rule: 'FARGATE_CPU_MEMORY',
            severity: 'info',
            address: 'aws_ecs_task_definition.batch["a b"]',
            message: 'could not check: cpu is unknown',
            file: 'ecs/batch jobs.tf',
            line: 3,
            existing: false,
            suppressed: true,
            suppressionReason: 'sized at apply',
          },
        ],
      },
      {
        path: 'plans/broken.json',
        terraformVersion: null,
        formatVersion: null,
        error: 'plans/broken.json: not JSON (line 1, column 1)',
        resources: [],
        findings: [],
        cost: null,
      },
    ],
    cost: null,
    gate: { passed: false, reasons: ['1 error on changed resources'] },
  });
}

describe('SARIF', () => {
  it('rules carry absolute help URIs; results carry levels, locations and suppressions', () => {
    const log = JSON.parse(render(reportWithEveryKind(), 'sarif', { linkBase: LINKS }));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('container-plan-check');
    expect(run.tool.driver.rules.map((r: any) => [r.id, r.helpUri])).toEqual([
      ['ECS_CIRCUIT_BREAKER', `${LINKS}docs/rules/ECS_CIRCUIT_BREAKER.md`],
      ['FARGATE_CPU_MEMORY', `${LINKS}docs/rules/FARGATE_CPU_MEMORY.md`],
    ]);
    const [err, warn, info] = run.results; // active before suppressed, errors first
    expect(err).toMatchObject({
      ruleId: 'FARGATE_CPU_MEMORY',
      level: 'error',
      message: { text: 'cpu 1024 with memory 1024 MiB is not a Fargate size' },
    });
    expect(err.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'ecs/web.tf' }, region: { startLine: 12 } });
    expect(err.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: 'aws_ecs_task_definition.web', kind: 'resource' }]);
    expect(run.tool.driver.rules[err.ruleIndex].id).toBe(err.ruleId);
    expect(info).toMatchObject({ level: 'note', suppressions: [{ kind: 'inSource', justification: 'sized at apply' }] });
    expect(info.locations[0].physicalLocation.artifactLocation.uri).toBe('ecs/batch%20jobs.tf');
    // Not located in the sources: the plan file, with the address as logical location.
    expect(warn).toMatchObject({ level: 'warning', properties: { unchangedResource: true } });
    expect(warn.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'plans/prod.json' } });
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('plans/broken.json');
    expect(err.partialFingerprints['containerPlanCheck/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('from a real plan, one result per finding', async () => {
    const { report } = await analyse(['fixtures/fargate-invalid-size.json'], { asOf: '2026-11-22', failOn: 'error' });
    const log = JSON.parse(render(report, 'sarif'));
    expect(log.runs[0].results.map((r: any) => r.ruleId)).toEqual(
      report.plans[0]!.findings.map((f) => f.rule).sort((a, b) => a.localeCompare(b)),
    );
    // Without a known repository the docs path stays relative: no helpUri (it must be absolute), help text instead.
    expect(log.runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
    expect(log.runs[0].tool.driver.rules[0].help.text).toMatch(/^See docs\/rules\//);
  });

  const schema = schemaPath();
  it('validates against the SARIF 2.1.0 JSON schema', async () => {
    expect(schema, 'the SARIF 2.1.0 schema file (dev dependency @microsoft/sarif-matcher-utils)').toBeDefined();
    const ajv = makeAjv({ unicodeRegExp: false }); // one of its patterns is not valid with the u flag
    // The schema is draft-04: its `id` is draft-07's `$id`; nothing else it uses differs.
    const { $schema: _draft, id, ...rest } = JSON.parse(readFileSync(schema!, 'utf8'));
    const validate = ajv.compile({ $id: id, ...rest });
    const { report } = await analyse(['fixtures/example-stack.json', 'fixtures/fargate-invalid-size.json'], {
      asOf: '2026-11-22',
      failOn: 'error',
    });
    for (const r of [reportWithEveryKind(), report]) {
      const ok = validate(JSON.parse(render(r, 'sarif', { linkBase: LINKS })));
      expect(ajv.errorsText(validate.errors)).toBe('No errors');
      expect(ok).toBe(true);
    }
  });
});
