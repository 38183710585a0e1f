// Stands in for `astro:content` in runtime tests (helpers/theme-vite.ts): collections are what the test sets.
const collections = new Map<string, unknown[]>();

export function setCollection(name: string, entries: unknown[]): void {
	collections.set(name, entries);
}

export async function getCollection(name: string, filter?: (entry: unknown) => boolean): Promise<unknown[]> {
	const entries = collections.get(name) ?? [];
	return filter ? entries.filter(filter) : [...entries];
}

export async function render(): Promise<never> {
	throw new Error('render() is not available in runtime tests; build a fixture site to test bodies.');
}
