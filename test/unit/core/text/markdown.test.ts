import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { authoredMarkdown, code, codeBlock, codeContent, escapeText, md, paragraphs } from '../../../../server/src/core/text/markdown';
import { escapeIcons } from '../../../../server/src/core/text/iconLabel';
import { liveMarkup, liveMarkupParsed, outsideCode, parseMarkdown } from '../../../helpers/liveMarkup';

/** Strings rich in what markdown reads: backticks in runs, spaces at the ends, HTML, links, icons, line breaks. */
const PIECES = [
  '`',
  '``',
  '```',
  '````',
  ' ',
  '  ',
  '\\',
  '<img src=x onerror=alert(1)>',
  '</b>',
  '<!--',
  '[c](command:x)',
  '![i](https://evil.example/p.png)',
  '$(zap)',
  '*',
  '_',
  '~~',
  '#',
  '> ',
  '- ',
  '1. ',
  '|',
  '&lt;',
  '&#96;',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '    ',
  '\t',
  'https://evil.example',
  'www.evil.example',
  'a@b.example',
  'x',
  'PT5M',
  '\0',
  '\u2028',
  '"',
  "'",
  '{',
  '}',
  ':',
  '=',
];
const markdownish = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/**
 * marked's code-span rule (VS Code's renderer; the same in marked 4 to 15): the span at the start of
 * `src` and the text it shows, or undefined.
 */
function markedCodeSpan(src: string): { raw: string; text: string } | undefined {
  const cap = /^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/.exec(src);
  if (!cap) return undefined;
  let text = cap[2]!.replace(/\n/g, ' ');
  if (/[^ ]/.test(text) && text.startsWith(' ') && text.endsWith(' ')) text = text.slice(1, -1);
  return { raw: cap[0], text };
}

test('code(): for any string, CommonMark reads exactly one code span holding exactly the string (line breaks as ↵)', () => {
  fc.assert(
    fc.property(markdownish, (text) => {
      fc.pre(text !== '');
      const span = code(text);
      const expected = codeContent(text);
      // markdown-it (CommonMark): the span between two words is one code_inline token with that content.
      const inline = parseMarkdown(`a ${span} b`).filter((t) => t.type === 'inline');
      assert.equal(inline.length, 1, 'one paragraph: no line break got out');
      // (markdown-it strips a space from each end of an all-space span of 3 or more, against the spec.)
      const shown = /^ {3,}$/.test(expected) ? expected.slice(1, -1) : expected;
      assert.deepEqual(
        inline[0]!.children!.map((t) => [t.type, t.content]),
        [
          ['text', 'a '],
          ['code_inline', shown],
          ['text', ' b'],
        ],
      );
      // marked (VS Code): the span is taken whole at its first backtick, and shows the same text.
      assert.deepEqual(markedCodeSpan(`${span} b`), { raw: span, text: expected });
      // Our own reading of the rules (test/helpers/liveMarkup.ts) agrees: nothing outside the span.
      assert.equal(outsideCode(`a ${span} b`), 'a \u0002 b');
    }),
    { numRuns: 2000 },
  );
});

test('code(): the fence is one longer than the longest backtick run, padded only where CommonMark would eat a character', () => {
  assert.equal(code('PT5M'), '`PT5M`');
  assert.equal(code('a`b'), '``a`b``');
  assert.equal(code('`'), '`` ` ``');
  assert.equal(code('x``'), '``` x`` ```');
  assert.equal(code(' a '), '`  a  `');
  assert.equal(code('   '), '`   `', 'all spaces: nothing is stripped');
  assert.equal(code(''), '` `', 'an empty text shows as an empty span');
  assert.equal(code('a\nb\r\nc'), '`a↵b↵c`');
  assert.equal(code('`'.repeat(100_000)).length, 2 * 100_001 + 2 + 100_000, 'no stack trouble on long runs');
});

test('escapeText(): for any string, the rendered text is exactly the string, with no markup at all', () => {
  fc.assert(
    fc.property(markdownish, (text) => {
      const rendered = escapeText(text);
      const blocks = parseMarkdown(`a ${rendered} b`);
      const inline = blocks.filter((t) => t.type === 'inline');
      assert.equal(inline.length, 1, 'one paragraph');
      const children = inline[0]!.children!;
      assert.ok(
        children.every((t) => t.type === 'text' || t.type === 'text_special'),
        JSON.stringify(children.map((t) => t.type)),
      );
      assert.equal(children.map((t) => t.content).join(''), `a ${codeContent(text)} b`);
      assert.deepEqual(liveMarkup(rendered), []);
      // At the start of a line too, nothing starts a block (a heading, a quote, a list, a fence, HTML).
      if (/^\S/.test(codeContent(text))) {
        const alone = parseMarkdown(`${rendered} b`);
        assert.deepEqual(
          alone.map((t) => t.type),
          ['paragraph_open', 'inline', 'paragraph_close'],
        );
        assert.equal(alone[1]!.children!.map((t) => t.content).join(''), `${codeContent(text)} b`);
      }
    }),
    { numRuns: 2000 },
  );
});

test('escapeText(): HTML, links, images, autolinks and icons come out as text', () => {
  const payload =
    '<img src=x onerror=alert(1)>[c](command:workbench.action.terminal.new)![i](https://evil.example/p.png)$(zap) www.evil.com a@b.com';
  assert.deepEqual(
    liveMarkupParsed(payload)
      .map((m) => m.kind)
      .sort(),
    ['html', 'icon', 'image', 'link', 'link', 'link'].sort(),
    'the payload is live when not escaped',
  );
  assert.deepEqual(liveMarkupParsed(escapeText(payload)), []);
  assert.deepEqual(liveMarkup(escapeText(payload)), []);
});

test('codeBlock(): any text stays inside the block, whatever fences it holds', () => {
  fc.assert(
    fc.property(markdownish, (text) => {
      const tokens = parseMarkdown(`before\n\n${codeBlock(text, 'json')}\n\nafter`);
      assert.deepEqual(
        tokens.map((t) => t.type),
        ['paragraph_open', 'inline', 'paragraph_close', 'fence', 'paragraph_open', 'inline', 'paragraph_close'],
      );
      const fence = tokens[3]!;
      assert.equal(fence.info, 'json');
      assert.equal(fence.content, `${text.replace(/\r\n|[\r\u2028\u2029]/g, '\n').replace(/\0/g, '\uFFFD')}\n`);
    }),
    { numRuns: 1000 },
  );
  assert.equal(codeBlock('a', 'js"><x'), '```jsx\na\n```', 'the info string keeps only a language name');
});

test('md``: joins markdown and numbers; paragraphs() separates blocks', () => {
  const name = 'a`b';
  assert.equal(
    md`Effective value: ${code(name)} (${3} instances, ${escapeText('*x*')})`,
    'Effective value: ``a`b`` (3 instances, \\*x\\*)',
  );
  assert.equal(paragraphs([authoredMarkdown('**x**'), md`y`]), '**x**\n\ny');
});

test('escapeIcons(): theme-icon syntax in plain labels shows as written', () => {
  assert.equal(escapeIcons('$(zap) x $(sync~spin) $(not an icon)'), '\\$(zap) x \\$(sync~spin) $(not an icon)');
  // VS Code shows `\$(x)` as `$(x)`: an already escaped one keeps its backslash.
  assert.equal(escapeIcons('\\$(zap)'), '\\\\$(zap)');
});
