import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Rendered Markdown bodies are kept as files in Astro's cache folder rather than in its data store.
 * Astro holds the whole data store in memory and bundles it into the build as one string, so bodies
 * stored there made a 10,000-post build peak at 3.5 GiB (README, Performance); as files, a page reads
 * only its own body. Bodies with images stay in the data store, where Astro resolves their images.
 */
export function bodiesDirectory(cacheDir: URL): string {
	return fileURLToPath(new URL('carnet/bodies/', cacheDir));
}

/** Writes a post's body under a name that changes with its content, unless that file is there already. */
export async function writeBody(directory: string, id: string, digest: string, html: string): Promise<string> {
	const name = `${id}.${digest}.html`;
	const file = path.join(directory, name);
	if (!existsSync(file)) {
		await mkdir(directory, { recursive: true });
		await writeFile(file, html);
	}
	return name;
}

export function bodyExists(directory: string, name: string): boolean {
	return existsSync(path.join(directory, name));
}

/** Removes the bodies no post refers to any more (older versions, deleted posts). */
export async function removeStaleBodies(directory: string, keep: ReadonlySet<string>): Promise<void> {
	if (!existsSync(directory)) return;
	const stale = (await readdir(directory)).filter((name) => !keep.has(name));
	await Promise.all(stale.map((name) => rm(path.join(directory, name), { force: true })));
}
