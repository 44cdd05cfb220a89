import fc from 'fast-check';
import { buildPlan, type ResSpec } from '../helpers/plan.js';

/** Fixed seed and bounded runs in CI; FUZZ_RUNS / FUZZ_SEED widen a local run (npm run fuzz). */
export const FUZZ = {
  seed: Number(process.env.FUZZ_SEED ?? 20261122),
  numRuns: Number(process.env.FUZZ_RUNS ?? 60),
};

/** A string that looks like a secret and cannot collide with report text. */
export const secretArb = fc
  .string({ minLength: 6, maxLength: 24, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/+=') })
  .map((s) => `SECRET${s}`);

/** Plan-supplied strings that try to break Markdown/HTML structure or ping people. */
export const hostileArb = fc.oneof(
  fc.constantFrom(
    '</details><details open>',
    '| a | b |',
    '@octocat',
    '<img src=x onerror=alert(1)>',
    '[link](javascript:alert(1))',
    '`code`',
    '**bold**',
    '<!-- container-plan-check -->',
    '\n# heading\n',
    '\u202eevil',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
);

const serviceKinds = [
  'aws_ecs_service',
  'aws_ecs_task_definition',
  'aws_ecs_cluster',
  'aws_eks_cluster',
  'aws_eks_node_group',
  'aws_appautoscaling_target',
  'aws_autoscaling_group',
  'aws_launch_template',
] as const;

/** A container-resource plan where random leaves are marked sensitive. */
export const sensitivePlanArb = fc
  .record({
    secrets: fc.array(secretArb, { minLength: 1, maxLength: 4 }),
    names: fc.array(hostileArb, { minLength: 1, maxLength: 3 }),
    wholeContainerDefs: fc.boolean(),
    listMask: fc.boolean(),
    moduleKey: fc.oneof(
      fc.constant(undefined),
      hostileArb.map((s) => s.slice(0, 30)),
    ),
  })
  .map(({ secrets, names, wholeContainerDefs, listMask, moduleKey }) => {
    const [s0, s1 = s0, s2 = s0, s3 = s0] = secrets as [string, ...string[]];
    const mod = moduleKey !== undefined ? `module.svc[${JSON.stringify(moduleKey)}].` : '';
    const containers = JSON.stringify([
      {
        name: names[0],
        image: 'nginx',
        cpu: 256,
        memory: 512,
        essential: true,
        environment: [{ name: 'PASSWORD', value: s0 }],
        secrets: [{ name: 'X', valueFrom: s1 }],
      },
    ]);
    const rs: ResSpec[] = [
      {
        address: `${mod}aws_ecs_task_definition.t`,
        after: {
          family: names[0],
          cpu: '256',
          memory: '1024',
          network_mode: 'awsvpc',
          requires_compatibilities: ['FARGATE'],
          container_definitions: containers,
          tags: { owner: names[1] ?? 'x', token: s2 },
        },
        sensitive: wholeContainerDefs
          ? { container_definitions: true, tags: { token: true } }
          : { container_definitions: true, tags: { token: true } },
        unknown: { arn: true },
      },
      {
        address: `${mod}aws_ecs_service.s`,
        after: {
          name: names[2] ?? 'svc',
          desired_count: 2,
          launch_type: 'FARGATE',
          network_configuration: [{ subnets: [s3, 'subnet-1'], security_groups: ['sg-1'] }],
          tags: { note: s3 },
        },
        sensitive: listMask
          ? { network_configuration: [{ subnets: [true, false] }], tags: { note: true } }
          : { network_configuration: true, tags: true },
        unknown: { task_definition: true },
        expressions: { task_definition: { references: ['aws_ecs_task_definition.t.arn', 'aws_ecs_task_definition.t'] } },
      },
      { address: 'aws_eks_cluster.c', after: { name: names[0], version: '1.33', role_arn: s0 }, sensitive: { role_arn: true } },
    ];
    return {
      plan: buildPlan(rs, { variables: { db_password: { value: s1 } }, variableDecls: { db_password: { sensitive: true } } }),
      secrets,
    };
  });

export { serviceKinds };
