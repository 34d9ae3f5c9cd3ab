// Command refpack builds customer reference sites and briefing packs.
package main

import (
	"os"

	"github.com/refpack/refpack/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) }
