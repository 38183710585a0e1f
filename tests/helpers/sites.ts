import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const sitesDir = path.join(repoRoot, 'tests', '.sites');
const buildScript = fileURLToPath(new URL('./build-site.mjs', import.meta.url));
const run = promisify(execFile);

export interface BuiltSite {
	/** Whether the build succeeded. */
	ok: boolean;
	/** Everything the build printed, without colours. */
	log: string;
	dist: string;
	exists(file: string): boolean;
	read(file: string): string;
	html(file: string): cheerio.CheerioAPI;
	xml(file: string): Record<string, any>;
}

/**
 * Node flags of the Astro processes the tests start. Node 24 can deadlock as a process exits: the main thread
 * waits for V8's background threads, one of which, compiling baseline (Sparkplug) code, waits for a garbage
 * collection that only the exiting main thread could run (nodejs/node#54918, #64274). A failing `astro build`
 * hung that way for the five minutes of a test's hook, after printing its error. Compiling that code on the
 * main thread leaves no background thread allocating code. Only the tests' processes: a site's own build is
 * Node's as the site owner runs it.
 */
export const CHILD_NODE_FLAGS = ['--no-concurrent-sparkplug'];

/**
 * The environment of a child Astro process: this one's, without what Vitest sets (NODE_ENV=test,
 * VITEST…), which Astro reads as running inside a test runner and which turns its dev server's routes off,
 * nor the `import.meta.env` values a test worker mirrors into its environment (DEV=1 would make a
 * build's `import.meta.env.DEV` true).
 */
export function astroEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
	const viteEnv = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']);
	for (const name of Object.keys(env)) if (viteEnv.has(name) || name.startsWith('VITEST')) delete env[name];
	return env;
}

/** What the `astro` command printed for a site, as a site owner sees it. */
export interface CliResult {
	ok: boolean;
	/** stdout and stderr together, without colours. */
	log: string;
}

// How long runAstro() waits for the command to exit.
const RUN_TIMEOUT_MS = 180_000;

/** Runs the `astro` command line (e.g. `build`) on the site at `root`. */
export async function runAstro(root: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
	const astroBin = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
	try {
		const result = await run(process.execPath, [...CHILD_NODE_FLAGS, astroBin, ...args, '--root', root], {
			env: astroEnv(env),
			cwd: root,
			maxBuffer: 64 * 1024 * 1024,
			// Astro 7.4.8 with Vite 8 sometimes never exits after printing an error of the config's setup (its main
			// thread waits on a futex beside rolldown's native threads; seen under load, about one run in ten): a
			// build that outlives this is killed, and fails with what it printed and why it was stopped.
			timeout: RUN_TIMEOUT_MS,
			killSignal: 'SIGKILL',
		});
		return { ok: true, log: stripAnsi(result.stdout + result.stderr) };
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string; killed?: boolean };
		const stopped = failed.killed ? `\n(stopped after ${RUN_TIMEOUT_MS / 1000} s: the process had not exited)\n` : '';
		return { ok: false, log: stripAnsi(`${failed.stdout ?? ''}${failed.stderr ?? ''}${stopped}`) };
	}
}

/**
 * The error block Astro printed for a site, from its `[AstroUserError]` on, with the site's absolute path
 * replaced by `<root>`: what a snapshot can pin wherever the site was written. Undefined if it printed none.
 */
export function printedAstroError({ log, root }: CliResult & { root: string }): string | undefined {
	const start = log.indexOf('[AstroUserError]');
	return start === -1 ? undefined : log.slice(start).replaceAll(root, '<root>').trimEnd();
}

/** Builds the site at `root` with Astro's programmatic build() in a child process. */
export async function buildSite(root: string, options: { outDir?: string; env?: Record<string, string> } = {}): Promise<BuiltSite> {
	const dist = options.outDir ?? path.join(root, 'dist');
	rmSync(dist, { recursive: true, force: true });
	const env = astroEnv(options.env);
	let ok = true;
	let log: string;
	try {
		const result = await run(process.execPath, [...CHILD_NODE_FLAGS, buildScript, root, dist], { env, maxBuffer: 64 * 1024 * 1024 });
		log = result.stdout + result.stderr;
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string };
		ok = false;
		log = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
	}
	return openSite(dist, ok, stripAnsi(log));
}

/**
 * Starts a build of the site at `root` and kills it with SIGKILL `delay` ms after its log first matches
 * `pattern`; resolves to the signal (or "exited") and the log.
 */
export function killedBuild(root: string, pattern: RegExp, delay: number): Promise<string> {
	const child = spawn(process.execPath, [...CHILD_NODE_FLAGS, buildScript, root, path.join(root, 'dist')], { env: astroEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	return new Promise((resolve) => {
		let armed = false;
		const onData = (chunk: Buffer) => {
			log += chunk;
			if (armed || !pattern.test(log)) return;
			armed = true;
			setTimeout(() => child.kill('SIGKILL'), delay);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (_, signal) => resolve(`${signal ?? 'exited'}\n${log}`));
	});
}

/** Readers for a built site's output folder. */
export function openSite(dist: string, ok: boolean, log: string): BuiltSite {
	const file = (name: string) => path.join(dist, name);
	const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });
	return {
		ok,
		log,
		dist,
		exists: (name) => existsSync(file(name)),
		read: (name) => readFileSync(file(name), 'utf8'),
		html: (name) => cheerio.load(readFileSync(file(name), 'utf8')),
		xml: (name) => xmlParser.parse(readFileSync(file(name), 'utf8')),
	};
}

/** The file a static host serves from `dist` for a root-relative address, if the build wrote one: `/a/` is `a/index.html`, `/a` is `a` or `a.html`. */
export function servedFile(dist: string, address: string): string | undefined {
	const pathname = decodeURI(address.split(/[?#]/)[0] as string);
	const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}.html`];
	return candidates.map((candidate) => path.join(dist, candidate)).find((file) => existsSync(file) && !file.endsWith('/'));
}

/** Writes a throw-away site under tests/.sites/<name>/ (inside the repo, so that it resolves the theme). */
export function writeSite(name: string, files: Record<string, string | Buffer>): string {
	const root = path.join(sitesDir, name);
	rmSync(root, { recursive: true, force: true });
	for (const [file, contents] of Object.entries(files)) {
		const target = path.join(root, file);
		mkdirSync(path.dirname(target), { recursive: true });
		writeFileSync(target, contents);
	}
	return root;
}

/** A site's `src/content.config.ts` wired as the README shows. */
export const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { postsLoader } from 'astro-theme-carnet/loaders';
import { postSchema } from 'astro-theme-carnet/schema';

export const collections = {
	posts: defineCollection({ loader: postsLoader(), schema: postSchema() }),
};
`;

/** An `astro.config.mjs` using the theme with `options`, plus Astro options such as `site`. */
export function astroConfig(options: Record<string, unknown>, astro: Record<string, unknown> = { site: 'https://example.com' }): string {
	return `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({ ...${JSON.stringify(astro)}, integrations: [carnet(${JSON.stringify(options)})] });
`;
}

export function stripAnsi(text: string): string {
	return text.replace(/\u001b\[[0-9;]*m/g, '');
}
