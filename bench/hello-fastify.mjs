// The ceiling of the /health target (bench/README.md): a bare Fastify answering the same JSON
// as bench/hello-server.mjs, default options, no hooks or plugins — what the framework alone
// costs against node:http on this machine, measured in the same run.
import Fastify from 'fastify';

const body = { status: 'ok', version: '0.0.0' };
const app = Fastify();
app.get('/', async () => body);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening on ${url.replace('localhost', '127.0.0.1')}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
