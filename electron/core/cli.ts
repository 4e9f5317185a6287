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
  sal payments --data-dir D --user U --password-file F --month AAAA-MM --out FILE.csv|FILE.xlsx
         Scrive l'elenco dei pagamenti SAL del mese (come Registro SAL → Pagamenti, registrato allo stesso modo)
         e stampa il percorso del file; serve un utente che può modificare il registro SAL (mediatore del lavoro).
  backup --data-dir D --user U --password-file F --to CARTELLA
         Fa un backup cifrato (archivio, allegati, file delle chiavi, manifesto) in CARTELLA e ne stampa il percorso.
  restore --data-dir NUOVA --from BACKUP --password-file F [--user U] [--recovery-key-file F]
         Verifica un backup e lo ripristina in una cartella nuova o vuota (mai sopra dati esistenti),
         aprendolo con la password di un suo utente o con la chiave di recupero; non chiede nulla.
  letter --data-dir D --user U --password-file F --template NOME (--appointment ID | --case NUMERO | --person CF | --tirocinio ID) --out FILE.pdf
         Stampa una lettera come il programma: la archivia cifrata nella cartella, la registra e scrive il PDF in FILE.
  letter --data-dir D --user U --password-file F --list
         Elenca i modelli di lettera.
  sync   --data-dir D --user U --password-file F [--folder CARTELLA]
         Un ciclo di sincronizzazione; stampa le modifiche inviate, i pacchetti ricevuti, le modifiche applicate e i rifiutati.
  sync enable --data-dir D --user U --password-file F --label "Narni – PC segreteria" [--folder CARTELLA]
         Attiva la sincronizzazione sulla prima postazione della zona.
  sync revoke --data-dir D --user U --password-file F (--node ID | --label "Amelia – PC segreteria")
         Revoca una postazione abbinata (un PC perso o rubato): i suoi pacchetti successivi sono rifiutati.
  sync pair --data-dir D --user U --password-file F --out FILE --passphrase-file P [--label L]
         Crea il file di abbinamento (protetto dalla frase segreta) e accanto la copia dei dati; stampa l'impronta.
  sync join --data-dir NUOVA --from FILE --passphrase-file P --folder CARTELLA --user U --password-file F
         Unisce una nuova postazione alla zona dal file di abbinamento e fa il primo ciclo (U un amministratore della zona).
  stats  --data-dir D --user U --password-file F [--json]
         Righe per tabella sincronizzata e impronta del contenuto: uguale su due sedi con gli stessi dati.
  bench  [--json] [--long] [--only unlock,storage,cartella,agenda,places,sal,sync,backup,letters]
         Misura le prestazioni (JSON con --json); con --only solo le parti indicate.

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
    case 'sal': {
      if (rest[0] !== 'payments') throw new UsageError('Comando sal sconosciuto: usa `sal payments`.');
      const { salPaymentsCommand } = await import('./cli/sal-command');
      return salPaymentsCommand(rest.slice(1));
    }
    case 'backup': {
      const { backupCommand } = await import('./cli/backup-command');
      return backupCommand(rest);
    }
    case 'restore': {
      const { restoreCommand } = await import('./cli/backup-command');
      return restoreCommand(rest);
    }
    case 'sync': {
      const { syncCommand } = await import('./cli/sync-command');
      return syncCommand(rest);
    }
    case 'stats': {
      const { statsCommand } = await import('./cli/sync-command');
      return statsCommand(rest);
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
