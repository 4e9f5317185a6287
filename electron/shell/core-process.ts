// Forks the Electron-free core (dist/core/worker.mjs) in a utilityProcess and adapts it to the
// CoreWorker interface of the bridge.
import { utilityProcess } from 'electron';
import type { CoreWorker, WorkerRequest } from './core-bridge';

export interface CoreProcessEnv {
  UDC_DATA_DIR: string;
  UDC_WORKSTATION: string;
  UDC_SQLITE_BINDING?: string | undefined;
}

export function forkCoreWorker(modulePath: string, coreEnv: CoreProcessEnv): CoreWorker {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'NODE_OPTIONS') env[key] = value;
  }
  env.UDC_DATA_DIR = coreEnv.UDC_DATA_DIR;
  env.UDC_WORKSTATION = coreEnv.UDC_WORKSTATION;
  if (coreEnv.UDC_SQLITE_BINDING) env.UDC_SQLITE_BINDING = coreEnv.UDC_SQLITE_BINDING;
  else delete env.UDC_SQLITE_BINDING;

  const child = utilityProcess.fork(modulePath, [], {
    env,
    serviceName: 'Ufficio della Cittadinanza - core',
    stdio: 'inherit',
  });
  child.on('error', (type, location) => {
    console.error(`Errore grave nel processo del core (${type}) in ${location}.`);
  });
  return {
    postMessage: (message: WorkerRequest) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', (message: unknown) => listener(message));
    },
    onExit: (listener) => {
      child.on('exit', (code: number) => listener(code));
    },
    kill: () => {
      child.kill();
    },
  };
}
