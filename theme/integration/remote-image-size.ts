import type { AstroConfig } from 'astro';
import { fetchWithRedirects, imageMetadata } from 'astro/assets/utils';

export interface RemoteImageSize {
	width: number;
	height: number;
	format: string;
	/** The whole file's length in bytes, when the host says it (Content-Length, of a body sent as it is). */
	bytes?: number | undefined;
}

export interface FetchSizeOptions {
	imageConfig: AstroConfig['image'];
	/** Longest wait, in milliseconds, for the connection and the headers, then between two pieces of the body. */
	timeout: number;
	/** Called every `progressInterval` milliseconds while the image is downloading. */
	onProgress?: (elapsed: number, bytes: number) => void;
	progressInterval?: number;
}

/** Why a remote image could not be measured, in words that follow "featured_image 'url' …". */
export class RemoteImageError extends Error {
	readonly timedOut: boolean;

	constructor(message: string, timedOut = false) {
		super(message);
		this.timedOut = timedOut;
	}
}

/**
 * Reads a remote image's size from the first bytes that hold it, then stops downloading. Unlike Astro's
 * inferRemoteSize(), it gives up when the host is silent for `timeout` (undici's own limits are five
 * minutes), and it reports progress, so that a stalled host fails the build quickly and says so.
 */
export async function fetchRemoteImageSize(url: string, options: FetchSizeOptions): Promise<RemoteImageSize> {
	const controller = new AbortController();
	const started = Date.now();
	let bytes = 0;
	let timedOut = false;
	let idle: ReturnType<typeof setTimeout> | undefined;
	const waitForData = () => {
		clearTimeout(idle);
		idle = setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, options.timeout);
	};
	// A host that sends one byte at a time stays under the idle limit; four times the limit bounds it all.
	const overall = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, options.timeout * 4);
	const progress = options.onProgress && setInterval(() => options.onProgress?.(Date.now() - started, bytes), options.progressInterval ?? 5000);
	try {
		waitForData();
		const response = await fetchWithRedirects({
			url,
			imageConfig: options.imageConfig,
			fetchFn: (request, init) => fetch(request, { ...init, signal: controller.signal }),
		});
		if (!response.ok || !response.body) throw new RemoteImageError(`could not be downloaded: the host answered ${response.status} ${response.statusText}`.trim());
		const reader = response.body.getReader();
		let data = new Uint8Array();
		for (;;) {
			waitForData();
			const { done, value } = await reader.read();
			if (done) break;
			const joined = new Uint8Array(data.length + value.length);
			joined.set(data);
			joined.set(value, data.length);
			data = joined;
			bytes = data.length;
			const size = await sizeOf(data);
			if (size) {
				await reader.cancel().catch(() => undefined);
				return { ...size, bytes: declaredLength(response.headers) };
			}
		}
		throw new RemoteImageError(`is not an image Astro can read (${bytes} bytes received)`);
	} catch (error) {
		if (timedOut) {
			const seconds = Number((options.timeout / 1000).toFixed(1));
			const what = bytes === 0 ? 'the host did not answer' : `the host stopped sending after ${bytes} bytes`;
			throw new RemoteImageError(`could not be downloaded: ${what} within ${seconds} s`, true);
		}
		if (error instanceof RemoteImageError) throw error;
		const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
		throw new RemoteImageError(`could not be downloaded: ${error instanceof Error ? error.message : String(error)}${cause}`);
	} finally {
		clearTimeout(idle);
		clearTimeout(overall);
		clearInterval(progress);
		controller.abort();
	}
}

async function sizeOf(data: Uint8Array): Promise<RemoteImageSize | undefined> {
	try {
		const { width, height, format } = await imageMetadata(data);
		return width && height ? { width, height, format } : undefined;
	} catch {
		return undefined;
	}
}

function declaredLength(headers: Headers): number | undefined {
	// A compressed body's Content-Length is not the file's.
	if (headers.has('content-encoding')) return undefined;
	const length = Number(headers.get('content-length') ?? Number.NaN);
	return Number.isSafeInteger(length) && length > 0 ? length : undefined;
}
