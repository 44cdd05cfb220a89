import type { Stats } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { kindOf, mib } from '../load/files.js';
import type { z } from 'zod';
import { compactChange, Interner } from './compact.js';
import { InputError } from './errors.js';
import { locateJsonError, position, tooDeepAt } from './jsonerror.js';
import { TYPE_TABLES } from '../engine/reads.js';
import { streamPlan, tooDeepProblem } from './stream.js';
import limits from '../data/limits.json' with { type: 'json' };
import { SUPPORTED_FORMAT_MAJOR, type DeferredChange, type Plan, type PlanHeader, type PlanResourceChange } from './schema.js';
import type { PlanSchemas } from './plan-schemas.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads and validates one plan file. Every way the input can be wrong ends in an InputError
 * whose message is one line naming the file and saying what to do instead.
 *
 * The file is read as bytes and sniffed before it is decoded; a JSON document is then parsed by
 * `parsePlanText`. Reading goes through `readPlanBytes`, the one place that decides how the file
 * is held in memory, so a streaming reader can replace it for huge files.
 */
export interface LoadOptions {
  /** Files of at least this many bytes are streamed (src/data/limits.json by default). */
  streamThresholdBytes?: number;
  /** Streamed files of at least this many bytes are scanned twice (src/data/limits.json by default). */
  twoPassThresholdBytes?: number;
}

/**
 * The plan's zod schemas, loaded (with zod) only when a plain check does not pass: they then
 * decide and name the problem. The checks are synchronous and loading is not, so a check that
 * needs the schemas before they are loaded throws `SchemasNeeded`; `loadPlan` then loads them and
 * reads the plan again from the bytes it holds. A streamed plan loads them before it is read.
 */
let schemas: PlanSchemas | undefined;

class SchemasNeeded extends Error {}

/** The plan's schemas, once loaded (`loadPlanSchemas`). */
export function planSchemas(): PlanSchemas {
  if (!schemas) throw new SchemasNeeded('the plan schemas are not loaded');
  return schemas;
}

/** Loads zod and builds the plan's schemas (once); the synchronous readers (`parsePlanText`, `validatePlan`) need them for a bad plan. */
export async function loadPlanSchemas(): Promise<PlanSchemas> {
  return (schemas ??= (await import('./plan-schemas.js')).planSchemas());
}

/** Runs a read; when it needed the schemas before they were loaded, loads them and runs it again. */
async function withSchemas<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof SchemasNeeded)) throw e;
    await loadPlanSchemas();
    return read();
  }
}

export async function loadPlan(file: string, opts: LoadOptions = {}): Promise<Plan> {
  // `-`, a FIFO, /dev/stdin or <(…): the plan is read as a stream (held whole, up to a limit).
  if (file === '-') {
    const bytes = await readPipe(STDIN, process.stdin);
    return withSchemas(() => parsePlanBytes(STDIN, bytes));
  }
  const info = await stat(file).catch(() => undefined); // readPlanBytes reports why
  if (info?.isSocket() && STDIN_PATHS.includes(file)) {
    const bytes = await readPipe(file, process.stdin);
    return withSchemas(() => parsePlanBytes(file, bytes));
  }
  if (info?.isFIFO()) {
    const fh = await open(file, 'r');
    const bytes = await readPipe(file, fh.createReadStream());
    return withSchemas(() => parsePlanBytes(file, bytes));
  }
  if (info && !info.isFile() && !info.isDirectory()) {
    throw new InputError(file, `is not a regular file (${kindOf(info)}); pass the plan JSON file, or - to read it from standard input`);
  }
  const size = info ? fileSize(info) : -1;
  const threshold = opts.streamThresholdBytes ?? limits.streamThresholdBytes;
  if (size >= threshold && size > 0) {
    // A streamed plan is not held: a read that needed the schemas would read the file again, so
    // they are loaded first (a few tens of milliseconds against the seconds a large plan takes).
    await loadPlanSchemas();
    const { encoding } = sniff(file, await readHead(file, 64 * 1024));
    if (encoding !== 'utf8') {
      // A UTF-16 plan (PowerShell's `>` writes them) is streamed from a UTF-8 copy.
      const dir = await mkdtemp(join(process.getBuiltinModule('node:os').tmpdir(), 'container-plan-check-'));
      try {
        const copy = join(dir, 'plan.json');
        await transcodeUtf16(file, copy, encoding);
        return await loadStreamed(file, copy, opts);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    return loadStreamed(file, file, opts);
  }
  const bytes = await readPlanBytes(file);
  return withSchemas(() => parsePlanBytes(file, bytes));
}

/** The resource types of a plan's changes, deferred ones included (a first pass over a huge file). */
async function typesIn(file: string, path: string): Promise<Set<string>> {
  const { types, header } = await streamPlan(file, () => false, undefined, undefined, limits.maxNestingDepth, path);
  const deferred = header.deferred_changes;
  if (Array.isArray(deferred)) {
    for (const d of deferred) {
      const t = (d as { resource_change?: { type?: unknown } } | null)?.resource_change?.type;
      if (typeof t === 'string') types.add(t);
    }
  }
  return types;
}

/** The streamed path: `file` names the plan in messages, `path` is read (a UTF-8 copy of a UTF-16 plan). */
async function loadStreamed(file: string, path: string, opts: LoadOptions): Promise<Plan> {
  const size = (await stat(path)).size;
  // A huge plan is read twice: first for the types it holds, so that only the context
  // resources some analysed resource reads are kept (memory), then for the resources.
  const huge = size >= (opts.twoPassThresholdBytes ?? limits.twoPassThresholdBytes);
  const keep = huge ? TYPE_TABLES.modelledFor(await typesIn(file, path)) : isModelledType;
  // Each kept change is checked and compacted as it is decoded, so that only its compact form
  // outlives the moment (and an error names its place in the file).
  const strings = new Interner();
  const { header, changes, totalChanges } = await streamPlan(
    file,
    keep,
    undefined,
    (rc, i) => checkedChange(file, rc, i, strings),
    limits.maxNestingDepth,
    path,
    isModelledType,
  );
  const doc = { ...header, ...(header.resource_changes === undefined && totalChanges === 0 ? {} : { resource_changes: changes }) };
  return validatePlan(file, doc, { checked: true });
}

type Encoding = 'utf8' | 'utf16le' | 'utf16be';

/** UTF-16 (byte order mark first) to UTF-8, chunk by chunk. */
async function transcodeUtf16(from: string, to: string, encoding: Encoding): Promise<void> {
  // Loaded here: only UTF-16 plans need it, and a module less at start is time saved on every run.
  const { StringDecoder } = process.getBuiltinModule('node:string_decoder');
  const decoder = new StringDecoder('utf16le');
  const out = await open(to, 'w');
  const input = await open(from, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let carry: number | undefined; // a byte of a big-endian pair split between chunks
    let first = true;
    for (;;) {
      const { bytesRead } = await input.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      let chunk = Buffer.from(buf.subarray(0, bytesRead));
      if (encoding === 'utf16be') {
        if (carry !== undefined) chunk = Buffer.concat([Buffer.from([carry]), chunk]);
        carry = chunk.length % 2 === 1 ? chunk[chunk.length - 1] : undefined;
        if (carry !== undefined) chunk = chunk.subarray(0, chunk.length - 1);
        chunk.swap16();
      }
      let text = decoder.write(chunk);
      if (first) {
        text = text.replace(/^\ufeff/, '');
        first = false;
      }
      await out.write(text);
    }
    await out.write(decoder.end());
  } finally {
    await input.close();
    await out.close();
  }
}

async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function fileSize(info: Stats): number {
  return info.isDirectory() ? -1 : info.size;
}

/** How `-` is named in messages. */
const STDIN = 'standard input';
/** Paths of standard input; when it is a socket (as a parent process may give), they cannot be opened. */
const STDIN_PATHS = ['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0'];

/** A plan from a pipe, whole, up to `pipedPlanMaxBytes`. */
async function readPipe(file: string, stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > limits.pipedPlanMaxBytes) {
        throw new InputError(
          file,
          `is more than ${mib(limits.pipedPlanMaxBytes)} read from a pipe (src/data/limits.json); write the plan to a file and pass the file`,
        );
      }
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `cannot read the plan (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    (stream as { destroy?: () => void }).destroy?.();
  }
  return Buffer.concat(chunks);
}

export async function readPlanBytes(file: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, 'no such file');
    if (code === 'EACCES') throw new InputError(file, 'permission denied');
    throw new InputError(file, `cannot read the file (${code ?? 'unknown error'})`);
  }
  if (info.isDirectory()) {
    throw new InputError(file, 'is a directory; pass the plan JSON file (terraform show -json plan.out > plan.json)');
  }
  if (info.size === 0) {
    throw new InputError(file, 'is empty; write the plan with `terraform show -json plan.out > plan.json`');
  }
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(info.size);
    let read = 0;
    while (read < info.size) {
      const { bytesRead } = await fh.read(buf, read, info.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return read === info.size ? buf : buf.subarray(0, read);
  } finally {
    await fh.close();
  }
}

export function parsePlanBytes(file: string, bytes: Buffer): Plan {
  const { encoding, start } = sniff(file, bytes);
  return parsePlanText(file, decode(bytes, encoding, start));
}

/** The text of `bytes` from `start` (after the byte order mark). */
function decode(bytes: Buffer, encoding: Encoding, start: number, end = bytes.length): string {
  if (encoding === 'utf8') return bytes.toString('utf8', start, end);
  const even = start + Math.floor((end - start) / 2) * 2;
  if (encoding === 'utf16le') return bytes.toString('utf16le', start, even);
  return Buffer.from(bytes.subarray(start, even)).swap16().toString('utf16le');
}

/**
 * Recognises inputs that are not a plan's JSON from their first bytes. Returns the encoding
 * (UTF-8, or UTF-16 as PowerShell's `>` writes it, told by its byte order mark) and where the
 * text starts (after the byte order mark).
 */
function sniff(file: string, bytes: Buffer): { encoding: Encoding; start: number } {
  if (bytes.length === 0) {
    throw new InputError(file, 'is empty; write the plan with `terraform show -json plan.out > plan.json`');
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new InputError(file, 'is a binary plan file (zip), not JSON; run `terraform show -json plan.out > plan.json` and pass plan.json');
  }
  let start = 0;
  let encoding: Encoding = 'utf8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    start = 3; // UTF-8 BOM
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf16be', 2];
  const head = decode(bytes, encoding, start, Math.min(bytes.length, 64 * 1024));
  if (encoding !== 'utf8' && head.trim() === '') {
    throw new InputError(file, 'is empty (a UTF-16 byte order mark only); write the plan with `terraform show -json plan.out > plan.json`');
  }
  const first = firstNonSpace(head);
  if (first !== -1 && head[first] !== '{' && head[first] !== '[') notJson(file, head);
  if (looksLikeJsonLog(head)) {
    throw new InputError(
      file,
      'is the output of `terraform plan -json` (one log message per line), not a plan; run `terraform plan -out plan.out` then `terraform show -json plan.out > plan.json`',
    );
  }
  return { encoding, start };
}

/** `terraform plan -json` writes one JSON object per line, each with `@level` and `@message`. */
function looksLikeJsonLog(head: string): boolean {
  const line = head.trimStart().split('\n', 1)[0]!;
  return line.startsWith('{') && line.includes('"@level"') && line.includes('"@message"');
}

function notJson(file: string, text: string): never {
  if (looksLikePlanText(text)) {
    throw new InputError(
      file,
      'is the text output of `terraform plan`, not JSON; run `terraform plan -out plan.out` then `terraform show -json plan.out > plan.json`',
    );
  }
  throw new InputError(file, 'is not JSON (it does not start with "{"); pass the output of `terraform show -json plan.out`');
}

export function parsePlanText(file: string, text: string): Plan {
  const first = firstNonSpace(text);
  if (first === -1) throw new InputError(file, 'holds only white space; write the plan with `terraform show -json plan.out > plan.json`');
  const c = text[first];
  if (c !== '{' && c !== '[') notJson(file, text);
  const deep = tooDeepAt(text, limits.maxNestingDepth);
  if (deep !== -1) {
    const at = position(text, deep);
    throw new InputError(file, tooDeepProblem(limits.maxNestingDepth, `line ${at.line}, column ${at.column}`));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const at = locateJsonError(text);
    if (at.truncated) {
      throw new InputError(
        file,
        `is truncated: the JSON ends at line ${at.line}, column ${at.column} inside a value; write the plan again`,
      );
    }
    throw new InputError(file, `is not valid JSON: at line ${at.line}, column ${at.column} (offset ${at.offset}) expected ${at.expected}`);
  }
  return validatePlan(file, doc);
}

/** `checked`: the changes were checked and compacted already (`checkedChange`, while streaming). */
export function validatePlan(file: string, doc: unknown, opts: { checked?: boolean } = {}): Plan {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(file, 'is JSON but not a Terraform plan (expected an object with format_version and resource_changes)');
  }
  const o = doc as Record<string, unknown>;
  if ('values' in o && !('resource_changes' in o) && !('planned_values' in o)) {
    throw new InputError(
      file,
      'is a Terraform state file (it has "values" and no "resource_changes"); run `terraform plan -out plan.out` then `terraform show -json plan.out > plan.json`',
    );
  }
  if (!('format_version' in o) || !('resource_changes' in o || 'planned_values' in o || 'configuration' in o)) {
    throw new InputError(
      file,
      'is JSON but not a Terraform plan (no format_version / resource_changes); pass the output of `terraform show -json plan.out`',
    );
  }
  // The plain check passes only what the schema passes; anything else goes to the schema, which
  // decides and names the problem. The header read is the plan's own object, not a copy.
  if (!fitsPlanHeader(o)) {
    const r = planSchemas().PlanHeaderSchema.safeParse(o);
    if (!r.success) throw new InputError(file, `is not a valid plan: ${describeIssue(r.error)}`);
  }
  const header = o as PlanHeader;
  const major = Number(header.format_version.split('.')[0]);
  if (!Number.isInteger(major) || !(SUPPORTED_FORMAT_MAJOR as readonly number[]).includes(major)) {
    throw new InputError(
      file,
      `has plan format_version ${JSON.stringify(header.format_version).slice(0, 40)}, a major version this tool does not know (it reads 0.x and 1.x); upgrade container-plan-check`,
    );
  }
  const raw = o.resource_changes;
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
    throw new InputError(file, 'is not a valid plan: resource_changes: expected an array');
  }
  const list = (raw ?? []) as unknown[];
  const strings = new Interner();
  const deferred = deferredChanges(file, header.deferred_changes, strings);
  const { deferred_changes: _raw, ...rest } = header;
  const withDeferred = deferred ? { ...rest, deferred_changes: deferred } : rest;
  const priorData = priorDataSources(header.prior_state, strings);
  const withData = priorData.length > 0 ? { ...withDeferred, prior_data_sources: priorData } : withDeferred;
  if (opts.checked) return { ...withData, resource_changes: list as PlanResourceChange[] };
  const changes: PlanResourceChange[] = [];
  for (let i = 0; i < list.length; i++) changes.push(checkedChange(file, list[i], i, strings));
  return { ...withData, resource_changes: changes };
}

/**
 * The data sources Terraform read while planning, from `prior_state.values.root_module` (and its
 * `child_modules`), of the types a reader declares (`data.aws_ami` for a launch template's AMI):
 * each as a `no-op` change whose before and after are the values read, with their sensitive
 * mask. Data sources that can only be read at apply are `read` changes in `resource_changes`
 * instead (their values unknown). `prior_state` is context: an entry not shaped as Terraform
 * writes it is left out, never an error. A streamed plan (src/data/limits.json
 * streamThresholdBytes) keeps of `prior_state` only these data sources (src/plan/stream.ts,
 * PriorStateScan), so this reads it the same.
 */
function priorDataSources(prior: unknown, strings: Interner): PlanResourceChange[] {
  const out: PlanResourceChange[] = [];
  const root = isObject(prior) && isObject(prior.values) ? prior.values.root_module : undefined;
  const walk = (mod: unknown, depth: number) => {
    if (!isObject(mod) || depth > 100) return;
    const moduleAddress = typeof mod.address === 'string' && mod.address !== '' ? mod.address : undefined;
    for (const r of Array.isArray(mod.resources) ? (mod.resources as unknown[]) : []) {
      if (!isObject(r) || r.mode !== 'data' || typeof r.type !== 'string' || !isModelledType(r.type)) continue;
      if (typeof r.address !== 'string' || typeof r.name !== 'string' || !isObject(r.values)) continue;
      const index = r.index;
      const sensitive = r.sensitive_values ?? false;
      const rc = {
        address: r.address,
        ...(moduleAddress ? { module_address: moduleAddress } : {}),
        mode: 'data',
        type: r.type,
        name: r.name,
        ...(typeof index === 'number' || typeof index === 'string' ? { index } : {}),
        ...(typeof r.provider_name === 'string' ? { provider_name: r.provider_name } : {}),
        change: {
          actions: ['no-op'],
          before: r.values,
          after: r.values,
          after_unknown: {},
          before_sensitive: sensitive,
          after_sensitive: sensitive,
        },
      };
      out.push(compactChange(rc, strings, keptAttributes) as PlanResourceChange);
    }
    for (const c of Array.isArray(mod.child_modules) ? (mod.child_modules as unknown[]) : []) walk(c, depth + 1);
  };
  walk(root, 0);
  return out;
}

/**
 * `deferred_changes[i]`: `{reason, resource_change}`, the change checked like those of
 * `resource_changes`. A change of a type this tool does not model keeps only what names it.
 */
function deferredChanges(file: string, raw: unknown, strings: Interner): DeferredChange[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw new InputError(file, 'is not a valid plan: deferred_changes: expected an array');
  return raw.map((item, i) => {
    const { DeferredChangeSchema, ResourceChangeSchema, ResourceChangeHeaderSchema } = planSchemas();
    const d = DeferredChangeSchema.safeParse(item);
    if (!d.success) throw new InputError(file, `is not a valid plan: deferred_changes[${i}]${describeIssue(d.error, true)}`);
    const rc = d.data.resource_change;
    const type = (rc as { type?: unknown } | null)?.type;
    const r = (typeof type === 'string' && isModelledType(type) ? ResourceChangeSchema : ResourceChangeHeaderSchema).safeParse(rc);
    if (!r.success)
      throw new InputError(file, `is not a valid plan: deferred_changes[${i}].resource_change${describeIssue(r.error, true)}`);
    const change = isModelledType(r.data.type)
      ? (compactChange(rc, strings, keptAttributes) as PlanResourceChange)
      : slimChange(r.data as PlanResourceChange);
    return { reason: d.data.reason ?? 'unknown', resource_change: change };
  });
}

/** What names a change (address, module, type, actions), without its values. */
function slimChange(rc: PlanResourceChange): PlanResourceChange {
  const { address, module_address, mode, type, name, index, index_unknown } = rc as PlanResourceChange & { index_unknown?: unknown };
  return {
    address,
    module_address,
    mode: mode ?? 'managed',
    type,
    name,
    index,
    ...(index_unknown === true ? { index_unknown } : {}),
    change: { actions: rc.change.actions },
  } as PlanResourceChange;
}

/**
 * Checks `resource_changes[i]` against the schema: in full for the types this tool models, the
 * header only for the others (never read past their address and type). A modelled change is
 * kept in its compact form (src/plan/compact.ts). The change itself is kept, not the schema's
 * copy of it: the schemas only check.
 */
export function checkedChange(file: string, item: unknown, i: number, strings: Interner): PlanResourceChange {
  const type = (item as { type?: unknown } | null)?.type;
  const modelled = typeof type === 'string' && isModelledType(type);
  // The plain checks below pass only what the schema passes; anything else goes to the schema,
  // which decides and names the problem.
  if (!(modelled ? fitsResourceChange(item) : fitsChangeHeader(item))) {
    const { ResourceChangeSchema, ResourceChangeHeaderSchema } = planSchemas();
    const r = (modelled ? ResourceChangeSchema : ResourceChangeHeaderSchema).safeParse(item);
    if (!r.success) throw new InputError(file, `is not a valid plan: resource_changes[${i}]${describeIssue(r.error, true)}`);
  }
  return (modelled ? compactChange(item, strings, keptAttributes) : item) as PlanResourceChange;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
const isActions = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((a) => typeof a === 'string');

/** Does `item` certainly pass ResourceChangeHeaderSchema? (A false answer proves nothing: the schema then decides.) */
export function fitsChangeHeader(item: unknown): boolean {
  return (
    isObject(item) &&
    typeof item.address === 'string' &&
    typeof item.type === 'string' &&
    typeof item.name === 'string' &&
    isObject(item.change) &&
    isActions(item.change.actions)
  );
}

/** Does `item` certainly pass ResourceChangeSchema? (A false answer proves nothing: the schema then decides.) */
export function fitsResourceChange(item: unknown): boolean {
  if (!fitsChangeHeader(item)) return false;
  const rc = item as Record<string, unknown>;
  const index = rc.index;
  if (
    !optionalString(rc.previous_address) ||
    !optionalString(rc.module_address) ||
    !optionalString(rc.mode) ||
    !optionalString(rc.provider_name) ||
    !optionalString(rc.deposed) ||
    !optionalString(rc.action_reason) ||
    !(index === undefined || index === null || typeof index === 'string' || (typeof index === 'number' && Number.isFinite(index)))
  )
    return false;
  const change = rc.change as Record<string, unknown>;
  const rp = change.replace_paths;
  if (
    rp !== undefined &&
    rp !== null &&
    !(
      Array.isArray(rp) &&
      rp.every((p) => Array.isArray(p) && p.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isFinite(s))))
    )
  )
    return false;
  const imp = change.importing;
  return (
    imp === undefined ||
    imp === null ||
    (isObject(imp) && optionalString(imp.id) && (imp.unknown === undefined || typeof imp.unknown === 'boolean'))
  );
}

const optionalBoolean = (v: unknown) => v === undefined || typeof v === 'boolean';
/** An object each of whose values passes `each` (a zod record of string keys). */
const isRecordOf = (v: unknown, each: (x: unknown) => boolean) => isObject(v) && Object.values(v).every(each);
const optionalRecord = (v: unknown) => v === undefined || isObject(v);

/** Does `o` certainly pass PlanHeaderSchema? (A false answer proves nothing: the schema then decides.) */
export function fitsPlanHeader(o: Record<string, unknown>): boolean {
  return (
    typeof o.format_version === 'string' &&
    optionalString(o.terraform_version) &&
    (o.variables === undefined || isRecordOf(o.variables, isObject)) &&
    (o.configuration === undefined || fitsConfiguration(o.configuration)) &&
    (o.resource_drift === undefined || Array.isArray(o.resource_drift)) &&
    optionalBoolean(o.errored) &&
    optionalBoolean(o.applyable) &&
    optionalBoolean(o.complete) &&
    optionalString(o.timestamp)
  );
}

function fitsConfiguration(c: unknown): boolean {
  return (
    isObject(c) &&
    (c.provider_config === undefined ||
      isRecordOf(
        c.provider_config,
        (p) =>
          isObject(p) &&
          optionalString(p.name) &&
          optionalString(p.full_name) &&
          optionalString(p.alias) &&
          optionalString(p.module_address) &&
          optionalRecord(p.expressions),
      )) &&
    (c.root_module === undefined || fitsConfigModule(c.root_module, 0))
  );
}

/** Modules nested deeper than this are left to the schema. */
const MAX_PLAIN_MODULE_DEPTH = 64;

function fitsConfigModule(m: unknown, depth: number): boolean {
  if (!isObject(m) || depth > MAX_PLAIN_MODULE_DEPTH) return false;
  const outputOrVariable = (v: unknown) => isObject(v) && optionalBoolean(v.sensitive);
  return (
    (m.resources === undefined ||
      (Array.isArray(m.resources) &&
        m.resources.every(
          (r) =>
            isObject(r) &&
            typeof r.address === 'string' &&
            optionalString(r.mode) &&
            typeof r.type === 'string' &&
            typeof r.name === 'string' &&
            optionalString(r.provider_config_key) &&
            optionalRecord(r.expressions),
        ))) &&
    (m.module_calls === undefined ||
      isRecordOf(
        m.module_calls,
        (c) =>
          isObject(c) &&
          optionalString(c.source) &&
          optionalRecord(c.expressions) &&
          (c.module === undefined || fitsConfigModule(c.module, depth + 1)),
      )) &&
    (m.outputs === undefined || isRecordOf(m.outputs, outputOrVariable)) &&
    (m.variables === undefined || isRecordOf(m.variables, outputOrVariable))
  );
}

/** Is this type modelled (by the checks' and estimators' declarations, src/engine/reads.ts)? */
export function isModelledType(type: string): boolean {
  return TYPE_TABLES.isModelled(type);
}

const keptAttributes = (type: string) => TYPE_TABLES.keptAttributes(type);

function describeIssue(err: z.ZodError, nested = false): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const where = nested ? path : path.replace(/^\./, '');
  // zod messages name expected and received types, never the values themselves.
  return `${where}${where ? ': ' : ''}${issue.message}`;
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
  }
  return -1;
}

const PLAN_TEXT_MARKERS = [
  'Terraform used the selected providers',
  'Terraform will perform the following actions',
  'OpenTofu used the selected providers',
  'OpenTofu will perform the following actions',
  'No changes. Your infrastructure matches the configuration',
  'Refreshing state...',
  'Plan: ',
  'Note: Objects have changed outside of',
];

function looksLikePlanText(text: string): boolean {
  const head = text.slice(0, 64 * 1024).replace(/\x1b\[[0-9;]*m/g, '');
  return PLAN_TEXT_MARKERS.some((m) => head.includes(m)) || /^\s*# \S+ will be (created|destroyed|updated)/m.test(head);
}
