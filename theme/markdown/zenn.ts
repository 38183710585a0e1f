import { escapeXml } from '../utils/xml.ts';
import { outsideCode } from './fences.ts';

// Zenn's embed, `@[youtube](ID)` or `@[card](https://…)`, at the start of a line, as Zenn reads it; what
// follows it on the line stays. Its name is one of Zenn's, so that a mention written as a link (`@[Ada](https://…)`) stays one.
const EMBED = /^@\[(youtube|speakerdeck|slideshare|docswell|tweet|twitter|card|codepen|codesandbox|stackblitz|figma|gist|jsfiddle|blueprintue)\]\(([^()\s]*)\)/;
const HINT = /^@\[/m;

/** An embed of Zenn's shown as written, with its line (1 = the body's first) and why. */
export interface UnreadEmbed {
	line: number;
	text: string;
	reason: string;
}

/**
 * Zenn's embeds, which CommonMark reads as an `@` before a link to their id, made links to what they show,
 * each line on its line, as Carnet shows no third-party embed: a YouTube video by its id (`@[youtube](ID)`)
 * becomes the link Hugo's youtube shortcode becomes, titled `youtubeLabel()`, and an embed of an address
 * (`@[card](https://…)`, `@[tweet](…)`, `@[codepen](…)`) a link to it. One that names no address (Speaker
 * Deck's and SlideShare's ids) is shown as written, and returned with its line. Code is left alone.
 */
export function readZennEmbeds(body: string, youtubeLabel: () => string): { body: string; unread: UnreadEmbed[] } {
	const unread: UnreadEmbed[] = [];
	if (!body.includes('@[') || !HINT.test(body)) return { body, unread };
	const read = outsideCode(body, HINT, (line, index) => {
		const embed = EMBED.exec(line);
		if (!embed) return line;
		const [written, name = '', target = ''] = embed;
		const rest = line.slice(written.length);
		if (name === 'youtube' && /^[\w-]{1,64}$/.test(target)) {
			return `<a href="${escapeXml(`https://www.youtube.com/watch?v=${target}`)}">${escapeXml(youtubeLabel())}</a>${rest}`;
		}
		if (/^https?:\/\/[^\s<>"]+$/.test(target)) return `<${target}>${rest}`;
		unread.push({ line: index + 1, text: written, reason: `Zenn's ${name} embed names ${target === '' ? 'nothing' : `${target}, not an address`}, and Carnet shows no third-party embed. Write a link to what it shows instead` });
		// As written: the bracket escaped, so that it is no link to a relative address.
		return `@\\[${written.slice(2)}${rest}`;
	});
	return { body: read, unread };
}
