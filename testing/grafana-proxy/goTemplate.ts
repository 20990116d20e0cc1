/**
 * The subset of Go text/template that Grafana evaluates in plugin.json routes
 * (pkg/api/pluginproxy/utils.go `interpolateString`: `template.New("content").Funcs({orEmpty})`,
 * executed over `templateData{JsonData map[string]interface{}, SecureJsonData map[string]string}`).
 *
 * Supported: literal text, `{{ pipeline }}` with `{{-` / `-}}` trim markers, field chains rooted at
 * `.JsonData` / `.SecureJsonData`, string (interpreted and raw), number and bool literals, the
 * builtins `or` / `and` and Grafana's `orEmpty`, pipelines with `|`.
 * Anything else throws GoTemplateError so a plugin.json relying on it fails the tests instead of
 * silently passing here and behaving differently in Grafana.
 */
import { formatGoValue, goValue, GoValue, MISSING } from './goValues';

export class GoTemplateError extends Error {
  constructor(
    message: string,
    readonly template: string
  ) {
    super(`${message} (template: ${JSON.stringify(template)})`);
    this.name = 'GoTemplateError';
  }
}

export interface TemplateData {
  JsonData: Record<string, unknown>;
  SecureJsonData: Record<string, string>;
}

type Operand =
  { type: 'field'; path: string[] } | { type: 'literal'; value: unknown } | { type: 'ident'; name: string };

interface Command {
  operands: Operand[];
}

type Node = { type: 'text'; text: string } | { type: 'action'; pipeline: Command[] };

const FUNCTIONS = new Set(['or', 'and', 'orEmpty']);
// Go builtins and keywords that parse in Go but are outside the subset: name them in the error.
const UNSUPPORTED_WORDS = new Set([
  'if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue',
  'not', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'len', 'index', 'slice', 'print', 'printf',
  'println', 'html', 'js', 'urlquery', 'call', 'nil',
]); // prettier-ignore

const TRIM_SPACE = /[ \t\r\n]/;

export function parseGoTemplate(template: string): Node[] {
  const nodes: Node[] = [];
  let pos = 0;
  let trimNextText = false;
  while (pos <= template.length) {
    const open = template.indexOf('{{', pos);
    let text = open === -1 ? template.slice(pos) : template.slice(pos, open);
    if (trimNextText) {
      text = text.replace(/^[ \t\r\n]+/, '');
    }
    if (open === -1) {
      pushText(nodes, text);
      break;
    }
    // Go's lexer: "{{- " (dash followed by a space) trims the preceding text.
    const leftTrim = template[open + 2] === '-' && TRIM_SPACE.test(template[open + 3] ?? '');
    if (leftTrim) {
      text = text.replace(/[ \t\r\n]+$/, '');
    }
    pushText(nodes, text);
    const close = template.indexOf('}}', open + 2);
    if (close === -1) {
      throw new GoTemplateError('unclosed action', template);
    }
    const rightTrim = template[close - 1] === '-' && TRIM_SPACE.test(template[close - 2] ?? '');
    const inner = template.slice(open + 2 + (leftTrim ? 1 : 0), rightTrim ? close - 1 : close);
    nodes.push({ type: 'action', pipeline: parsePipeline(inner, template) });
    trimNextText = rightTrim;
    pos = close + 2;
  }
  return nodes;
}

function pushText(nodes: Node[], text: string): void {
  if (text !== '') {
    nodes.push({ type: 'text', text });
  }
}

function parsePipeline(inner: string, template: string): Command[] {
  const tokens = tokenize(inner, template);
  if (tokens.length === 0) {
    throw new GoTemplateError('missing value for command', template);
  }
  const commands: Command[] = [{ operands: [] }];
  for (const token of tokens) {
    if (token === '|') {
      commands.push({ operands: [] });
    } else {
      commands[commands.length - 1].operands.push(token);
    }
  }
  if (commands.some((c) => c.operands.length === 0)) {
    throw new GoTemplateError('missing command in pipeline', template);
  }
  for (const [index, command] of commands.entries()) {
    const [head, ...args] = command.operands;
    const isCall = head.type === 'ident';
    if (!isCall && (args.length > 0 || index > 0)) {
      // Go: "can't give argument to non-function" / "non executable command in pipeline stage".
      throw new GoTemplateError(`command ${index + 1} is not a function call but has arguments`, template);
    }
    if (args.some((a) => a.type === 'ident')) {
      throw new GoTemplateError('function calls as arguments need parentheses, which are not supported', template);
    }
  }
  return commands;
}

function tokenize(src: string, template: string): Array<Operand | '|'> {
  const tokens: Array<Operand | '|'> = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (TRIM_SPACE.test(c)) {
      i++;
    } else if (c === '|') {
      tokens.push('|');
      i++;
    } else if (c === '.') {
      const m = /^(?:\.[\p{L}\p{N}_]+)+/u.exec(src.slice(i));
      if (!m) {
        throw new GoTemplateError(
          '`.` (dot) on its own is not supported: use .JsonData.x or .SecureJsonData.x',
          template
        );
      }
      tokens.push({ type: 'field', path: m[0].slice(1).split('.') });
      i += m[0].length;
    } else if (c === '"') {
      const m = /^"(?:[^"\\\n]|\\.)*"/.exec(src.slice(i));
      if (!m) {
        throw new GoTemplateError('unterminated quoted string', template);
      }
      tokens.push({ type: 'literal', value: unquoteGo(m[0], template) });
      i += m[0].length;
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end === -1) {
        throw new GoTemplateError('unterminated raw quoted string', template);
      }
      tokens.push({ type: 'literal', value: src.slice(i + 1, end).replace(/\r/g, '') });
      i = end + 1;
    } else if (/[-+0-9]/.test(c)) {
      const m = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\p{L}\p{N}_.])/u.exec(src.slice(i));
      if (!m) {
        throw new GoTemplateError(`unsupported number syntax at ${JSON.stringify(src.slice(i))}`, template);
      }
      tokens.push({ type: 'literal', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(src.slice(i));
      const word = m ? m[0] : c;
      if (word === 'true' || word === 'false') {
        tokens.push({ type: 'literal', value: word === 'true' });
      } else if (FUNCTIONS.has(word)) {
        tokens.push({ type: 'ident', name: word });
      } else if (UNSUPPORTED_WORDS.has(word)) {
        throw new GoTemplateError(`\`${word}\` is outside the supported subset of Go templates`, template);
      } else {
        // Go's parser rejects the whole template: `function "x" not defined`.
        throw new GoTemplateError(`function ${JSON.stringify(word)} not defined`, template);
      }
      i += word.length;
    } else {
      const what = c === '$' ? 'variables' : c === '(' ? 'parentheses' : c === '/' ? 'comments' : `\`${c}\``;
      throw new GoTemplateError(`${what} are outside the supported subset of Go templates`, template);
    }
  }
  return tokens;
}

/** strconv.Unquote for the escapes Go accepts in interpreted string literals. */
function unquoteGo(quoted: string, template: string): string {
  const body = quoted.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, esc: string) => {
    const simple: Record<string, string> = {
      a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"',
    }; // prettier-ignore
    if (esc in simple) {
      return simple[esc];
    }
    if (/^[xuU]/.test(esc)) {
      return String.fromCodePoint(parseInt(esc.slice(1), 16));
    }
    if (/^[0-7]{3}$/.test(esc)) {
      return String.fromCharCode(parseInt(esc, 8));
    }
    throw new GoTemplateError(`invalid escape \\${esc} in string literal`, template);
  });
}

/** Executes a parsed template; throws GoTemplateError where Go's Execute returns an error. */
export function executeGoTemplate(nodes: Node[], data: TemplateData, template: string): string {
  let out = '';
  for (const node of nodes) {
    out += node.type === 'text' ? node.text : formatGoValue(evalPipeline(node.pipeline, data, template));
  }
  return out;
}

export function interpolateGoTemplate(template: string, data: TemplateData): string {
  return executeGoTemplate(parseGoTemplate(template), data, template);
}

function evalPipeline(pipeline: Command[], data: TemplateData, template: string): GoValue {
  let final: GoValue | undefined;
  for (const command of pipeline) {
    final = evalCommand(command, final, data, template);
  }
  return final ?? MISSING;
}

function evalCommand(command: Command, final: GoValue | undefined, data: TemplateData, template: string): GoValue {
  const [head, ...rest] = command.operands;
  if (head.type !== 'ident') {
    return evalOperand(head, data, template);
  }
  // text/template appends the previous pipeline stage's value as the last argument.
  const args: Array<() => GoValue> = rest.map((operand) => () => evalOperand(operand, data, template));
  if (final !== undefined) {
    const piped = final;
    args.push(() => piped);
  }
  switch (head.name) {
    case 'orEmpty': {
      if (args.length !== 1) {
        throw new GoTemplateError(`wrong number of args for orEmpty: want 1 got ${args.length}`, template);
      }
      // Grafana's orEmpty(v interface{}): a missing key or JSON null arrives as nil and becomes "".
      const v = args[0]();
      return v.kind === 'missing' || v.v === null ? goValue('') : v;
    }
    case 'or':
    case 'and': {
      if (args.length === 0) {
        throw new GoTemplateError(`wrong number of args for ${head.name}: want at least 1 got 0`, template);
      }
      // Go >= 1.18 short-circuits: `or` returns the first truthy argument, `and` the first falsy
      // one, otherwise the last argument (unchanged: a missing key still prints <no value>).
      let v: GoValue = MISSING;
      for (const arg of args) {
        v = arg();
        if (isTrue(v) === (head.name === 'or')) {
          return v;
        }
      }
      return v;
    }
    default:
      throw new GoTemplateError(`function ${JSON.stringify(head.name)} not defined`, template);
  }
}

function evalOperand(operand: Operand, data: TemplateData, template: string): GoValue {
  if (operand.type === 'literal') {
    return goValue(operand.value);
  }
  if (operand.type === 'ident') {
    throw new GoTemplateError(`unexpected function ${operand.name}`, template);
  }
  return evalField(operand.path, data, template);
}

function evalField(path: string[], data: TemplateData, template: string): GoValue {
  const [root, ...keys] = path;
  if (root !== 'JsonData' && root !== 'SecureJsonData') {
    throw new GoTemplateError(`can't evaluate field ${root} in type pluginproxy.templateData`, template);
  }
  let current: GoValue = goValue(data[root] ?? {});
  let typeName = root === 'JsonData' ? 'map[string]interface {}' : 'map[string]string';
  for (const key of keys) {
    if (current.kind === 'missing') {
      // exec.go evalField: a field of an invalid value is the zero value (missingkey=default).
      continue;
    }
    const v = current.v;
    if (v === null || v === undefined) {
      throw new GoTemplateError(`nil pointer evaluating interface {}.${key}`, template);
    }
    if (typeof v !== 'object' || Array.isArray(v)) {
      throw new GoTemplateError(`can't evaluate field ${key} in type ${goTypeName(v, typeName)}`, template);
    }
    const record = v as Record<string, unknown>;
    current = Object.prototype.hasOwnProperty.call(record, key) ? goValue(record[key]) : MISSING;
    typeName = 'interface {}';
  }
  return current;
}

function goTypeName(v: unknown, staticType: string): string {
  return staticType === 'interface {}' ? 'interface {}' : typeof v === 'string' ? 'string' : staticType;
}

/** text/template isTrue: zero values, empty strings/maps/slices and missing keys are false. */
function isTrue(value: GoValue): boolean {
  if (value.kind === 'missing') {
    return false;
  }
  const v = value.v;
  if (v === null || v === undefined) {
    return false;
  }
  if (typeof v === 'string') {
    return v.length > 0;
  }
  if (typeof v === 'number') {
    return v !== 0;
  }
  if (typeof v === 'boolean') {
    return v;
  }
  if (Array.isArray(v)) {
    return v.length > 0;
  }
  if (typeof v === 'object') {
    return Object.keys(v).length > 0;
  }
  return true;
}
