// Seeded randomness, so that a corpus is the same on every machine and every run.

/** A generator of floats in [0, 1) from a 32-bit seed (SplitMix32: tiny, fast, well mixed). */
export function createRandom(seed) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x9e3779b9) >>> 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
	};
	return {
		next,
		/** A whole number from `min` to `max`, both included. */
		between: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		/** `count` distinct items, in random order. */
		sample: (items, count) => {
			const pool = [...items];
			for (let index = pool.length - 1; index > 0; index--) {
				const other = Math.floor(next() * (index + 1));
				[pool[index], pool[other]] = [pool[other], pool[index]];
			}
			return pool.slice(0, count);
		},
		chance: (probability) => next() < probability,
	};
}

/** A seed for item `index` of a stream, so that one post's text does not depend on how many come before it. */
export function seedFor(stream, index) {
	return (Math.imul(stream, 0x2c1b3c6d) ^ Math.imul(index + 1, 0x297a2d39)) >>> 0;
}
