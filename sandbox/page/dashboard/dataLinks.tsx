/**
 * Data links on the sandbox's panels, built the way Grafana builds them (see
 * testing/ship/lib/dataLinks.ts for the interpolation): `field.getLinks` on every field whose
 * config has links (the Table renders them in its cells, the bar chart on its labels), and a
 * header menu for the panels whose links belong to a series or the whole panel (time series,
 * stat). Clicking a link opens the target dashboard in the sandbox; its href is the URL Grafana
 * would open.
 */
import React from 'react';
import { FieldType, type DataFrame, type Field, type LinkModel } from '@grafana/data';
import { Dropdown, IconButton, Menu } from '@grafana/ui';

import {
  interpolateDataLink,
  interpolateTitle,
  type DataLinkJson,
  type LinkContext,
} from '../../../testing/ship/lib/dataLinks';
import { SandboxIds } from '../testIds';

type BaseContext = Pick<LinkContext, 'variables' | 'range'>;

function rowValues(frame: DataFrame, row: number): Record<string, unknown> {
  return Object.fromEntries(frame.fields.map((f) => [f.name, f.values[row]]));
}

function linksOf(field: Field): DataLinkJson[] {
  return (field.config.links ?? []) as DataLinkJson[];
}

function model(link: DataLinkJson, ctx: LinkContext, field: Field): LinkModel<Field> {
  return {
    href: interpolateDataLink(link.url, ctx),
    title: interpolateTitle(link.title, ctx),
    target: link.targetBlank ? '_blank' : '_self',
    origin: field,
  };
}

/** Sets `getLinks` on every field with links: one set of links per row, with that row's values. */
export function attachDataLinks(frames: DataFrame[], base: BaseContext): DataFrame[] {
  return frames.map((frame) => ({
    ...frame,
    fields: frame.fields.map((field) => {
      const links = linksOf(field);
      if (!links.length) {
        return field;
      }
      const getLinks: Field['getLinks'] = (config) => {
        const row = config?.valueRowIndex;
        const ctx: LinkContext = {
          ...base,
          fields: row === undefined ? undefined : rowValues(frame, row),
          labels: field.labels,
        };
        return links.map((l) => model(l, ctx, field));
      };
      return { ...field, getLinks };
    }),
  }));
}

/** Links of a series (time series) or of the whole panel (stat): one per value field. */
export function panelLinks(frames: DataFrame[]): Array<LinkModel<Field>> {
  const seen = new Set<string>();
  const links: Array<LinkModel<Field>> = [];
  for (const frame of frames) {
    for (const field of frame.fields) {
      if (field.type !== FieldType.number) {
        continue;
      }
      for (const link of field.getLinks?.({}) ?? []) {
        if (!seen.has(link.href)) {
          seen.add(link.href);
          links.push(link);
        }
      }
    }
  }
  return links;
}

/** The panel header's links menu; each item is an anchor with the link's URL. */
export function PanelLinksMenu({ panelId, links }: { panelId: number; links: Array<LinkModel<Field>> }) {
  if (!links.length) {
    return null;
  }
  const menu = (
    <Menu>
      {links.map((link) => (
        <Menu.Item key={link.href} label={link.title} url={link.href} icon="external-link-alt" />
      ))}
    </Menu>
  );
  return (
    <span data-testid={SandboxIds.panelLinks(panelId)}>
      <Dropdown overlay={menu} placement="bottom-end">
        <IconButton name="link" size="sm" aria-label="Drill-down links" tooltip="Drill-down links" />
      </Dropdown>
    </span>
  );
}
