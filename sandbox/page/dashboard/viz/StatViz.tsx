import React from 'react';
import {
  getDisplayValueAlignmentFactors,
  VizOrientation,
  type DisplayValueAlignmentFactors,
  type FieldDisplay,
} from '@grafana/data';
import {
  BigValue,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  useTheme2,
  VizRepeater,
} from '@grafana/ui';

import { fieldDisplayValues, panelOptions } from '../panelOptions';
import type { VizProps } from './types';

/** Grafana's stat panel: one BigValue per reduced value, laid out by VizRepeater. */
export function StatViz({ frames, panel, width, height }: VizProps) {
  const theme = useTheme2();
  const options = panelOptions(panel);
  const values = fieldDisplayValues(frames, panel, theme);
  return (
    <VizRepeater<FieldDisplay, DisplayValueAlignmentFactors>
      source={frames}
      getValues={() => values}
      getAlignmentFactors={getDisplayValueAlignmentFactors}
      renderCounter={0}
      width={width}
      height={height}
      itemSpacing={3}
      autoGrid
      orientation={VizOrientation.Auto}
      renderValue={({ value, width: w, height: h, alignmentFactors, count }) => (
        <BigValue
          theme={theme}
          value={value.display}
          width={w}
          height={h}
          count={count}
          alignmentFactors={alignmentFactors}
          // The dashboards' option strings are the enums' values.
          colorMode={(options.colorMode as BigValueColorMode) ?? BigValueColorMode.Value}
          graphMode={(options.graphMode as BigValueGraphMode) ?? BigValueGraphMode.None}
          textMode={(options.textMode as BigValueTextMode) ?? BigValueTextMode.Auto}
          justifyMode={(options.justifyMode as BigValueJustifyMode) ?? BigValueJustifyMode.Auto}
        />
      )}
    />
  );
}
