import fs from 'node:fs';

export interface MemoryHit {
  needle: string;
  address: string;
  region: string;
}

const CHUNK = 8 * 1024 * 1024;

/**
 * Search every readable mapping of a live process (Linux, /proc/<pid>/mem; needs root or
 * ptrace rights) for byte strings. Regions the kernel refuses to read ([vvar], guard pages)
 * are skipped. Chunks overlap so a needle across a chunk boundary is still found.
 */
export function searchProcessMemory(pid: number, needles: Record<string, Buffer>): MemoryHit[] {
  const longest = Math.max(...Object.values(needles).map((n) => n.length));
  const hits: MemoryHit[] = [];
  const fd = fs.openSync(`/proc/${pid}/mem`, 'r');
  try {
    for (const line of fs.readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (!m || !m[3]!.startsWith('r')) continue;
      const start = BigInt(`0x${m[1]}`);
      const end = BigInt(`0x${m[2]}`);
      const region = m[4] || '[anonymous]';
      if (region === '[vvar]' || region === '[vsyscall]') continue;
      const buffer = Buffer.alloc(CHUNK + longest);
      for (let at = start; at < end; at += BigInt(CHUNK)) {
        const want = Number(end - at < BigInt(CHUNK + longest) ? end - at : BigInt(CHUNK + longest));
        let got: number;
        try {
          got = fs.readSync(fd, buffer, 0, want, at);
        } catch {
          break;
        }
        const view = buffer.subarray(0, got);
        for (const [name, needle] of Object.entries(needles)) {
          let i = view.indexOf(needle);
          while (i !== -1 && i < CHUNK) {
            hits.push({ needle: name, address: `0x${(at + BigInt(i)).toString(16)}`, region });
            i = view.indexOf(needle, i + 1);
          }
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return hits;
}
