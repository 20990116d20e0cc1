/**
 * What a type looks like once written as JSON. String enums of `@grafana/schema` (e.g.
 * `FieldColorModeId`) become the union of their values, since a dashboard file holds
 * `"palette-classic"`, never `FieldColorModeId.PaletteClassic`; numeric enums already accept their
 * member values as literals. Everything else keeps its shape, so excess properties and wrong
 * values still fail to compile.
 */
export type JsonShape<T> = T extends string
  ? `${T}`
  : T extends number | boolean | null | undefined
    ? T
    : T extends ReadonlyArray<infer U>
      ? Array<JsonShape<U>>
      : T extends object
        ? { [K in keyof T]: JsonShape<T[K]> }
        : T;
