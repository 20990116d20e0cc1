/**
 * Grafana's dashboard grid (react-grid-layout with Grafana's constants): 24 columns, 30 px rows,
 * 8 px gaps both ways and no outer padding, so a panel's gridPos lands where Grafana puts it.
 */
export const GRID_COLUMNS = 24;
export const GRID_CELL_HEIGHT = 30;
export const GRID_CELL_MARGIN = 8;

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** react-grid-layout's calcGridItemPosition for a container `containerWidth` px wide. */
export function gridRect(pos: GridPos, containerWidth: number): Rect {
  const colWidth = (containerWidth - GRID_CELL_MARGIN * (GRID_COLUMNS - 1)) / GRID_COLUMNS;
  const step = (size: number, gaps: number) => Math.round(size + Math.max(0, gaps) * GRID_CELL_MARGIN);
  return {
    left: Math.round((colWidth + GRID_CELL_MARGIN) * pos.x),
    top: Math.round((GRID_CELL_HEIGHT + GRID_CELL_MARGIN) * pos.y),
    width: step(colWidth * pos.w, pos.w - 1),
    height: step(GRID_CELL_HEIGHT * pos.h, pos.h - 1),
  };
}

/** The grid's height: the bottom edge of its lowest panel. */
export function gridHeight(positions: GridPos[]): number {
  const rows = Math.max(0, ...positions.map((p) => p.y + p.h));
  return rows * GRID_CELL_HEIGHT + Math.max(0, rows - 1) * GRID_CELL_MARGIN;
}
