import { excerptRuns, type SearchStrings } from '../utils/search.ts';
import type { HitData } from './pagefind.ts';

/** What rendering a result needs to know about the page. */
export interface ViewContext {
	lang: string;
	timeZone: string;
	strings: SearchStrings;
	/** Tag slug → its name and page, from the page's tag filter. */
	tags: ReadonlyMap<string, { name: string; url: string | undefined }>;
}

/** A result as a list item: title link, date, excerpt with the matched words marked, tags, thumbnail. */
export function renderResult(data: HitData, context: ViewContext): HTMLLIElement {
	const item = element('li', 'carnet-search__result');
	const body = element('div', 'carnet-search__body');
	const heading = element('h2', 'carnet-search__title');
	const link = element('a', 'carnet-search__link');
	link.href = data.url;
	link.textContent = data.meta.title ?? data.url;
	heading.append(link);
	body.append(heading);
	const date = data.meta.date ? new Date(data.meta.date) : undefined;
	if (date && !Number.isNaN(date.getTime())) {
		const time = element('time');
		time.dateTime = data.meta.date as string;
		time.textContent = new Intl.DateTimeFormat(context.lang, { dateStyle: 'long', timeZone: context.timeZone }).format(date);
		body.append(wrap('p', 'carnet-search__date', time));
	}
	body.append(excerpt(data));
	const tags = (data.filters.tag ?? []).map((slug) => context.tags.get(slug) ?? { name: slug, url: undefined });
	if (tags.length > 0) body.append(tagList(tags, context.strings.tags));
	item.append(body);
	if (data.meta.image) {
		// Decorative, as on cards: the title next to it names the post.
		const image = Object.assign(element('img', 'carnet-search__image'), { src: data.meta.image, alt: '', loading: 'lazy', decoding: 'async', width: 160, height: 90 });
		item.append(image);
	}
	return item;
}

/** "3 results for “x” in “Guides”", in the page's language. */
export function statusText(count: number, query: string, tagName: string | undefined, context: ViewContext): string {
	const { strings } = context;
	const template = new Intl.PluralRules(context.lang).select(count) === 'one' ? strings.resultsOne : strings.resultsOther;
	const parts = [template.replace('{count}', new Intl.NumberFormat(context.lang).format(count))];
	if (query) parts.push(strings.forQuery.replace('{query}', query));
	if (tagName) parts.push(strings.inTag.replace('{tag}', tagName));
	return parts.join(' ');
}

// The excerpt around the matches; when only the title or description matched, the description reads better.
function excerpt(data: HitData): HTMLParagraphElement {
	const paragraph = element('p', 'carnet-search__excerpt');
	const runs = excerptRuns(data.excerpt);
	if (!runs.some((run) => run.highlighted) && data.meta.description) {
		paragraph.textContent = data.meta.description;
		return paragraph;
	}
	for (const run of runs) paragraph.append(run.highlighted ? Object.assign(element('mark'), { textContent: run.text }) : run.text);
	return paragraph;
}

function tagList(tags: readonly { name: string; url: string | undefined }[], label: string): HTMLUListElement {
	const list = element('ul', 'carnet-tags');
	list.setAttribute('aria-label', label);
	for (const tag of tags) {
		const item = element('li');
		if (tag.url) item.append(Object.assign(element('a'), { href: tag.url, textContent: tag.name }));
		else item.textContent = tag.name;
		list.append(item);
	}
	return list;
}

function wrap<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, child: Node): HTMLElementTagNameMap[K] {
	const parent = element(tag, className);
	parent.append(child);
	return parent;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	return node;
}
