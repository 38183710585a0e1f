/**
 * `compute`, run once for each key and remembered: for what is costly to build from one of a few keys and
 * asked for again and again, such as what the Intl API builds from a locale (20 to 90 µs each time, on
 * every page) or a route's regular expression (for every post).
 */
export function oncePerKey<Value>(compute: (key: string) => Value): (key: string) => Value {
	const values = new Map<string, Value>();
	return (key) => {
		if (!values.has(key)) values.set(key, compute(key));
		return values.get(key) as Value;
	};
}
