import { DEMO_CREDENTIALS } from './demo';

/** `npx tsx emulator/main.ts` (or `npm run emulator`): HOST, PORT and TOKEN_TTL_SECONDS from env. */
async function main(): Promise<void> {
  // graphql-js picks cheaper internal checks when loaded under NODE_ENV=production, so set it
  // before the (dynamic) import of the server. An explicit NODE_ENV is left alone.
  process.env.NODE_ENV ??= 'production';
  const { startEmulator } = await import('./server');
  const port = Number(process.env.PORT ?? 4000);
  const tokenTtlSeconds = Number(process.env.TOKEN_TTL_SECONDS ?? 900);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid PORT '${process.env.PORT}'`);
  }
  if (!Number.isFinite(tokenTtlSeconds) || tokenTtlSeconds <= 0) {
    throw new Error(`Invalid TOKEN_TTL_SECONDS '${process.env.TOKEN_TTL_SECONDS}'`);
  }
  const emu = await startEmulator({ port, host: process.env.HOST ?? '127.0.0.1', tokenTtlSeconds, warmUp: true });
  const c = DEMO_CREDENTIALS;
  console.log(
    `Choreo Insights emulator on ${emu.url} (token ${emu.tokenUrl}, API ${emu.apiUrl}) — demo credentials: ` +
      `consumer key ${c.consumerKey}, secret ${c.consumerSecret}, org handle ${c.orgHandle}, org UUID ${c.orgUuid}`
  );
  const stop = () => {
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
