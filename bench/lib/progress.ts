/**
 * A one-line progress bar on stderr. On a terminal it redraws in place; in a
 * log (CI, a pipe) it prints a line every 10% so the output stays short.
 */
export class ProgressBar {
  private done = 0;
  private lastDecile = -1;
  private lastDraw = 0;
  private readonly started = performance.now();
  private readonly tty = process.stderr.isTTY === true;
  private note = "";

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = "",
  ) {
    this.draw(true);
  }

  tick(amount = 1): void {
    this.done = Math.min(this.total, this.done + amount);
    this.draw(false);
  }

  /** Extra text after the counts, e.g. a second counter. */
  setNote(note: string): void {
    this.note = note;
    this.draw(false);
  }

  set(value: number): void {
    this.done = Math.min(this.total, value);
    this.draw(false);
  }

  finish(note = ""): number {
    this.done = this.total;
    const seconds = (performance.now() - this.started) / 1000;
    const line = this.line();
    if (this.tty) process.stderr.write(`\r${line}${note ? `  ${note}` : ""}\x1b[K\n`);
    else process.stderr.write(`${line}${note ? `  ${note}` : ""}\n`);
    return seconds;
  }

  private line(): string {
    const width = 30;
    const ratio = this.total === 0 ? 1 : this.done / this.total;
    const filled = Math.round(ratio * width);
    const seconds = (performance.now() - this.started) / 1000;
    const count = `${this.done.toLocaleString("en-US")}/${this.total.toLocaleString("en-US")}${this.unit}`;
    return `${this.label.padEnd(26)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${(ratio * 100)
      .toFixed(0)
      .padStart(3)}% ${count} ${seconds.toFixed(1)}s${this.note ? ` ${this.note}` : ""}`;
  }

  private draw(force: boolean): void {
    if (this.tty) {
      const now = performance.now();
      if (!force && now - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = now;
      process.stderr.write(`\r${this.line()}\x1b[K`);
      return;
    }
    const decile = this.total === 0 ? 10 : Math.floor((this.done / this.total) * 10);
    if (decile !== this.lastDecile && decile < 10) {
      this.lastDecile = decile;
      process.stderr.write(`${this.line()}\n`);
    }
  }
}

export const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};
