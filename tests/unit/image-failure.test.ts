import { describe, expect, test } from 'vitest';
import { failedRemoteImage } from '../../theme/utils/image-failure.ts';

describe("a remote image's failure as Astro reports it", () => {
	test("gives the image's address from the escaped attributes Astro's message keeps", () => {
		const error = new Error('Failed to parse image reference: {&quot;alt&quot;:&quot;Final&quot;,&quot;src&quot;:&quot;https://example.org/a.png?x=1&amp;y=2&quot;,&quot;index&quot;:0}');
		expect(failedRemoteImage(error)).toBe('https://example.org/a.png?x=1&y=2');
	});

	test('is not read in an image beside the post, nor in any other error', () => {
		expect(failedRemoteImage(new Error('Failed to parse image reference: {&quot;src&quot;:&quot;./photo.png&quot;}'))).toBeUndefined();
		expect(failedRemoteImage(new Error('Failed to parse image reference: {broken'))).toBeUndefined();
		expect(failedRemoteImage(new ReferenceError('undefinedVar is not defined'))).toBeUndefined();
	});
});
