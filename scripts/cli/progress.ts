/** `label done/total` on stderr, at most every `everyMs`, and always the final count. */
export interface Progress {
  tick(label: string, done: number, total: number): void;
  done(): void;
}

/** A throttled progress printer; silent when `out` is undefined. */
export function progress(out: ((line: string) => void) | undefined, everyMs = 250): Progress {
  let last = 0;
  let pending: string | undefined;
  return {
    tick(label, done, total) {
      if (!out) return;
      const line = `${label} ${done}/${total}`;
      const now = Date.now();
      if (done >= total || now - last >= everyMs) {
        out(line);
        last = now;
        pending = undefined;
      } else pending = line;
    },
    done() {
      if (out && pending) out(pending);
      pending = undefined;
    }
  };
}
