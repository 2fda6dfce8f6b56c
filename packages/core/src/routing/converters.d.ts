/**
 * A `path()` converter, as in Django's `django.urls.converters`: `regex` (Python syntax,
 * translated like `rePath()` patterns) says what a segment may look like, `toValue`
 * (Django's `to_python`) turns the matched text into the kwarg. `toValue` throws to reject
 * the match, so routing moves on to the next route, as a Django `ValueError` does.
 */
export interface PathConverter<T = unknown> {
    readonly regex: string;
    toValue?(raw: string): T;
}
/** A converter ready for matching: its regex already translated to JS source. */
export interface CompiledConverter {
    readonly source: string;
    readonly toValue: ((raw: string) => unknown) | undefined;
}
/**
 * Makes `<name:param>` available to every `path()` defined afterwards (Django's
 * `register_converter`). Registering a name twice is an error: routes already defined
 * would silently keep the old meaning.
 */
export declare function registerConverter<T>(name: string, converter: PathConverter<T>): void;
export declare function getConverter(name: string): CompiledConverter | undefined;
export declare function converterNames(): string[];
