import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent (headers and body, CRLF line ends, dot-stuffing removed). */
  raw: string;
}

/** An SMTP command the sink answers with a failure instead of 250 (e.g. 451 on RCPT: "try later"). */
export interface SinkRefusal {
  command: 'MAIL' | 'RCPT' | 'DATA';
  reply: string;
  /** Refuse RCPT only for this recipient. */
  address?: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Refuse a command from now on (null: accept everything again). */
  refuse(refusal: SinkRefusal | null): void;
  close(): Promise<void>;
}

/**
 * A tiny SMTP server for tests, on 127.0.0.1 and a free port: enough of RFC 5321 (EHLO/HELO, MAIL FROM,
 * RCPT TO, DATA, RSET, NOOP, QUIT) to accept what nodemailer sends, with no TLS and no authentication.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  let refusal: SinkRefusal | null = null;
  const sockets = new Set<Socket>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let inData = false;
    let dataLines: string[] = [];
    let from = '';
    let to: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);

    const command = (line: string) => {
      const verb = line.slice(0, 4).toUpperCase();
      const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
      const refused =
        refusal && refusal.command === verb && (!refusal.address || refusal.address === address)
          ? refusal.reply
          : null;
      switch (verb) {
        case 'EHLO':
          return reply('250-sink.test\r\n250 8BITMIME');
        case 'HELO':
          return reply('250 sink.test');
        case 'MAIL':
          if (refused) return reply(refused);
          from = address;
          to = [];
          return reply('250 OK');
        case 'RCPT':
          if (refused) return reply(refused);
          to.push(address);
          return reply('250 OK');
        case 'DATA':
          if (refused) return reply(refused);
          if (to.length === 0) return reply('503 RCPT first');
          inData = true;
          dataLines = [];
          return reply('354 End data with <CR><LF>.<CR><LF>');
        case 'RSET':
          from = '';
          to = [];
          return reply('250 OK');
        case 'NOOP':
          return reply('250 OK');
        case 'QUIT':
          reply('221 Bye');
          return socket.end();
        default:
          return reply('502 Command not implemented');
      }
    };

    socket.setEncoding('latin1');
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!inData) {
          command(line);
          continue;
        }
        if (line === '.') {
          inData = false;
          // Bytes were read as latin1 so that UTF-8 (8bit bodies) survives intact until decoded here.
          const raw = Buffer.from(dataLines.join('\r\n'), 'latin1').toString('utf8');
          messages.push({ from, to, raw });
          reply('250 OK queued');
        } else {
          dataLines.push(line.startsWith('..') ? line.slice(1) : line);
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse(r) {
      refusal = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) of a header value. */
export function decodeHeaderValue(value: string): string {
  // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
    (_m, _charset: string, enc: string, text: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) =>
                  String.fromCharCode(Number.parseInt(hex, 16)),
                ),
              'latin1',
            );
      return bytes.toString('utf8');
    },
  );
}

/** The headers (unfolded, names lower-cased) and the decoded text body of a single-part message. */
export function parseMail(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let text: string;
  if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable')
    text = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  else text = body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}
