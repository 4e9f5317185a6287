import { UsageError } from './cli/args';
import { CliError } from './cli/session';
import { auditVerifyCommand, initCommand, serveCommand } from './cli/commands';
import { APP_VERSION } from './version';

const USAGE = `Ufficio della Cittadinanza ${APP_VERSION} - strumenti per l'assistenza informatica

Uso: udc <comando> [opzioni]   (dal progetto: npm run cli -- <comando> [opzioni])

  init   --data-dir D --admin-user U --admin-password-file F [--admin-name "Nome Cognome"] [--recovery-key-file F]
         Configura una nuova postazione con la Zona Sociale 11 e il primo amministratore.
  serve  [--data-dir D] [--port P] [--no-open]
         Avvia il programma in modalità browser su 127.0.0.1; si chiude in ordine con Ctrl-C, SIGTERM o SIGHUP.
  audit verify --data-dir D --user U --password-file F [--json]
         Verifica la catena del registro degli accessi (esce con 1 se è interrotta).
  seed   --data-dir D --user U --password-file F --persons N [--seed S] [--diary-per-case K] [--manifest FILE]
         Carica dati dimostrativi sintetici (persone, nuclei, cartelle, diario, agenda) in una zona appena creata;
         con --manifest scrive in FILE (JSON) i conteggi e qualche identificativo di ciò che ha creato.
  letter --data-dir D --user U --password-file F --template NOME (--appointment ID | --case NUMERO | --person CF | --tirocinio ID) --out FILE.pdf
         Stampa una lettera come il programma: la archivia cifrata nella cartella, la registra e scrive il PDF in FILE.
  letter --data-dir D --user U --password-file F --list
         Elenca i modelli di lettera.
  bench  [--json] [--long]
         Misura le prestazioni (JSON con --json).

Le password si passano sempre in un file (--password-file), mai sulla riga di comando.
Ogni comando che apre una cartella dati accede come un utente ed è registrato nel registro.`;

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  switch (verb) {
    case 'init':
      return initCommand(rest);
    case 'serve':
      return serveCommand(rest);
    case 'audit':
      if (rest[0] === 'verify') return auditVerifyCommand(rest.slice(1));
      throw new UsageError('Comando audit sconosciuto: usa `audit verify`.');
    case 'seed': {
      const { seedCommand } = await import('./cli/seed-command');
      return seedCommand(rest);
    }
    case 'letter': {
      const { letterCommand } = await import('./cli/letter-command');
      return letterCommand(rest);
    }
    case 'bench': {
      const { benchCommand } = await import('./bench/bench-command');
      return benchCommand(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return verb === undefined ? 1 : 0;
    default:
      throw new UsageError(`Comando sconosciuto: ${verb}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof CliError || error instanceof Error) {
      console.error(`Errore: ${error.message}`);
      process.exitCode = 1;
    } else {
      console.error('Errore imprevisto.');
      process.exitCode = 1;
    }
  },
);
