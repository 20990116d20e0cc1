/**
 * The subset of Go text/template that Grafana evaluates in plugin.json routes
 * (pkg/api/pluginproxy/utils.go `interpolateString`: `template.New("content").Funcs({orEmpty})`,
 * executed over `templateData{JsonData map[string]interface{}, SecureJsonData map[string]string}`,
 * jsonData decoded with json.Decoder.UseNumber()).
 *
 * Supported, as Go's text/template/parse lex.go and parse.go and exec.go do it: literal text,
 * actions with `{{-` / `-}}` trim markers, comments, pipelines with `|`, field chains rooted at
 * `.JsonData` / `.SecureJsonData`, string (interpreted and raw), character, integer, float and bool
 * literals, `nil` as an argument, the builtins `or` / `and` / `not` and Grafana's `orEmpty`.
 * gotemplate-golden/ checks every case of its corpus against real Go.
 *
 * Anything else Go accepts throws GoTemplateUnsupportedError (a GoTemplateError), so a plugin.json
 * relying on it fails the tests instead of behaving differently here; what Go rejects throws
 * GoTemplateError.
 */
import { formatGoValue, goValue, GoValue, JsonNumber, JsonValue, MISSING, toJsonValue } from './goValues';

export class GoTemplateError extends Error {
  constructor(
    message: string,
    readonly template: string
  ) {
    super(`${message} (template: ${JSON.stringify(template)})`);
    this.name = 'GoTemplateError';
  }
}

/** A template Go would accept, using a construct this engine does not implement. */
export class GoTemplateUnsupportedError extends GoTemplateError {
  constructor(message: string, template: string) {
    super(message, template);
    this.name = 'GoTemplateUnsupportedError';
  }
}

export interface TemplateData {
  JsonData: Record<string, unknown>;
  SecureJsonData: Record<string, string>;
}

/** Thrown inside the engine; the exported functions add the template text. */
class Failure extends Error {
  constructor(
    message: string,
    readonly unsupported = false
  ) {
    super(message);
  }
}

function fail(message: string): never {
  throw new Failure(message);
}

function unsupported(construct: string): never {
  throw new Failure(`${construct} outside the supported subset of Go templates`, true);
}

function withTemplate<T>(template: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof Failure) {
      const ErrorClass = err.unsupported ? GoTemplateUnsupportedError : GoTemplateError;
      throw new ErrorClass(err.message, template);
    }
    throw err;
  }
}

type Literal = string | boolean | bigint | number; // bigint is Go's int, number its float64

type Operand =
  | { type: 'field'; path: string[] }
  | { type: 'literal'; value: Literal }
  | { type: 'nil' }
  // An integer literal between int64 and uint64 range parses, then fails when evaluated.
  | { type: 'overflow'; text: string }
  | { type: 'call'; name: string };

interface Command {
  operands: Operand[];
}

type Node = { type: 'text'; text: string } | { type: 'action'; pipeline: Command[] };

type Token = { type: 'space' } | { type: 'pipe' } | Operand;

const FUNCTIONS = new Set(['or', 'and', 'not', 'orEmpty']);
// Go's other builtins (funcs.go) and keywords (lex.go): valid Go, not implemented here.
const UNSUPPORTED_FUNCTIONS = new Set([
  'call', 'html', 'index', 'slice', 'js', 'len', 'print', 'printf', 'println', 'urlquery',
  'eq', 'ge', 'gt', 'le', 'lt', 'ne',
]); // prettier-ignore
const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const JSON_NUMBER_METHODS = new Set(['String', 'Float64', 'Int64']);

const INT64_MIN = -(BigInt(2) ** BigInt(63));
const UINT64_LIMIT = BigInt(2) ** BigInt(64);

// lex.go isSpace / isAlphaNumeric (unicode.IsLetter, unicode.IsDigit).
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}
const ALNUM_RUN = /[\p{L}\p{Nd}_]*/uy;

function alnumRunAt(src: string, i: number): string {
  ALNUM_RUN.lastIndex = i;
  return ALNUM_RUN.exec(src)?.[0] ?? '';
}

/** lex.go atTerminator: what may follow a field or identifier. */
function atTerminator(src: string, i: number): boolean {
  return i >= src.length || isSpace(src[i]) || '.,|:)('.includes(src[i]) || src.startsWith('}}', i);
}

/** "}}", or " -}}" which also trims the text after it. */
function rightDelimAt(src: string, i: number): { end: number; trim: boolean } | undefined {
  if (isSpace(src[i]) && src[i + 1] === '-' && src.startsWith('}}', i + 2)) {
    return { end: i + 4, trim: true };
  }
  return src.startsWith('}}', i) ? { end: i + 2, trim: false } : undefined;
}

export function parseGoTemplate(template: string): Node[] {
  return withTemplate(template, () => {
    const nodes: Node[] = [];
    const pushText = (text: string) => text !== '' && nodes.push({ type: 'text', text });
    let pos = 0;
    let trimText = false; // the previous action ended with " -}}"
    for (;;) {
      const open = template.indexOf('{{', pos);
      let text = template.slice(pos, open === -1 ? template.length : open);
      if (trimText) {
        text = text.replace(/^[ \t\r\n]+/, '');
      }
      if (open === -1) {
        pushText(text);
        return nodes;
      }
      // "{{- " (a dash and a space) trims the text before it; "{{-3" is the number -3.
      const leftTrim = template[open + 2] === '-' && isSpace(template[open + 3]);
      if (leftTrim) {
        text = text.replace(/[ \t\r\n]+$/, '');
      }
      pushText(text);
      const start = open + 2 + (leftTrim ? 2 : 0);
      if (template.startsWith('/*', start)) {
        // A comment fills the whole action: "{{/*" ... "*/}}", with optional trim markers.
        const close = template.indexOf('*/', start + 2);
        const delim = close === -1 ? fail('unclosed comment') : rightDelimAt(template, close + 2);
        ({ end: pos, trim: trimText } = delim ?? fail('comment ends before closing delimiter'));
        continue;
      }
      const action = lexAction(template, start);
      nodes.push({ type: 'action', pipeline: parsePipeline(action.tokens) });
      ({ end: pos, trim: trimText } = action);
    }
  });
}

/** lex.go lexInsideAction, up to and including the right delimiter. */
function lexAction(src: string, start: number): { tokens: Token[]; end: number; trim: boolean } {
  const tokens: Token[] = [];
  let i = start;
  for (;;) {
    const delim = rightDelimAt(src, i);
    if (delim) {
      return { tokens, ...delim };
    }
    const c = src[i];
    if (c === undefined) {
      fail('unclosed action');
    }
    if (isSpace(c)) {
      let j = i;
      while (isSpace(src[j])) {
        j++;
      }
      // Leave the last space to a following "-}}": together they are the trim-marked delimiter.
      i = src[j] === '-' && src.startsWith('}}', j + 1) ? j - 1 : j;
      tokens.push({ type: 'space' });
    } else if (c === '|') {
      tokens.push({ type: 'pipe' });
      i++;
    } else if (c === '"' || c === "'") {
      const end = scanQuoted(src, i);
      const quoted = src.slice(i, end);
      tokens.push(c === '"' ? { type: 'literal', value: unquoteString(quoted) } : parseChar(quoted));
      i = end;
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end === -1) {
        fail('unterminated raw quoted string');
      }
      // strconv.Unquote drops carriage returns from raw strings.
      tokens.push({ type: 'literal', value: src.slice(i + 1, end).replace(/\r/g, '') });
      i = end + 1;
    } else if (c === '.' && !/[0-9]/.test(src[i + 1] ?? '0')) {
      // A field, joined to the field before it: ".JsonData.a" is lexed as ".JsonData" and ".a".
      const previous = tokens[tokens.length - 1];
      const afterOperand = previous !== undefined && previous.type !== 'space' && previous.type !== 'pipe';
      const name = alnumRunAt(src, i + 1);
      i += 1 + name.length;
      if (!atTerminator(src, i)) {
        fail(`bad character ${JSON.stringify(src[i])}`);
      }
      if (previous?.type === 'field' && name !== '') {
        previous.path.push(name);
      } else if (previous?.type === 'call') {
        unsupported('fields of a function result are');
      } else if (afterOperand) {
        fail('unexpected "." after an operand');
      } else if (name === '') {
        unsupported('`.` (dot) on its own is'); // the whole templateData; use .JsonData.x
      } else {
        tokens.push({ type: 'field', path: [name] });
      }
    } else if (/[-+.0-9]/.test(c)) {
      const number = scanNumber(src, i);
      if (src[number] === '+' || src[number] === '-') {
        // lexNumber: "1+2i" is one complex constant.
        const imaginary = scanNumber(src, number);
        if (src[imaginary - 1] !== 'i') {
          fail(`bad number syntax: ${JSON.stringify(src.slice(i, imaginary))}`);
        }
        unsupported('complex number literals are');
      }
      tokens.push(parseNumber(src.slice(i, number)));
      i = number;
    } else if (alnumRunAt(src, i) !== '') {
      const word = alnumRunAt(src, i);
      i += word.length;
      if (!atTerminator(src, i)) {
        fail(`bad character ${JSON.stringify(src[i])}`);
      }
      tokens.push(wordOperand(word));
    } else if (c === '$') {
      unsupported('variables are');
    } else if (c === '(') {
      unsupported('parentheses are');
    } else {
      // ')', '=', ':=', ',' and other characters only make sense with parentheses or variables.
      fail(`unexpected ${JSON.stringify(c)} in command`);
    }
  }
}

/** lex.go lexQuote / lexChar: the end of a quoted string or character constant. */
function scanQuoted(src: string, start: number): number {
  const quote = src[start];
  for (let i = start + 1; ; i++) {
    const c = src[i];
    if (c === '\\' && src[i + 1] !== undefined && src[i + 1] !== '\n') {
      i++;
    } else if (c === undefined || c === '\n' || c === '\\') {
      fail(quote === '"' ? 'unterminated quoted string' : 'unterminated character constant');
    } else if (c === quote) {
      return i + 1;
    }
  }
}

/** lex.go scanNumber: the end of a number (validated by parseNumber). */
function scanNumber(src: string, start: number): number {
  let i = start;
  const accept = (valid: string): boolean => {
    if (i < src.length && valid.includes(src[i])) {
      i++;
      return true;
    }
    return false;
  };
  const acceptRun = (valid: string) => {
    while (accept(valid)) {
      // absorb
    }
  };
  const decimal = '0123456789_';
  const hex = '0123456789abcdefABCDEF_';
  accept('+-');
  let digits = decimal;
  if (accept('0')) {
    digits = accept('xX') ? hex : accept('oO') ? '01234567_' : accept('bB') ? '01_' : decimal;
  }
  acceptRun(digits);
  if (accept('.')) {
    acceptRun(digits);
  }
  if ((digits === decimal && accept('eE')) || (digits === hex && accept('pP'))) {
    accept('+-');
    acceptRun(decimal);
  }
  accept('i');
  if (alnumRunAt(src, i) !== '') {
    fail(`bad number syntax: ${JSON.stringify(src.slice(start, i + 1))}`);
  }
  return i;
}

// strconv.ParseInt(text, 0, 64) syntax: base prefixes, a leading 0 for octal, and underscores only
// between digits (underscoreOK; a base prefix counts as a digit).
const GO_INT = /^[+-]?(?:0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0[xX](?:_?[0-9a-fA-F])+|0(?:_?[0-7])*|[1-9](?:_?\d)*)$/;
const DIGITS = String.raw`\d(?:_?\d)*`;
// strconv.ParseFloat decimal syntax ("inf" and "nan" never reach it: the lexer takes them as words).
const GO_FLOAT = new RegExp(String.raw`^[+-]?(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** parse/node.go newNumber, with exec.go idealConstant choosing int or float64. */
function parseNumber(text: string): Operand {
  if (GO_INT.test(text)) {
    const unsigned = text.replace(/^[+-]/, '').replace(/_/g, '');
    const magnitude = BigInt(/^0[0-7]+$/.test(unsigned) ? `0o${unsigned.slice(1)}` : unsigned);
    const value = text.startsWith('-') ? -magnitude : magnitude;
    if (value >= INT64_MIN && value < -INT64_MIN) {
      return { type: 'literal', value };
    }
    // strconv.ParseUint takes no sign: an unsigned value beyond int64 parses, then fails when
    // evaluated ("overflows int"); anything larger is a parse error.
    if (/^[0-9]/.test(text) && value < UINT64_LIMIT) {
      return { type: 'overflow', text };
    }
  } else if (GO_FLOAT.test(text) && /[.eE]/.test(text)) {
    // A float literal; without '.' or an exponent ("08") Go reports an integer overflow.
    const value = Number(text.replace(/_/g, ''));
    if (Number.isFinite(value)) {
      return { type: 'literal', value };
    }
  } else if (/i$/.test(text)) {
    unsupported('imaginary number literals are');
  } else if (/^[+-]?0[xX].*[pP]/.test(text)) {
    unsupported('hexadecimal floating-point literals are');
  }
  fail(`illegal number syntax: ${JSON.stringify(text)}`);
}

/**
 * strconv.UnquoteChar: the first character or escape of s. `\x` and octal escapes give one byte
 * (not necessarily UTF-8); other characters and `\u` / `\U` give a code point.
 */
function unquoteChar(s: string, quote: string): { value: number; isByte: boolean; rest: string } {
  const c = s.codePointAt(0);
  if (c === undefined || s[0] === quote) {
    fail('invalid syntax');
  }
  if (s[0] !== '\\') {
    return { value: c, isByte: false, rest: s.slice(String.fromCodePoint(c).length) };
  }
  const escape = s[1] ?? '';
  const rest = s.slice(2);
  const simple = 'abfnrtv\\'.indexOf(escape);
  if (escape !== '' && simple !== -1) {
    return { value: [7, 8, 12, 10, 13, 9, 11, 92][simple], isByte: false, rest };
  }
  const hexLength = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
  if (hexLength > 0) {
    const hex = rest.slice(0, hexLength);
    const value = parseInt(hex, 16);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length < hexLength) {
      fail('invalid syntax');
    }
    if (escape !== 'x' && (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))) {
      fail('invalid syntax'); // not a valid rune: beyond Unicode or a surrogate half
    }
    return { value, isByte: escape === 'x', rest: rest.slice(hexLength) };
  }
  if (/^[0-7]{3}/.test(escape + rest)) {
    const value = parseInt((escape + rest).slice(0, 3), 8);
    return value > 255 ? fail('invalid syntax') : { value, isByte: true, rest: rest.slice(2) };
  }
  if ((escape === "'" || escape === '"') && escape === quote) {
    return { value: escape.charCodeAt(0), isByte: false, rest };
  }
  fail('invalid syntax');
}

/** strconv.Unquote for a "..." literal: bytes from the escapes, which must form UTF-8 text. */
function unquoteString(quoted: string): string {
  const bytes: number[] = [];
  for (let s = quoted.slice(1, -1); s !== '';) {
    const { value, isByte, rest } = unquoteChar(s, '"');
    bytes.push(...(isByte ? [value] : Buffer.from(String.fromCodePoint(value), 'utf8')));
    s = rest;
  }
  const text = Buffer.from(bytes).toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(Buffer.from(bytes))) {
    unsupported('string literals that are not UTF-8 text (byte escapes such as "\\xff") are');
  }
  return text;
}

/** A character constant is the int value of its code point (or byte, for `\x` and octal). */
function parseChar(quoted: string): Operand {
  const { value, rest } = unquoteChar(quoted.slice(1), "'");
  if (rest !== "'") {
    fail(`malformed character constant: ${quoted}`);
  }
  return { type: 'literal', value: BigInt(value) };
}

/** parse.go pipeline and command: operands separated by spaces, commands by "|". */
function parsePipeline(tokens: Token[]): Command[] {
  const commands: Command[] = [];
  let operands: Operand[] | undefined; // the command being read
  let separated = true; // by a space or "|" from the previous operand
  for (const token of tokens) {
    if (token.type === 'space') {
      separated = true;
    } else if (token.type === 'pipe') {
      // "|" ends a command, and may end the pipeline too: `{{ .JsonData.x | }}` is valid Go.
      commands.push({ operands: operands ?? fail('empty command before "|"') });
      operands = undefined;
      separated = true;
    } else if (!separated) {
      fail('unexpected operand: operands must be separated by spaces');
    } else {
      (operands ??= []).push(token);
      separated = false;
    }
  }
  if (operands !== undefined) {
    commands.push({ operands });
  }
  if (commands.length === 0) {
    fail('missing value for command');
  }
  for (const [index, { operands: stage }] of commands.entries()) {
    if (index > 0 && stage[0].type !== 'field' && stage[0].type !== 'call') {
      fail(`non executable command in pipeline stage ${index + 1}`);
    }
  }
  return commands;
}

function wordOperand(word: string): Operand {
  if (word === 'true' || word === 'false') {
    return { type: 'literal', value: word === 'true' };
  }
  if (word === 'nil') {
    return { type: 'nil' };
  }
  if (FUNCTIONS.has(word)) {
    return { type: 'call', name: word };
  }
  if (KEYWORDS.has(word) || UNSUPPORTED_FUNCTIONS.has(word)) {
    unsupported(`\`${word}\` is`);
  }
  // parse.go checks functions while parsing, so even an unreached call fails the template.
  fail(`function ${JSON.stringify(word)} not defined`);
}

/** Executes a parsed template; throws GoTemplateError where Go's Execute returns an error. */
export function executeGoTemplate(nodes: Node[], data: TemplateData, template: string): string {
  return withTemplate(template, () => {
    const root = { JsonData: toJsonValue(data.JsonData ?? {}), SecureJsonData: data.SecureJsonData ?? {} };
    const exec = new Execution(root);
    return nodes
      .map((node) => (node.type === 'text' ? node.text : formatGoValue(exec.pipeline(node.pipeline))))
      .join('');
  });
}

export function interpolateGoTemplate(template: string, data: TemplateData): string {
  return executeGoTemplate(parseGoTemplate(template), data, template);
}

/** exec.go, for the supported subset. `final` is the previous pipeline stage's value, if any. */
class Execution {
  constructor(private readonly root: { JsonData: JsonValue; SecureJsonData: Record<string, string> }) {}

  pipeline(commands: Command[]): GoValue {
    let final: GoValue | undefined;
    for (const command of commands) {
      const value = this.command(command, final);
      // evalPipeline replaces an interface{} value by the value inside it: a JSON null (a nil
      // interface) becomes the invalid value, like a missing key.
      final = value.kind === 'value' && value.v === null ? MISSING : value;
    }
    return final ?? MISSING;
  }

  private command({ operands: [head, ...args] }: Command, final: GoValue | undefined): GoValue {
    if (head.type === 'field') {
      return this.field(head.path, args.length > 0 || final !== undefined);
    }
    if (head.type === 'call') {
      return this.call(head.name, args, final);
    }
    if (args.length > 0 || final !== undefined) {
      fail("can't give argument to non-function");
    }
    return head.type === 'nil' ? fail('nil is not a command') : this.arg(head);
  }

  /** evalArg: arguments are evaluated only when used, so `or` can skip a failing one. */
  private arg(operand: Operand): GoValue {
    switch (operand.type) {
      case 'field':
        return this.field(operand.path, false);
      case 'literal':
        return goValue(operand.value);
      case 'nil':
        return MISSING; // nil for an interface{} or reflect.Value parameter
      case 'overflow':
        return fail(`${operand.text} overflows int`);
      case 'call':
        return this.call(operand.name, [], undefined); // no arguments: a wrong-number-of-args error
    }
  }

  private call(name: string, args: Operand[], final: GoValue | undefined): GoValue {
    const argc = args.length + (final === undefined ? 0 : 1);
    if (name === 'or' || name === 'and') {
      if (argc === 0) {
        fail(`wrong number of args for ${name}: want at least 1 got 0`);
      }
      // Go >= 1.18 short-circuits: `or` returns the first truthy argument, `and` the first falsy
      // one; otherwise the last argument - the piped value, if any, without a truth test.
      let value: GoValue = MISSING;
      for (const arg of args) {
        value = this.arg(arg);
        if (isTrue(value) === (name === 'or')) {
          return value;
        }
      }
      return final ?? value;
    }
    if (argc !== 1) {
      fail(`wrong number of args for ${name}: want 1 got ${argc}`);
    }
    const value = args.length === 1 ? this.arg(args[0]) : (final ?? MISSING);
    if (name === 'not') {
      return goValue(!isTrue(value));
    }
    // Grafana's orEmpty(v interface{}): a missing key or JSON null arrives as nil and becomes "".
    return value.kind === 'missing' || value.v === null ? goValue('') : value;
  }

  /** evalFieldChain with missingkey=default; `hasArgs`: the last field is given arguments. */
  private field([root, ...keys]: string[], hasArgs: boolean): GoValue {
    if (root !== 'JsonData' && root !== 'SecureJsonData') {
      fail(`can't evaluate field ${root} in type pluginproxy.templateData`);
    }
    if (hasArgs && keys.length === 0) {
      fail(`${root} has arguments but cannot be invoked as function`);
    }
    let current: GoValue = goValue(this.root[root]);
    for (const [index, key] of keys.entries()) {
      if (current.kind === 'missing') {
        return MISSING; // a field of the invalid value is the invalid value, arguments or not
      }
      const v = current.v;
      if (v === null) {
        fail(`nil pointer evaluating interface {}.${key}`);
      }
      if (v instanceof JsonNumber && JSON_NUMBER_METHODS.has(key)) {
        unsupported(`json.Number's methods (.${key}) are`);
      }
      if (typeof v !== 'object' || Array.isArray(v) || v instanceof JsonNumber) {
        fail(`can't evaluate field ${key} in type interface {}`);
      }
      if (hasArgs && index === keys.length - 1) {
        fail(`${key} is not a method but has arguments`);
      }
      current = Object.hasOwn(v, key) ? goValue(v[key]) : MISSING;
    }
    return current;
  }
}

/** exec.go isTrue: zero values, empty strings/maps/slices, nil and missing keys are false. */
function isTrue(value: GoValue): boolean {
  if (value.kind === 'missing' || value.v === null) {
    return false;
  }
  const v = value.v;
  if (v instanceof JsonNumber) {
    return v.text !== ''; // json.Number is a string: "0" is true
  }
  if (typeof v === 'object') {
    return Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0;
  }
  if (typeof v === 'bigint') {
    return v !== BigInt(0);
  }
  return typeof v === 'number' ? v !== 0 : typeof v === 'string' ? v !== '' : v;
}
