// Astro's render() replaces the error of an image in a Markdown body that it could not process (a remote
// host that does not answer) with its own, which keeps only the image's attributes, as JSON in the
// HTML's escaping (`Failed to parse image reference: {&quot;src&quot;:…}`): the cause is lost.
// https://github.com/withastro/astro/blob/main/packages/astro/src/content/runtime.ts (updateImageReferencesInBody)
const IMAGE_REFERENCE = /^Failed to parse image reference: (\{.*\})$/s;

/**
 * The address of the remote image whose failure `error` reports, as Astro words it; undefined for any
 * other error, and for an image beside the post, which Astro finds or reports itself.
 */
export function failedRemoteImage(error: unknown): string | undefined {
	const json = error instanceof Error ? IMAGE_REFERENCE.exec(error.message)?.[1] : undefined;
	if (json === undefined) return undefined;
	let src: unknown;
	try {
		// Astro's own unescaping, before it parses the same text.
		src = (JSON.parse(json.replace(/&(?:#x22|quot);/g, '"').replace(/&(?:#x27|apos);/g, "'").replace(/&(?:amp|#x26|#38);/g, '&')) as { src?: unknown }).src;
	} catch {
		return undefined;
	}
	return typeof src === 'string' && /^https?:\/\//i.test(src) ? src : undefined;
}
