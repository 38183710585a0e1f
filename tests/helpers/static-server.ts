import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/feed+json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.xsl': 'text/xsl; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
};

export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

/**
 * Serves a built site the way a static host does: `/x/` from `x/index.html`, `/x` redirected to `/x/`
 * when that is a folder, and 404.html with status 404 for anything else. `headers` are sent with every file,
 * as a host's `_headers` file would.
 */
export async function serveStatic(dist: string, options: { headers?: Record<string, string> } = {}): Promise<StaticServer> {
	const server: Server = createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		let file = path.join(dist, pathname);
		if (!file.startsWith(dist)) return void response.writeHead(403).end();
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!pathname.endsWith('/')) return void response.writeHead(301, { Location: `${pathname}/` }).end();
			file = path.join(file, 'index.html');
		}
		const found = existsSync(file) && statSync(file).isFile();
		const served = found ? file : path.join(dist, '404.html');
		// A folder of loose pages (a test's own fixture) has no 404.html: answer a plain 404, as a host would.
		if (!found && !existsSync(served)) return void response.writeHead(404, { ...options.headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
		response.writeHead(found ? 200 : 404, { ...options.headers, 'Content-Type': TYPES[path.extname(served)] ?? 'application/octet-stream' });
		createReadStream(served)
			.on('error', (error) => response.destroy(error))
			.pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
