import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Independent checkers for the signing tests: poppler's pdfsig (NSS) and pdftotext, NSS certutil and
 * openssl. They are Debian packages (poppler-utils, libnss3-tools, openssl), not npm ones.
 */
export function missingTools(): string[] {
  return ['pdfsig', 'pdftotext', 'certutil', 'openssl'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
}

/** A scratch directory holding an NSS database that trusts the given CA, and the files to check. */
export class PopplerBench {
  readonly dir = mkdtempSync(join(tmpdir(), 'thuocdo-signing-'));
  private readonly nss = `sql:${join(this.dir, 'nss')}`;

  constructor(trustedCaPem: string) {
    mkdirSync(join(this.dir, 'nss'));
    execFileSync('certutil', ['-N', '-d', this.nss, '--empty-password']);
    const ca = join(this.dir, 'ca.pem');
    writeFileSync(ca, trustedCaPem);
    execFileSync('certutil', ['-A', '-d', this.nss, '-n', 'ca', '-t', 'CT,C,C', '-i', ca]);
  }

  /** Writes the bytes to a file in the scratch directory and returns its path. */
  file(name: string, bytes: Uint8Array): string {
    const path = join(this.dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  /** pdfsig's report on the file, against the NSS database (exit status ignored: it is 1 or 2 for bad signatures). */
  pdfsig(pdf: Uint8Array): string {
    const r = spawnSync('pdfsig', ['-nssdir', this.nss, this.file('check.pdf', pdf)], { encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`.normalize('NFC');
  }

  /** The PDF's text in reading order, NFC. */
  pdftotext(pdf: Uint8Array): string {
    return execFileSync('pdftotext', [this.file('text.pdf', pdf), '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
  }

  /** Runs openssl with the arguments; returns its status and output. */
  openssl(args: string[]): { status: number | null; output: string } {
    const r = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** pdfsig's report split per "Signature #n:" block, in file order. */
export function pdfsigBlocks(report: string): string[] {
  return report.split(/^Signature #\d+:$/m).slice(1);
}
