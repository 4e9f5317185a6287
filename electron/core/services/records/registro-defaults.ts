import type { RegistroFieldsData } from '../../../../shared/contracts/records';

/**
 * What a zone's record says until its coordinator edits it: the processing this program does
 * for an Ufficio della Cittadinanza (L. 328/2000), in the words the Garante's model uses.
 */
export function defaultRegistro(ente: string): RegistroFieldsData {
  return {
    titolare: ente,
    titolareContatti: '',
    dpo: '',
    dpoContatti: '',
    finalita:
      'Servizio sociale professionale e segretariato sociale dell’Ufficio della Cittadinanza (L. 328/2000): accesso, valutazione, presa in carico, progetto personalizzato, interventi ed erogazioni; servizio di accompagnamento al lavoro (SAL) e tirocini extracurricolari; agenda degli appuntamenti; lettere e moduli; statistiche anonime per l’Ufficio di Piano e flussi informativi verso SISO e SIUSS.',
    basiGiuridiche:
      'Art. 6, par. 1, lett. c) ed e) GDPR (obbligo di legge, compito di interesse pubblico); art. 9, par. 2, lett. g) e h) GDPR e art. 2-sexies D.Lgs. 196/2003 (interesse pubblico rilevante: assistenza sociale); consenso specifico dove richiesto (comunicazione all’azienda ospitante di un tirocinio).',
    categorieInteressati:
      'Persone che si rivolgono al servizio e loro familiari o conviventi; tutori e amministratori di sostegno; beneficiari del SAL; referenti e tutor delle aziende ospitanti; operatori della zona che usano il programma.',
    categorieDati:
      'Dati anagrafici e di contatto, codice fiscale; nucleo familiare; situazione economica (ISEE); istruzione e lavoro; dati relativi alla salute e alla disabilità (art. 9 GDPR); dati giudiziari dove il servizio lo richiede (art. 10 GDPR); diario dei colloqui, progetti, interventi, documenti e allegati della cartella sociale.',
    destinatari:
      'Operatori autorizzati dell’Ufficio della Cittadinanza secondo il profilo; comuni della zona; Regione Umbria (SISO) e INPS (SIUSS) per i flussi previsti dalla legge; autorità giudiziaria su richiesta; aziende ospitanti dei tirocini, solo con il consenso dell’interessato.',
    trasferimenti: 'Nessuno: i dati restano nel database cifrato delle postazioni della zona e nella cartella di sincronizzazione, cifrata.',
    misureAggiuntive: '',
  };
}

/** What this program does to protect the data: printed as it is, so the record cannot overstate it. */
export function programMeasures(idleMinutes: number, years: number): string[] {
  return [
    'Database cifrato (SQLCipher 4, AES-256) con chiave casuale; la chiave è protetta per ogni utente dalla sua password (scrypt) e da una chiave di recupero stampata all’installazione.',
    'Profili di accesso con negazione predefinita, controllati a ogni richiesta; accesso in emergenza solo motivato, a tempo e segnalato al coordinatore.',
    'Registro di ogni consultazione, modifica, stampa ed esportazione di dati personali e di ogni azione amministrativa: a sola aggiunta, concatenato con SHA-256 e ancorato fuori dal database (file delle chiavi, backup).',
    `Blocco automatico della sessione dopo ${idleMinutes} minuti di inattività; password con regole minime e tentativi limitati.`,
    'Allegati e documenti cifrati; nomi di file generati dal programma; nessun dato personale nei nomi dei file, nei titoli delle finestre, negli indirizzi o nei log tecnici.',
    'Backup cifrati con la stessa chiave, verifica del ripristino e della catena del registro.',
    'Sincronizzazione tra le sedi con pacchetti cifrati e autenticati (AES-256-GCM) e firmati dalla postazione che li invia.',
    `Cartelle chiuse da oltre ${years} anni proposte per lo scarto, eseguito solo con l’autorizzazione registrata e dopo un’esportazione cifrata.`,
  ];
}
