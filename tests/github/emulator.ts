import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { makeAjv } from './ajv.js';

/**
 * A GitHub API emulator for tests: a loopback HTTP server that keeps issue-comment state and
 * validates every request against GitHub's published OpenAPI description (@octokit/openapi):
 * the route and method must be documented, path and query parameters and the JSON body must
 * match the operation's schemas, and no undocumented query parameter or body may be sent. Its
 * answers are checked against the documented response schemas too. Anything that does not
 * validate is recorded in `violations` (tests assert it stays empty) and answered like GitHub
 * would (404 for an unknown route, 422 for an invalid body).
 *
 * It also serves the one GraphQL mutation the action uses, `minimizeComment`. REST is served at
 * the root (api.github.com) and under /api/v3 (GHES); GraphQL at /graphql and /api/graphql.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literals: number;
  op: Record<string, any>;
  pathItem: Record<string, any>;
}

export interface Comment {
  id: number;
  node_id: string;
  issue: number;
  body: string;
  created_at: string;
  updated_at: string;
  minimized: boolean;
  author: string;
}

export interface LoggedRequest {
  method: string;
  /** The path as requested, and without a GHES /api/v3 prefix. */
  rawPath: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  operation: string | undefined;
  /** When the request arrived (Date.now()). */
  at: number;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  message?: string;
  /** Headers of the answer, e.g. `retry-after` or `x-ratelimit-*` for a rate limit. */
  headers?: Record<string, string>;
}

/** Requests that are accepted, read, and never answered. */
export interface Hang {
  method: string;
  path: RegExp;
  times: number;
}

/** Answers prepared when the request arrives (a snapshot of the state then) and sent `ms` later. */
export interface Slow {
  operation: string;
  ms: number;
  times: number;
}

/**
 * Holds the answers to the first `count` requests of an operation (each prepared when it
 * arrives) until all `count` have arrived: runs that race are made to overlap exactly.
 */
export interface Barrier {
  operation: string;
  count: number;
}

const SPEC_FILE = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
const MAX_BODY = 2 * 1024 * 1024;
const MAX_REQUESTS = 5000;
const MINIMIZE_CLASSIFIERS = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'OUTDATED', 'DUPLICATE', 'RESOLVED'];

let shared:
  { spec: Record<string, any>; ops: Operation[]; ajv: ReturnType<typeof makeAjv>; cache: Map<string, ValidateFunction> } | undefined;

/** The description is 13 MB: parsed and indexed once per test file. */
function api() {
  if (shared) return shared;
  const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, any>;
  const ajv = makeAjv({ validateSchema: false });
  ajv.addSchema(spec, 'gh');
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries<Record<string, any>>(spec.paths)) {
    const names: string[] = [];
    const regex = new RegExp(
      `^${template.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`,
    );
    const literals = template.split('/').filter((s) => s && !s.startsWith('{')).length;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (item[method]) ops.push({ method: method.toUpperCase(), template, regex, names, literals, op: item[method], pathItem: item });
    }
  }
  shared = { spec, ops, ajv, cache: new Map() };
  return shared;
}

/** Local `#/components/...` references point into the description added as `gh`. */
function rebase(v: any): any {
  if (Array.isArray(v)) return v.map(rebase);
  if (v && typeof v === 'object') {
    const out: Record<string, any> = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#') ? `gh${x}` : rebase(x);
    return out;
  }
  return v;
}

function validator(key: string, schema: unknown): ValidateFunction {
  const a = api();
  let v = a.cache.get(key);
  if (!v) {
    v = a.ajv.compile(rebase(schema));
    a.cache.set(key, v);
  }
  return v;
}

function deref(spec: Record<string, any>, p: any): any {
  if (p && typeof p.$ref === 'string')
    return p.$ref
      .slice(2)
      .split('/')
      .reduce((o: any, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  return p;
}

export class GitHubEmulator {
  readonly comments: Comment[] = [];
  readonly requests: LoggedRequest[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  readonly hangs: Hang[] = [];
  readonly slow: Slow[] = [];
  readonly barriers: Barrier[] = [];
  /** Answer 403 "Resource not accessible by integration" to every write (a fork's read-only token). */
  readOnlyToken = false;
  /** When set, `minimizeComment` fails with this GraphQL error. */
  graphqlError: string | undefined;
  /**
   * The login `GET /user` answers with (a personal access token). Undefined: the token is an
   * installation token (GITHUB_TOKEN), which GitHub answers 403 "Resource not accessible by
   * integration" there.
   */
  userLogin: string | undefined;
  private readonly holds = new WeakMap<ServerResponse, Promise<unknown>>();
  private readonly waiting = new Map<Barrier, (() => void)[]>();
  private nextId = 1000;
  private server: Server | undefined;
  url = '';

  /** Clears what one test left (comments, request log, faults, the read-only token). */
  reset(): void {
    this.comments.length = 0;
    this.requests.length = 0;
    this.faults.length = 0;
    this.hangs.length = 0;
    this.slow.length = 0;
    this.barriers.length = 0;
    for (const release of this.waiting.values()) for (const r of release) r();
    this.waiting.clear();
    this.readOnlyToken = false;
    this.graphqlError = undefined;
    this.userLogin = undefined;
    this.botLogin = this.defaultBotLogin;
  }

  constructor(
    readonly owner = 'acme',
    readonly repo = 'infra',
    readonly token = 'ghs_emulatortoken000000000000000000000',
    readonly defaultBotLogin = 'github-actions[bot]',
  ) {
    this.botLogin = defaultBotLogin;
  }

  /** Who the comments the token writes are by (`user.login`). */
  botLogin: string;

  async start(): Promise<this> {
    api();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        this.violations.push(`emulator error: ${String(e)}`);
        if (!res.headersSent) this.send(res, 500, { message: 'emulator error' });
      });
    });
    this.server.requestTimeout = 10_000;
    this.server.headersTimeout = 10_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Seeds a comment, as if someone (or an earlier run) had written it. */
  seed(issue: number, body: string, author = 'someone'): Comment {
    const now = new Date(Date.UTC(2026, 10, 20, 10, 0, this.comments.length)).toISOString().replace(/\.\d+Z$/, 'Z');
    const c: Comment = { id: this.nextId++, node_id: '', issue, body, created_at: now, updated_at: now, minimized: false, author };
    c.node_id = `IC_kwDOemu${c.id}`;
    this.comments.push(c);
    return c;
  }

  commentsOn(issue: number): Comment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  /** Requests that changed state (everything but GET). */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private violation(text: string): void {
    this.violations.push(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.requests.length >= MAX_REQUESTS) {
      this.violation(`more than ${MAX_REQUESTS} requests`);
      return this.send(res, 429, { message: 'too many requests' });
    }
    const raw = await readBody(req);
    if (raw === undefined) {
      this.violation(`${req.method} ${req.url}: body over ${MAX_BODY} bytes`);
      return this.send(res, 413, { message: 'body too large' });
    }
    const url = new URL(req.url ?? '/', this.url);
    const prefix = url.pathname.startsWith('/api/v3/') ? '/api/v3' : '';
    const path = url.pathname.slice(prefix.length);
    const query = Object.fromEntries(url.searchParams);
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violation(`${req.method} ${path}: body is not JSON`);
        return this.send(res, 400, { message: 'Problems parsing JSON' });
      }
    }
    const method = req.method ?? 'GET';
    const logged: LoggedRequest = { method, rawPath: url.pathname, path, query, body, operation: undefined, at: Date.now() };
    this.requests.push(logged);

    if (req.headers.authorization !== `token ${this.token}`) {
      this.violation(`${method} ${path}: missing or wrong Authorization header`);
      return this.send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    const hang = this.hangs.find((h) => h.method === method && h.path.test(path) && h.times > 0);
    if (hang) {
      hang.times -= 1;
      return; // the connection stays open, unanswered, until the client gives up or the emulator stops
    }
    if (method === 'POST' && (url.pathname === '/graphql' || url.pathname === '/api/graphql')) {
      logged.operation = 'graphql';
      return this.graphql(body, res);
    }
    const op = this.match(method, path);
    if (!op) {
      this.violation(`${method} ${path}: not a documented route`);
      return this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    logged.operation = op.op.operationId;
    const slow = this.slow.find((x) => x.operation === op.op.operationId && x.times > 0);
    if (slow) {
      slow.times -= 1;
      this.holds.set(res, new Promise((r) => setTimeout(r, slow.ms)));
    }
    const barrier = this.barriers.find((b) => b.operation === op.op.operationId && b.count > 0);
    if (barrier) this.hold(barrier, res);
    const problems = this.validateRequest(op, path, query, body);
    if (problems.length > 0) {
      this.violation(`${method} ${path} (${op.op.operationId}): ${problems.join('; ')}`);
      return this.send(res, 422, { message: 'Validation Failed', errors: problems.map((p) => ({ code: 'invalid', message: p })) });
    }
    const fault = this.faults.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    if (fault) {
      fault.times -= 1;
      return this.send(res, fault.status, { message: fault.message ?? 'Server Error' }, fault.headers);
    }
    if (this.readOnlyToken && method !== 'GET') {
      return this.send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      });
    }
    return this.serve(op, path, query, body, res, prefix);
  }

  /** The documented operation for a method and path; the most literal template wins. */
  private match(method: string, path: string): Operation | undefined {
    return api()
      .ops.filter((o) => o.method === method && o.regex.test(path))
      .sort((a, b) => b.literals - a.literals)[0];
  }

  private validateRequest(op: Operation, path: string, query: Record<string, string>, body: unknown): string[] {
    const { spec } = api();
    const problems: string[] = [];
    const values = op.regex.exec(path)!.slice(1).map(decodeURIComponent);
    const params = [...(op.pathItem.parameters ?? []), ...(op.op.parameters ?? [])].map((p) => deref(spec, p));
    const pathValues = Object.fromEntries(op.names.map((n, i) => [n, values[i]!]));
    for (const p of params) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      const given = p.in === 'path' ? pathValues[p.name] : query[p.name];
      if (given === undefined) {
        if (p.required) problems.push(`missing ${p.in} parameter ${p.name}`);
        continue;
      }
      const value = coerce(given, p.schema);
      const v = validator(`${op.op.operationId}:${p.in}:${p.name}`, p.schema ?? {});
      if (!v(value)) problems.push(`${p.in} parameter ${p.name}=${JSON.stringify(given)}: ${api().ajv.errorsText(v.errors)}`);
    }
    const documented = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
    for (const k of Object.keys(query)) if (!documented.has(k)) problems.push(`undocumented query parameter ${k}`);
    const rb = deref(spec, op.op.requestBody);
    const schema = rb?.content?.['application/json']?.schema;
    if (body === undefined) {
      if (rb?.required) problems.push('missing the JSON body');
    } else if (!schema) {
      problems.push('a body was sent where none is documented');
    } else {
      const v = validator(`${op.op.operationId}:body`, schema);
      if (!v(body)) problems.push(`body: ${api().ajv.errorsText(v.errors)}`);
      // GitHub ignores unknown fields; a field the description does not name is a bug here.
      const named = deref(api().spec, schema).properties as Record<string, unknown> | undefined;
      if (named && body && typeof body === 'object' && !Array.isArray(body)) {
        for (const k of Object.keys(body)) if (!(k in named)) problems.push(`undocumented body field ${k}`);
      }
    }
    return problems;
  }

  /** Sends a documented answer, after checking it against the documented response schema. */
  private reply(res: ServerResponse, op: Operation, status: number, data: Json | undefined, headers: Record<string, string> = {}): void {
    const r = deref(api().spec, op.op.responses?.[String(status)]);
    if (!r) this.violation(`${op.op.operationId}: status ${status} is not a documented response`);
    const schema = r?.content?.['application/json']?.schema;
    if (schema && data !== undefined) {
      const v = validator(`${op.op.operationId}:response:${status}`, schema);
      if (!v(data))
        this.violation(`emulator answer to ${op.op.operationId} does not match the description: ${api().ajv.errorsText(v.errors)}`);
    } else if (!schema && data !== undefined) this.violation(`${op.op.operationId} ${status}: the description documents no body`);
    this.send(res, status, data, headers);
  }

  private serve(op: Operation, path: string, query: Record<string, string>, body: any, res: ServerResponse, prefix: string): void {
    const values = Object.fromEntries(op.names.map((n, i) => [n, decodeURIComponent(op.regex.exec(path)![i + 1]!)]));
    if (values.owner !== undefined && (values.owner !== this.owner || values.repo !== this.repo)) {
      return this.send(res, 404, { message: 'Not Found' });
    }
    const byId = () => this.comments.find((c) => c.id === Number(values.comment_id));
    switch (op.op.operationId) {
      case 'issues/list-comments': {
        const all = this.commentsOn(Number(values.issue_number));
        const perPage = Number(query.per_page ?? 30);
        const page = Number(query.page ?? 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const base = `${this.url}${prefix}${path}`;
        const link = (p: number, rel: string) => `<${base}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links = [
          ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
          ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
        ];
        return this.reply(
          res,
          op,
          200,
          all.slice((page - 1) * perPage, page * perPage).map((c) => this.toJson(c, prefix)),
          links.length ? { link: links.join(', ') } : {},
        );
      }
      case 'issues/create-comment': {
        if (body.body.length > 65_536)
          return this.send(res, 422, {
            message: 'Validation Failed',
            errors: [
              { resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' },
            ],
          });
        const c = this.seed(Number(values.issue_number), body.body, this.botLogin);
        return this.reply(res, op, 201, this.toJson(c, prefix), {
          location: `${this.url}${prefix}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}`,
        });
      }
      case 'issues/update-comment': {
        const c = byId();
        if (!c) return this.send(res, 404, { message: 'Not Found' });
        if (body.body.length > 65_536) return this.send(res, 422, { message: 'Validation Failed' });
        c.body = body.body;
        c.updated_at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
        return this.reply(res, op, 200, this.toJson(c, prefix));
      }
      case 'issues/delete-comment': {
        const c = byId();
        if (!c) return this.send(res, 404, { message: 'Not Found' });
        this.comments.splice(this.comments.indexOf(c), 1);
        return this.reply(res, op, 204, undefined);
      }
      case 'issues/get-comment': {
        const c = byId();
        if (!c) return this.send(res, 404, { message: 'Not Found' });
        return this.reply(res, op, 200, this.toJson(c, prefix));
      }
      case 'users/get-authenticated': {
        if (this.userLogin === undefined)
          return this.send(res, 403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
            status: '403',
          });
        return this.reply(res, op, 200, this.userJson(this.userLogin));
      }
      default:
        this.violation(`${op.op.operationId}: documented, but not a call the action should make`);
        return this.send(res, 404, { message: 'Not Found' });
    }
  }

  /** `minimizeComment`, the one GraphQL mutation the action sends. */
  private graphql(body: any, res: ServerResponse): void {
    const fail = (m: string) => {
      this.violation(`graphql: ${m}`);
      this.send(res, 200, { errors: [{ message: m }] });
    };
    if (!body || typeof body.query !== 'string') return fail('the body has no query');
    const q: string = body.query;
    const vars: Record<string, unknown> = body.variables ?? {};
    if (!/^\s*mutation\b/.test(q) || !/\bminimizeComment\s*\(\s*input\s*:/.test(q)) return fail('not a minimizeComment mutation');
    const classifier = /classifier\s*:\s*([A-Z_]+)/.exec(q)?.[1];
    if (!classifier || !MINIMIZE_CLASSIFIERS.includes(classifier))
      return fail(`classifier ${classifier} is not a ReportedContentClassifiers value`);
    const subjectVar = /subjectId\s*:\s*\$(\w+)/.exec(q)?.[1];
    const declared = subjectVar ? new RegExp(`\\$${subjectVar}\\s*:\\s*ID!`).test(q) : false;
    const subjectId = subjectVar ? vars[subjectVar] : undefined;
    if (!declared || typeof subjectId !== 'string') return fail('subjectId must be an ID! variable');
    for (const k of Object.keys(vars)) if (k !== subjectVar) return fail(`undeclared variable ${k}`);
    const c = this.comments.find((x) => x.node_id === subjectId);
    if (!c)
      return this.send(res, 200, {
        data: { minimizeComment: null },
        errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${subjectId}'` }],
      });
    if (this.readOnlyToken)
      return this.send(res, 200, {
        data: { minimizeComment: null },
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      });
    if (this.graphqlError !== undefined)
      return this.send(res, 200, { data: { minimizeComment: null }, errors: [{ message: this.graphqlError }] });
    c.minimized = true;
    this.send(res, 200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
  }

  /** A `simple-user`, as comments carry it. */
  private simpleUser(login: string): { [k: string]: Json } {
    return {
      login,
      id: login.length * 1000 + 41898282,
      node_id: `MDM6Qm90${login.length}`,
      avatar_url: 'https://avatars.example/u/41898282?v=4',
      gravatar_id: '',
      url: `${this.url}/users/${encodeURIComponent(login)}`,
      html_url: `https://github.example/${encodeURIComponent(login)}`,
      followers_url: `${this.url}/users/${encodeURIComponent(login)}/followers`,
      following_url: `${this.url}/users/${encodeURIComponent(login)}/following{/other_user}`,
      gists_url: `${this.url}/users/${encodeURIComponent(login)}/gists{/gist_id}`,
      starred_url: `${this.url}/users/${encodeURIComponent(login)}/starred{/owner}{/repo}`,
      subscriptions_url: `${this.url}/users/${encodeURIComponent(login)}/subscriptions`,
      organizations_url: `${this.url}/users/${encodeURIComponent(login)}/orgs`,
      repos_url: `${this.url}/users/${encodeURIComponent(login)}/repos`,
      events_url: `${this.url}/users/${encodeURIComponent(login)}/events{/privacy}`,
      received_events_url: `${this.url}/users/${encodeURIComponent(login)}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
    };
  }

  /** `GET /user` for a personal access token: the `public-user` shape. */
  private userJson(login: string): { [k: string]: Json } {
    return {
      ...this.simpleUser(login),
      user_view_type: 'public',
      name: null,
      company: null,
      blog: null,
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    };
  }

  private toJson(c: Comment, prefix: string): { [k: string]: Json } {
    const api = `${this.url}${prefix}/repos/${this.owner}/${this.repo}`;
    const web = `https://github.example/${this.owner}/${this.repo}`;
    const login = c.author;
    return {
      id: c.id,
      node_id: c.node_id,
      url: `${api}/issues/comments/${c.id}`,
      html_url: `${web}/pull/${c.issue}#issuecomment-${c.id}`,
      body: c.body,
      user: this.simpleUser(login),
      created_at: c.created_at,
      updated_at: c.updated_at,
      issue_url: `${api}/issues/${c.issue}`,
      author_association: login.endsWith('[bot]') ? 'NONE' : 'MEMBER',
    };
  }

  private send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    const text = data === undefined ? '' : JSON.stringify(data);
    const write = () => {
      if (res.destroyed) return;
      res.writeHead(status, {
        ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        'x-github-media-type': 'github.v3; format=json',
        ...headers,
      });
      res.end(text);
    };
    const hold = this.holds.get(res);
    if (hold) void hold.then(write);
    else write();
  }

  private hold(barrier: Barrier, res: ServerResponse): void {
    const waiting = this.waiting.get(barrier) ?? [];
    this.waiting.set(barrier, waiting);
    barrier.count -= 1;
    this.holds.set(
      res,
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        // Never longer than 10 s, should a racer not come.
        setTimeout(resolve, 10_000).unref();
        if (barrier.count === 0) for (const r of waiting) r();
      }),
    );
  }
}

/** The parameter as its schema types it (query and path values arrive as strings). */
function coerce(s: string, schema: any): unknown {
  const type = schema?.type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  if (type === 'boolean') return s === 'true' ? true : s === 'false' ? false : s;
  return s;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
