/**
 * Baseline for the throughput bench: a bare Fastify server answering GET /api/parties with
 * the real route's JSON body held in memory (read once from BODY_FILE), and /api/health.
 * Run as a child process by bench/http-throughput.ts: `PORT=… BODY_FILE=… node --import tsx bench/bare-server.ts`.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const port = Number(process.env.PORT);
const bodyFile = process.env.BODY_FILE;
if (!Number.isInteger(port) || port <= 0 || !bodyFile) {
  process.stderr.write('bare-server: set PORT and BODY_FILE\n');
  process.exit(1);
}
const body = readFileSync(bodyFile);

const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
app.get('/api/parties', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));

await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`bare Fastify listening on http://127.0.0.1:${port}\n`);

const stop = () => void app.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
