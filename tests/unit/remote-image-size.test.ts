import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { AstroConfig } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchRemoteImageSize, RemoteImageError } from '../../theme/integration/remote-image-size.ts';
import { makeJpeg } from '../helpers/images.ts';

const imageConfig = { domains: [], remotePatterns: [{ protocol: 'http', hostname: '127.0.0.1' }] } as unknown as AstroConfig['image'];
const servers: Server[] = [];
const sockets = new Set<Socket>();
let silent: string;
let web: string;

async function listen(server: Server): Promise<string> {
	servers.push(server);
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
	const jpeg = await makeJpeg(800, 450, 2);
	// Accepts the connection and never says a word.
	silent = await listen(createServer(() => {}));
	web = await listen(
		createHttpServer((request, response) => {
			if (request.url === '/photo.jpg') return void response.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(jpeg);
			// Sends the headers and the first bytes, then nothing more.
			if (request.url === '/stalls.jpg') return void response.writeHead(200, { 'Content-Type': 'image/jpeg' }).write(jpeg.subarray(0, 4));
			if (request.url === '/page.jpg') return void response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Not an image</title>');
			response.writeHead(404, 'Not Found').end();
		}),
	);
});

afterAll(async () => {
	for (const socket of sockets) socket.destroy();
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function failure(url: string, timeout = 300): Promise<RemoteImageError> {
	const error = await fetchRemoteImageSize(url, { imageConfig, timeout }).catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(RemoteImageError);
	return error as RemoteImageError;
}

describe('fetchRemoteImageSize()', () => {
	test('reads the size of a remote image', async () => {
		expect(await fetchRemoteImageSize(`${web}/photo.jpg`, { imageConfig, timeout: 5000 })).toEqual({ width: 800, height: 450, format: 'jpg' });
	});

	test('gives up on a host that accepts the connection and never answers, within the timeout', async () => {
		const started = performance.now();
		const error = await failure(`${silent}/photo.jpg`);
		expect(performance.now() - started).toBeLessThan(2000);
		expect([error.message, error.timedOut]).toEqual(['could not be downloaded: the host did not answer within 0.3 s', true]);
	});

	test('gives up on a host that stops sending in the middle of the image', async () => {
		expect((await failure(`${web}/stalls.jpg`)).message).toBe('could not be downloaded: the host stopped sending after 4 bytes within 0.3 s');
	});

	test('reports progress while it waits', async () => {
		const progress: number[] = [];
		await fetchRemoteImageSize(`${silent}/photo.jpg`, { imageConfig, timeout: 400, progressInterval: 100, onProgress: (_, bytes) => progress.push(bytes) }).catch(() => undefined);
		expect(progress.length).toBeGreaterThanOrEqual(2);
		expect(new Set(progress)).toEqual(new Set([0]));
	});

	test('names the status of an error page, and a page that is not an image', async () => {
		expect((await failure(`${web}/missing.jpg`, 5000)).message).toBe('could not be downloaded: the host answered 404 Not Found');
		expect((await failure(`${web}/page.jpg`, 5000)).message).toBe('is not an image Astro can read (42 bytes received)');
	});
});
