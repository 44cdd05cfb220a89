import { open } from 'node:fs/promises';
import { BACKSLASH, COLON, COMMA, isSpace, LBRACE, LBRACKET, QUOTE, RBRACE, RBRACKET, StringSkipper } from '../load/json-scan.js';
import { InputError } from './errors.js';

/**
 * Streaming reader for plans too large to hold as one string. It scans the file's bytes once,
 * keeps the top-level values the analysis needs (format_version, terraform_version, variables,
 * configuration …) and, from `resource_changes`, only the elements whose `type` passes `keep`.
 * From `prior_state`, only the data sources whose type passes `keepData` (PriorStateScan).
 * Everything else (planned_values, the rest of prior_state, resource_drift, unkept changes) is
 * skipped without being decoded. Each kept value is decoded with the native JSON.parse.
 */
export interface StreamedPlan {
  /** Kept top-level members, parsed. */
  header: Record<string, unknown>;
  /** Kept resource changes, parsed, in file order. */
  changes: unknown[];
  /** How many resource changes the file holds in all. */
  totalChanges: number;
  /** Every resource type the file holds. */
  types: Set<string>;
}

/** Top-level members that are present-only: their value is skipped and recorded as `true`. */
const PRESENCE_ONLY = new Set(['values']);
// `deferred_changes` is kept (parsed whole): the changes Terraform could not plan yet are few.
const SKIP_TOP = new Set([
  'values',
  'planned_values',
  'prior_state',
  'resource_drift',
  'output_changes',
  'relevant_attributes',
  'checks',
  'action_invocations',
]);

type Mode =
  | 'start' // before the top-level '{'
  | 'top-key' // expecting a top-level key, ',' or '}'
  | 'top-colon'
  | 'top-value' // expecting the start of a top-level value
  | 'value' // inside a top-level value (captured or skipped)
  | 'rc-open' // expecting '[' of resource_changes
  | 'rc-item' // expecting an element '{', ',' or ']'
  | 'rc-elem' // inside an element
  | 'prior' // inside prior_state, read by a PriorStateScan
  | 'done';

/** Where a scan is inside nested JSON: bracket depth and whether inside a string. */
class Nesting {
  depth = 0;
  inString = false;
  /** The last scan reached depth 0: the value or element is complete. */
  closed = false;
  /** The last scan went deeper than `maxDepth`: it stopped just after that bracket. */
  tooDeep = false;
  readonly strings = new StringSkipper();
  constructor(public maxDepth = Infinity) {}
}

/**
 * The hot loop: scans from `i` until the nesting closes (depth 0 outside a string) or the chunk
 * ends. Kept small and on local variables so the engine can optimise it well.
 */
function scanNested(chunk: Buffer, i: number, st: Nesting): number {
  const n = chunk.length;
  let depth = st.depth;
  let inString = st.inString;
  st.closed = false;
  st.tooDeep = false;
  while (i < n) {
    if (inString) {
      i = st.strings.skip(chunk, i);
      if (st.strings.open) break;
      inString = false;
      if (depth === 0) {
        st.closed = true;
        break;
      }
      continue;
    }
    const d = chunk[i++]!;
    if (d === QUOTE) inString = true;
    else if (d === LBRACE || d === LBRACKET) {
      if (++depth > st.maxDepth) {
        st.tooDeep = true;
        break;
      }
    } else if (d === RBRACE || d === RBRACKET) {
      depth--;
      if (depth === 0) {
        st.closed = true;
        break;
      }
    }
  }
  st.depth = depth;
  st.inString = inString;
  return i;
}

/**
 * `decoded` is applied to each kept change, with its index in the file, as soon as it is
 * decoded (the loader checks and compacts it there, so that nothing else of it outlives the moment).
 */
export async function streamPlan(
  file: string,
  keep: (type: string) => boolean,
  chunkSize = 1 << 20,
  decoded: (change: unknown, index: number) => unknown = (c) => c,
  maxDepth = Infinity,
  /** The file read, when it is not `file` (which names it in messages). */
  path = file,
  /** The data source types kept from `prior_state` (see PriorStateScan); without it prior_state is skipped. */
  keepData?: (type: string) => boolean,
): Promise<StreamedPlan> {
  const header: Record<string, unknown> = {};
  const changes: unknown[] = [];
  let totalChanges = 0;
  const types = new Set<string>();

  let mode: Mode = 'start';
  let offset = 0; // absolute offset of the current chunk's first byte
  let depth = 0; // nesting depth inside the current value / element
  let inString = false;
  let scalar = false; // a top-level scalar value (number, true, false, null)
  let key = '';
  let keyBytes: number[] | null = null; // collecting a top-level key
  let keyEscape = false;
  let capture: Buffer[] | null = null;
  let captureStart = 0;
  // Depths counted from the document: a top-level value is inside the top-level object (1), an
  // element of resource_changes inside its array too (2).
  const nest = new Nesting();
  const strings = nest.strings;
  // resource_changes[i]: its top-level keys are read to find `type`.
  const NONE = 0;
  const KEY = 1;
  const TYPE = 2;
  let collect = NONE; // what the current string is kept for
  let pieces: Buffer[] = [];
  let expectElemKey = false;
  let wantTypeValue = false;
  let elemType: string | undefined;
  let tryEnd = false; // the element's likely end has not been tried yet
  let prior: PriorStateScan | undefined;

  const fail = (what: string, at: number): never => {
    throw new InputError(file, `is not valid JSON: at byte offset ${at} ${what}`);
  };
  const tooDeep = (at: number): never => {
    throw new InputError(file, tooDeepProblem(maxDepth, `byte offset ${at}`));
  };
  const finishValue = (chunk: Buffer, end: number) => {
    if (capture) {
      capture.push(chunk.subarray(captureStart, end));
      const text = Buffer.concat(capture).toString('utf8');
      capture = null;
      try {
        header[key] = JSON.parse(text);
      } catch {
        fail(`in the value of "${key.slice(0, 40)}"`, offset + end);
      }
    }
    mode = 'top-key';
  };

  /** An element of resource_changes ends at `end`: parse it if kept (`parsed`: already parsed by `likelyEnd`). */
  const finishElement = (chunk: Buffer, end: number, parsed?: unknown) => {
    totalChanges++;
    if (parsed !== undefined) changes.push(decoded(parsed, totalChanges - 1));
    else if (capture && elemType !== undefined) {
      // Most elements lie within one chunk: decode them in place.
      const text =
        capture.length === 0
          ? chunk.toString('utf8', captureStart, end)
          : Buffer.concat([...capture, chunk.subarray(captureStart, end)]).toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        fail(`in resource_changes[${totalChanges - 1}]`, offset + end);
      }
      changes.push(decoded(value, totalChanges - 1));
    }
    capture = null;
    mode = 'rc-item';
  };

  // One buffer is read into again and again (a stream would allocate a new one per chunk, and
  // a huge file would keep tens of MB of them in flight). What outlives a chunk is copied.
  const fh = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(chunkSize);
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buffer, 0, chunkSize, null);
      if (bytesRead === 0) break;
      const chunk = bytesRead === chunkSize ? buffer : buffer.subarray(0, bytesRead);
      const n = chunk.length;
      let i = 0;
      captureStart = 0;
      while (i < n) {
        const c = chunk[i]!;
        switch (mode) {
          case 'start':
            if (c === LBRACE) mode = 'top-key';
            else if (!isSpace(c) && !(offset + i < 3 && (c === 0xef || c === 0xbb || c === 0xbf))) fail('expected "{"', offset + i);
            i++;
            break;
          case 'top-key':
            if (keyBytes) {
              if (keyEscape) keyEscape = false;
              else if (c === BACKSLASH) keyEscape = true;
              else if (c === QUOTE) {
                key = Buffer.from(keyBytes).toString('utf8');
                keyBytes = null;
                mode = 'top-colon';
                i++;
                break;
              }
              if (keyBytes.length < 256) keyBytes.push(c);
            } else if (c === QUOTE) keyBytes = [];
            else if (c === RBRACE) mode = 'done';
            else if (c !== COMMA && !isSpace(c)) fail('expected a property name', offset + i);
            i++;
            break;
          case 'top-colon':
            if (c === COLON) mode = 'top-value';
            else if (!isSpace(c)) fail('expected ":"', offset + i);
            i++;
            break;
          case 'top-value':
            if (isSpace(c)) {
              i++;
              break;
            }
            if (key === 'resource_changes') {
              mode = 'rc-open';
              break;
            }
            if (key === 'prior_state' && keepData && c === LBRACE) {
              mode = 'prior';
              prior = new PriorStateScan(keepData, maxDepth, fail, tooDeep);
              break;
            }
            mode = 'value';
            depth = 0;
            inString = false;
            scalar = c !== LBRACE && c !== LBRACKET && c !== QUOTE;
            if (!SKIP_TOP.has(key)) {
              capture = [];
              captureStart = i;
            } else if (PRESENCE_ONLY.has(key)) header[key] = true;
            if (scalar) break; // scanned in 'value' without consuming
            if (c === QUOTE) inString = true;
            else depth = 1;
            i++;
            break;
          case 'value': {
            if (scalar) {
              while (i < n) {
                const d = chunk[i]!;
                if (d === COMMA || d === RBRACE || isSpace(d)) break;
                i++;
              }
              if (i < n) {
                scalar = false;
                finishValue(chunk, i);
              }
              break;
            }
            nest.depth = depth;
            nest.inString = inString;
            nest.maxDepth = maxDepth - 1;
            i = scanNested(chunk, i, nest);
            if (nest.tooDeep) tooDeep(offset + i - 1);
            depth = nest.depth;
            inString = nest.inString;
            if (nest.closed) finishValue(chunk, i);
            break;
          }
          case 'rc-open':
            if (c === LBRACKET) mode = 'rc-item';
            else if (c === 0x6e /* null */) {
              mode = 'value';
              scalar = true;
              break;
            } else if (!isSpace(c)) fail('expected "[" for resource_changes', offset + i);
            i++;
            break;
          case 'rc-item':
            if (c === LBRACE) {
              mode = 'rc-elem';
              depth = 1;
              inString = false;
              capture = [];
              captureStart = i;
              expectElemKey = true;
              collect = NONE;
              pieces = [];
              wantTypeValue = false;
              elemType = undefined;
              tryEnd = true;
            } else if (c === RBRACKET) mode = 'top-key';
            else if (c !== COMMA && !isSpace(c)) fail('expected an object in resource_changes', offset + i);
            i++;
            break;
          case 'rc-elem': {
            if (elemType !== undefined) {
              // The type is known: only the end of the element matters now. A kept element that
              // lies within this chunk is first tried at the end Terraform's layout suggests.
              if (tryEnd && capture !== null && capture.length === 0) {
                tryEnd = false;
                const end = likelyEnd(chunk, i, captureStart, maxDepth - 2);
                if (end !== -1) {
                  i = end;
                  finishElement(chunk, end, likelyValue);
                  likelyValue = undefined;
                  break;
                }
              }
              nest.depth = depth;
              nest.inString = inString;
              nest.maxDepth = maxDepth - 2;
              i = scanNested(chunk, i, nest);
              if (nest.tooDeep) tooDeep(offset + i - 1);
              depth = nest.depth;
              inString = nest.inString;
              if (nest.closed) finishElement(chunk, i);
              break;
            }
            while (i < n) {
              if (inString) {
                // Jump over the string; keep its text only for the element's keys and its `type`.
                const start = i;
                i = strings.skip(chunk, i);
                if (collect === KEY && !strings.open && pieces.length === 0) {
                  // The common case, a key within one chunk: compare its bytes with "type".
                  inString = false;
                  wantTypeValue = isTypeKey(chunk, start, i - 1);
                  collect = NONE;
                  continue;
                }
                // A string within this chunk is decoded in place; one split across chunks is pieced together.
                const whole = !strings.open && pieces.length === 0;
                if (collect !== NONE && !whole) pieces.push(Buffer.from(chunk.subarray(start, strings.open ? i : i - 1)));
                if (strings.open) break;
                inString = false;
                if (collect !== NONE) {
                  const raw = whole
                    ? chunk.toString('utf8', start, i - 1)
                    : pieces.length === 1
                      ? pieces[0]!.toString('utf8')
                      : Buffer.concat(pieces).toString('utf8');
                  const text = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
                  if (pieces.length > 0) pieces = [];
                  if (collect === KEY) wantTypeValue = text === 'type';
                  else {
                    elemType = text;
                    types.add(text);
                    if (!keep(elemType)) capture = null; // not kept: stop buffering its bytes
                    collect = NONE;
                    break; // on with the fast scan
                  }
                  collect = NONE;
                }
                continue;
              }
              const d = chunk[i++]!;
              if (d === QUOTE) {
                inString = true;
                if (depth === 1 && expectElemKey) {
                  collect = KEY;
                  expectElemKey = false;
                } else if (depth === 1 && wantTypeValue) {
                  collect = TYPE;
                  wantTypeValue = false;
                }
              } else if (d === LBRACE || d === LBRACKET) {
                if (++depth > maxDepth - 2) tooDeep(offset + i - 1);
                wantTypeValue = false;
              } else if (d === RBRACE || d === RBRACKET) {
                depth--;
                if (depth === 0) {
                  finishElement(chunk, i);
                  break;
                }
              } else if (depth === 1) {
                if (d === COMMA) expectElemKey = true;
                else if (d !== COLON && !isSpace(d)) wantTypeValue = false;
              }
            }
            break;
          }
          case 'prior':
            i = prior!.feed(chunk, i, offset);
            if (prior!.done) {
              header.prior_state = prior!.state;
              prior = undefined;
              mode = 'top-key';
            }
            break;
          case 'done':
            if (!isSpace(c)) fail('unexpected content after the end of the document', offset + i);
            i++;
            break;
        }
      }
      if (capture && (mode === 'value' || mode === 'rc-elem')) capture.push(Buffer.from(chunk.subarray(captureStart)));
      offset += n;
    }
  } finally {
    await fh.close();
  }
  if (mode !== 'done') {
    throw new InputError(
      file,
      `is truncated: the JSON ends at byte offset ${offset} inside ${mode === 'rc-elem' || mode === 'rc-item' ? 'resource_changes' : 'a value'}; write the plan again`,
    );
  }
  return { header, changes, totalChanges, types };
}

/** The value `likelyEnd` parsed (set together with its answer; a module variable to spare an object per element). */
let likelyValue: unknown;

/** Terraform writes each element of resource_changes as `{"address":…` right after the previous one's `},`. */
const NEXT_ELEMENT = Buffer.from('{"address":"');

/**
 * The end of the element of resource_changes that starts at `start` in `chunk` (its `{`), found
 * without scanning its bytes: the `}` before the next `,{"address":"` from `from`, confirmed by
 * JSON.parse of the text between (a complete JSON text closes exactly at its last byte, so a
 * parse that succeeds proves the element ends there; a candidate inside a string or a nested
 * object does not parse). Returns the index after the `}`, with the value in `likelyValue`, or
 * -1 when there is no candidate in this chunk or it does not parse: the caller then scans.
 * `maxDepth`: the element's own nesting allowed (itself at 1); a value nested deeper is left to
 * the scan, which names where.
 */
function likelyEnd(chunk: Buffer, from: number, start: number, maxDepth: number): number {
  const next = chunk.indexOf(NEXT_ELEMENT, from);
  if (next === -1) return -1;
  let j = next - 1;
  while (j > from && isSpace(chunk[j]!)) j--;
  if (chunk[j] !== COMMA) return -1;
  j--;
  while (j > from && isSpace(chunk[j]!)) j--;
  if (chunk[j] !== RBRACE) return -1;
  const end = j + 1;
  let value: unknown;
  try {
    value = JSON.parse(chunk.toString('utf8', start, end));
  } catch {
    return -1;
  }
  // A text of n bytes nests at most n/2 deep: only a long one needs its value walked.
  if ((end - start) / 2 > maxDepth && nestsDeeper(value, 1, maxDepth)) return -1;
  likelyValue = value;
  return end;
}

/** Does `v` (at nesting `depth`) hold arrays or objects nested deeper than `max`? */
function nestsDeeper(v: unknown, depth: number, max: number): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (depth > max) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (nestsDeeper(v[i], depth + 1, max)) return true;
    return false;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) if (nestsDeeper(o[k], depth + 1, max)) return true;
  return false;
}

/** The problem of a document nested deeper than `max`. */
export function tooDeepProblem(max: number, where: string): string {
  return `nests arrays and objects more than ${max} deep (at ${where}); a Terraform plan never does: pass the output of \`terraform show -json plan.out\``;
}

/** Are the bytes [start, end) exactly `type`? */
function isTypeKey(chunk: Buffer, start: number, end: number): boolean {
  return end - start === 4 && chunk[start] === 0x74 && chunk[start + 1] === 0x79 && chunk[start + 2] === 0x70 && chunk[start + 3] === 0x65;
}

/** A module of `prior_state.values` as kept: its address, its kept resources and its child modules. */
interface PriorModule {
  address?: string;
  resources: unknown[];
  child_modules: PriorModule[];
}

/** What an open container inside `prior_state` is: the path to its resources is followed, the rest skipped. */
type Role = 'state' | 'values' | 'module' | 'resources' | 'children';
interface Frame {
  arr: boolean;
  role: Role;
  mod?: PriorModule;
  expectKey: boolean;
  key: string;
}

/**
 * Scans the value of `prior_state` (from its '{'): follows `values.root_module`, its `resources`
 * and `child_modules` (and a module's `address`), keeps the resources of `mode` "data" whose
 * `type` passes `keep`, decoded, and skips everything else without decoding it. The result,
 * `state`, is shaped as the whole value is, holding only what was kept, so that the whole-file
 * reader's walk (load.ts, priorDataSources) reads it the same.
 */
export class PriorStateScan {
  readonly state: { values?: { root_module?: PriorModule } } = {};
  done = false;
  private readonly frames: Frame[] = [];
  private st: 'tok' | 'str' | 'skip' | 'scalar' | 'elem' | 'elem-tail' = 'tok';
  private readonly nest = new Nesting();
  // A string whose text is kept: a key of the path, a module's address, an element's key or its mode/type.
  private collecting: 'key' | 'address' | 'elem-key' | 'elem-value' | null = null;
  private pieces: Buffer[] = [];
  // The resource element being read.
  private capture: Buffer[] | null = null;
  private captureStart = 0;
  private elemDepth = 0;
  private elemInString = false;
  private elemExpectKey = false;
  private elemKey = '';
  private elemMode: string | undefined;
  private elemType: string | undefined;

  constructor(
    private readonly keep: (type: string) => boolean,
    private readonly maxDepth: number,
    private readonly fail: (what: string, at: number) => never,
    private readonly tooDeep: (at: number) => never,
  ) {}

  /** Scans `chunk` from `i` (`offset`: the chunk's place in the file); returns where it stopped: the chunk's end, or just after prior_state's '}'. */
  feed(chunk: Buffer, i: number, offset: number): number {
    const n = chunk.length;
    while (i < n && !this.done) {
      switch (this.st) {
        case 'tok':
          i = this.token(chunk, i, offset);
          break;
        case 'str': {
          const start = i;
          i = this.nest.strings.skip(chunk, i);
          const open = this.nest.strings.open;
          this.pieces.push(Buffer.from(chunk.subarray(start, open ? i : i - 1)));
          if (open) break;
          const text = this.text();
          const top = this.frames[this.frames.length - 1]!;
          if (this.collecting === 'key') top.key = text;
          else if (top.mod && top.key === 'address') top.mod.address = text;
          this.collecting = null;
          this.st = 'tok';
          break;
        }
        case 'skip':
          i = scanNested(chunk, i, this.nest);
          if (this.nest.tooDeep) this.tooDeep(offset + i - 1);
          if (this.nest.closed) this.st = 'tok';
          break;
        case 'scalar': {
          const d = chunk[i]!;
          if (d === COMMA || d === RBRACE || d === RBRACKET || isSpace(d)) this.st = 'tok';
          else i++;
          break;
        }
        case 'elem':
          i = this.elementHead(chunk, i, offset);
          break;
        case 'elem-tail':
          this.nest.depth = this.elemDepth;
          this.nest.inString = this.elemInString;
          this.nest.maxDepth = this.maxDepth - 1 - this.frames.length;
          i = scanNested(chunk, i, this.nest);
          if (this.nest.tooDeep) this.tooDeep(offset + i - 1);
          this.elemDepth = this.nest.depth;
          this.elemInString = this.nest.inString;
          if (this.nest.closed) this.finishElement(chunk, i, offset);
          break;
      }
    }
    if (this.capture && i >= n && (this.st === 'elem' || this.st === 'elem-tail')) {
      this.capture.push(Buffer.from(chunk.subarray(this.captureStart)));
      this.captureStart = 0;
    }
    return i;
  }

  /** The structure along the path: keys, values, the opening and closing of containers. */
  private token(chunk: Buffer, i: number, offset: number): number {
    const c = chunk[i]!;
    if (isSpace(c)) return i + 1;
    const top = this.frames[this.frames.length - 1];
    if (!top) {
      if (c !== LBRACE) this.fail('expected "{" for prior_state', offset + i);
      this.push({ arr: false, role: 'state', expectKey: true, key: '' }, offset + i);
      return i + 1;
    }
    if (c === COMMA) {
      if (!top.arr) top.expectKey = true;
      return i + 1;
    }
    if (c === (top.arr ? RBRACKET : RBRACE)) {
      this.frames.pop();
      if (this.frames.length === 0) this.done = true;
      return i + 1;
    }
    if (!top.arr && top.expectKey) {
      if (c !== QUOTE) this.fail('expected a property name', offset + i);
      top.expectKey = false;
      this.startString('key');
      return i + 1;
    }
    if (!top.arr && c === COLON) return i + 1;
    // The start of a value: in an array, an element; in an object, the value of `top.key`.
    const key = top.arr ? '' : top.key;
    if (c === LBRACE) {
      if (top.role === 'state' && key === 'values') {
        this.state.values ??= {};
        this.push({ arr: false, role: 'values', expectKey: true, key: '' }, offset + i);
        return i + 1;
      }
      if ((top.role === 'values' && key === 'root_module') || top.role === 'children') {
        const mod: PriorModule = { resources: [], child_modules: [] };
        if (top.role === 'values') this.state.values!.root_module = mod;
        else top.mod!.child_modules.push(mod);
        this.push({ arr: false, role: 'module', mod, expectKey: true, key: '' }, offset + i);
        return i + 1;
      }
      if (top.role === 'resources') {
        if (2 + this.frames.length > this.maxDepth) this.tooDeep(offset + i);
        this.st = 'elem';
        this.capture = [];
        this.captureStart = i;
        this.elemDepth = 1;
        this.elemInString = false;
        this.elemExpectKey = true;
        this.elemKey = '';
        this.elemMode = undefined;
        this.elemType = undefined;
        return i + 1;
      }
    } else if (c === LBRACKET && top.role === 'module' && (key === 'resources' || key === 'child_modules')) {
      this.push({ arr: true, role: key === 'resources' ? 'resources' : 'children', mod: top.mod, expectKey: false, key: '' }, offset + i);
      return i + 1;
    } else if (c === QUOTE && top.role === 'module' && key === 'address') {
      this.startString('address');
      return i + 1;
    }
    // Off the path: skipped without being decoded.
    if (c === LBRACE || c === LBRACKET || c === QUOTE) {
      this.nest.depth = c === QUOTE ? 0 : 1;
      this.nest.inString = c === QUOTE;
      this.nest.maxDepth = this.maxDepth - 1 - this.frames.length;
      if (this.nest.depth > this.nest.maxDepth) this.tooDeep(offset + i);
      this.st = 'skip';
    } else this.st = 'scalar';
    return c === LBRACE || c === LBRACKET || c === QUOTE ? i + 1 : i;
  }

  private push(frame: Frame, at: number) {
    if (2 + this.frames.length > this.maxDepth) this.tooDeep(at);
    this.frames.push(frame);
  }

  private startString(what: 'key' | 'address') {
    this.collecting = what;
    this.pieces = [];
    this.st = 'str';
  }

  /** The text of the string collected in `pieces`. */
  private text(): string {
    const raw = this.pieces.length === 1 ? this.pieces[0]!.toString('utf8') : Buffer.concat(this.pieces).toString('utf8');
    this.pieces = [];
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** A resource element until its `mode` and `type` decide whether it is kept. */
  private elementHead(chunk: Buffer, i: number, offset: number): number {
    const n = chunk.length;
    const strings = this.nest.strings;
    while (i < n) {
      if (this.elemInString) {
        const start = i;
        i = strings.skip(chunk, i);
        if (this.collecting === 'elem-key' && !strings.open && this.pieces.length === 0) {
          // The common case, a key within one chunk: only "type" and "mode" matter, compared in place.
          this.elemInString = false;
          this.collecting = null;
          this.elemKey = isTypeKey(chunk, start, i - 1) ? 'type' : isModeKey(chunk, start, i - 1) ? 'mode' : '';
          continue;
        }
        if (this.collecting) this.pieces.push(Buffer.from(chunk.subarray(start, strings.open ? i : i - 1)));
        if (strings.open) return i;
        this.elemInString = false;
        if (this.collecting === 'elem-key') this.elemKey = this.text();
        else if (this.collecting === 'elem-value') {
          if (this.elemKey === 'type') this.elemType = this.text();
          else this.elemMode = this.text();
          const dropped =
            (this.elemMode !== undefined && this.elemMode !== 'data') || (this.elemType !== undefined && !this.keep(this.elemType));
          if (dropped) this.capture = null; // not kept: stop buffering its bytes
          if (dropped || this.elemType !== undefined) {
            this.collecting = null;
            this.st = 'elem-tail';
            return i;
          }
        }
        this.collecting = null;
        continue;
      }
      const d = chunk[i++]!;
      if (d === QUOTE) {
        this.elemInString = true;
        this.pieces = [];
        if (this.elemDepth === 1 && this.elemExpectKey) {
          this.collecting = 'elem-key';
          this.elemExpectKey = false;
        } else if (this.elemDepth === 1 && (this.elemKey === 'type' || this.elemKey === 'mode')) this.collecting = 'elem-value';
      } else if (d === LBRACE || d === LBRACKET) {
        if (++this.elemDepth + 1 + this.frames.length > this.maxDepth) this.tooDeep(offset + i - 1);
      } else if (d === RBRACE || d === RBRACKET) {
        if (--this.elemDepth === 0) {
          this.finishElement(chunk, i, offset);
          return i;
        }
      } else if (this.elemDepth === 1 && d === COMMA) {
        this.elemExpectKey = true;
        this.elemKey = '';
      }
    }
    return i;
  }

  /** A resource element ends at `end`: decoded and kept if it was kept. */
  private finishElement(chunk: Buffer, end: number, offset: number) {
    if (this.capture) {
      const text =
        this.capture.length === 0
          ? chunk.toString('utf8', this.captureStart, end)
          : Buffer.concat([...this.capture, chunk.subarray(this.captureStart, end)]).toString('utf8');
      try {
        this.frames[this.frames.length - 1]!.mod!.resources.push(JSON.parse(text));
      } catch {
        this.fail('in a resource of prior_state', offset + end);
      }
    }
    this.capture = null;
    this.st = 'tok';
  }
}

/** Are the bytes [start, end) exactly `mode`? */
function isModeKey(chunk: Buffer, start: number, end: number): boolean {
  return end - start === 4 && chunk[start] === 0x6d && chunk[start + 1] === 0x6f && chunk[start + 2] === 0x64 && chunk[start + 3] === 0x65;
}
