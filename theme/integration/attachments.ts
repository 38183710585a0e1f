import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isFile, isInside } from '../utils/file-paths.ts';
import { hasPostExtension } from '../utils/post-files.ts';

/**
 * Every file under `postsDir` but the posts, relative to it, with `/` between folders: where Obsidian looks
 * for an embed's file (`![[diagram.png]]`) or a linked one (`[[talk.pdf]]`), which its settings may keep in a
 * folder of their own (`attachments/`, `assets/`).
 * Folders whose name starts with a dot are left out (Obsidian's `.trash/`, `.obsidian/`).
 */
export function listAttachments(postsDir: string): string[] {
	let entries: Dirent[];
	try {
		entries = readdirSync(postsDir, { recursive: true, withFileTypes: true });
	} catch {
		return [];
	}
	return entries
		.filter((entry) => !entry.isDirectory() && !hasPostExtension(entry.name))
		.map((entry) => path.relative(postsDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.filter((entry) => !entry.split('/').some((segment) => segment.startsWith('.')));
}

/**
 * The file an Obsidian embed names, as a path from the post's folder (`./diagram.png`,
 * `../attachments/diagram.png`), looked for as Obsidian finds it in a vault, the posts folder here: beside
 * the post, then from the folder's top (`![[attachments/diagram.png]]`), then by its name (and the folders
 * written before it) anywhere in the folder, if one file only has it. Otherwise, why it is not shown.
 */
export function findAttachment(name: string, postFile: string, postsDir: string, attachments: () => readonly string[]): string | { reason: string } {
	const written = name.trim().replace(/\\/g, '/').replace(/^\/+/, '');
	if (written.split('/').includes('..')) return { reason: `its path ${JSON.stringify(name)} leaves the folder it is looked for in` };
	const folder = path.dirname(postFile);
	const from = (file: string) => {
		const relative = path.relative(folder, file).split(path.sep).join('/');
		return relative.startsWith('../') ? relative : `./${relative}`;
	};
	for (const candidate of [path.join(folder, written), path.join(postsDir, written)]) {
		if (isFile(candidate) && isInside(candidate, postsDir)) return from(candidate);
	}
	const wanted = `/${written.normalize('NFC')}`;
	const matches = attachments().filter((file) => `/${file.normalize('NFC')}`.endsWith(wanted));
	const [only] = matches;
	if (matches.length === 1 && only !== undefined) return from(path.join(postsDir, only));
	const posts = path.basename(postsDir);
	if (matches.length === 0) return { reason: `no file ${JSON.stringify(written)} is beside the post or anywhere in ${posts}/` };
	return { reason: `${matches.length} files in ${posts}/ are named ${JSON.stringify(written)} (${matches.join(', ')}); write the folders before its name, [[${matches[0]}]]` };
}
