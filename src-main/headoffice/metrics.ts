/** Counters for the /metrics endpoint (Prometheus text format); per process, reset on restart. */
export class Metrics {
  private readonly counters = new Map<string, number>();

  add(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  render(gauges: Record<string, number>): string {
    const lines: string[] = [];
    for (const [name, value] of [...this.counters.entries()].sort()) lines.push(`# TYPE mamen_${name} counter`, `mamen_${name} ${value}`);
    for (const [name, value] of Object.entries(gauges)) lines.push(`# TYPE mamen_${name} gauge`, `mamen_${name} ${value}`);
    return `${lines.join('\n')}\n`;
  }
}
