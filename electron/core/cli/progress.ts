/** The part of a stream progress needs; process.stdout in the CLI, a collector in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Progress of a long step. On a terminal one line is rewritten in place; redirected to a file
 * or a pipe, where `\r` would run the updates together, each update is a line of its own.
 */
export function progressLine(stream: ProgressStream): { update(text: string): void; done(): void } {
  const tty = stream.isTTY === true;
  let open = false;
  return {
    update(text) {
      if (tty) {
        stream.write(`\r${text}\x1b[K`);
        open = true;
      } else {
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}
