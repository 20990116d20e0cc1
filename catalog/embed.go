// Package catalog embeds the catalog files every Go reader interprets (see README.md in this
// folder). The parity vectors are not embedded: tests read them from disk.
package catalog

import "embed"

// Files holds common.json, the query types and the GraphQL documents.
//
//go:embed common.json types/*.json documents/*.graphql
var Files embed.FS
