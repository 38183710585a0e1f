/**
 * `compute`, run once for each key and remembered: for what the Intl API builds from a locale (20 to 90 µs
 * each time), which every page asks for again with the same few locales.
 */
export function oncePerKey<Value>(compute: (key: string) => Value): (key: string) => Value {
	const values = new Map<string, Value>();
	return (key) => {
		if (!values.has(key)) values.set(key, compute(key));
		return values.get(key) as Value;
	};
}
