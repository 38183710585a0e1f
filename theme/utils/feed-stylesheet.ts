import { escapeXml } from './xml.ts';

export interface FeedStylesheetText {
	lang: string;
	about: string;
	address: string;
	latest: string;
	visit: string;
}

/**
 * An XSLT 1.0 stylesheet that shows an RSS feed opened in a browser as a readable page: what the feed is,
 * its address to copy into a reader, and its items. Feed readers ignore it.
 */
export function feedStylesheet(text: FeedStylesheetText): string {
	const e = escapeXml;
	return `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
<xsl:output method="html" version="5.0" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>
<xsl:template match="/">
<html lang="${e(text.lang)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex"/>
<title><xsl:value-of select="/rss/channel/title"/></title>
<style>
:root { color-scheme: light dark; --bg: #fdfcf9; --text: #1d1c1a; --muted: #5b5852; --accent: #9a3412; --border: #e4e0d8; }
@media (prefers-color-scheme: dark) { :root { --bg: #161513; --text: #ece9e3; --muted: #b3aea5; --accent: #fdba74; --border: #3a3731; } }
body { margin: 0 auto; max-width: 42rem; padding: 2rem 1rem; background: var(--bg); color: var(--text); font: 1.0625rem/1.6 system-ui, sans-serif; }
a { color: var(--accent); }
.about { padding: 1rem; border: 1px solid var(--border); border-radius: 0.75rem; }
code { display: block; margin-top: 0.5rem; overflow-wrap: anywhere; font-size: 0.9rem; }
ol { padding: 0; list-style: none; }
li { padding-block: 1rem; border-bottom: 1px solid var(--border); }
li p { margin: 0.25rem 0 0; }
.date { color: var(--muted); font-size: 0.875rem; }
</style>
</head>
<body>
<main>
<h1><xsl:value-of select="/rss/channel/title"/></h1>
<p><xsl:value-of select="/rss/channel/description"/></p>
<div class="about">
<p>${e(text.about)}</p>
<p>${e(text.address)}<code><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href"/></code></p>
</div>
<p><a><xsl:attribute name="href"><xsl:value-of select="/rss/channel/link"/></xsl:attribute>${e(text.visit)}</a></p>
<h2>${e(text.latest)}</h2>
<ol>
<xsl:for-each select="/rss/channel/item">
<li>
<a><xsl:attribute name="href"><xsl:value-of select="link"/></xsl:attribute><xsl:value-of select="title"/></a>
<p class="date"><xsl:value-of select="pubDate"/></p>
<p><xsl:value-of select="description"/></p>
</li>
</xsl:for-each>
</ol>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
`;
}
