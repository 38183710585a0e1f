import { existsSync } from 'node:fs';
import path from 'node:path';
import { fenceAfter, withoutCode } from '../markdown/fences.ts';
import { basePrefix } from '../utils/urls.ts';
import { userError } from './errors.ts';

// An attribute whose value is a file's address as Docusaurus posts write it: `src={require('./a.png').default}`,
// `href={require('@site/static/files/a.pdf')}`. Each run of spaces sits between two literal characters, so a
// failed match backtracks linearly.
const REQUIRE_VALUE = /(=\s*\{\s*)(require\(\s*(?:"([^"\n]{1,1000})"|'([^'\n]{1,1000})')\s*\)(?:\.default)?)\s*\}/g;

/** A `require()` of a file in an MDX body: where the call starts and ends in the text, its line (1 = the text's first) and the module it names. */
export interface MdxRequire {
	start: number;
	end: number;
	line: number;
	module: string;
}

/** Where a required file is: a file to import (its absolute path), or one of public/ (its path from public/, `/`-led). */
export type RequiredFile = { file: string; exists: boolean } | { publicPath: string; file: string; exists: boolean };

/**
 * The `require()` calls that give an attribute its value in an MDX body, outside fenced code and code
 * spans, whose path is relative (`./a.png`) or from the Docusaurus site's root (`@site/static/img/a.png`):
 * webpack makes them the file's address, where an Astro page would show `[object Object]`.
 */
export function mdxRequires(text: string): MdxRequire[] {
	if (!text.includes('require(')) return [];
	const masked = withoutCode(text);
	const found: MdxRequire[] = [];
	let line = 1;
	let counted = 0;
	for (const match of masked.matchAll(REQUIRE_VALUE)) {
		const module = (match[3] ?? match[4]) as string;
		if (!/^(?:\.\.?\/|@site\/)/.test(module)) continue;
		const start = match.index + (match[1] as string).length;
		for (; counted < start; counted++) if (masked.charCodeAt(counted) === 10) line++;
		found.push({ start, end: start + (match[2] as string).length, line, module });
	}
	return found;
}

/** Where the file that `module` names is, for the post at `entryFile`: `@site/static/` is Docusaurus's public/, other `@site/` paths are read from the project's root. */
export function requiredFile(module: string, entryFile: string, folders: { root: string; publicDir: string }): RequiredFile {
	const fromSite = /^@site\/(.*)$/.exec(module)?.[1];
	const inStatic = fromSite === undefined ? undefined : /^static\/(.*)$/.exec(fromSite)?.[1];
	if (inStatic !== undefined) {
		const file = path.join(folders.publicDir, inStatic);
		return { publicPath: `/${inStatic}`, file, exists: existsSync(file) };
	}
	const file = fromSite === undefined ? path.resolve(path.dirname(entryFile), module) : path.join(folders.root, fromSite);
	return { file, exists: existsSync(file) };
}

/**
 * Stops the build on an MDX post that requires a file that does not exist, naming the line, the module and
 * the file looked for. `bodyLine` is the file's line of the body's first line.
 */
export function checkMdxRequires(body: string, bodyLine: number, where: { displayPath: string; entryFile: string; root: string; publicDir: string }): void {
	for (const { line, module } of mdxRequires(body)) {
		const required = requiredFile(module, where.entryFile, where);
		if (required.exists) continue;
		const fileLine = bodyLine + line - 1;
		const shown = path.relative(where.root, required.file).split(path.sep).join('/');
		throw userError(
			`${where.displayPath}:${fileLine}: require('${module}') names a file that does not exist (looked for ${shown}).`,
			'publicPath' in required
				? "Copy the file from the Docusaurus site's static/ folder into public/, or correct the path."
				: 'Copy the file there (beside the post, for a path starting with ./), or correct the path.',
			{ file: where.entryFile, line: fileLine },
		);
	}
}

/**
 * `text`, an MDX post's file, with each file it requires (mdxRequires()) given as its address: a file of
 * public/ as the string of its address under the site's base, another file as the address of an import
 * that the build publishes (`import __carnetFile0 from './a.png?url&no-inline'`), added after the last line,
 * so that no line moves. A file that does not exist is left to the loader's error (checkMdxRequires()).
 */
export function mdxRequiresAsImports(text: string, entryFile: string, folders: { root: string; publicDir: string; base: string }): string {
	const requires = mdxRequires(text);
	if (requires.length === 0) return text;
	const names = new Map<string, string>();
	let out = '';
	let last = 0;
	for (const { start, end, module } of requires) {
		const required = requiredFile(module, entryFile, folders);
		if (!required.exists) continue;
		let value: string;
		if ('publicPath' in required) value = JSON.stringify(`${basePrefix(folders.base)}${required.publicPath}`);
		else {
			const relative = path.relative(path.dirname(entryFile), required.file).split(path.sep).join('/');
			const specifier = `${relative.startsWith('.') ? relative : `./${relative}`}?url&no-inline`;
			value = names.get(specifier) ?? `__carnetFile${names.size}`;
			names.set(specifier, value);
		}
		out += text.slice(last, start) + value;
		last = end;
	}
	if (last === 0) return text;
	out += text.slice(last);
	if (names.size === 0) return out;
	// A fence left open at the end would hold the imports as code.
	let fence: string | undefined;
	for (const line of out.split('\n')) fence = fenceAfter(line, fence).open;
	const imports = [...names].map(([specifier, name]) => `import ${name} from ${JSON.stringify(specifier)};`).join('\n');
	return `${out}${out.endsWith('\n') ? '' : '\n'}${fence === undefined ? '' : `${fence}\n`}\n${imports}\n`;
}
