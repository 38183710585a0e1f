import { textDirection } from './direction.ts';
import { escapeXml } from './xml.ts';

export interface FeedStylesheetText {
	lang: string;
	about: string;
	address: string;
	latest: string;
	visit: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An XSLT template that writes an RFC 822 date of the feed (`Fri, 02 Feb 2024 23:00:00 GMT`) the way
 * readers of `lang` write dates, in their words and order (`2 février 2024 à 23:00 UTC`). Feeds give
 * dates in UTC, and XSLT 1.0 knows no time zones, so the time and "UTC" are kept: the day alone could be
 * the day before the one the post page shows.
 */
function dateTemplate(lang: string): string {
	const format = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
	const monthName = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'long' });
	const monthOf = (index: number) => monthName.formatToParts(Date.UTC(2024, index, 15)).find((part) => part.type === 'month')?.value ?? MONTHS[index];
	const months = MONTHS.map((abbr, index) => `<xsl:when test="$month='${abbr}'">${escapeXml(monthOf(index) as string)}</xsl:when>`).join('');
	const fields: Record<string, string> = {
		day: '<xsl:value-of select="number(substring($date, 6, 2))"/>',
		month: `<xsl:variable name="month" select="substring($date, 9, 3)"/><xsl:choose>${months}</xsl:choose>`,
		year: '<xsl:value-of select="substring($date, 13, 4)"/>',
		hour: '<xsl:value-of select="substring($date, 18, 2)"/>',
		minute: '<xsl:value-of select="substring($date, 21, 2)"/>',
		timeZoneName: 'UTC',
	};
	const body = format
		.formatToParts(Date.UTC(2024, 1, 2, 23, 0))
		.map((part) => fields[part.type] ?? `<xsl:text>${escapeXml(part.value)}</xsl:text>`)
		.join('');
	return `<xsl:template name="date"><xsl:param name="date"/>${body}</xsl:template>`;
}

// A description is HTML text (utils/feeds.ts): `&lt;` shows as `<`. XSLT 1.0 has no replace, and Firefox
// ignores disable-output-escaping, so a template decodes the three escapes, one per call.
const HTML_TEXT_TEMPLATE = `<xsl:template name="html-text"><xsl:param name="html"/><xsl:choose>
<xsl:when test="contains($html, '&amp;')"><xsl:value-of select="substring-before($html, '&amp;')"/><xsl:variable name="rest" select="substring-after($html, '&amp;')"/><xsl:choose>
<xsl:when test="starts-with($rest, 'lt;')"><xsl:text>&lt;</xsl:text><xsl:call-template name="html-text"><xsl:with-param name="html" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
<xsl:when test="starts-with($rest, 'gt;')"><xsl:text>&gt;</xsl:text><xsl:call-template name="html-text"><xsl:with-param name="html" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
<xsl:when test="starts-with($rest, 'amp;')"><xsl:text>&amp;</xsl:text><xsl:call-template name="html-text"><xsl:with-param name="html" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
<xsl:otherwise><xsl:text>&amp;</xsl:text><xsl:call-template name="html-text"><xsl:with-param name="html" select="$rest"/></xsl:call-template></xsl:otherwise>
</xsl:choose></xsl:when>
<xsl:otherwise><xsl:value-of select="$html"/></xsl:otherwise>
</xsl:choose></xsl:template>`;

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
<html lang="${e(text.lang)}" dir="${textDirection(text.lang)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex"/>
<title><xsl:value-of select="/rss/channel/title"/></title>
<style>
:root { color-scheme: light dark; --bg: #fdfcf9; --text: #1d1c1a; --muted: #5b5852; --accent: #9a3412; --border: #e4e0d8; }
@media (prefers-color-scheme: dark) { :root { --bg: #161513; --text: #ece9e3; --muted: #b3aea5; --accent: #fdba74; --border: #3a3731; } }
body { margin: 0 auto; max-width: 42rem; padding: 2rem 1rem; background: var(--bg); color: var(--text); font: 1.0625rem/1.6 system-ui, sans-serif; overflow-wrap: anywhere; }
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
<p><xsl:call-template name="html-text"><xsl:with-param name="html" select="/rss/channel/description"/></xsl:call-template></p>
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
<p class="date"><xsl:call-template name="date"><xsl:with-param name="date" select="pubDate"/></xsl:call-template></p>
<p><xsl:call-template name="html-text"><xsl:with-param name="html" select="description"/></xsl:call-template></p>
</li>
</xsl:for-each>
</ol>
</main>
</body>
</html>
</xsl:template>
${dateTemplate(text.lang)}
${HTML_TEXT_TEMPLATE}
</xsl:stylesheet>
`;
}
