// What every bench figure needs: quantiles of samples, and the machine's load beside the figures
// (the development VM is shared: a figure taken under load says so).
import { cpus, loadavg } from 'node:os';

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function machineLoad(): string {
  const [one, five] = loadavg();
  return `机器负载（1 分钟 / 5 分钟平均，${cpus().length} 核）：${one!.toFixed(2)} / ${five!.toFixed(2)}`;
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
