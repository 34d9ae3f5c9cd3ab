// Package templates holds refpack's built-in theme: the HTML templates, the
// UI strings in every supported language and the assets. It is embedded in
// the binary so a site without its own templates/ still builds; a site's
// templates/ shadows these files by name (see site.Overlay).
package templates

import "embed"

// FS is the built-in theme, rooted at the theme directory
// (base.html, partials/…, i18n/en.toml, assets/style.css, …).
//
//go:embed *.html partials i18n assets
var FS embed.FS
