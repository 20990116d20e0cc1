/**
 * Prettify for the GraphQL editor. graphql-js's `print(parse(text))` drops every comment (its
 * AST has none), so the document is printed by Prettier's GraphQL printer, which keeps comments
 * where they were written. Prettier loads on the first use only, in its own chunk.
 */
export async function prettifyGraphQL(text: string): Promise<string> {
  const [prettier, graphqlPlugin] = await Promise.all([
    import(/* webpackChunkName: "prettier-graphql" */ 'prettier/standalone'),
    import(/* webpackChunkName: "prettier-graphql" */ 'prettier/plugins/graphql'),
  ]);
  const formatted = await prettier.format(text, {
    parser: 'graphql',
    plugins: [graphqlPlugin],
    printWidth: 100,
    tabWidth: 2,
  });
  return formatted;
}
