import { common } from './catalog';

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown name stays as written so a typo shows in the text. */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m
  );
}

/** A user-facing text from catalog/common.json, shared word for word with the Go backend. */
export function message(key: string, params: MessageParams = {}): string {
  const template = Object.prototype.hasOwnProperty.call(common.messages, key) ? common.messages[key] : undefined;
  if (template === undefined) {
    throw new Error(`catalog: message "${key}" does not exist`);
  }
  return format(template, params);
}
