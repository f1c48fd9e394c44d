import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningProxy {
  base: string;
  stop(): Promise<void>;
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/**
 * nginx (Debian's package) in front of the instances, round robin per request, with the settings of
 * `docs/deploy/nginx.conf` that matter for the exam (keep-alive to the upstreams, forwarded address
 * and protocol, upload size) but plain HTTP on loopback and its files in a temporary prefix.
 */
export async function startProxy(ports: number[], port: number): Promise<RunningProxy> {
  if (!NGINX) throw new Error('Cần nginx cho nhiều tiến trình: apt-get install -y nginx-light');
  const prefix = mkdtempSync(join(tmpdir(), 'thuocdo-nginx-'));
  // nginx's workers run as an unprivileged user: they must reach the temporary files of large bodies.
  chmodSync(prefix, 0o755);
  mkdirSync(join(prefix, 'logs'));
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
worker_rlimit_nofile 40000;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 20000; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  upstream thuocdo {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
    keepalive 256;
  }
  server {
    listen 127.0.0.1:${port} backlog=8192;
    client_max_body_size 12m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_read_timeout 600s;
    location / {
      proxy_pass http://thuocdo;
      proxy_next_upstream error timeout;
    }
    # A save is idempotent (its sequence number): safe to retry on the other instance.
    location = /api/exam/save {
      proxy_pass http://thuocdo;
      proxy_next_upstream error timeout non_idempotent;
    }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', prefix, '-e', `${prefix}/logs/error.log`, '-c', conf], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = readFileSync(`${prefix}/logs/error.log`, 'utf8');
      throw new Error(`nginx không chạy được:\n${log}`);
    }
    const ok = await fetch(`${base}/api/exam/time`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error('nginx không trả lời sau 10 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
