import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Markdown to plain text for the knowledge base: parsed by remark (CommonMark with GitHub's tables and task lists,
 * front matter recognised and left out), then each block written as plain text: headings and paragraphs as their
 * words, list items as "- " (or "1. ") lines, table rows as cells joined by " | ", code blocks as their content. Links keep their
 * text, emphasis and code marks go, escapes keep the character.
 *
 * @example stripMarkdown('## Refunds\n\nSee **the [policy](https://x.example/p)**.') // 'Refunds\n\nSee the policy.'
 */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

export function stripMarkdown(markdown: string): string {
  const tree = parser.parse(markdown.replace(/\r\n?/g, '\n')) as Root;
  const blocks: string[] = [];
  // Inline HTML is markup, not words: left out of the text.
  const words = (node: Nodes) => toString(node, { includeHtml: false });
  const walk = (node: Nodes, indent: string): void => {
    if ((node.type as string) === 'toml') return;
    switch (node.type) {
      case 'yaml':
      case 'html':
      case 'thematicBreak':
      case 'definition':
        return;
      case 'list':
        blocks.push(
          node.children
            .flatMap((item, n) =>
              item.children.map((child, i) => {
                if (child.type === 'list') {
                  const nested: string[] = [];
                  const before = blocks.length;
                  walk(child, `${indent}  `);
                  nested.push(...blocks.splice(before));
                  return nested.join('\n');
                }
                const bullet = node.ordered ? `${(node.start ?? 1) + n}. ` : '- ';
                return `${indent}${i === 0 ? bullet : ' '.repeat(bullet.length)}${words(child)}`;
              }),
            )
            .join('\n'),
        );
        return;
      case 'table':
        blocks.push(node.children.map((row) => row.children.map((cell) => words(cell).trim()).join(' | ')).join('\n'));
        return;
      case 'code':
        blocks.push(node.value);
        return;
      case 'root':
      case 'blockquote':
        for (const child of node.children) walk(child, indent);
        return;
      default:
        blocks.push(words(node));
    }
  };
  walk(tree, '');
  return blocks.filter((b) => b.trim() !== '').join('\n\n');
}
