import { writeInPieces } from './file-writer.js';

export interface GenerateOptions {
  /**
   * Share of the resource changes that are container resources this tool analyses (ECS
   * services, task definitions, autoscaling targets and policies). Default 0.4: every module is
   * a service module (4 analysed + 6 other resources). Lower shares mix in modules of
   * non-container resources only.
   */
  containerShare?: number;
  /**
   * The harsh shape: no `planned_values` (a plan written without it, or trimmed), and task
   * definitions with a sidecar and a longer environment, so that about two thirds of the bytes
   * are resources the tool analyses and decodes.
   */
  harsh?: boolean;
}

/**
 * Generates a realistic large plan, written piece by piece to `write` so that even a 1 GB plan
 * is never one string: N/10 instances of a `service` module (for_each), each with an ECS
 * service, task definition, autoscaling target and policy, and six non-container resources (IAM
 * role, security group, log group, target group, DNS record, bucket), plus shared clusters.
 * `planned_values` mirrors every planned object, as Terraform writes it; the configuration holds
 * each block once.
 */
export function generatePlanTo(n: number, write: (s: string) => void, opts: GenerateOptions = {}): void {
  const perModule = 10;
  const modules = Math.max(1, Math.floor(n / perModule));
  const serviceEvery = Math.max(1, Math.round(0.4 / (opts.containerShare ?? 0.4)));
  const rc = (
    address: string,
    type: string,
    name: string,
    module: string | undefined,
    after: Record<string, unknown>,
    unknown: Record<string, unknown> = {},
    actions = ['create'],
  ) => ({
    address,
    ...(module ? { module_address: module } : {}),
    mode: 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions,
      before: actions[0] === 'create' ? null : after,
      after,
      after_unknown: unknown,
      before_sensitive: actions[0] === 'create' ? false : {},
      after_sensitive: { tags: {} },
    },
  });
  type Change = ReturnType<typeof rc>;
  const plannedOf = (m: string, list: Change[]) => ({
    ...(m ? { address: m } : {}),
    resources: list
      .filter((c) => c.change.after !== null)
      .map((c) => ({
        address: c.address,
        mode: 'managed',
        type: c.type,
        name: c.name,
        provider_name: c.provider_name,
        schema_version: 0,
        values: c.change.after,
        sensitive_values: {},
      })),
  });
  const moduleChanges = (i: number): { module: string; changes: Change[] } => {
    const key = `svc-${i}`;
    const m = `module.service["${key}"]`;
    const a = (t: string) => `${m}.${t}.this`;
    const actions = i % 7 === 0 ? ['update'] : i % 13 === 0 ? ['delete', 'create'] : i % 5 === 0 ? ['no-op'] : ['create'];
    const service = i % serviceEvery === 0;
    const app = {
      name: key,
      image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${key}:1.${i % 50}`,
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080 }],
      environment: [{ name: 'ENV', value: 'prod' }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${key}`, 'awslogs-region': 'us-east-1' } },
    };
    const cd = JSON.stringify(
      opts.harsh
        ? [
            {
              ...app,
              environment: [
                { name: 'ENV', value: 'prod' },
                { name: 'SERVICE', value: key },
                { name: 'LOG_LEVEL', value: 'info' },
                { name: 'QUEUE_URL', value: `https://sqs.us-east-1.amazonaws.com/123456789012/${key}-jobs` },
                { name: 'TABLE_NAME', value: `${key}-state` },
                { name: 'TOPIC_ARN', value: `arn:aws:sns:us-east-1:123456789012:${key}-events` },
                { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://localhost:4317' },
              ],
              mountPoints: [{ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false }],
              secrets: [
                { name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${key}/db-password` },
                { name: 'API_TOKEN', valueFrom: `arn:aws:ssm:us-east-1:123456789012:parameter/${key}/api-token` },
              ],
              healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'], interval: 30, retries: 3 },
            },
            {
              name: `${key}-proxy`,
              image: 'public.ecr.aws/envoyproxy/envoy:v1.31.2',
              cpu: 128,
              memory: 256,
              essential: true,
              portMappings: [{ containerPort: 9901, hostPort: 9901 }],
              dependsOn: [{ containerName: key, condition: 'START' }],
              logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${key}`, 'awslogs-region': 'us-east-1' } },
            },
            {
              name: 'log-router',
              image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4',
              cpu: 64,
              memoryReservation: 64,
              essential: false,
              firelensConfiguration: { type: 'fluentbit', options: { 'enable-ecs-log-metadata': 'true' } },
              logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${key}`, 'awslogs-region': 'us-east-1' } },
            },
          ]
        : [app],
    );
    const all: Change[] = [
      rc(
        a('aws_ecs_service'),
        'aws_ecs_service',
        'this',
        m,
        {
          name: key,
          desired_count: 2 + (i % 4),
          launch_type: 'FARGATE',
          scheduling_strategy: 'REPLICA',
          network_configuration: [
            {
              subnets: ['subnet-0aa11bb22cc33dd44', 'subnet-0ee55ff66aa77bb88'],
              security_groups: ['sg-0a1b2c3d4e5f60718'],
              assign_public_ip: false,
            },
          ],
          deployment_circuit_breaker: [{ enable: true, rollback: true }],
          capacity_provider_strategy: [],
          load_balancer: [],
          tags: { service: key },
        },
        { cluster: true, task_definition: true, id: true },
        actions,
      ),
      rc(
        a('aws_ecs_task_definition'),
        'aws_ecs_task_definition',
        'this',
        m,
        {
          family: key,
          cpu: '512',
          memory: '1024',
          network_mode: 'awsvpc',
          requires_compatibilities: ['FARGATE'],
          container_definitions: cd,
          execution_role_arn: 'arn:aws:iam::123456789012:role/exec',
          runtime_platform: [{ cpu_architecture: 'X86_64', operating_system_family: 'LINUX' }],
          tags: { service: key },
        },
        { arn: true, revision: true, id: true },
        actions,
      ),
      rc(
        a('aws_appautoscaling_target'),
        'aws_appautoscaling_target',
        'this',
        m,
        {
          min_capacity: 2,
          max_capacity: 20,
          resource_id: `service/shared-${i % 10}/${key}`,
          scalable_dimension: 'ecs:service:DesiredCount',
          service_namespace: 'ecs',
          tags: null,
        },
        { id: true, arn: true },
      ),
      rc(
        a('aws_appautoscaling_policy'),
        'aws_appautoscaling_policy',
        'this',
        m,
        {
          name: `${key}-cpu`,
          policy_type: 'TargetTrackingScaling',
          resource_id: `service/shared-${i % 10}/${key}`,
          scalable_dimension: 'ecs:service:DesiredCount',
          service_namespace: 'ecs',
          target_tracking_scaling_policy_configuration: [
            { target_value: 60, predefined_metric_specification: [{ predefined_metric_type: 'ECSServiceAverageCPUUtilization' }] },
          ],
        },
        { id: true, arn: true },
      ),
      rc(
        a('aws_iam_role'),
        'aws_iam_role',
        'this',
        m,
        {
          name: `${key}-task`,
          assume_role_policy:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
          tags: { service: key },
        },
        { arn: true, id: true },
      ),
      rc(
        a('aws_security_group'),
        'aws_security_group',
        'this',
        m,
        {
          name: `${key}-sg`,
          vpc_id: 'vpc-0123456789abcdef0',
          ingress: [{ from_port: 8080, to_port: 8080, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }],
          egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }],
          tags: { service: key },
        },
        { arn: true, id: true },
      ),
      rc(
        a('aws_cloudwatch_log_group'),
        'aws_cloudwatch_log_group',
        'this',
        m,
        { name: `/ecs/${key}`, retention_in_days: 30, tags: { service: key } },
        { arn: true, id: true },
      ),
      rc(
        a('aws_lb_target_group'),
        'aws_lb_target_group',
        'this',
        m,
        {
          name: `${key}-tg`.slice(0, 32),
          port: 8080,
          protocol: 'HTTP',
          target_type: 'ip',
          vpc_id: 'vpc-0123456789abcdef0',
          tags: { service: key },
        },
        { arn: true, id: true },
      ),
      rc(
        a('aws_route53_record'),
        'aws_route53_record',
        'this',
        m,
        { name: `${key}.internal.example.com`, type: 'CNAME', ttl: 60, records: ['lb.example.com'] },
        { id: true, fqdn: true },
      ),
      rc(
        a('aws_s3_bucket'),
        'aws_s3_bucket',
        'this',
        m,
        { bucket: `example-${key}-artifacts`, force_destroy: false, tags: { service: key } },
        { arn: true, id: true },
      ),
    ];
    // A module of general infrastructure: the service module's IAM role, security group, log
    // group, DNS record and bucket, plus a queue, a table, a key, a policy and a topic (no load
    // balancer target group, which belongs to a service).
    const plain = [
      rc(
        a('aws_sqs_queue'),
        'aws_sqs_queue',
        'this',
        m,
        { name: `${key}-jobs`, visibility_timeout_seconds: 60, message_retention_seconds: 345600, tags: { service: key } },
        { arn: true, id: true, url: true },
      ),
      rc(
        a('aws_dynamodb_table'),
        'aws_dynamodb_table',
        'this',
        m,
        {
          name: `${key}-state`,
          billing_mode: 'PAY_PER_REQUEST',
          hash_key: 'pk',
          attribute: [{ name: 'pk', type: 'S' }],
          tags: { service: key },
        },
        { arn: true, id: true },
      ),
      rc(
        a('aws_kms_key'),
        'aws_kms_key',
        'this',
        m,
        { description: `${key} data key`, deletion_window_in_days: 30, enable_key_rotation: true, tags: { service: key } },
        { arn: true, id: true, key_id: true },
      ),
      rc(
        a('aws_iam_policy'),
        'aws_iam_policy',
        'this',
        m,
        {
          name: `${key}-access`,
          policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sqs:SendMessage"],"Resource":"*"}]}',
          tags: { service: key },
        },
        { arn: true, id: true },
      ),
      rc(a('aws_sns_topic'), 'aws_sns_topic', 'this', m, { name: `${key}-events`, tags: { service: key } }, { arn: true, id: true }),
    ];
    const changes = service ? all : [all[4]!, all[5]!, all[6]!, all[8]!, all[9]!, ...plain];
    return { module: m, changes };
  };
  const clusters: Change[] = [];
  for (let c = 0; c < 10; c++) {
    clusters.push(
      rc(
        `aws_ecs_cluster.shared[${c}]`,
        'aws_ecs_cluster',
        'shared',
        undefined,
        { name: `shared-${c}`, setting: [{ name: 'containerInsights', value: 'enabled' }] },
        { arn: true, id: true },
      ),
    );
  }
  // Terraform's order: planned_values, then resource_changes. Each module is generated twice
  // (it is deterministic) rather than held in memory.
  write('{"format_version":"1.2","terraform_version":"1.9.8",');
  if (!opts.harsh) {
    write('"planned_values":{"root_module":');
    write(JSON.stringify(plannedOf('', clusters)).slice(0, -1));
    write(',"child_modules":[');
    for (let i = 0; i < modules; i++) {
      const { module, changes } = moduleChanges(i);
      write(`${i ? ',' : ''}${JSON.stringify(plannedOf(module, changes))}`);
    }
    write(']}},');
  }
  write('"resource_changes":[');
  let first = true;
  const emit = (list: Change[]) => {
    for (const c of list) {
      write(first ? JSON.stringify(c) : `,${JSON.stringify(c)}`);
      first = false;
    }
  };
  for (let i = 0; i < modules; i++) emit(moduleChanges(i).changes);
  emit(clusters);
  write('],');
  const ref = (...r: string[]) => ({ references: r });
  const module = {
    resources: [
      {
        address: 'aws_ecs_service.this',
        mode: 'managed',
        type: 'aws_ecs_service',
        name: 'this',
        provider_config_key: 'aws',
        expressions: {
          name: ref('var.name'),
          cluster: ref('var.cluster'),
          task_definition: ref('aws_ecs_task_definition.this.arn', 'aws_ecs_task_definition.this'),
        },
        schema_version: 1,
      },
      {
        address: 'aws_ecs_task_definition.this',
        mode: 'managed',
        type: 'aws_ecs_task_definition',
        name: 'this',
        provider_config_key: 'aws',
        expressions: { family: ref('var.name') },
        schema_version: 1,
      },
      {
        address: 'aws_appautoscaling_target.this',
        mode: 'managed',
        type: 'aws_appautoscaling_target',
        name: 'this',
        provider_config_key: 'aws',
        expressions: { resource_id: ref('aws_ecs_service.this.name', 'aws_ecs_service.this') },
        schema_version: 0,
      },
      {
        address: 'aws_appautoscaling_policy.this',
        mode: 'managed',
        type: 'aws_appautoscaling_policy',
        name: 'this',
        provider_config_key: 'aws',
        expressions: { resource_id: ref('aws_appautoscaling_target.this.resource_id', 'aws_appautoscaling_target.this') },
        schema_version: 0,
      },
    ],
    variables: { name: {}, cluster: {} },
  };
  const rest = {
    configuration: {
      provider_config: {
        aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'us-east-1' } } },
      },
      root_module: {
        resources: [
          {
            address: 'aws_ecs_cluster.shared',
            mode: 'managed',
            type: 'aws_ecs_cluster',
            name: 'shared',
            provider_config_key: 'aws',
            expressions: { name: {} },
            schema_version: 0,
            count_expression: { constant_value: 10 },
          },
        ],
        module_calls: {
          service: {
            source: './modules/service',
            for_each_expression: ref('local.services'),
            expressions: { name: ref('each.key'), cluster: ref('aws_ecs_cluster.shared') },
            module,
          },
        },
      },
    },
    timestamp: '2026-11-20T10:00:00Z',
  };
  write(JSON.stringify(rest).slice(1));
}

/** The whole generated plan as one string (small sizes: tests and the 1k–100k benchmark). */
export function generatePlan(n: number, opts: GenerateOptions = {}): string {
  const parts: string[] = [];
  generatePlanTo(n, (s) => parts.push(s), opts);
  return parts.join('');
}

/**
 * N task definitions of one family (`for_each` over N keys of one resource block): every one
 * shares the family key of the graph's index, the worst case for anything quadratic in a key's entries.
 */
export function generateSharedKeyPlanFile(n: number, file: string): void {
  writeInPieces(file, (write) => {
    write('{"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[');
    for (let i = 0; i < n; i++) {
      const after = {
        family: 'app',
        cpu: '256',
        memory: '512',
        network_mode: 'awsvpc',
        requires_compatibilities: ['FARGATE'],
        container_definitions: JSON.stringify([{ name: 'app', image: `nginx:1.${i % 30}`, essential: true }]),
      };
      const rc = {
        address: `aws_ecs_task_definition.app["t${i}"]`,
        mode: 'managed',
        type: 'aws_ecs_task_definition',
        name: 'app',
        index: `t${i}`,
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: {
          actions: ['create'],
          before: null,
          after,
          after_unknown: { arn: true, id: true, revision: true },
          before_sensitive: false,
          after_sensitive: {},
        },
      };
      write(`${i ? ',' : ''}${JSON.stringify(rc)}`);
    }
    // One service runs the family and one scaling target scales the service (by value): the graph has edges to build.
    const service = {
      address: 'aws_ecs_service.s',
      mode: 'managed',
      type: 'aws_ecs_service',
      name: 's',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        before: null,
        after: { name: 's', cluster: 'c', task_definition: 'app', desired_count: 1, launch_type: 'FARGATE' },
        after_unknown: { id: true },
        before_sensitive: false,
        after_sensitive: {},
      },
    };
    const target = {
      address: 'aws_appautoscaling_target.s',
      mode: 'managed',
      type: 'aws_appautoscaling_target',
      name: 's',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        before: null,
        after: {
          min_capacity: 1,
          max_capacity: 4,
          resource_id: 'service/c/s',
          scalable_dimension: 'ecs:service:DesiredCount',
          service_namespace: 'ecs',
        },
        after_unknown: { id: true, arn: true },
        before_sensitive: false,
        after_sensitive: {},
      },
    };
    write(`,${JSON.stringify(service)},${JSON.stringify(target)}`);
    const expr = (v: unknown) => ({ constant_value: v });
    const configuration = {
      provider_config: {
        aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: expr('us-east-1') } },
      },
      root_module: {
        resources: [
          {
            address: 'aws_ecs_task_definition.app',
            mode: 'managed',
            type: 'aws_ecs_task_definition',
            name: 'app',
            provider_config_key: 'aws',
            expressions: {
              family: expr('app'),
              cpu: expr('256'),
              memory: expr('512'),
              network_mode: expr('awsvpc'),
              requires_compatibilities: expr(['FARGATE']),
              container_definitions: { references: ['local.containers'] },
            },
            schema_version: 1,
            for_each_expression: { references: ['local.tasks'] },
          },
        ],
      },
    };
    write(`],"configuration":${JSON.stringify(configuration)},"timestamp":"2026-11-20T10:00:00Z"}`);
  });
}

/** Writes a generated plan to a file without holding it in memory. */
export function generatePlanFile(n: number, file: string, opts: GenerateOptions = {}): void {
  writeInPieces(file, (write) => generatePlanTo(n, write, opts));
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const n = Number(process.argv[2] ?? 1000);
  generatePlanFile(n, process.argv[3] ?? `plan-${n}.json`, {
    containerShare: Number(process.argv[4] ?? 0.4),
    harsh: process.argv[5] === 'harsh',
  });
}
