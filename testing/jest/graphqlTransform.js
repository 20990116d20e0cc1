// Jest counterpart of webpack's `asset/source` rule for .graphql files: the module's default
// export is the file's text, exactly as the production bundle sees it.
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)}; module.exports.default = module.exports;` };
  },
};
