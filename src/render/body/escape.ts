/**
 * Character escaping exactly as hast-util-to-html 9 does it with its default options (checked
 * against node_modules/hast-util-to-html/lib/handle/{text,element}.js and stringify-entities 4):
 * - text: only `<` and `&` are encoded (subset `['<', '&']`); `>`, quotes, control characters
 *   and astral characters stay as they are;
 * - double-quoted attribute values: `\0 " & ' \`` are encoded (the `double` subset with
 *   allowParseErrors and allowDangerousCharacters off);
 * - a reference is always hexadecimal, upper case, with its semicolon (formatSmart without named
 *   or shortest references): `&#x3C;`, `&#x26;`, `&#x22;`, `&#x27;`, `&#x60;`, `&#x0;`.
 * The fast path is one regex test per value: news text almost never holds `<` or `&`.
 */

const REFERENCES: Readonly<Record<string, string>> = {
  '\0': '&#x0;',
  '"': '&#x22;',
  '&': '&#x26;',
  "'": '&#x27;',
  '<': '&#x3C;',
  '`': '&#x60;',
};

// Every character the two patterns match has an entry above, so the lookup cannot miss.
const reference = (character: string): string => REFERENCES[character] ?? character;

const TEXT_TEST = /[&<]/;
const TEXT_ALL = /[&<]/g;
const ATTRIBUTE_TEST = /[\0"&'`]/;
const ATTRIBUTE_ALL = /[\0"&'`]/g;

export function escapeText(value: string): string {
  return TEXT_TEST.test(value) ? value.replace(TEXT_ALL, reference) : value;
}

export function escapeAttribute(value: string): string {
  return ATTRIBUTE_TEST.test(value) ? value.replace(ATTRIBUTE_ALL, reference) : value;
}
