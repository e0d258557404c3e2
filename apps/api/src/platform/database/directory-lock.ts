import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DirectoryLock {
  release(): void;
}

export type LockResult = { ok: true; lock: DirectoryLock } | { ok: false; message: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a data folder: a lock file holding our pid, created with O_EXCL.
 * A lock left by a process that no longer runs (killed, power loss) is taken over; a live one refuses.
 */
export function acquireDirectoryLock(dir: string): LockResult {
  const file = path.join(dir, 'nabij.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return {
        ok: true,
        lock: {
          release() {
            try {
              if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
            } catch {
              // already gone
            }
          },
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        return {
          ok: false,
          message:
            `The data folder ${path.resolve(dir)} is already in use by another Nabij process (pid ${owner}). ` +
            'Stop that process first, or set DATA_DIR to another folder.',
        };
      }
      unlinkSync(file); // stale lock of a process that is gone
    }
  }
  return { ok: false, message: `Could not lock the data folder ${path.resolve(dir)}.` };
}
