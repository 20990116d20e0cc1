// .graphql files are imported as text (webpack `asset/source`, jest graphqlTransform.js).
// Named assets.d.ts, not graphql.d.ts: with the scaffold's baseUrl `src`, a file or folder
// index named `graphql` there would shadow the graphql package for every import.
declare module '*.graphql' {
  const source: string;
  export default source;
}
