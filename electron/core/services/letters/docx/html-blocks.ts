/**
 * The composed letter's body (HTML our engine produced from a template: escaped values, a known
 * set of tags and classes) read into the blocks a Word document is made of. Not a general HTML
 * parser: it reads what a letter template may contain and keeps unknown tags' text.
 */

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  small: boolean;
  /** A line break before the text (`<br>`, or a new line in a free-text part). */
  br: boolean;
}

export interface Para {
  kind: 'p';
  heading: 0 | 1 | 2;
  runs: Run[];
  /** Inside a `riquadro` box. */
  box: boolean;
  center: boolean;
  /** «1. » or «• » with a hanging indent; the level counts from 1. */
  list: { marker: string; level: number } | null;
  /** The signature's line to sign on: an empty paragraph with a bottom border. */
  rule: boolean;
}

export interface Cell {
  blocks: Block[];
  header: boolean;
}

export interface Row {
  cells: Cell[];
  shaded: boolean;
}

export interface Table {
  kind: 'table';
  rows: Row[];
  /** A signature block is laid out as a borderless table (side by side, like the PDF). */
  borders: boolean;
}

export type Block = Para | Table;

interface Element {
  tag: string;
  classes: string[];
  /** The blocks list this element's content goes to (a cell's, or the outer one). */
  sink: Block[];
  list?: { ordered: boolean; next: number };
  table?: Table;
  cell?: boolean;
}

const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'li', 'ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'main', 'section']);
const VOID_TAGS = new Set(['br', 'hr', 'img']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return ENTITIES[code.toLowerCase()] ?? all;
  });
}

function classesOf(attrs: string): string[] {
  const m = /class\s*=\s*"([^"]*)"|class\s*=\s*'([^']*)'/i.exec(attrs);
  return (m?.[1] ?? m?.[2] ?? '').split(/\s+/).filter((c) => c !== '');
}

class Reader {
  readonly blocks: Block[] = [];
  private readonly stack: Element[] = [];
  private current: Para | null = null;

  private get sink(): Block[] {
    return this.stack.at(-1)?.sink ?? this.blocks;
  }

  private has(test: (e: Element) => boolean): boolean {
    return this.stack.some(test);
  }

  private flush(): void {
    const p = this.current;
    this.current = null;
    if (!p) return;
    const last = p.runs.at(-1);
    if (last && !last.br) last.text = last.text.replace(/\s+$/, '');
    const runs = p.runs.filter((r) => r.text !== '' || r.br);
    if (runs.length === 0 && !p.rule && !p.list) return;
    this.sink.push({ ...p, runs });
  }

  private paragraph(): Para {
    if (this.current) return this.current;
    const heading = this.has((e) => e.tag === 'h1') ? 1 : this.has((e) => e.tag === 'h2' || e.tag === 'h3') ? 2 : 0;
    const inFirma = this.has((e) => e.classes.includes('firma'));
    this.current = { kind: 'p', heading, runs: [], box: this.has((e) => e.classes.includes('riquadro')), center: inFirma, list: null, rule: false };
    return this.current;
  }

  private run(text: string, br: boolean): void {
    const p = this.paragraph();
    p.runs.push({
      text,
      br,
      bold: this.has((e) => ['strong', 'b', 'th'].includes(e.tag) || e.classes.includes('oggetto') || (e.classes.includes('nome') && e.tag === 'div')),
      italic: this.has((e) => e.tag === 'em' || e.tag === 'i'),
      underline: this.has((e) => e.tag === 'u' || e.classes.includes('campo')),
      small: this.has((e) => e.classes.includes('piccolo')),
    });
  }

  text(raw: string): void {
    const pre = this.has((e) => e.classes.includes('testo-libero'));
    const decoded = decodeEntities(raw);
    if (pre) {
      decoded.split('\n').forEach((line, i) => {
        if (i > 0 || line !== '') this.run(line, i > 0);
      });
      return;
    }
    let collapsed = decoded.replace(/[ \t\r\n\f]+/g, ' ');
    if (!this.current || this.current.runs.length === 0 || this.current.runs.at(-1)?.br) collapsed = collapsed.replace(/^ /, '');
    else if (this.current.runs.at(-1)?.text.endsWith(' ')) collapsed = collapsed.replace(/^ /, '');
    if (collapsed !== '') this.run(collapsed, false);
  }

  open(tag: string, attrs: string): void {
    const classes = classesOf(attrs);
    if (tag === 'br') {
      this.run('', true);
      return;
    }
    if (VOID_TAGS.has(tag)) return;
    if (BLOCK_TAGS.has(tag)) this.flush();
    const parent = this.stack.at(-1);
    const el: Element = { tag, classes, sink: this.sink };
    if (tag === 'ul' || tag === 'ol') el.list = { ordered: tag === 'ol', next: 1 };
    if (tag === 'table' || classes.includes('firma')) {
      el.table = { kind: 'table', rows: [], borders: tag === 'table' };
      this.sink.push(el.table);
      if (classes.includes('firma')) el.table.rows.push({ cells: [], shaded: false });
    }
    const table = [...this.stack].reverse().find((e) => e.table)?.table;
    if (tag === 'tr' && table) table.rows.push({ cells: [], shaded: classes.includes('festivo') });
    const cellOf = (header: boolean) => {
      const row = table?.rows.at(-1);
      if (!row) return;
      const cell: Cell = { blocks: [], header };
      row.cells.push(cell);
      el.sink = cell.blocks;
      el.cell = true;
    };
    if ((tag === 'td' || tag === 'th') && table) cellOf(tag === 'th');
    else if (tag === 'div' && parent?.classes.includes('firma') && table) cellOf(false);
    this.stack.push(el);
    if (classes.includes('linea')) {
      this.sink.push({ kind: 'p', heading: 0, runs: [], box: false, center: true, list: null, rule: true });
    }
    if (tag === 'li') {
      const list = [...this.stack].reverse().find((e) => e.list);
      const level = this.stack.filter((e) => e.list).length;
      const marker = list?.list ? (list.list.ordered ? `${list.list.next++}.` : '•') : '•';
      this.paragraph().list = { marker, level: Math.max(level, 1) };
    }
  }

  close(tag: string): void {
    if (VOID_TAGS.has(tag)) return;
    const at = this.stack.map((e) => e.tag).lastIndexOf(tag);
    if (at < 0) return;
    if (BLOCK_TAGS.has(tag) || this.stack.slice(at).some((e) => BLOCK_TAGS.has(e.tag))) this.flush();
    this.stack.length = at;
  }

  end(): Block[] {
    this.flush();
    return this.blocks;
  }
}

/** Read a letter body into paragraphs and tables. Comments, scripts and styles are dropped. */
export function htmlBlocks(html: string): Block[] {
  const reader = new Reader();
  const clean = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  const token = /<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)|</g;
  for (const m of clean.matchAll(token)) {
    const [all, tag, attrs, text] = m;
    if (text !== undefined) reader.text(text);
    else if (tag === undefined) reader.text(all);
    else if (all.startsWith('</')) reader.close(tag.toLowerCase());
    else reader.open(tag.toLowerCase(), attrs ?? '');
  }
  return reader.end();
}
