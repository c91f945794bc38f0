export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __jxtServer?: { stop(): Promise<void> } }).__jxtServer;
  await server?.stop();
}
