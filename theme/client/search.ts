// The search page's script: search as you type, with the query in the address, keyboard navigation
// through results and a live region that announces them. It is the only script the theme ships by
// default, and only this page loads it (components/Search.astro).
import type { SearchStrings } from '../utils/search.ts';
import { findPosts, loadPagefind, type Pagefind, type SearchHit } from './pagefind.ts';
import { renderResult, statusText, type ViewContext } from './search-view.ts';

/** Results shown at first, and added by each press of "More results". */
const PAGE_SIZE = 10;
/** Pause in typing before searching: Pagefind starts fetching the index as soon as a key is pressed. */
const TYPING_PAUSE_MS = 150;

const root = document.querySelector<HTMLElement>('.carnet-search');
if (root?.dataset.bundle) startSearch(root, root.dataset.bundle);

function startSearch(root: HTMLElement, bundle: string): void {
	const form = root.querySelector('form') as HTMLFormElement;
	const input = form.elements.namedItem('q') as HTMLInputElement;
	const select = form.elements.namedItem('tag') as HTMLSelectElement | null;
	const status = root.querySelector('.carnet-search__status') as HTMLElement;
	const list = root.querySelector('.carnet-search__results') as HTMLOListElement;
	const more = root.querySelector('.carnet-search__more') as HTMLButtonElement;
	const context: ViewContext = {
		lang: document.documentElement.lang || 'en',
		timeZone: root.dataset.timeZone ?? 'UTC',
		strings: JSON.parse(root.dataset.strings ?? '{}') as SearchStrings,
		tags: new Map([...(select?.options ?? [])].filter((option) => option.value).map((option) => [option.value, { name: option.text, url: option.dataset.url }])),
	};

	let pagefind: Promise<Pagefind> | undefined;
	const engine = () => (pagefind ??= loadPagefind(bundle));
	// Each search gets a number; a slower, older one never overwrites a newer one's results.
	let generation = 0;
	let hits: SearchHit[] = [];
	let shown = 0;
	let typing: ReturnType<typeof setTimeout> | undefined;

	async function search(restoreCount = PAGE_SIZE): Promise<void> {
		clearTimeout(typing);
		const current = ++generation;
		const query = input.value.trim();
		const tag = select?.value ?? '';
		writeAddress(query, tag);
		if (!query && !tag) return showHits(current, [], '', '', 0);
		if (!pagefind) status.textContent = context.strings.loading;
		try {
			const found = await findPosts(await engine(), query, tag);
			if (current === generation) await showHits(current, found, query, tag, restoreCount);
		} catch (error) {
			if (current === generation) unavailable(error);
		}
	}

	async function showHits(current: number, found: SearchHit[], query: string, tag: string, count: number): Promise<void> {
		hits = found;
		shown = 0;
		list.replaceChildren();
		await showMore(current, count);
		if (current !== generation) return;
		status.textContent = query || tag ? statusText(hits.length, query, context.tags.get(tag)?.name, context) : '';
	}

	async function showMore(current: number, count: number): Promise<HTMLLIElement[]> {
		const next = hits.slice(shown, shown + count);
		const items = (await Promise.all(next.map((hit) => hit.data()))).map((data) => renderResult(data, context));
		if (current !== generation) return [];
		list.append(...items);
		shown += items.length;
		more.hidden = shown >= hits.length;
		// Back from a result shows as many results as the reader had loaded.
		history.replaceState({ ...history.state, carnetShown: shown }, '');
		return items;
	}

	function unavailable(error: unknown): void {
		console.error('Search could not be loaded:', error);
		status.textContent = '';
		root.querySelector<HTMLElement>('.carnet-search__unavailable')?.removeAttribute('hidden');
	}

	function writeAddress(query: string, tag: string): void {
		const params = new URLSearchParams();
		if (query) params.set('q', query);
		if (tag) params.set('tag', tag);
		const address = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
		if (address !== `${location.pathname}${location.search}`) history.replaceState({ carnetShown: 0 }, '', address);
	}

	const resultLinks = () => [...list.querySelectorAll<HTMLAnchorElement>('.carnet-search__link')];

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void search();
	});
	input.addEventListener('input', () => {
		clearTimeout(typing);
		const query = input.value.trim();
		if (query) void engine().then((loaded) => loaded.preload(query), () => undefined);
		typing = setTimeout(() => void search(), TYPING_PAUSE_MS);
	});
	select?.addEventListener('change', () => void search());
	more.addEventListener('click', async () => {
		const [first] = await showMore(generation, PAGE_SIZE);
		first?.querySelector<HTMLAnchorElement>('.carnet-search__link')?.focus();
	});
	root.addEventListener('keydown', (event) => {
		const target = event.target as HTMLElement;
		if (event.key === 'Escape') {
			event.preventDefault();
			input.value = '';
			if (select) select.value = '';
			input.focus();
			void search();
			return;
		}
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const links = resultLinks();
		const index = links.indexOf(target as HTMLAnchorElement);
		if (target === input && event.key === 'ArrowDown' && links.length > 0) links[0]?.focus();
		else if (index >= 0 && event.key === 'ArrowDown') links[Math.min(index + 1, links.length - 1)]?.focus();
		else if (index > 0) links[index - 1]?.focus();
		else if (index === 0) input.focus();
		else return;
		event.preventDefault();
	});

	// A linked or restored search (`?q=…&tag=…`, Back from a result) shows its results at once.
	const params = new URLSearchParams(location.search);
	input.value = params.get('q') ?? '';
	if (select && context.tags.has(params.get('tag') ?? '')) select.value = params.get('tag') ?? '';
	const restored = (history.state as { carnetShown?: number } | null)?.carnetShown;
	if (input.value.trim() || select?.value) void search(Math.max(PAGE_SIZE, restored ?? 0));
}
