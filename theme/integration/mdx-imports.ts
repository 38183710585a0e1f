import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { mdxjs } from 'micromark-extension-mdxjs';
import { splitFences } from '../markdown/shortcodes.ts';
import { userError } from './errors.ts';
import type { MarkdownSyntax } from './markdown.ts';

// Modules that only Docusaurus provides: its theme components (Tabs, Admonition, CodeBlock), the site
// alias and its generated data. An MDX post copied from a Docusaurus blog imports them, and the
// bundler's own message would name neither the line nor what to do.
const DOCUSAURUS_MODULE = /^(?:@theme(?:-original|-init)?\/|@site\/|@docusaurus\/|@generated\/)/;
// Starlight's components, which read what Starlight's middleware puts in Astro.locals.
const STARLIGHT_MODULE = /^@astrojs\/starlight(?:\/|$)/;
const IMPORT_LINE = /^import(?:\s[\s\S]*?\sfrom)?\s+(["'])([^"']+)\1/;

/** An import a post cannot build with: its file's line, what it imports and why (after "imports "), and the fix. */
type ImportProblem = { line: number; what: string; fix: string };

/**
 * Stops the build on an MDX post that imports a module only Docusaurus has, or a package the site has not
 * installed (`nextra/components`, copied from a Nextra blog), naming the line, the module and what to do,
 * before the bundler fails on it with a stack trace. Every such import of the post is named in one error, with
 * its line, so that one build lists them all (astro-theme-frosti's posts import nine components). `bodyLine`
 * is the file's line of the body's first line.
 */
export function checkMdxImports(body: string, bodyLine: number, where: { displayPath: string; entryFile: string; root?: string }): void {
	if (!body.includes('import')) return;
	const problems: ImportProblem[] = [];
	for (const run of splitFences(body)) {
		if (run.code) continue;
		for (const [index, line] of run.text.split('\n').entries()) {
			const module = IMPORT_LINE.exec(line)?.[2];
			if (module === undefined) continue;
			const problem = importProblem(module, where);
			if (problem) problems.push({ line: bodyLine + run.line - 1 + index, ...problem });
		}
	}
	const [first] = problems;
	if (!first) return;
	if (problems.length === 1) {
		throw userError(`${where.displayPath}:${first.line}: imports ${first.what}.`, first.fix, { file: where.entryFile, line: first.line });
	}
	throw userError(
		`${where.displayPath}:${first.line}: imports ${problems.length} modules this site cannot load:\n${problems.map(({ line, what }) => `- line ${line}: ${what}`).join('\n')}`,
		[...new Set(problems.map(({ fix }) => fix))].join(' '),
		{ file: where.entryFile, line: first.line },
	);
}

/** What is wrong with a post's import of `module`, as the error words it, or undefined when the bundler can judge it. */
function importProblem(module: string, where: { entryFile: string; root?: string }): Omit<ImportProblem, 'line'> | undefined {
	if (STARLIGHT_MODULE.test(module)) {
		return {
			what: `'${module}', components of Starlight, which work only in Starlight's own pages (they read its middleware's data), not in a Carnet blog, installed or not`,
			fix: 'Write an <Aside> as a callout (> [!NOTE], > [!CAUTION] Its title) and <Tabs> as sections, and remove the import.',
		};
	}
	// A theme's alias that is also an installed package (`@icons/material`) is the package.
	const installed = themeAlias(module) !== undefined && missingPackage(module, where.entryFile) === undefined;
	const missing = DOCUSAURUS_MODULE.test(module) || themeAlias(module) !== undefined ? undefined : missingPackage(module, where.entryFile);
	if (missing !== undefined) {
		return {
			what: `'${module}' from the package ${missing}, which is not installed in this site`,
			fix: `Install it (npm install ${missing}) if it is made for Astro or plain React, Vue or Svelte with their Astro integration; a component of another framework's blog (Nextra, Next.js, VitePress) does not run in Astro: remove the import and the components it brings, or import a component of your own from src/components/ in its place.`,
		};
	}
	const unresolved = DOCUSAURUS_MODULE.test(module) || installed ? undefined : missingFile(module, where.entryFile, where.root);
	if (unresolved !== undefined) return { what: `'${module}', ${unresolved.problem}`, fix: unresolved.fix };
	if (!DOCUSAURUS_MODULE.test(module)) return undefined;
	return {
		what: `'${module}', a module of Docusaurus, which an Astro site does not have`,
		fix: 'Remove the import and the components it brings from the post, or import a component of your own from src/components/ in its place.',
	};
}

/**
 * The package a bare import names (`nextra` for `nextra/components`, `@scope/name` for `@scope/name/x`) when
 * no node_modules folder from the post's up to the root has it; undefined for one that is installed, and for
 * what is no package: a path, Node's own modules, Vite's and Astro's virtual modules, aliases (`@/`, `~/`, `#`).
 */
function missingPackage(module: string, entryFile: string): string | undefined {
	if (/^(?:[./~#]|@\/|[a-z][\w+.-]*:)/i.test(module) || builtinModules.includes(module.split('/')[0] as string)) return undefined;
	const name = module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : (module.split('/')[0] as string);
	if (!/^(?:@[\w.-]+\/)?[\w.-]+$/.test(name)) return undefined;
	for (let dir = path.dirname(entryFile); ; dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return undefined;
		if (path.dirname(dir) === dir) return name;
	}
}

const SCRIPT_EXTENSIONS = ['', '.js', '.mjs', '.ts', '.mts', '.jsx', '.tsx', '/index.js', '/index.ts'];

// The aliases Astro themes define in their tsconfig.json (AstroPaper's, Astro Sphere's `@components/…`),
// which read like scoped packages no one publishes.
const THEME_ALIASES = /^(@(?:components|layouts|assets|utils|lib|config|data|content|styles|images|plugins|src|hooks|ui|shared|consts))\//;

/** The alias a module is imported through, `@components` for `@components/Counter`, when it reads as a theme's. */
function themeAlias(module: string): string | undefined {
	return THEME_ALIASES.exec(module)?.[1];
}

/**
 * What is wrong with an import of a file: a relative path to no file, or an alias (`@/components/…`, `~/…`,
 * as Astro themes' posts write them) that no tsconfig.json above the post defines. Undefined otherwise.
 */
function missingFile(module: string, entryFile: string, root: string | undefined): { problem: string; fix: string } | undefined {
	if (module.startsWith('#') && root !== undefined) return missingSubpathImport(module, root);
	const relative = /^\.\.?\//.test(module);
	// A path from the project's root (`/src/components/Mention.astro`), as Vite reads it.
	const fromRoot = root !== undefined && /^\/[^/]/.test(module);
	const alias = /^([@~])\//.exec(module)?.[1] ?? themeAlias(module);
	if (!relative && !fromRoot && alias === undefined) return undefined;
	if (relative || fromRoot) {
		const written = module.split('?')[0] as string;
		const file = fromRoot ? path.join(root as string, written) : path.resolve(path.dirname(entryFile), written);
		if (SCRIPT_EXTENSIONS.some((extension) => existsSync(`${file}${extension}`))) return undefined;
		// A path of the file system itself, which Vite reads too.
		if (fromRoot && SCRIPT_EXTENSIONS.some((extension) => existsSync(`${written}${extension}`))) return undefined;
		return {
			problem: `a file that does not exist (looked for ${root ? path.relative(root, file).split(path.sep).join('/') : file})`,
			fix: 'Copy the file there (a component, or the data it exports), correct the path, or remove the import and what the post does with it.',
		};
	}
	// The site's tsconfig.json, where Astro reads aliases from; without the project's root, the bundler judges.
	if (root === undefined || alias === undefined) return undefined;
	let text: string;
	try {
		text = readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
	} catch {
		text = '';
	}
	// The alias as tsconfig.json's paths write it ("@/*"), in a file that may hold comments.
	if (text.includes(`"${alias}/*"`) || text.includes(`'${alias}/*'`)) return undefined;
	return {
		problem: `through the alias ${alias}/, which this site does not define (the theme the post comes from did, in its tsconfig.json)`,
		fix: `Add what it imports (a component, or data such as a list of authors) to src/ and the alias to tsconfig.json (compilerOptions.paths: { "${alias}/*": ["./src/${alias.length > 1 ? `${alias.slice(1)}/` : ''}*"] }), import it by a relative path, or remove the import and what the post does with it.`,
	};
}

/**
 * What is wrong with an import through a Node subpath (`#components/callout`, as fumadocs' posts write them):
 * neither the site's package.json `imports` nor its tsconfig.json paths define it. Undefined when one does.
 */
function missingSubpathImport(module: string, root: string): { problem: string; fix: string } | undefined {
	const read = (name: string) => {
		try {
			return readFileSync(path.join(root, name), 'utf8');
		} catch {
			return '';
		}
	};
	let imports: Record<string, unknown> = {};
	try {
		imports = (JSON.parse(read('package.json') || '{}') as { imports?: Record<string, unknown> }).imports ?? {};
	} catch {
		// A package.json Carnet cannot read: the bundler judges.
		return undefined;
	}
	const defined = (key: string) => key === module || (key.includes('*') && module.startsWith(key.slice(0, key.indexOf('*'))));
	if (Object.keys(imports).some(defined)) return undefined;
	const prefix = module.includes('/') ? `${module.slice(0, module.indexOf('/'))}/` : module;
	if (read('tsconfig.json').includes(`"${prefix}`)) return undefined;
	return {
		problem: `through the subpath ${prefix}, which this site's package.json does not define (the site the post comes from did, in its "imports")`,
		fix: `Add what it imports to src/ and the subpath to package.json ("imports": { "${prefix}*": "./src/${prefix.slice(1)}*" }), import it by a relative path, or remove the import and what the post does with it.`,
	};
}

// The last body parsed: the sync asks for the components and then the images of the same MDX post.
let lastParsed: { body: string; syntax: string; tree: unknown } | undefined;

/**
 * `body` read as the MDX compiler reads it (code, comments and `export` strings are no elements), or undefined
 * if the compiler cannot read it, whose own error then says where. `syntax` adds what the site's processor
 * reads besides CommonMark (integration/markdown.ts: markdownSyntaxOf()), with the micromark extensions that
 * remark-gfm and remark-math add: footnotes, strikethrough, tables and addresses as links; `$` math.
 */
export function parseMdx<Node>(body: string, syntax: MarkdownSyntax = { gfm: false, math: false }): Node | undefined {
	const key = `${syntax.gfm} ${syntax.math}`;
	if (lastParsed?.body !== body || lastParsed.syntax !== key) {
		let tree: unknown;
		try {
			tree = fromMarkdown(body, {
				extensions: [mdxjs(), ...(syntax.gfm ? [gfm()] : []), ...(syntax.math ? [math()] : [])],
				mdastExtensions: [mdxFromMarkdown(), ...(syntax.gfm ? [gfmFromMarkdown()] : []), ...(syntax.math ? [mathFromMarkdown()] : [])],
			});
		} catch {
			tree = undefined;
		}
		lastParsed = { body, syntax: key, tree };
	}
	return lastParsed.tree as Node | undefined;
}

// What MDX and Astro give every post without an import.
const PROVIDED = new Set(['Fragment']);

type MdxNode = { type: string; name?: string | null; value?: string; children?: MdxNode[]; position?: { start: { line: number } } };

/**
 * Stops the build on an MDX post that uses components it neither imports nor defines, naming each with the
 * lines it is on, as posts of blogs
 * whose site provides components to every post write them (tailwind-nextjs-starter-blog's `<TOCInline>`,
 * Docusaurus's `<Tabs>`): the page would fail while rendering, naming neither the post nor the line. The
 * body is read as the MDX compiler reads it (code, comments and strings in `export` are no components); a
 * body it cannot read is left to the compiler's own error.
 */
export function checkMdxComponents(body: string, bodyLine: number, where: { displayPath: string; entryFile: string }): void {
	if (!/<[A-Z]/.test(body)) return;
	const tree = parseMdx<MdxNode>(body);
	if (!tree) return;
	const bound = new Set(PROVIDED);
	const used: { name: string; line: number }[] = [];
	const stack = [tree];
	while (stack.length > 0) {
		const node = stack.pop() as MdxNode;
		if (node.type === 'mdxjsEsm') {
			// Astro's `export const components = { … }` maps names to components, which MDX then gives the post.
			if (/\bexport\s+(?:const|let|var)\s+components\b/.test(node.value ?? '')) return;
			for (const name of boundNames(node.value ?? '')) bound.add(name);
		}
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
			used.push({ name: node.name.split('.')[0] as string, line: node.position?.start.line ?? 1 });
		}
		for (const child of node.children ?? []) stack.push(child);
	}
	// Each missing component once, with the file's lines it is used on, so that one build names them all.
	const missing = new Map<string, number[]>();
	for (const { name, line } of used.filter(({ name }) => !bound.has(name)).sort((a, b) => a.line - b.line)) {
		const lines = missing.get(name) ?? [];
		if (!lines.includes(bodyLine + line - 1)) lines.push(bodyLine + line - 1);
		missing.set(name, lines);
	}
	const [first, ...others] = missing;
	if (!first) return;
	const [name, [fileLine = bodyLine] = []] = first;
	const imports = [...missing.keys()].map((missed) => `import ${missed} from '${componentPath(where.displayPath, missed)}'`);
	if (others.length === 0) {
		throw userError(
			`${where.displayPath}:${fileLine}: uses the component <${name}>, which the post neither imports nor defines: the blog it comes from gave it to every post, and Carnet gives none.`,
			`Remove <${name}> (its text, if it has some, can stay as Markdown), or import a component of your own in its place (${imports[0]}).`,
			{ file: where.entryFile, line: fileLine },
		);
	}
	const named = [...missing].map(([missed, lines]) => `<${missed}> (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`);
	throw userError(
		`${where.displayPath}:${fileLine}: uses the components ${named.slice(0, -1).join(', ')} and ${named.at(-1)}, which the post neither imports nor defines: the blog it comes from gave them to every post, and Carnet gives none.`,
		`Remove them (their text, if they have some, can stay as Markdown), or import components of your own in their place (${imports.join('; ')}).`,
		{ file: where.entryFile, line: fileLine },
	);
}

/** The path from a post (its path from the project, `src/content/posts/a/x.mdx`) to a component of that name in src/components/. */
function componentPath(displayPath: string, name: string): string {
	const relative = path.posix.relative(path.posix.dirname(displayPath.split(path.sep).join('/')), `src/components/${name}.astro`);
	return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The names an MDX post's `import` and `export` statements bind. */
function boundNames(code: string): string[] {
	const names: string[] = [];
	// A run of spaces is taken whole before a word (and `from` ends the clause), so that a clause of spaces
	// is read in linear time.
	for (const [, clause] of code.matchAll(/\bimport\s+(?!\s)((?:[^'"\s]|\s+(?=\S)(?!(?:from|import)\s))*?)\s+from\s/g)) {
		for (const name of (clause as string).split(/[\s,{}*]+/)) if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== 'as' && name !== 'type') names.push(name);
	}
	for (const [, name] of code.matchAll(/\bexport\s+(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) names.push(name as string);
	return names;
}
