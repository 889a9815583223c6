/**
 * Memory of a server process, read from /proc/<pid>/status every `intervalMs`:
 * VmRSS (resident now) and VmHWM (the kernel's peak of VmRSS). The peak can be reset
 * (`echo 5 > /proc/<pid>/clear_refs`) so that VmHWM covers one phase, such as a load run.
 * Also reads the process's CPU time from /proc/<pid>/stat. Linux only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export interface MemoryReading {
  rssKb: number;
  hwmKb: number;
}

export function readMemory(pid: number): MemoryReading | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const reading = { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
  return Number.isFinite(reading.rssKb) && Number.isFinite(reading.hwmKb) ? reading : undefined;
}

let clockTicks: number | undefined;

/** Seconds of CPU (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  clockTicks ??= (() => {
    try {
      return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      return 100;
    }
  })();
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "(comm)": state is field 3, utime 14 and stime 15 (1-based, man 5 proc).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private latest: MemoryReading | undefined;
  private maxRssKb = 0;
  /** False when the kernel refused the peak reset; maxSampledRssKb then stands in for VmHWM. */
  resetWorked = true;

  constructor(
    private readonly pid: number,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private sample(): void {
    const reading = readMemory(this.pid);
    if (!reading) return;
    this.latest = reading;
    this.maxRssKb = Math.max(this.maxRssKb, reading.rssKb);
  }

  /** The latest reading, taken now. */
  now(): MemoryReading {
    this.sample();
    if (!this.latest) throw new Error(`Cannot read /proc/${this.pid}/status`);
    return this.latest;
  }

  /** Starts a new phase: resets the kernel's VmHWM and the sampled maximum to the current RSS. */
  resetPeak(): void {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
    } catch {
      this.resetWorked = false;
    }
    this.maxRssKb = 0;
    this.sample();
  }

  /** Highest VmRSS among the samples since the last reset. */
  get maxSampledRssKb(): number {
    return this.maxRssKb;
  }
}

export const mb = (kb: number) => kb / 1024;
