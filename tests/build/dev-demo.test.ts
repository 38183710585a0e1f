import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHILD_NODE_FLAGS, astroEnv, repoRoot } from '../helpers/sites.ts';

let child: ChildProcess;
let origin: string;
// What the dev server printed: shown with a request that fails, since a server that stopped says why there only.
let output = '';

/** A page from the dev server, or an error that shows the end of what the server printed. */
async function get(path: string): Promise<Response> {
	try {
		return await fetch(`${origin}${path}`);
	} catch (error) {
		throw new Error(`GET ${path} failed (${(error as Error).message}); the dev server printed:\n${output.slice(-4000)}`, { cause: error });
	}
}

beforeAll(async () => {
	const script = fileURLToPath(new URL('../helpers/dev-site.mjs', import.meta.url));
	child = spawn(process.execPath, [...CHILD_NODE_FLAGS, script, repoRoot], { env: astroEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
	origin = await new Promise<string>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk;
			const match = /CARNET_DEV_SERVER (.+)/.exec(output);
			if (match) {
				const address = JSON.parse(match[1] as string) as { address: string; port: number };
				resolve(`http://${address.address}:${address.port}`);
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('exit', (code) => reject(new Error(`the dev server exited (${code}):\n${output}`)));
	});
});

afterAll(() => {
	child?.kill('SIGTERM');
});

describe('astro dev on the demo', () => {
	test('serves the home page, drafts included', async () => {
		const response = await get('/');
		expect(response.status).toBe(200);
		const $ = cheerio.load(await response.text());
		expect($('h1').text()).toBe('Derniers articles');
		expect($('.carnet-card h2').text()).toContain('Idées pour la rentrée');
	});

	test('serves the reference post', async () => {
		const response = await get('/posts/externalisation-le-traitement-antistress-des-pme/');
		expect(response.status).toBe(200);
		const $ = cheerio.load(await response.text());
		expect($('h1').text()).toBe('Externalisation\u202F: Le Traitement Antistress des PME 🌐 🤓 😁');
		expect($('.carnet-post-meta time').first().text()).toBe('3 février 2024');
		expect($('.carnet-prose').text()).toContain('En conclusion, l’externalisation est un remède efficace contre le stress des PME.');
	});

	test('renders every body through render(entry) on a page of the site\'s own, drafts included', async () => {
		const response = await get('/tout-lire/');
		expect(response.status).toBe(200);
		const $ = cheerio.load(await response.text());
		expect($('article[data-post="idees-pour-la-rentree"] p').text()).toContain('Ce brouillon n’apparaît ni dans les pages construites');
		expect($('article[data-post="externalisation-le-traitement-antistress-des-pme"]').text()).toContain('En conclusion');
	});
});

describe('search under astro dev', () => {
	test('serves the search page, which says that search works once the site is built', async () => {
		const response = await get('/search/');
		expect(response.status).toBe(200);
		const $ = cheerio.load(await response.text());
		expect($('.carnet-search__notice').first().text()).toBe(
			'La recherche fonctionne une fois le site construit (astro build, puis astro preview)\u202F: le serveur de développement n’a pas d’index de recherche.',
		);
		expect($('.carnet-search').attr('data-bundle')).toBeUndefined();
	});
});
