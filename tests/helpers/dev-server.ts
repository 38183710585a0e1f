import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHILD_NODE_FLAGS, astroEnv } from './sites.ts';

/** `astro dev` (programmatic dev(), in a process of its own) on a site. */
export interface DevServer {
	origin: string;
	/** Everything the server printed so far. */
	output(): string;
	stop(): Promise<void>;
}

/** Starts `astro dev` on the site at `root` and resolves once it listens. */
export function startDevServer(root: string): Promise<DevServer> {
	const script = fileURLToPath(new URL('./dev-site.mjs', import.meta.url));
	const child: ChildProcess = spawn(process.execPath, [...CHILD_NODE_FLAGS, script, root], { env: astroEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	return new Promise<DevServer>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk;
			const match = /CARNET_DEV_SERVER (.+)/.exec(output);
			if (!match) return;
			const address = JSON.parse(match[1] as string) as { address: string; port: number };
			resolve({
				origin: `http://${address.address}:${address.port}`,
				output: () => output,
				stop: async () => {
					child.kill('SIGTERM');
					await exited;
				},
			});
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('exit', (code) => reject(new Error(`the dev server exited (${code}):\n${output}`)));
	});
}

/** Retries `check` until it passes or `seconds` have gone by: the dev server picks changes up within a few seconds. */
export async function eventually(check: () => Promise<void>, seconds = 15): Promise<void> {
	const deadline = Date.now() + seconds * 1000;
	for (;;) {
		try {
			return await check();
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}
