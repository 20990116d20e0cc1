// Package catalog gives Go code the language-neutral catalog of this plugin: the GraphQL
// documents the backend sends (documents/*.graphql) and the parity vectors that the TypeScript
// frontend generates and the Go backend must pass (vectors/). Go reads these files, never copies
// of them in Go strings, so the frontend and the backend cannot drift apart.
package catalog

import "embed"

// Files is the catalog folder as embedded in the plugin binary.
//
//go:embed documents/*.graphql vectors
var Files embed.FS
