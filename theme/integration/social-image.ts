import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { userError } from './errors.ts';

/** The file behind the `socialImage` option: `/x.jpg` is in public/, `./x.jpg` is relative to the project root. */
export function resolveSocialImage(option: string | undefined, astroConfig: AstroConfig): string | undefined {
	if (option === undefined) return undefined;
	const root = fileURLToPath(astroConfig.root);
	const file = option.startsWith('/') ? path.join(fileURLToPath(astroConfig.publicDir), option) : path.resolve(root, option);
	if (existsSync(file)) return file;
	throw userError(
		`Invalid options passed to astro-theme-carnet:\n- socialImage: the file '${option}' was not found (looked for ${path.relative(root, file)}).`,
		'Paths starting with / are read from public/, others from the project root.',
	);
}
