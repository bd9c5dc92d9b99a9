// A progress bar for a long ingest, on a terminal only: documents done of all, figures stored.
// Redrawn in place on stderr at most ten times a second; text printed meanwhile goes above it.
// Where stderr is not a terminal (a pipe, a log, CI) it prints nothing.
import type { Progress } from './run.ts';

const WIDTH = 24;

export interface ProgressBar {
  update(progress: Progress): void;
  /** Prints text on stdout above the bar. */
  print(text: string): void;
  done(): void;
}

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, print: (text) => console.log(text), done() {} };
  let last: Progress | null = null;
  let drawnAt = 0;
  let shown = false;
  const draw = () => {
    if (!last) return;
    const filled = last.total ? Math.round((WIDTH * last.done) / last.total) : WIDTH;
    stream.write(`\r\x1b[2K入库 [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${last.done}/${last.total} 份文档 · 已存 ${grouped(last.figures)} 个数`);
    shown = true;
  };
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    update(progress) {
      last = progress;
      const now = Date.now();
      if (now - drawnAt >= 100 || progress.done === progress.total) {
        drawnAt = now;
        draw();
      }
    },
    print(text) {
      clear();
      console.log(text);
      draw();
    },
    done() {
      clear();
    },
  };
}
