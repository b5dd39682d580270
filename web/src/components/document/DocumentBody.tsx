import type { ReactNode } from 'react';
import type { FlatHeading } from './body-model';

export interface DocumentBodyProps {
  paragraphs: readonly string[];
  /** Paragraph index → the outline heading it opens. */
  headingAt: ReadonlyMap<number, FlatHeading>;
  /** Paragraphs shown as belonging to a task. */
  highlighted?: ReadonlySet<number>;
  /** What follows a paragraph (a task's units and deadline). */
  after?: (index: number) => ReactNode;
  /** Element id prefix, so the outline can scroll to a paragraph. */
  idPrefix?: string;
}

export const paragraphId = (prefix: string, index: number) => `${prefix}-${index}`;

/**
 * The body as paragraphs. A paragraph that is only a heading becomes a heading one level below
 * the page's section (h3 for 一、, h4 for （一）…), so a screen reader can walk the outline; a
 * heading that runs into its text stays a paragraph with the heading in bold.
 */
export function DocumentBody({ paragraphs, headingAt, highlighted, after, idPrefix = 'para' }: DocumentBodyProps) {
  return (
    <div className="doc-body">
      {paragraphs.map((text, index) => {
        const heading = headingAt.get(index);
        const id = paragraphId(idPrefix, index);
        const cls = highlighted?.has(index) ? 'doc-para doc-para-task' : 'doc-para';
        const extra = after?.(index);
        let content: ReactNode = text;
        if (heading) {
          const head = `${heading.node.label}${heading.node.heading}`;
          const only = text.replace(/\s+/g, '').length <= head.replace(/\s+/g, '').length + 1;
          if (only) {
            const level = Math.min(heading.depth + 2, 6);
            const Tag = `h${level}` as 'h3';
            return (
              <div key={index} className="doc-block">
                <Tag id={id} tabIndex={-1} className={`doc-heading doc-heading-${Math.min(heading.depth, 4)} ${highlighted?.has(index) ? 'doc-para-task' : ''}`}>
                  {text}
                </Tag>
                {extra}
              </div>
            );
          }
          if (text.startsWith(heading.node.label)) {
            const headEnd = text.indexOf(heading.node.heading);
            const cut = headEnd >= 0 ? headEnd + heading.node.heading.length : heading.node.label.length;
            content = (
              <>
                <strong>{text.slice(0, cut)}</strong>
                {text.slice(cut)}
              </>
            );
          }
        }
        return (
          <div key={index} className="doc-block">
            <p id={id} tabIndex={-1} className={cls}>
              {content}
            </p>
            {extra}
          </div>
        );
      })}
    </div>
  );
}
