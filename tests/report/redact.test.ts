import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { analyse } from '../../src/engine/analyse.js';
import { buildPlan, writePlan } from '../helpers/plan.js';

/*
 * The oracle for sensitive values: the engine collects every string the plan marks sensitive
 * (after_sensitive, before_sensitive, sensitive variables); none may appear in any output.
 * Nothing replaces text in the finished report: values are hidden where they are used.
 */
function plan() {
  const containers = JSON.stringify([
    {
      name: 'web-secret-name',
      image: 'registry/app:hunter2-token-x',
      essential: true,
      environment: [{ name: 'PASSWORD', value: 'pw-0000abcd' }],
    },
  ]);
  return buildPlan(
    [
      {
        address: 'aws_ecs_task_definition.api',
        after: {
          family: 'api',
          cpu: '256',
          memory: '512',
          network_mode: 'bridge-secret',
          requires_compatibilities: ['FARGATE'],
          container_definitions: containers,
          tags: { owner: 'owner-secret' },
        },
        sensitive: { network_mode: true, container_definitions: true, tags: { owner: true } },
        unknown: { arn: true },
      },
      {
        address: 'aws_ecs_service.api',
        after: {
          name: 'api',
          cluster: 'prod',
          task_definition: 'api',
          desired_count: 3,
          launch_type: 'FARGATE-secret',
          capacity_provider_strategy: [{ capacity_provider: 'cp-secret', base: 1, weight: 1 }],
        },
        sensitive: { launch_type: true, capacity_provider_strategy: true },
      },
      {
        address: 'aws_launch_template.nodes',
        after: {
          name: 'nodes',
          id: 'lt-0nodes',
          instance_type: 'm5.secret',
          block_device_mappings: [{ device_name: '/dev/secret-dev', ebs: [{ volume_size: 50, volume_type: 'gp3' }] }],
        },
        sensitive: { instance_type: true, block_device_mappings: true },
      },
      {
        address: 'aws_autoscaling_group.nodes',
        after: {
          name: 'nodes',
          min_size: 1,
          max_size: 3,
          desired_capacity: 2,
          launch_template: [{ id: 'lt-0nodes', name: null, version: '$Latest' }],
        },
      },
      {
        address: 'aws_eks_cluster.c',
        after: { name: 'c', version: '1.33', role_arn: 'arn:aws:iam::111122223333:role/secret-role' },
        sensitive: { role_arn: true },
      },
    ],
    { variables: { db_password: { value: 'db-pass-0000' } }, variableDecls: { db_password: { sensitive: true } } },
  );
}

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), today: () => '2026-11-22' });
  return { code, out, err };
}

describe('no sensitive string in any output', () => {
  it("the collected sensitive strings are the plan's, and none is in the text, Markdown, JSON or SARIF output, nor on stderr", async () => {
    const file = writePlan('oracle.json', plan());
    const { sensitiveStrings, report } = await analyse([file], { asOf: '2026-11-22', failOn: 'error', prices: 'snapshot' });
    for (const s of [
      'pw-0000abcd',
      'bridge-secret',
      'owner-secret',
      'FARGATE-secret',
      'cp-secret',
      'm5.secret',
      '/dev/secret-dev',
      'db-pass-0000',
    ]) {
      expect(
        [...sensitiveStrings].some((x) => x.includes(s)),
        s,
      ).toBe(true);
    }
    // Short values (`1`, `gp3`) are also the report's own words and numbers: a substring search
    // cannot tell them apart, so they are checked where they are used (sensitive-words.test.ts,
    // tests/fuzz/secrets.test.ts). Every longer one is searched for everywhere.
    const searched = [...sensitiveStrings].filter((s) => s.length >= 6);
    expect(searched.length).toBeGreaterThanOrEqual(8);
    // The report itself, as the engine returns it, holds none.
    const raw = JSON.stringify(report);
    for (const s of searched) expect(raw).not.toContain(s);
    for (const format of ['text', 'markdown', 'json', 'sarif']) {
      const r = await cli('--format', format, '--prices', 'snapshot', file);
      for (const s of searched) {
        expect(r.out, `${format}: ${s}`).not.toContain(s);
        expect(r.err).not.toContain(s);
      }
      for (const s of ['hunter2-token-x', 'web-secret-name', 'secret-role']) expect(r.out, format).not.toContain(s);
    }
  });
});
