import React from 'react';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Combobox, MultiCombobox, RadioButtonGroup, TagsInput, type ComboboxOption } from '@grafana/ui';

import type { CatalogEntry } from '../catalog/catalog';
import type { OptionDef } from '../catalog/format';
import { getPath } from '../catalog/paths';
import { setPath } from '../queryModel/defaults';
import type { QueryProblems } from '../queryModel/problems';
import type { ChoreoQuery } from '../types';
import { NumberField } from './fields/NumberField';
import { TextField } from './fields/TextField';

interface Props {
  entry: CatalogEntry;
  query: ChoreoQuery;
  problems: QueryProblems;
  onChange: (query: ChoreoQuery) => void;
}

function choices(o: OptionDef, current?: unknown): Array<ComboboxOption<string>> {
  const list: Array<ComboboxOption<string>> = (o.values ?? []).map((v) => ({
    label: v.label,
    value: v.value,
    description: v.description,
  }));
  // A custom value the list does not have (typed earlier, or saved by hand) still shows.
  if (typeof current === 'string' && current && !list.some((c) => c.value === current)) {
    list.push({ label: current, value: current });
  }
  return list;
}

/**
 * The tooltip, plus the custom-value hint: `customValueDescription` exists only in @grafana/ui
 * 12.4+, so the hint lives where every supported Grafana shows it.
 */
function tooltipOf(o: OptionDef): string | undefined {
  const hint =
    o.allowCustom && o.customValueDescription ? `Type any value: ${o.customValueDescription.toLowerCase()}.` : '';
  return [o.tooltip, hint].filter(Boolean).join(' ') || undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function texts(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

/** One catalog option's control (what OptionsEditor draws for each; editors of one option use it too). */
export function OptionField({
  option: o,
  query,
  problem,
  set,
}: {
  option: OptionDef;
  query: ChoreoQuery;
  problem?: string;
  set: (v: unknown) => void;
}) {
  const id = `choreo-${o.selector}-${query.refId}`;
  const value = getPath(query, o.path ?? o.name);
  const tooltip = tooltipOf(o);
  switch (o.widget) {
    case 'number':
      return (
        <NumberField
          label={o.label}
          inputId={id}
          value={typeof value === 'number' ? value : undefined}
          placeholder={o.default === undefined || o.default === null ? o.placeholder : String(o.default)}
          tooltip={tooltip}
          invalid={problem}
          onCommit={set}
        />
      );
    case 'text':
      return (
        <TextField
          label={o.label}
          inputId={id}
          value={text(value)}
          placeholder={o.placeholder}
          tooltip={tooltip}
          width={o.width}
          invalid={problem}
          onCommit={set}
        />
      );
    case 'tags':
      return (
        <EditorField label={o.label} tooltip={tooltip} invalid={Boolean(problem)} error={problem}>
          <TagsInput id={id} width={o.width} placeholder={o.placeholder} addOnBlur tags={texts(value)} onChange={set} />
        </EditorField>
      );
    case 'radio': {
      const options = choices(o);
      if (o.emptyLabel) {
        options.unshift({ label: o.emptyLabel, value: '' });
      }
      return (
        <EditorField label={o.label} tooltip={tooltip} invalid={Boolean(problem)} error={problem}>
          <RadioButtonGroup<string>
            id={id}
            aria-label={o.label}
            options={options.map((c) => ({ label: c.label ?? c.value, value: c.value, description: c.description }))}
            value={text(value) ?? text(o.default) ?? ''}
            onChange={(v) => set(v === '' ? undefined : v)}
          />
        </EditorField>
      );
    }
    case 'multiselect': {
      const chosen = texts(value);
      const all = choices(o);
      return (
        <EditorField label={o.label} tooltip={tooltip} invalid={Boolean(problem)} error={problem}>
          <MultiCombobox<string>
            id={id}
            width="auto"
            minWidth={30}
            placeholder={o.placeholder}
            // The API refuses more: once the maximum is chosen, offer only those.
            options={
              o.maxItems !== undefined && chosen.length >= o.maxItems
                ? all.filter((c) => chosen.includes(c.value))
                : all
            }
            value={chosen}
            invalid={Boolean(problem)}
            onChange={(items) => set(items.map((i) => i.value))}
          />
        </EditorField>
      );
    }
    case 'select': {
      // A list option the API takes one of (error details' category) is edited as one value.
      const single = o.type === 'enumList' || o.type === 'stringList';
      const current = single ? texts(value)[0] : text(value);
      const shown = current ?? (o.clearable ? undefined : text(o.default));
      return (
        <EditorField label={o.label} tooltip={tooltip} invalid={Boolean(problem)} error={problem}>
          <Combobox<string>
            id={id}
            width={o.width ?? 24}
            placeholder={o.placeholder}
            isClearable={o.clearable}
            createCustomValue={o.allowCustom}
            options={choices(o, current)}
            value={shown ?? null}
            invalid={Boolean(problem)}
            onChange={(item: ComboboxOption<string> | null) => {
              const v = item?.value || undefined;
              set(single ? (v === undefined ? undefined : [v]) : v);
            }}
          />
        </EditorField>
      );
    }
  }
}

/** A query type's own options, drawn from its catalog entry; rows as the entry groups them. */
export function OptionsEditor({ entry, query, problems, onChange }: Props) {
  if (!entry.options.length) {
    return null;
  }
  const rows: OptionDef[][] = [];
  for (const o of entry.options) {
    (rows[o.row ?? 0] ??= []).push(o);
  }
  const set = (o: OptionDef) => (v: unknown) => {
    const next = { ...query } as Record<string, unknown>;
    setPath(next, o.path ?? o.name, v);
    // A copy of the query with one saved field changed.
    onChange(next as unknown as ChoreoQuery);
  };
  return (
    <EditorRows>
      {rows.filter(Boolean).map((row, i) => (
        <EditorRow key={i}>
          {row.map((o) => (
            <OptionField key={o.name} option={o} query={query} problem={problems[o.name]} set={set(o)} />
          ))}
        </EditorRow>
      ))}
    </EditorRows>
  );
}
