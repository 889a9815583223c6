/**
 * The server's resident memory over a long load: VmRSS from /proc/<pid>/status every few
 * seconds, and whether it still grows once warmed up. "Growth" compares the highest reading
 * of the last window with the highest of the first window after the warm-up (maxima, not
 * single readings, so one garbage collection does not decide it); the least-squares slope
 * over every reading after the warm-up is shown next to it.
 */
import { performance } from 'node:perf_hooks';
import { readMemory } from '../memory.ts';

export interface RssSample {
  atS: number;
  rssMb: number;
}

export interface RssGrowth {
  samples: RssSample[];
  warmupS: number;
  windowS: number;
  firstWindowMaxMb: number;
  lastWindowMaxMb: number;
  /** lastWindowMax / firstWindowMax - 1 */
  growth: number;
  /** MB per minute after the warm-up. */
  slopeMbPerMin: number;
  peakMb: number;
}

export class RssSampler {
  readonly samples: RssSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private t0 = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 5_000,
  ) {}

  start(): void {
    this.t0 = performance.now();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }

  private sample(): void {
    const reading = readMemory(this.pid);
    if (reading) this.samples.push({ atS: (performance.now() - this.t0) / 1_000, rssMb: reading.rssKb / 1024 });
  }
}

export function rssGrowth(samples: RssSample[], warmupS: number, durationS: number): RssGrowth {
  const after = samples.filter((s) => s.atS >= warmupS);
  const windowS = Math.min(60, (durationS - warmupS) / 3);
  const maxOf = (list: RssSample[]) => Math.max(...list.map((s) => s.rssMb));
  const first = after.filter((s) => s.atS < warmupS + windowS);
  const last = after.filter((s) => s.atS >= durationS - windowS);
  const firstWindowMaxMb = first.length > 0 ? maxOf(first) : NaN;
  const lastWindowMaxMb = last.length > 0 ? maxOf(last) : NaN;
  const n = after.length;
  const meanT = after.reduce((a, s) => a + s.atS, 0) / n;
  const meanM = after.reduce((a, s) => a + s.rssMb, 0) / n;
  const cov = after.reduce((a, s) => a + (s.atS - meanT) * (s.rssMb - meanM), 0);
  const varT = after.reduce((a, s) => a + (s.atS - meanT) ** 2, 0);
  return {
    samples,
    warmupS,
    windowS,
    firstWindowMaxMb,
    lastWindowMaxMb,
    growth: lastWindowMaxMb / firstWindowMaxMb - 1,
    slopeMbPerMin: varT > 0 ? (cov / varT) * 60 : NaN,
    peakMb: samples.length > 0 ? maxOf(samples) : NaN,
  };
}
